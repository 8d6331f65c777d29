"""The understand stage assembled: the category model's verdict plus the detail rules.

The model decides what kind of email this is and how sure it is; the rules
(`understand.details`) read the specifics. Every finding keeps its evidence
so a person can see why and correct it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from gracefully.domain import Category, Email, Evidence, Reading, Rejection
from gracefully.understand.classifier import Classifier, Example, train_classifier
from gracefully.understand.details import extract


@dataclass(frozen=True)
class Reader:
    classifier: Classifier

    def read(self, email: Email) -> Reading:
        return self.read_many([email])[0]

    def read_many(self, emails: Sequence[Email]) -> list[Reading]:
        """Readings in input order; featurisation is batched across the emails."""
        return [
            self._assemble(email, category, confidence, why)
            for email, (category, confidence, why) in zip(
                emails, self.classifier.explain(emails), strict=True
            )
        ]

    def _assemble(
        self, email: Email, category: Category, confidence: float, why: Evidence
    ) -> Reading:
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


def load_reader(extra: Sequence[Example] = (), cache_dir: Path | None = None) -> Reader:
    """A reader whose model knows the shipped examples plus `extra` corrections."""
    return Reader(train_classifier(extra, cache_dir))
