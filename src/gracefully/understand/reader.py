"""The understand stage assembled: the category model's verdict plus the detail rules.

The model decides what kind of email this is and how sure it is; the rules
(`understand.details`) read the specifics. Every finding keeps its evidence
so a person can see why and correct it.

Mail the user sent is known from its sender, not guessed from its text: a
follow-up that quotes or paraphrases a rejection reads like one, but it is
never an employer's decision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from gracefully.domain import Category, Email, Evidence, Reading, Rejection
from gracefully.understand.acknowledgement import acknowledgement, plain_decision
from gracefully.understand.classifier import Classifier, Example, train_classifier
from gracefully.understand.details import extract
from gracefully.understand.everyday import everyday_decision
from gracefully.understand.sentences import remembering

SENT_BY_YOU = "sent_by_you"
"""The evidence rule of a reading made from the sender alone."""
ACKNOWLEDGED_CONFIDENCE = 0.75
"""A reading a rule corrected (a receipt the model took for a rejection, or a plain decision
it took for a receipt) stays below the sure readings: it is a rule's correction, not the
model's verdict. See `understand.acknowledgement`."""


@dataclass(frozen=True)
class Reader:
    classifier: Classifier

    def read(self, email: Email, own_addresses: frozenset[str] = frozenset()) -> Reading:
        return self.read_many([email], own_addresses)[0]

    def read_many(
        self, emails: Sequence[Email], own_addresses: frozenset[str] = frozenset()
    ) -> list[Reading]:
        """Readings in input order; featurisation is batched across the emails.

        `own_addresses` are the user's own addresses (any case): mail from them
        is read as `other` with confidence 1.0 and the model never sees it.
        The model and the detail rules share one sentence split per email.
        """
        own = frozenset(a.strip().lower() for a in own_addresses)
        mine = [_sent_by(e, own) for e in emails]
        theirs = [e for e, m in zip(emails, mine, strict=True) if m is None]
        with remembering():
            verdicts = iter(self.classifier.explain(theirs))
            return [
                self._assemble(email, *(next(verdicts) if m is None else (Category.OTHER, 1.0, m)))
                for email, m in zip(emails, mine, strict=True)
            ]

    def corrected(
        self, email: Email, category: Category, confidence: float, why: Evidence
    ) -> tuple[Category, float, Evidence]:
        """The model's verdict after the rules that know better: an everyday decision is
        no job rejection, a receipt is no rejection, a plain decision is no receipt."""
        if category is Category.REJECTION and (everyday := everyday_decision(email)):
            return Category.OTHER, ACKNOWLEDGED_CONFIDENCE, everyday
        if category is Category.REJECTION and (receipt := acknowledgement(email)):
            return Category.CONFIRMATION, ACKNOWLEDGED_CONFIDENCE, receipt
        if category is Category.CONFIRMATION and (decided := plain_decision(email)):
            return Category.REJECTION, ACKNOWLEDGED_CONFIDENCE, decided
        return category, confidence, why

    def _assemble(
        self, email: Email, category: Category, confidence: float, why: Evidence
    ) -> Reading:
        category, confidence, why = self.corrected(email, category, confidence, why)
        details = extract(email, category)
        return Reading(
            email_id=email.id,
            category=category,
            confidence=confidence,
            rejection=(details.rejection or Rejection())
            if category is Category.REJECTION
            else None,
            company=details.company,
            role=details.role,
            contact=details.contact,
            no_reply=details.no_reply,
            ats=details.ats,
            door_closed=details.door_closed,
            requisition_id=details.requisition_id,
            evidence=(why, *details.evidence),
            model_version=self.classifier.version,
        )


def _sent_by(email: Email, own: frozenset[str]) -> Evidence | None:
    """Evidence that the user sent `email`, or None when someone else did."""
    sender = email.sender.email.lower() if email.sender else ""
    if not sender or sender not in own:
        return None
    return Evidence("category", Category.OTHER.value, SENT_BY_YOU, f"sent by you ({sender})")


def load_reader(extra: Sequence[Example] = (), cache_dir: Path | None = None) -> Reader:
    """A reader whose model knows the shipped examples plus `extra` corrections."""
    return Reader(train_classifier(extra, cache_dir))
