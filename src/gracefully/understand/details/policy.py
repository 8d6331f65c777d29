"""What the employer says about what happens next: feedback, the file, reapplying,
another role, and whether the door is closed.

Patterns read lower-cased text. Feedback values are decided by precedence
(given > refused > offered, see `FEEDBACK_ORDER`): when an email both refuses
feedback and says something that looks like an offer, the refusal is the
safer reading, because the planner must never ask for feedback that was refused.

`door_closed` is reserved for the employer not wanting further contact about
this decision or future applications ("we will not consider future
applications", "we cannot respond to further correspondence"). "Please do not
reply to this email" or "this mailbox is not monitored" only say the sending
address is unattended: they set `no_reply` (see `senders.py`), which stops a
reply to that address but not a note to a human contact.
"""

from __future__ import annotations

from dataclasses import replace

from gracefully.domain import Feedback
from gracefully.understand.details.engine import Rule

APOSTROPHE = "(?:'|’|â€™)"
"""An apostrophe as mail writes it: straight, curly, or curly decoded as Latin-1 ("canâ€™t")."""


def any_apostrophe(*rules: Rule) -> tuple[Rule, ...]:
    """The rules with every apostrophe read as `APOSTROPHE`.

    The tables are written with a straight apostrophe ("can't", "we'll"), but much
    real mail has "can’t" or its mojibake, and a refusal is no less a refusal then.
    Patterns here keep apostrophes out of character classes, so a plain replace is safe.
    """
    return tuple(
        replace(
            r, pattern=r.pattern.replace("'", APOSTROPHE), unless=r.unless.replace("'", APOSTROPHE)
        )
        for r in rules
    )


FEEDBACK_ORDER = (Feedback.GIVEN, Feedback.REFUSED, Feedback.OFFERED)
_CANNOT = (
    r"(?:unable|not able|cannot|can't|can not|won't be able|will not be able|are not in a position"
    r"|aren't in a position|not possible|do not|don't|does not|doesn't|will not|won't|are not|"
    r"aren't|is not|isn't|not|no longer)"
)
_GIVE = r"(?:provide|give|offer|share|supply|send|respond to requests for|discuss|furnish)"
_DOCS = r"(?:resume|résumé|cv|profile|information|info|details|application|background|data|contact)"
_NEG = r"\bnot\b|n't|unable|cannot"

