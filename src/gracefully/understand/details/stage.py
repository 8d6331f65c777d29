"""How far the candidate got: the furthest step the text shows.

Patterns read lower-cased text. A rejection that names no later step was
decided on the application (that is how the labels read it too), so any
mention of the application, or of a decision about the candidate, reaches
`application`; `unknown` is left for mail that says nothing of the kind. A
later step overrides it because the decision keeps the highest `Stage.rank`.
An invitation or a refusal to interview is not an interview, hence the
must-nots.
"""

from __future__ import annotations

from gracefully.domain import Stage
from gracefully.understand.details.engine import Rule, Where
from gracefully.understand.details.policy import any_apostrophe

F = "stage"
_RECORDED = r"(?:one-way|on-demand|recorded|pre-recorded|asynchronous|async) video|hirevue"
"""A video interview the candidate records alone is an assessment task, not a meeting."""
_NOT_HELD = (
    r"invit\w*|offer you an|extend you an|schedule|(?:not|n't|unable to)\s+(?:\w+\s+){0,3}"
    r"(?:interview|speak|meet)|no\s+interview|to interview you|selected for an? interview"
    r"|" + _RECORDED
)
_TALK = (
    r"(?:interview(?:ing)?|meet(?:ing)?|speak(?:ing)?|talk(?:ing)?|chat(?:ting)?|connect(?:ing)?)"
)
_TEST = (
    r"(?:(?:coding |technical |online |take[- ]home |skills? |written )?"
    r"(?:assessment|assignment|challenge|exercise|test|case study|task|questionnaire|hackerrank"
    r"|codility|work sample)|take[- ]homes?)"
)
_RECRUITING = (
    r"(?:our|the) (?:recruit\w*|talent(?: acquisition)?|hr|people) (?:team|partners?|"
    r"coordinators?|staff)\b"
)
"""A talk with the recruiting team is a screen, not an interview with the hiring team."""
INTERVIEW, SCREEN, TEST, APPLIED = (
    Stage.INTERVIEW,
    Stage.SCREEN,
    Stage.ASSESSMENT,
    Stage.APPLICATION,
)

