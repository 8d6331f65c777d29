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
    r"|avons bien reçu|bien été reçue?|haben (?:\w+ ){0,3}erhalten|ist (?:bei uns )?eingegangen"
    r"|hemos recibido|hebben (?:\w+ ){0,3}ontvangen|in goede orde ontvangen)"
)
"""The application is in and not yet decided: received, under review, to be completed
(and the common receipts in French, German, Spanish and Dutch)."""
_DECISION = re.compile(
    r"(?:\bnot|n['’]t|\bcannot|\bunable to|\bno longer)\b(?! (?:hesitate|reply|respond|monitored"
    r"|be discouraged))[^.;!?]{0,50}?\b(?:mov|proceed|progress|advanc|select|chos|success|offer"
    r"|continu|consider|match|fit|pursu|invit|extend|shortlist|hir|position|role|application"
    r"|candidacy|need|look|right|suitab|further|next|interview|available|open|think|feel|able)"
    r"|regret|unfortunately|sadly|unsuccessful|other (?:candidates|applicants)"
    r"|another (?:candidate|applicant|direction)|different direction|someone else|somebody else"
    r"|better (?:suited|fit|match|aligned)|more closely|decided to (?:pursue|move|go|proceed)"
    r"|chosen to (?:pursue|move|go|proceed)|offered (?:the|this) (?:role|position|job)"
    r"|(?:has|have) been filled|been cancell?ed|closed the|on hold|hiring freeze|declin"
    r"|malheureusement|regrett|pas (?:été )?retenue?|pas donner suite|autre candidat|pourvu"
    r"|leider|bedauer|nicht berücksichtig|absage|andere[nr]? (?:kandidat|bewerber)|besetzt"
    r"|lamentablemente|desafortunadamente|no (?:ha|has) sido seleccionad|otr[oa] candidat"
    r"|helaas|niet (?:verder|door)|andere kandida|afgewezen|ingevuld"
)
"""Anything that could state a negative decision: a negation about moving on, matching,
choosing or the role ("aren't satisfied with good enough" in a blurb is not one), or a word
of regret; "do not reply" and the like are not one."""
_BRACKETED = re.compile(r"\[[^\]\n]{0,40}\]")
"""A placeholder an export or a template left ("[not available]") says nothing."""
_CONDITION = re.compile(
    r"\b(?:if|should|in case|in the event|whether|unless|once|when|si|falls|sollten|en caso"
    r"|indien|mocht)\b[^,;]*$",
    re.IGNORECASE,
)
_ASSUMED = re.compile(
    r"\b(?:assume|otherwise|might|may|considérer que|sans (?:retour|réponse|nouvelles)"
    r"|davon ausgehen|considerar que|ervan uitgaan)\b"
)
"""'please assume that you have not been shortlisted' is what silence would mean."""
_PLAIN_DECISION = re.compile(
    "|".join(
        (
            r"(?:\b(?:will|shall|would) not|\bwon['’]t|\bnot) (?:be )?(?:moving|move|proceeding"
            r"|proceed|progressing|progress|advancing|advance|taking|continuing)\w* (?:forward "
            r"|ahead |further )?with your (?:application|candidacy|profile)",
            r"\b(?:have|has|were|was) not been (?:selected|successful|shortlisted)",
            r"\bdid not (?:select|choose|shortlist) your (?:application|profile|candidacy)",
            r"\bwe(?:['’]ve| have)? (?:\w+ )?(?:already )?(?:filled|hired (?:someone|somebody"
            r"|another))",
            r"\b(?:position|role|job|vacancy|post)(?:['’]s| has been| is| was) (?:now |already )?"
            r"(?:been )?filled\b",
            r"\bdecided (?:not to (?:proceed|move forward|progress|continue)|to (?:move forward"
            r"|proceed|go|continue) with (?:other|another|a different))",
            r"\bunable to (?:offer you|move your application|progress your application"
            r"|take your application)",
            r"\b(?:a|ont) déjà été pourvu|\bbereits besetzt|\bno hemos seleccionado",
            r"\bunfortunately\b[^.]{0,40}\b(?:not|unable|no longer)\b[^.]{0,30}\b(?:proceed"
            r"|move|progress|select|offer|continu)",
        )
    )
)
"""A decision said outright: not moving forward, not selected, filled (in a few languages)."""
"""A condition governs a cue only within its own clause: "if you are not selected" does,
"When we compared it with the role, we decided not to" does not (a comma closes it)."""


def acknowledgement(email: Email) -> Evidence | None:
    """Evidence that `email` acknowledges an application without deciding it, else None."""
    if not _PENDING.search(f"{email.subject}\n{email.body}".lower()):
        return None
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
            if _stated(low[: cue.start()]):
                return Evidence(
                    "category", Category.REJECTION.value, DECIDED_RULE, text, start, end
                )
    if _PLAIN_DECISION.search(email.subject.lower()):
        return Evidence("category", Category.REJECTION.value, DECIDED_RULE, email.subject)
    return None