FEEDBACK: tuple[Rule, ...] = any_apostrophe(
    Rule(
        "feedback-refused",
        "feedback",
        Feedback.REFUSED,
        _CANNOT + r"\s+(?:\w+\s+){0,2}" + _GIVE + r"\s+(?:\w+\s+){0,3}(?:feedback|"
        r"explanations?|reasons|details (?:about|on|regarding) (?:the|our|this) decision)\b|"
        r"\bfeedback\b[^.\n]{0,60}?\b(?:will not|won't|cannot|can't|can not|is not|isn't|are not"
        r"|not)\s+(?:be\s+)?(?:shared|provided|given|available|possible|discussed|offered)\b|"
        r"\b(?:policy|practice) (?:is )?not to (?:\w+ )?" + _GIVE + r"|\bno (?:individual|"
        r"personal|specific|detailed)? ?feedback\b|\bkein(?:e|en)? (?:individuelle[ns]? |"
        r"detaillierte[ns]? )?(?:feedback|rückmeldung)|\bne (?:pouvons|sommes) pas [^.]{0,40}"
        r"(?:retour|commentaires)|\bno (?:podemos|es posible) (?:\w+ ){0,2}(?:retroalimentación|"
        r"comentarios|feedback)|\bgeen (?:individuele |persoonlijke |inhoudelijke )?feedback\b",
        unless=r"how we can improve|survey|your feedback\b",
    ),
    Rule(
        "feedback-offered",
        "feedback",
        Feedback.OFFERED,
        r"\b(?:happy|glad|welcome|pleased|willing|available|free)\s+to\s+(?:\w+\s+){0,2}"
        r"(?:share|provide|give|offer|discuss|go over|walk you through)\s+(?:\w+\s+){0,3}"
        r"(?:feedback|pointers|advice)\b|\b(?:if|should) you(?:'d| would)? (?:like|want|wish|are "
        r"interested in)\s+(?:\w+\s+){0,3}"
        r"feedback\b|\bfeedback (?:is )?(?:available|possible) (?:on|upon) request\b|"
        r"\b(?:call|chat|conversation) to (?:discuss|share|go over|walk through)\s+(?:\w+\s+){0,2}"
        r"(?:feedback|the decision|your (?:interview|assessment|application))\b|\breach out "
        r"(?:\w+\s+){0,3}(?:for|if you (?:would like|want)) (?:\w+\s+){0,2}feedback\b|"
        r"\b(?:happy|glad|willing) to (?:jump on|hop on|set up|arrange) (?:a )?"
        r"(?:quick |short |brief )?(?:call|chat)\b|\byou(?:'ll| will) receive (?:a "
        r"|an )?(?:\w+ )?feedback\b|\bfeedback (?:wil(?:t|len)? "
        r"ontvangen|willen)\b|\breste disponible si vous souhaitez\b",
        unless=r"\bnot\b(?! hesitate)|n't(?! hesitate)|unable|cannot|survey|candidate experience"
        r"|how we did|your feedback",
    ),
    Rule(
        "feedback-given",
        "feedback",
        Feedback.GIVEN,
        r"\b(?:the team|interviewers?|panel|reviewers?|assessors?|we|i|hiring manager|but)\s+"
        r"(?:felt|noted|found|observed|thought|were looking for"
        r"|would have liked)\s+(?:that\s+)?(?:you|"
        r"your|the (?:solution|code|submission|answers?))\b(?! (?:are|were|"
        r"would be) a (?:great|strong) (?:fit|match|addition))|\b(?:areas?|room)\s+(?:for|of)\s+"
        r"(?:improvement|development|growth)\b|\byou (?:could|should|might) (?:improve|work on|"
        r"strengthen|focus on|deepen|develop)\b|\b(?:your|the) (?:answers?|solution|code|"
        r"submission|responses?)\s+(?:\w+\s+){0,2}(?:l"
        r"acked|missed|did not|didn't|was not|wasn't)\b|\bhere(?:'s| is| are) (?:the main|the "
        r"key|the biggest|one|some|a few|the team's|my|our) (?:one|ones|points?|notes?|things?|"
        r"takeaways?|pieces? of feedback)\b|\b(?:the|our) (?:team's|panel's|interviewers') (?:main "
        r"|key |biggest )?(?:notes?|concerns?) (?:was|were|is|are)\b|"
        r"\bfeedback from (?:the |your )?(?:interviewers?|panel|team|hiring manager|reviewers?):"
        r"|\b(?:your|the) (?:solution|code|"
        r"submission) had (?:\w+ ){0,2}(?:issues|problems|bugs|gaps)\b",
        unless=r"if you|would like to|survey",
    ),
)

