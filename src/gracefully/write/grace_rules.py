"""The grace check's rules: one line of data per kind of etiquette slip.

Severity follows one question: would a career coach stop the note from going
out as it is? Bitterness, arguing, pleading, rudeness, a refused feedback ask,
a wrong name or company, and a leftover placeholder all do harm once read, so
they block. Length, a missing thank-you, several asks and a stiff greeting
only make a note weaker, so they are advice. "To whom it may concern" when a
name is known is advice, not a block: impersonal, but nobody is hurt by it.
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
    asks_matching,
    either,
    more_than_one_ask,
    over_length,
    phrases,
    wrong_company,
    wrong_name,
)


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
        ),
        applies=lambda ctx: ctx.feedback_refused,
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
        "impersonal_greeting",
        ADVICE,
        "An impersonal greeting, although the recipient's name is known.",
        "Greet them by their first name.",
        phrases(
            r"\bto whom it may concern\b",
            r"\bdear sir(?: or |/)madam\b",
            r"\bdear (?:hiring manager|recruiter|sir|madam)\b",
            r"\bdear (?:hiring|recruiting|recruitment|talent acquisition|hr) team\b",
        ),
        applies=lambda ctx: bool(ctx.to_name),
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
            r"\b(?:thx|thnx|thanx|tks|merci|danke|gracias|obrigad[oa])\b",
        ),
    ),
    GraceRule(
        "many_asks",
        ADVICE,
        "More than one ask: the reader can answer only one easily.",
        "Keep the single ask that matters most.",
        more_than_one_ask,
    ),
)