RULES: tuple[Rule, ...] = any_apostrophe(
    # interview
    Rule(
        "thanks-for-interviewing",
        F,
        INTERVIEW,
        r"thank(?:s| you)[^.\n]{0,40}?\b(?:for\s+)?(?:taking\s+the\s+time\s+to\s+|your\s+time\s+)?"
        r"(?:interview(?:ing)?|meet(?:ing)?)\s+(?:with|for)\b",
        unless=_NOT_HELD,
    ),
    Rule(
        "thanks-for-speaking-with-team",
        F,
        INTERVIEW,
        r"thank(?:s| you)[^.\n]{0,40}?\b(?:speak|talk|chat)(?:ing)?\s+(?:with|to)\s+"
        r"(?:us|our (?:hiring |interview )?team|the (?:hiring |interview )?team|several|members)",
        unless=_NOT_HELD,
    ),
    Rule("thanks-for-interviewing-bare", F, INTERVIEW, r"thank(?:s| you) for interviewing\b"),
    Rule(
        "took-time-to-speak",
        F,
        INTERVIEW,
        r"\b(?:took|taking|take|spent|spending)\s+(?:the\s+)?time\s+to\s+"
        + _TALK
        + r"\s+(?:with|to)\s+(?:us|our|the|several|members|[a-z]+ and)\b",
        unless=_NOT_HELD + r"|\b" + _RECRUITING,
    ),
    Rule(
        "your-interview",
        F,
        INTERVIEW,
        r"\b(?:after|following|since|from|during|in|on|with|regarding|about)\s+(?:your|the|our)\s+"
        r"(?:recent\s+)?"
        r"(?:final[- ]round |on-?site |onsite |panel |second |virtual |video |in-person )?"
        r"(?:interviews?|conversations? with the team|o"
        r"n-?site)\b(?! (?:invitation|request|process))",
        unless=_NOT_HELD + r"|interview process",
    ),
    Rule(
        "you-interviewed",
        F,
        INTERVIEW,
        r"\byou(?:'ve| have)?\s+(?:interviewed|met with (?:the|our|several|members))|"
        r"\byour (?:interviews?|time) with (?:us|the team|our team)\b",
        unless=_NOT_HELD,
    ),
    Rule(
        "enjoyed-meeting",
        F,
        INTERVIEW,
        r"\b(?:enjoyed|pleasure|great|nice|good)\s+(?:\w+\s+){0,2}(?:meeting|getting to know|"
        r"learning (?:more )?about) you\b",
    ),
    Rule(
        "final-round",
        F,
        INTERVIEW,
        r"\b(?:final|last|onsite|on-site|panel) (?:round|stage|interview)s?\b",
        unless=_NOT_HELD,
    ),
    Rule("meet-the-team", F, INTERVIEW, r"\bmeet(?:ing)? the team\b", unless=_NOT_HELD),
    Rule(
        "through-interview-process",
        F,
        INTERVIEW,
        r"\b(?:go|going|went|gone|been) through (?:our|the|your) (?:\w+ )?interview process\b",
    ),
    Rule(
        "interviewers-feedback",
        F,
        INTERVIEW,
        r"\b(?:interviewers|interview panel|the panel|the people you met|everyone you met)\b",
    ),
    Rule(
        "de-gespraech", F, INTERVIEW, r"\b(?:vorstellungsgespräch|gespräch mit uns|das gespräch)\b"
    ),
    Rule(
        "fr-entretien",
        F,
        INTERVIEW,
        r"\b(?:suite à|merci pour|lors de) (?:notre|votre|l')\s?entretien",
    ),
    Rule(
        "es-entrevista",
        F,
        INTERVIEW,
        r"\b(?:tras|después de|gracias por|en) (?:la|su|nuestra) entrevista",
    ),
    Rule(
        "nl-gesprek",
        F,
        INTERVIEW,
        r"\b(?:bedankt voor|naar aanleiding van|voor|na) (?:het|ons) (?:sollicitatie)?gesprek\b"
        r"(?! (?:in|op) )",
    ),
    # screen
    Rule(
        "phone-screen",
        F,
        SCREEN,
        r"\b(?:phone|initial|introductory|intro|screening|recruiter|first)[- ]"
        r"(?:screen(?:ing)?|call|conversation|chat|interview)\b",
        unless=_NOT_HELD,
    ),
    Rule(
        "speaking-with-me",
        F,
        SCREEN,
        r"thank(?:s| you)[^.\n]{0,40}?\b(?:speak|talk|chat)(?:ing)?\s+(?:with|to)\s+me\b|"
        r"\bthank(?:s| you)(?: again| a million)? for the (?:call|chat|conversation)\b|"
        r"\b(?:chatting|speaking|talking) (?:with|to) you on the phone\b|"
        r"\b(?:our|my) (?:recent |brief |short )?(?:video |phone |zoom |teams )?"
        r"(?:call|conversation|chat)\b"
        r"(?! (?:invitation|request))|\b" + _TALK + r"\s+(?:with|to)\s+" + _RECRUITING,
        unless=_NOT_HELD,
    ),
    # assessment
    Rule(
        "reviewed-test",
        F,
        TEST,
        r"\b(?:review(?:ing|ed)?|after|following|r"
        r"esults? of|completing|complete|completed|(?:went|gone|going|go) through|looked at|"
        r"submitted|submission of|evaluat\w+|for taking)\s+"
        r"(?:the time to complete\s+)?(?:your|the|our)\s+"
        r"(?:[\w-]+\s+){0,3}" + _TEST + r"\b",
        unless=r"invit\w*|please complete|link to|deadline|within \d|you will receive",
    ),
    Rule("test-results", F, TEST, _TEST + r" (?:results|submission|score)\b"),
    Rule(
        "recorded-video",
        F,
        TEST,
        r"\b(?:" + _RECORDED + r")\b|\bvideo (?:interview )?(?:responses|submission|recording)\b",
        unless=r"please (?:complete|record)|link to|deadline|within \d|you will receive",
    ),
    # application
    Rule(
        "reviewed-application",
        F,
        APPLIED,
        r"\b(?:application|applying|applied|resume|résumé|cv|candidacy|candidature|profile"
        r"|bewerbung|candidatura|sollicitatie|vacature)\b",
    ),
    Rule(
        "subject-application",
        F,
        APPLIED,
        r"\b(?:application|applying|applied|candidacy|resume|interest in)\b",
        where=Where.SUBJECT,
    ),
    Rule(
        "decision-on-candidate",
        F,
        APPLIED,
        r"\b(?:interest in|move forward|moving forward|proceed|selected|consideration|consider you"
        r"|not (?:a|the right) (?:match|fit)|position|role|opportunity|opening)\b",
    ),
)
