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


BLOCK, ADVICE = Severity.BLOCK, Severity.ADVICE

GRACE_RULES: tuple[GraceRule, ...] = (
    GraceRule(
        "placeholder",
        BLOCK,
        "A placeholder was left unfilled.",
        "Replace it with the real name, role or company, or cut the sentence.",
        phrases(
            re.compile(r"\[(?:[Ii]nsert[^\]\n]*|[A-Z][A-Za-z _]{1,30})\]"),
            re.compile(r"\{\{[^}\n]*\}\}|\{%[^%\n]*%\}|\{[a-z_]+\}"),
            re.compile(r"<[A-Z][A-Z _]{2,}>"),
            re.compile(r"\bX{3,}\b|_{3,}|\bTODO\b|\bTBD\b"),
        ),
    ),
    GraceRule(
        "bitterness",
        BLOCK,
        "Bitterness or blame: the reader will remember the tone, not the request.",
        "Leave the feeling out; keep only the thanks and the forward-looking part.",
        phrases(
            r"\bunfair(?:ly)?\b",
            r"\bwaste(?:d)? (?:of )?(?:my|our) time\b",
            r"\byour loss\b",
            r"\b(?:very|really|extremely|deeply|so|quite|incredibly|bitterly) disappointed\b",
            r"\bdisappointing\b",
            r"\bfrustrat\w*",
            r"\binsult\w*",
            r"\bghost(?:ed|ing)\b",
            r"\bbiased?\b",
            r"\bdiscriminat\w*",
            r"\b(?:didn't|did not|never) (?:even )?(?:bother|read|look at|take the time)\b",
            r"\bI can(?:'t|not) believe\b",
            r"\bafter all (?:the|my) (?:effort|work|time)\b",
            r"\b(?:process|system) (?:is|was) broken\b",
            r"\byou(?:'ll| will) regret\b",
        ),
    ),
    GraceRule(
        "arguing",
        BLOCK,
        "Arguing with the decision or asking to reverse it.",
        "Accept the decision; if something was misjudged, state the fact once, "
        "with no request to change the outcome.",
        phrases(
            r"\breconsider\w*",
            r"\brevisit (?:your|the|this) decision\b",
            r"\b(?:reverse|overturn|appeal|change) (?:your|the|this) (?:decision|mind)\b",
            r"\b(?:a|the) (?:wrong|mistaken|poor|bad) (?:decision|call|choice)\b",
            r"\bmade a (?:big )?mistake\b",
            r"\byou(?:'re| are| were) wrong\b",
            r"\bI (?:am|was) (?:clearly |obviously )?the (?:best|most qualified|perfect|ideal)\b",
            r"\bI (?:clearly |fully )?(?:meet|met|exceed|exceeded) (?:all|every)\b",
            r"\bI (?:don't|do not) (?:understand|see) (?:why|how)\b",
            r"\byou (?:clearly |must have )?(?:missed|overlooked|ignored|misread)\b",
        ),
    ),
    GraceRule(
        "pleading",
        BLOCK,
        "Pleading: it puts the reader in an awkward spot and rarely helps.",
        "Ask once, calmly, for something small and concrete.",
        phrases(
            r"\bbeg(?:ging)?\b",
            r"\bdesperate(?:ly)?\b",
            r"\bI (?:really |truly |badly )?need (?:this|a|the) (?:job|role|position|income)\b",
            r"\bplease,? please\b",
            r"\b(?:one more|another|a second|one last) chance\b",
            r"\bI(?:'ll| will| would) do anything\b",
            r"\b(?:take|accept|do) any (?:role|position|job)\b",
            r"\bwork for free\b",
            r"\bpay (?:my )?(?:rent|bills)\b",
        ),
    ),
    GraceRule(
        "rudeness",
        BLOCK,
        "Rude or insulting words.",
        "Remove them; a follow-up only works if it is pleasant to read.",
        phrases(
            r"\b(?:stupid|idiot\w*|incompetent|clueless|pathetic|moron\w*|useless|shameful)\b",
            r"\b(?:damn|hell|crap|wtf)\b",
            r"\bscrew (?:you|this|that)\b",
            r"\bgood luck (?:finding|with that)\b",
            r"\bshame on you\b",
            r"\b(?:is|was) a joke\b",
            r"\bhow dare\b",
            r"\blol\b",
        ),
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
            r"\bdear (?:hiring manager|recruiter|recruiting team|sir|madam)\b",
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
        absent(r"\bthank", r"\bgrateful\b", r"\bappreciat\w*", r"\bgratitude\b"),
    ),
    GraceRule(
        "many_asks",
        ADVICE,
        "More than one ask: the reader can answer only one easily.",
        "Keep the single ask that matters most.",
        more_than_one_ask,
    ),
)