KEEP_ON_FILE: tuple[Rule, ...] = any_apostrophe(
    Rule(
        "keep-on-file",
        "keep_on_file",
        "true",
        r"\b(?:keep|kept|retain|retained|hold|hang on to|store|save|saved|maintain|add|added|"
        r"place|placed|remain|stay)\b[^.\n]{0,50}?\b(?:on file|in (?:our|the) (?:\w+\s+)?(?:system|"
        r"database|records|files?|talent (?:pool|community|network|pipeline|bank)|pipeline|"
        r"candidate pool|ats)|on hand|active|for (?:future|(?:the )?consideration))|"
        r"\b(?:i|we)(?:'ve| have)? (?:added|made|left|put) a note (?:to|on|in) your "
        r"(?:profile|file|record)\b",
        unless=r"\bjoin|\bsign up|\bkeep (?:us|an eye)|\bkeep (?:\S+ ){0,4}in (?:your )?mind|"
        r"\bkeep up|\bkeep (?:checking|looking|exploring)|\byou (?:will |to |can )?keep\b",
    ),
    Rule(
        "keep-you-in-mind",
        "keep_on_file",
        "true",
        r"\b(?:keep|keeping|bear|have) (?:you|your (?:\w+ ){0,2}" + _DOCS + r"s?) in mind\b|"
        r"\bconsider (?:you|your (?:\w+ )?" + _DOCS + r"s?) (?:again )?for (?:\w+ )?"
        r"(?:future|other|similar|related|upcoming|later)\b",
    ),
    Rule(
        "retain-if-opening",
        "keep_on_file",
        "true",
        r"\b(?:keep|retain|hold on to|hang on to|hold) (?:on to )?(?:your|the) (?:\w+ )?"
        + _DOCS
        + r"s?\b[^.\n]{0,40}?\b(?:if|should|in case|when|as)\b[^.\n]{0,50}?\b(?:position|role|"
        r"opportunit\w+|opening|vacanc\w+|match)",
    ),
    Rule(
        "if-match-we-will-contact",
        "keep_on_file",
        "true",
        r"\b(?:if|should|when|once|in case)\b[^.\n]{0,80}?\b(?:match|fit|opportunit\w+|opening|"
        r"position|role)s?\b[^.\n]{0,60}?\b(?:we|i)(?:'ll| will| would| may| might| shall)? "
        r"(?:\w+ )?(?:let you know|contact you|reach out|be in touch|get in touch|notify you)",
        unless=r"\bif you (?:have|would|'d|want|are interested|find|see)|\bapply",
    ),
    Rule(
        "docs-will-be-kept",
        "keep_on_file",
        "true",
        _DOCS + r"s?\s+(?:(?:that|which)\s+you\s+(?:\w+\s+){0,3})?(?:will|would|shall)\s+"
        r"(?:\w+\s+)?(?:be\s+)?(?:kept|retained|stored|saved|remain|stay|considered)\b",
    ),
    Rule(
        "will-contact-you",
        "keep_on_file",
        "true",
        r"\b(?:contact|reach out to|reach out|get in touch with|be in touch with|reengage with|"
        r"re-engage with|re-?connect with|notify|let you know|keep you in mind)\s+"
        r"(?:\w+\s+){0,2}(?:you\s+)?(?:again\s+)?(?:in the future|if|when|should|about|for|"
        r"regarding|as)\b[^.\n]{0,60}?\b(?:future|position|role|opportunit\w+|opening|match|"
        r"fit|arise|opens? up|comes? up|restarts|resumes|reopens)",
        unless=r"\bif you (?:have|would|'d|want)|questions|\byou (?:can|may) (?:contact|reach)|"
        r"feel free to\b|(?:do not|don't) hesitate to\b|\byou think\b|apply",
    ),
    Rule(
        "will-not-hesitate",
        "keep_on_file",
        "true",
        r"\bwe (?:will|won't|will not) (?:not )?hesitate to (?:contact|reach out)|"
        r"\bwe (?:may|will|might|would) (?:also |howe"
        r"ver, |definitely |certainly )?(?:reach out|"
        r"reengage|re-engage|contact you|be in touch)\b"
        r"(?![^.\n]{0,15}\bwith (?:info|news|updates))",
    ),
    Rule(
        "keep-in-touch-future",
        "keep_on_file",
        "true",
        r"\bkeep in touch (?:regarding|about|for|on) (?:future|other|upcoming)",
    ),
    Rule(
        "keep-on-file-intl",
        "keep_on_file",
        "true",
        r"\b(?:in unserem (?:talent|bewerber)pool|in evidenz|"
        r"conserv(?:er|ons) (?:\w+ )?(?:votre|vos)|notre vivier|conservaremos|guardaremos|"
        r"mantendremos (?:tu|su)|nuestra base de datos|in ons (?:bestand|talentpool)"
        r"|in onze (?:database|"
        r"talentpool))\b",
    ),
)

INVITE_REAPPLY: tuple[Rule, ...] = any_apostrophe(
    Rule(
        "apply-again",
        "invite_reapply",
        "true",
        r"\b(?:re-?apply|apply again|applying again|re-?applying|reapplication)\b|"
        r"\b(?:apply|applying|application)\s+(?:\w+\s+){0,2}(?:for|to)\s+(?:\w+\s+){0,2}(?:other|"
        r"future|another|additional|different|new|more)\b|\bapply (?:in the future|in future)\b|"
        r"\bopportunit(?:y|ies) to (?:re-?)?apply\b|\b(?:please|do) apply\b",
        unless=r"\bif you(?:'ve| have) applied|applied for other",
    ),
    Rule(
        "check-careers-page",
        "invite_reapply",
        "true",
        r"\b(?:visit|visiting|check|checking|keep an eye on|keep your eye on|monitor|browse|review|"
        r"explore|revisit|look at|looking at|follow|search|go to|head to)\s+(?:\S+\s+){0,4}?"
        r"(?:[\w.-]+/)?(?:careers?\s*(?:page|site|"
        r"website|portal|section)?|job (?:postings?|openings|board|listings|site|page)|open "
        r"(?:positions|roles|opportunities|jobs)|openings|current (?:openings|vacancies|"
        r"opportunities)|opportunities|vacancies|website)\b",
        unless=r"\bif you (?:have|would like) (?:any )?questions",
    ),
    Rule(
        "encourage-you",
        "invite_reapply",
        "true",
        r"\b(?:encourage|invite|welcome|urge)\s+you\s+(?:\w+\s+)?to\s+(?:\w+\s+){0,3}(?:apply|"
        r"consider|look|explore|check|visit|keep|continue|set up|sign up|join|review|pursue|create|"
        r"register)\b|\bkeep us in mind\b|"
        r"\bconsider (?!you\b|your\b)(?:us|\w+(?: \w+){0,2}) (?:again\b|as an? (?:\w+ )?employer|"
        r"an employer|for (?:employment|future|other|new)|in (?:the )?future)|"
        r"\b(?:stay|remain|keep) (?:up to date|updated|informed|engaged|connected|current)\b"
        r"[^.\n]{0,60}\b(?:careers?|openings|opportunit\w+|positions|roles|jobs|vacancies)\b|"
        r"\b(?:reach out|get back to us|get in touch|contact us|write to us) again\b|"
        r"\b(?:join|joining) (?:our|the) (?:talent|candidate) (?:community|network|pool)\b|"
        r"\bjob (?:agent|alerts?|notifications)\b|\b(?:hear|hearing) from you again\b|"
        r"\bhappy to hear from you\b|\bwait (?:\w+\s+){0,3}\d+ months\b|"
        r"\breach out if (?:we have|you see|there is) (?:another|a|other)\b|\bfuture "
        r"(?:openings|vacancies)\b[^.\n]{0,40}(?:apply|interest)|\bplease (?:do )?feel free to "
        r"(?:apply|look|check)|\b(?:you are|you're|you'd be) (?:very |most )?welcome to apply\b",
    ),
    Rule(
        "reapply-intl",
        "invite_reapply",
        "true",
        r"\b(?:erneut (?:zu )?bewerben|wieder bewerben|postuler à nouveau|vous porter candidat|"
        r"volver a postular|postularte|opnieuw (?:te )?solliciteren)\b",
    ),
)

