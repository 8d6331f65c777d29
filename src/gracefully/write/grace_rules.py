"""The grace check's rules: one line of data per kind of etiquette slip.

Severity follows one question: would the note hurt the person who sends it?
Everything that does harm once read blocks: a rude, bitter, sarcastic, curt or
arguing tone (named by the phrase rules, else found by the tone model), pleading,
a feedback ask the employer already refused, a wrong name or company, a greeting
to a robot or to nobody when a person wrote, a placeholder, no name at the end,
three or more asks, and a note far too long to be read. What only makes a good
note weaker stays advice: a missing thank-you, two asks, a little too long.
Every block names the words that triggered it and how to fix them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from gracefully.domain import Severity
from gracefully.write.detectors import (
    Detector,
    GraceContext,
    absent,
    asks_between,
    asks_matching,
    either,
    far_too_long,
    impersonal_greeting,
    over_length,
    phrases,
    robot_greeting,
    unsigned,
    wrong_company,
    wrong_name,
)
from gracefully.write.tone import harsh_tone


@dataclass(frozen=True, slots=True)
class GraceRule:
    code: str
    severity: Severity
    message: str
    suggestion: str
    detect: Detector
    applies: Callable[[GraceContext], bool] = lambda ctx: True
    signed: bool = False
    """Reads the signature too (all but the quoted mail): a placeholder or a harsh line
    after a sign-off is sent as well. Structural rules (length, asks, names, companies)
    read only the note itself, since a signature names the writer's own employer."""
    defer_to: tuple[str, ...] = ()
    """Codes that already say what this rule would: when one fired, this one is quiet.
    The tone model adds nothing to a note the phrase rules caught by name, and does
    not read a template whose slots are still empty."""


BLOCK, ADVICE = Severity.BLOCK, Severity.ADVICE

ACCEPTING = (r"\b(?:understand|understandable|respect|accept|appreciate|of course|naturally)\b",)
"""Disappointment said with acceptance ("really disappointed, but I understand") is
human and gracious; said alone, or at the reader, it reads as reproach."""

