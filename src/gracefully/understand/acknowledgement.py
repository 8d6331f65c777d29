"""An acknowledgement is not a decision, however much it sounds like one; and a
plain decision is a rejection, however short or polite the email around it.

Application receipts borrow a rejection's vocabulary: "we will keep your resume
on file", "we will contact you if your background is a match", "if you are not
selected". A word-based model weighs those words towards a rejection. The rule
here is the check a person makes: the email says the application is received
or under review, and no sentence states a decision except under a condition
("if you are not selected ..."). Then it is a confirmation.

The decision cues are deliberately broad (any unconditional "not", "regret",
"unfortunately", "other candidates", ...), so a real rejection keeps its
reading and only a receipt with no decision in it is corrected.

The other way round, a one-line "Thanks for applying, we've filled the role"
has too few words for the model and may read as a thank-you receipt. A
sentence that states the decision outright and unconditionally ("we will not
be moving forward with your application", "the position has been filled")
makes it a rejection. Those cues are deliberately narrow.
"""

from __future__ import annotations

import re

from gracefully.domain import Category, Email, Evidence
from gracefully.understand.sentences import split

RULE = "acknowledgement-without-decision"
"""The evidence rule of a rejection reading corrected to a confirmation."""
DECIDED_RULE = "plain-decision"
"""The evidence rule of a confirmation reading corrected to a rejection."""

_PENDING = re.compile(
    r"\b(?:(?:we(?:'ve| have)?|has been|have been|was|were) (?:successfully |safely )?received"
    r"|in receipt of|(?:is|are) (?:now )?(?:being |currently )?(?:under review|being reviewed"
    r"|reviewing)|(?:will|shall) (?:be )?(?:carefully |now )?(?:review|reviewed|reviewing"
    r"|evaluated|considered)\b|(?:currently|now) (?:in the process of )?reviewing|once (?:we"
    r"(?:'ve| have)?|the team has) (?:\w+ )?review|(?:allow|take) (?:up to )?(?:\w+ ){0,2}"
    r"(?:business |working )?(?:days|weeks) (?:for|to)\b|application (?:review\b|is incomplete"
    r"|was (?:sent|submitted))|(?:complete|finish) your application|successfully submitted"
    r"|review(?:s|ing)? (?:all |every |new )?applications (?:on a rolling basis|in batches|as they)"
    r"|avons bien reçu|bien été reçue?|haben (?:\w+ ){0,3}erhalten|ist (?:bei uns )?eingegangen"
    r"|hemos recibido|hebben (?:\w+ ){0,3}ontvangen|in goede orde ontvangen)"
)
"""The application is in and not yet decided: received, under review, to be completed
(and the common receipts in French, German, Spanish and Dutch)."""
_NEGATION = (
    r"(?:\bnot|n['’]t|\bcannot|\bunable to|\bno longer|\bnever|\bit['’]s a no|\bnicht|\bkein\w*"
    r"|\bne\b|\bn['’]|\bpas\b|\bniet|\bgeen|\bno (?:podemos|vamos|hemos|es posible|avanzar"
    r"|continuar|seguir))\b"
)
_NOT_A_DECISION = (
    r"(?! (?:hesitate|reply|respond|monitored|be discouraged|only|just|satisfied|settle|always"
    r"|yet|all\b|every\b|many\b)|(?:-| )(?:reply|répondez|antworten))"
)
"""Negations that decide nothing: "do not reply", "do not hesitate", "not only",
"aren't satisfied with good enough" in a company blurb, "not yet reviewed"."""
_DECISION = re.compile(
    _NEGATION + _NOT_A_DECISION + r"|regret|unfortunately|sadly|unsuccessful"
    r"|other (?:candidates|applicants)|another (?:candidate|applicant|direction)|different "
    r"direction|someone else|somebody else|better (?:suited|fit|match|aligned)|more closely"
    r"|decided to (?:pursue|move|go|proceed)|chosen to (?:pursue|move|go|proceed)|offered "
    r"(?:the|this) (?:role|position|job)|(?:has|have) been filled|been cancell?ed|closed the"
    r"|on hold|hiring freeze|declin|malheureusement|regrett|retenue?|donner suite|autre candidat"
    r"|pourvu|leider|bedauer|berücksichtig|absage|andere[nr]? (?:kandidat|bewerber)|besetzt"
    r"|entschieden|lamentablemente|desafortunadamente|seleccionad|otr[oa] (?:candidat|persona)"
    r"|helaas|andere kandida|afgewezen|ingevuld"
)
"""Anything that could state a negative decision: any negation but the idioms above, a word
of regret, or another candidate, in English, French, German, Spanish and Dutch."""
_BRACKETED = re.compile(r"\[[^\]\n]{0,40}\]")
"""A placeholder an export or a template left ("[not available]") says nothing."""
_CONDITIONS = r"if|should|in case|in the event|whether|unless|si|sollten|en caso|indien|mocht"
"""Words that open a condition, in English, French, German, Spanish and Dutch."""
_SUPPOSITIONS = r"assume|considérer qu(?:e\b|['’])|davon ausgehen|considerar que|ervan uitgaan"
"""Words that say what silence would mean: 'please assume that you have not been shortlisted'."""
_CONDITION = re.compile(
    r"\b(?:" + _CONDITIONS + r"|falls (?:sie|ihr|wir|es|ihnen))\b[^,;]*$", re.IGNORECASE
)
"""A condition governs a cue only within its own clause: "if you are not selected" does,
"If it helps, we will not proceed" does not (a comma closes it)."""
_ASSUMED = re.compile(r"\b(?:" + _SUPPOSITIONS + r")[^,;]*$")
_ANY_CONDITION = re.compile(
    r"\b(?:" + _CONDITIONS + r"|falls|who|which(?! means))\b|\b(?:" + _SUPPOSITIONS + r")"
)
"""A plain decision must be plain: no condition, supposition or relative clause before it
anywhere in its sentence ("applicants who have not been shortlisted will not be contacted");
"which means" only draws a consequence, so it is none of those."""
_PLAIN_DECISION = re.compile(
    "|".join(
        (
            r"\bwe(?: will not| won['’]t| shall not| would not| are not|['’]re not| cannot"
            r"| can['’]t| have decided not to| decided not to| will no longer)(?: be)? (?:moving"
            r"|move|proceeding|proceed|progressing|progress|advancing|advance|taking|continu)"
            r"\w* (?:forward |ahead |further )?with your (?:application|candidacy|profile)",
            r"\b(?:you|your (?:application|candidacy|profile|cv|resume))(?: have| has|['’]ve)"
            r" not been (?:selected|successful|shortlisted)",
            r"\bdid not (?:select|choose|shortlist) your (?:application|profile|candidacy)",
            r"\bwe(?:['’]ve| have)? (?:\w+ )?(?:already )?(?:filled (?:the|this|that|our) (?:role"
            r"|position|job|vacancy|post|opening)|hired (?:someone|somebody|another (?:candidate"
            r"|person|applicant))(?! from))",
            r"\b(?:position|role|job|vacancy|post)(?:['’]s| has been| is now| is already| was)"
            r" (?:now |already )?(?:been )?filled\b(?! (?:on|in|out|as|through))",
            r"\bdecided (?:not to (?:proceed|move forward|progress|continue)|to (?:move forward"
            r"|proceed|go|continue) with (?:other|another|a different))",
            r"\b(?:gone|went|go|going) with (?:someone|somebody) else\b|\boffered (?:the|this)"
            r" (?:role|position|job) to (?:someone|somebody|another)",
            r"\bunable to (?:offer you (?:a|the|this|an) (?:role|position|job|place|interview)"
            r"|move your application|progress your application|take your application)",
            r"\b(?:a|ont) déjà été pourvu|\bbereits besetzt|\bno hemos seleccionado",
            r"\bunfortunately\b[^.]{0,40}\bwe\b[^.]{0,20}\b(?:not|unable|no longer)\b[^.]{0,30}"
            r"\b(?:proceed|progress|select|offer you|continu|mov\w* forward)",
        )
    )
)
"""A decision said outright about this candidate: not moving forward with your
application, you were not selected, we filled the role (in a few languages)."""