ALT_ROLE: tuple[Rule, ...] = any_apostrophe(
    Rule(
        "consider-for-named-role",
        "alt_role",
        "",
        r"\b(?:consider(?:ing)? you for|put you forward for|refer you to|pass (?:your|along your)"
        r" (?:\w+ )?(?:resume|cv|profile|details|application) (?:on )?to|forward(?:ed)? your "
        r"(?:\w+ )?(?:resume|cv|profile|details|application) to|share(?:d)? your (?:resume|cv|"
        r"profile|details) with|interested in (?:our|the|a|an)|encourage you to apply (?:for|to)"
        r")\s+(?:our|the|a|an)?\s*(?!(?:new|other|open|similar|any|more|relevant|suitable"
        r"|different|another|future|related|current|the|our|a|an|this|that)\b)"
        r"(?P<v>[\w/&-]+(?: [\w/&-]+){0,4} (?:team|role|position|opening|department|group"
        r"|program|programme))\b",
        unless=r"\bthis (?:role|position)|\bfuture\b|interest in|other opportunities",
    ),
    Rule(
        "better-fit-named-team",
        "alt_role",
        "",
        r"\b(?:better|stronger|strong|great|good)\s+(?:fit|match|suited)\s+(?:for|to|with|in)\s+"
        r"(?:our|the|a|an)\s+(?P<v>(?!different\b|other\b)[\w/&-]+(?: [\w/&-]+){0,4} (?:team|"
        r"role|position|opening|department|group|track|programme|program))\b",
        unless=r"(?:\bnot|n't|\bnever)\b[^.\n]{0,40}\b(?:fit|suited|match)\b|(?:fit|suited|match)"
        r"\s+(?:for|to|with|in)\s+(?:this|the) (?:role|position)\b|\bbut\b[^.\n]{0,40}\b(?:chose|"
        r"went|selected|decided|hired)",
    ),
    Rule(
        "openings-elsewhere",
        "alt_role",
        "",
        r"\b(?P<v>(?:our |the |a )?(?:teaming |hiring |sister |partner )?(?:partner|team|"
        r"department|group|company|affiliate)(?: [A-Z]?\w+){0,3}) (?:still )?(?:has|have) "
        r"(?:a few |some |several |an? )?(?:other )?(?:openings?|roles?|positions?|vacanc\w+)\b",
        unless=r"(?:\bno|\bnot|n't)\b[^.,;\n]{0,30}\b(?:openings?|roles?|positions?|vacanc)",
    ),
    Rule(
        "open-role-on-team",
        "alt_role",
        "",
        r"\b(?:there is|there's|we have|we also have)\s+(?:an?|another)\s+(?:open\s+)?"
        r"(?:opening|role|position|vacancy)\s+(?:on|in|with|for)\s+(?:our|the)\s+"
        r"(?P<v>[\w/&-]+(?: [\w/&-]+){0,3} (?:team|department|group))\b",
        unless=r"\bno\b|\bnot\b|n't",
    ),
)