GRACE_RULES: tuple[GraceRule, ...] = (
    GraceRule(
        "placeholder",
        BLOCK,
        "A placeholder was left unfilled.",
        "Replace it with the real name, role or company, or cut the sentence.",
        phrases(
            re.compile(r"\[(?:[Ii]nsert[^\]\n]*|[A-Z][A-Za-z _'’]{1,30})\]"),
            re.compile(
                r"\[(?:your|the|company|name|first|last|role|position|job|title|recruiter"
                r"|hiring|interviewer|date|team|manager)\b[^\]\n]{0,30}\]",
                re.IGNORECASE,
            ),
            re.compile(
                r"\[[^\]\n]{0,30}\b(?:name|company|role|position|title|project|topic|date|time"
                r"|day|team|skill|detail|thing|something|specific|interviewer|manager|recruiter"
                r"|product|department|here|x)\b[^\]\n]{0,20}\]",
                re.IGNORECASE,
            ),
            re.compile(
                r"<[^<>\n]{0,30}\b(?:name|company|role|position|title|project|topic|date"
                r"|interviewer|manager|recruiter|team|insert)\b[^<>\n]{0,20}>"
                r"|\((?:insert|add|your|company|recipient|hiring manager|job title|first name)"
                r"\b[^()\n]{0,30}\)",
                re.IGNORECASE,
            ),
            re.compile(r"\{\{[^}\n]*\}\}|\{%[^%\n]*%\}|\{[a-z_]+\}"),
            re.compile(r"<[A-Z][A-Z _]{2,}>"),
            re.compile(r"\bX{3,}\b|_{3,}|\bTODO\b|\bTBD\b"),
            re.compile(r"\b(?:FIRST ?NAME|COMPANY(?: NAME)?|JOB TITLE|HIRING MANAGER)\b"),
            unless=(r"^[\W_]+$",),
        ),
        signed=True,
    ),
    GraceRule(
        "bitterness",
        BLOCK,
        "Bitterness or blame: the reader will remember the tone, not the request.",
        "Leave the feeling out; keep only the thanks and the forward-looking part.",
        either(
            phrases(
                r"\bunfair(?:ly)?\b",
                r"\bwaste(?:d)? (?:of )?(?:my|our) time\b",
                r"\byour loss\b",
                r"\bfrustrat\w*",
                r"\binsult\w*",
                r"\bghost(?:ed|ing)\b",
                r"\bbiased?\b",
                r"\bdiscriminat\w*",
                r"\b(?:didn't|did not|never) (?:even )?(?:bother|read|look at|take the time)\b",
                r"\b(?:nobody|no one|no-one) (?:even |really )?"
                r"(?:bothered|looked|read|replied|responded|listened)\b",
                r"\bI can(?:'t|not) believe\b",
                r"\bafter all (?:the|my) (?:effort|work|time)\b",
                r"\b(?:process|system) (?:is|was) broken\b",
                r"\byou(?:'ll| will) regret\b",
                r"\bdisappointed (?:in|with|by) (?:you|your|the way|how|the lack)\b",
                r"\b(?:counts?|matters?) for (?:nothing|little)\b",
                r"\bsomeone (?:cheaper|younger|less experienced|with (?:better )?connections)\b",
                r"\b(?:template|form|automated|generic|canned|copy-pasted?|boilerplate) "
                r"(?:rejection|letter|email|response|reply)\b",
                r"\bmust be nice\b",
                r"\bslap in the face\b",
                r"\b(?:hurtful|offended|offensive|disrespectful|unprofessional|rude)\b",
                r"\bI was led to believe\b",
                r"\bnot even (?:a|an|one) (?:phone call|call|interview|reply|response|email"
                r"|chance|look)\b",
                r"\bfor nothing\b",
                r"\b(?:deserve|deserved|deserves) better\b",
                r"\b(?:weeks|months) of (?:silence|waiting|radio silence)\b",
                r"\b(?:finally|eventually) (?:getting back|got back|replying|replied|"
                r"responding|responded)\b",
                r"\bwhoever you (?:hired|chose|picked|went with|selected)\b[^.!?]*"
                r"\b(?:worth|better|deserve)",
                negatable=True,
            ),
            phrases(  # the negation is the complaint here
                r"\b(?:doesn't|does not|don't|do not|didn't|did not) (?:count|matter) for "
                r"(?:much|anything)\b",
                r"(?:\bnot|\bnever|n['’]t)\b[^.!?]{0,25}\b(?:given|get|got|had) (?:a |any )?"
                r"(?:fair|real|proper) (?:chance|shot|hearing|look)\b",
            ),
            phrases(
                r"\b(?:very|really|extremely|deeply|so|quite|incredibly|bitterly|hugely)"
                r" disappointed\b",
                r"\bdisappointing\b",
                unless=ACCEPTING,
                negatable=True,
            ),
        ),
        signed=True,
    ),
    GraceRule(
        "arguing",
        BLOCK,
        "Arguing with the decision or asking to reverse it.",
        "Accept the decision; if something was misjudged, state the fact once, "
        "with no request to change the outcome.",
        phrases(
            r"\breconsider\w*",
            r"\brevisit (?:your|the|this|my) (?:decision|application)\b",
            r"\b(?:reverse|overturn|appeal|change|challenge) (?:your|the|this|that) "
            r"(?:decision|mind|outcome)\b",
            r"\bappeal (?:it|this|that|against)\b",
            r"\b(?:don't|do not|can't|cannot|won't|will not) accept (?:this|the|your|that) "
            r"(?:decision|outcome|result)\b|\bescalat(?:e|ing) (?:this|it|my|the)\b",
            r"\bdecision (?:could|can|might|would|will) be (?:changed|reversed|revisited"
            r"|reconsidered|overturned)\b",
            r"\b(?:a|the) (?:wrong|mistaken|poor|bad) (?:decision|call|choice)\b",
            r"\b(?:you|you've|they|they've|the panel|the team)(?: may| might)?(?: have)? "
            r"made a (?:big |huge |serious )?mistake\b",
            r"\ba mistake (?:has|was|may have|might have) been made\b",
            r"\b(?:there(?:'s| has| must have)? been|this is) (?:a|some) mistake\b",
            r"\byou(?:'re| are| were) wrong\b",
            r"\bI (?:am|was) (?:clearly |obviously )?the (?:best|most qualified|perfect|ideal"
            r"|strongest|right) (?:candidate|person|fit|match)\b",
            r"\bI (?:clearly |fully )?(?:meet|met|exceed|exceeded) (?:all|every)\b",
            r"\bI have (?:all|every one of) the (?:skills|qualifications|requirements"
            r"|experience)\b",
            r"\bI (?:don't|do not) (?:understand|see) (?:why|how)\b",
            r"\byou (?:clearly |must have |may have |seem to have )?"
            r"(?:missed|overlooked|ignored|misread)\b",
            r"\b(?:strongly |respectfully |completely |totally )?disagree\b",
            r"\b(?:do not|don't|cannot|can't) agree with\b",
            r"\bconfused (?:by|about) (?:this|the|your) decision\b",
            r"\b(?:look at|review|consider|go over|go through) my (?:application|CV|resume"
            r"|portfolio|profile|candidacy) again\b",
            r"\b(?:another|a second|a fresh) look at my (?:application|CV|resume|portfolio"
            r"|profile|candidacy|take-home)\b",
            r"\bgive my \w+ (?:another|a second) (?:look|chance)\b",
            r"\bbased on (?:incorrect|wrong|inaccurate|false|mistaken) "
            r"(?:information|assumptions?|facts)\b",
            r"\b(?:assessment|comment|conclusion|claim|statement|feedback)\b[^.!?]{0,40}"
            r"\b(?:is|was) (?:simply |just |completely |entirely |clearly )?"
            r"(?:not (?:accurate|true|correct)|inaccurate|untrue|incorrect|wrong)\b",
            r"\b(?:deserve|am owed|am entitled to) (?:an explanation|a reason|an answer"
            r"|to know why)\b",
            negatable=True,
        ),
        signed=True,
    ),
    GraceRule(
        "pleading",
        BLOCK,
        "Pleading: it puts the reader in an awkward spot and rarely helps.",
        "Ask once, calmly, for something small and concrete.",
        phrases(
            r"\bbeg(?:ging)?\b",
            r"\bdesperate(?:ly)?\b",
            r"\bI (?:really |truly |badly |urgently )?need (?:this|a|the) "
            r"(?:job|role|position|income|work)\b",
            r"\bplease,? please\b",
            r"\b(?:give|grant|offer) me (?:a|one|another|a second|one more|one last|just one)"
            r"(?: more| last| second)? (?:chance|shot|try|opportunity)\b",
            r"\b(?:one more|another|a second|one last) chance\b"
            r"(?! to (?:work|collaborate|connect|meet|speak|talk|chat|cross paths))",
            r"\bprove myself\b",
            r"\bI(?:'ll|’ll|'d|’d| will| would) do anything\b",
            r"\b(?:take|accept|do) any (?:role|position|job)\b",
            r"\bwork for free\b",
            r"\b(?:lower|reduced|smaller|lesser) (?:salary|pay|wage|rate)\b|\bpay cut\b",
            r"\beven (?:take |accept |do |start (?:as|with) )?(?:an? )?(?:junior )?"
            r"(?:internship|trial|intern)\b|\b(?:work|working|start|starting) (?:\w+ )?unpaid\b"
            r"|\bunpaid (?:at first|to start|if needed|if it helps|for you)\b"
            r"|\b(?:take|accept|do|happy with|fine with) (?:\w+ ){0,2}unpaid\b",
            r"\bpay (?:my )?(?:rent|bills)\b|\b(?:rent|bills|mortgage) to pay\b",
            r"\b(?:kids|children|a family) to (?:feed|support)\b",
            r"\bI (?:don't|do not) know what I(?:'ll| will| am going to) do\b",
            negatable=True,
        ),
        signed=True,
    ),
    GraceRule(
        "rudeness",
        BLOCK,
        "Rude or insulting words.",
        "Remove them; a follow-up only works if it is pleasant to read.",
        phrases(
            r"\b(?:stupid|idiot\w*|incompetent|clueless|pathetic|moron\w*|useless|shameful"
            r"|ridiculous|absurd|laughable|clowns?)\b",
            r"\bhell\b(?! of a)|\b(?:damn|crap|wtf|shit\w*|bullshit|f[u*]+ck\w*)\b",
            r"\bscrew (?:you|this|that)\b",
            r"\bgood luck (?:finding|with that)\b",
            r"\bshame on you\b",
            r"\b(?:is|was) a joke\b|\bwhat a joke\b|\ba joke of\b",
            r"\bhow dare\b",
            r"\blol\b",
            r"\byou people\b",
            r"\bI demand\b",
            r"\bI expect (?:a|an) (?:reply|answer|response|explanation)\b",
            r"\b(?:don't|do not|never) (?:contact|email|call) me again\b",
        ),
        signed=True,
    ),
    GraceRule(
        "refused_feedback_ask",
        BLOCK,
        "Asks for feedback after the employer said it does not give any.",
        "Drop the feedback request; thank them and ask to be kept in mind instead.",
        asks_matching(
            r"\bfeedback\b",
            r"\bwhat would have made the difference\b",
            r"\bwhat I could (?:have )?(?:done|do) (?:better|differently)\b",
            r"\bareas? (?:to|for|of) (?:improve|improvement|growth)\b",
            r"\bwhere I fell short\b",
            r"\b(?:pointers|insights?|thoughts) on (?:my|the) (?:application|interview)\b",
            r"\bwhat held me back\b",
            r"\bhow I (?:could|can|might) (?:improve|strengthen)\b",
            r"\b(?:pointers?|tips?|advice)\b",
            r"\bwhy (?:I|my application) (?:wasn['’]t|was not|didn['’]t|did not|hadn['’]t)\b",
            r"\b(?:make|making) an exception\b|\bbend the rules?\b|\bjust this once\b",
            r"\b(?:suggest|recommend|advise) (?:I|that I) (?:improve|work on|change|focus)\b",
            r"\b(?:where|what) (?:I|it) (?:went|did|got) wrong\b|\bwhat went wrong\b",
            r"\bhow I (?:did|performed|came across|compared)\b",
            r"\bwhat (?:let me down|counted against me|I lacked|I was missing)\b",
        ),
        applies=lambda ctx: ctx.feedback_refused,
    ),
    GraceRule(
        "tone",
        BLOCK,
        "The tone could hurt you: read as a whole, the note comes across as curt, sarcastic, "
        "bitter, entitled or arguing, even where no single phrase says so.",
        "Rewrite the sentences named: thank them, keep one warm specific, and leave out "
        "any judgement of the decision, the process or the people.",
        harsh_tone,
        signed=True,
        defer_to=(
            "placeholder",
            "bitterness",
            "arguing",
            "pleading",
            "rudeness",
            "refused_feedback_ask",
        ),
    ),
    GraceRule(
        "wrong_name",
        BLOCK,
        "The greeting names someone who is not the recipient.",
        "Greet the recipient by their name, or use a neutral greeting.",
        wrong_name,
    ),
    GraceRule(
        "wrong_company",
        BLOCK,
        "Names a company other than the one you are writing to.",
        "Use the right company name; a copy-pasted note is easy to spot.",
        wrong_company,
    ),
    GraceRule(
        "robot_greeting",
        BLOCK,
        "The greeting is addressed to a mailbox, an address or a hiring system, not a person.",
        'Greet the person who wrote to you by name, or use a plain "Hello,".',
        robot_greeting,
    ),
    GraceRule(
        "impersonal_greeting",
        BLOCK,
        "An impersonal greeting (nobody in particular, a team or the company), "
        "although a named person wrote to you.",
        "Greet them by their first name.",
        impersonal_greeting,
    ),
    GraceRule(
        "missing_signature",
        BLOCK,
        "The note does not end with your name.",
        'Sign off with your name after the closing ("Best wishes," then your name); '
        "set it once in your profile and every draft is signed.",
        unsigned,
        signed=True,
    ),
    GraceRule(
        "too_many_asks",
        BLOCK,
        "Three or more requests at once: it reads as a list of demands, and none gets answered.",
        "Keep the one ask that matters most and cut the rest.",
        asks_between(3),
    ),
    GraceRule(
        "much_too_long",
        BLOCK,
        "Far too long for a follow-up: a long note after a rejection is rarely read, "
        "and reads as not letting go.",
        "Cut to a few sentences: the thanks, one specific, one ask.",
        far_too_long,
    ),
    GraceRule(
        "too_long",
        ADVICE,
        "Longer than a follow-up needs to be.",
        "Cut to the thanks, one specific, and one ask.",
        over_length,
    ),
    GraceRule(
        "no_thanks",
        ADVICE,
        "No thank-you: gratitude is what makes a follow-up land well.",
        "Open by thanking them for their time or the conversation.",
        absent(
            r"\bthank",
            r"\bgrateful\b",
            r"\bappreciat\w*",
            r"\bgratitude\b",
            r"\b(?:thx|thnx|thanx|tks|ta|cheers|merci|danke|gracias|obrigad[oa]|diolch)\b",
        ),
    ),
    GraceRule(
        "many_asks",
        ADVICE,
        "Two asks: the reader can answer only one easily.",
        "Keep the single ask that matters most.",
        asks_between(2, 2),
    ),
)