def acknowledgement(email: Email) -> Evidence | None:
    """Evidence that `email` acknowledges an application without deciding it, else None."""
    if not _PENDING.search(f"{email.subject}\n{email.body}".lower()):
        return None
    if any(
        _stated(email.subject.lower()[: c.start()])
        for c in _DECISION.finditer(email.subject.lower())
    ):
        return None  # "Your application - unsuccessful"
    said = Evidence("category", Category.CONFIRMATION.value, RULE, email.subject)
    for start, end, text in split(email.body):
        low = _BRACKETED.sub(" ", text.lower())
        if any(_stated(low[: cue.start()]) for cue in _DECISION.finditer(low)):
            return None
        if said.start < 0 and _PENDING.search(low):
            said = Evidence("category", Category.CONFIRMATION.value, RULE, text, start, end)
    return said


def _stated(before: str) -> bool:
    """A cue is stated when no condition or supposition in its clause comes before it."""
    return not _CONDITION.search(before) and not _ASSUMED.search(before)


def plain_decision(email: Email) -> Evidence | None:
    """Evidence that `email` states a negative decision outright, else None."""
    if not _PLAIN_DECISION.search(f"{email.subject}\n{email.body}".lower()):
        return None  # most receipts: no sentence to look at
    for start, end, text in split(email.body):
        low = text.lower()
        for cue in _PLAIN_DECISION.finditer(low):
            if not _ANY_CONDITION.search(low, 0, cue.start()):
                return Evidence(
                    "category", Category.REJECTION.value, DECIDED_RULE, text, start, end
                )
    if _PLAIN_DECISION.search(email.subject.lower()):
        return Evidence("category", Category.REJECTION.value, DECIDED_RULE, email.subject)
    return None