DOOR_CLOSED: tuple[Rule, ...] = any_apostrophe(
    Rule(
        "no-future-applications",
        "door_closed",
        "true",
        r"\b(?:will|would|shall|can)(?: not|n't|not)\s+(?:be able to\s+)?(?:consider|accept|review"
        r"|process)\s+(?:any\s+)?(?:future|further|additional|new|subsequent)\s+(?:applications|"
        r"submissions|candidacies)\b|\b(?:not|ineligible) (?:eligible )?(?:to|for) (?:re-?apply|"
        r"future (?:consideration|employment|applications))\b",
    ),
    Rule(
        "no-further-correspondence",
        "door_closed",
        "true",
        r"\b(?:unable|not able|cannot|can't|can not|will not|won't)\s+(?:\w+\s+)?(?:respond|reply|"
        r"answer|enter)\s+(?:to\s+|into\s+)?(?:any\s+)?(?:further|additional|follow-?up|individual|"
        r"subsequent)\s+(?:correspondence|inquiries|enquiries|emails|questions|requests|"
        r"communication|discussion)\b|\bno further (?:correspondence|contact|communication|"
        r"discussion)\b|\b(?:this |our )?decision is final\b|\b(?:unable|not able|cannot|can't|can "
        r"not|will not|won't)\s+(?:\w+\s+)?(?:respond|reply|answer)\s+(?:to\s+)?(?:any\s+)?"
        r"(?:questions|inquiries|enquiries)\s+(?:about|regarding|on)\s+(?:this|our|the)\s+decision",
    ),
    Rule(
        "do-not-contact",
        "door_closed",
        "true",
        r"\bplease (?:do not|don't|refrain from|avoid) (?:contact|contacting|call|calling|"
        r"follow(?:ing)? up|re-?apply|re-?applying|reach(?:ing)? out)\b|\bwe ask that you (?:do "
        r"not|not|refrain from) (?:contact|follow|re-?apply|reach)",
        unless=r"\bthis (?:email|message|address)\b|\bfor (?:\d+|six|twelve|three) months\b",
    ),
    Rule(
        "door-closed-intl",
        "door_closed",
        "true",
        r"\b(?:keine weitere korrespondenz|von weiteren (?:nachfragen|bewerbungen) abzusehen|"
        r"aucune suite ne sera donnée|no mantendremos (?:más )?correspondencia|geen verdere "
        r"correspondentie)\b",
    ),
)

PERSONAL: tuple[Rule, ...] = any_apostrophe(
    Rule(
        "process-specifics",
        "personal",
        "true",
        r"\b(?:when we (?:spoke|met|talked|chatted)|(?:enjoyed|pleasure|great|nice|good)\s+"
        r"(?:\w+\s+){0,2}(?:speaking|meeting|talking|chatting) (?:with )?you|our (?:conversation|"
        r"call|chat|meeting) (?:on|last|yesterday|earlier|this)|"
        r"(?:thank you|thanks)(?: again)? for "
        r"(?:taking the time to )?(?:speak|meet|talk|chat|interview)\w*|the other day|on (?:monday|"
        r"tuesday|wednesday|thursday|friday)|i (?:spoke|talked|chatted) (?:to|with)|"
        r"i(?:'ve| have) (?:received|spoken|talked|discussed|"
        r"shared|heard)|(?:add|connect with) me on linkedin|(?:email|contact|reach out to) me\b|"
        r"my (?:sincere|sincerest|personal) thanks|the team and i|i (?:really )?enjoyed|"
        r"getting to know you|(?:write|get back|reach out) to you (?:myself|personally)|"
        r"(?:thank you|thanks) for asking|"
        r"(?:thank you|thanks)(?: again| a million)? for the (?:call|chat|conversation)|(?:lovely"
        r"|great|nice|good) (?:speaking|chatting|talking) (?:with|to) "
        r"you|(?:last|this) (?:week|monday|tuesday|wednesday|thursday|friday)|(?:thank you|thanks)"
        r" (?:\w+ ){0,2}for (?:attending|coming (?:in|to)|joining us for) (?:\w+ ){0,3}(?:interview"
        r"|meeting|call|assessment day|session)|(?:l'entretien|notre entretien|het gesprek|ons "
        r"gesprek|la entrevista|nuestra entrevista|das gespräch|unser gespräch|dem gespräch))",
    ),
)

TEMPLATED: tuple[Rule, ...] = (
    Rule(
        "bulk-signals",
        "templated",
        "true",
        r"\b(?:dear (?:candidate|applicant)|do not reply|unsubscribe|this is an automated|"
        r"automatically generated|do not respond to this)\b",
    ),
)
