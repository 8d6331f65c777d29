"""Building the understanding model for this user: shipped examples plus their corrections."""

from __future__ import annotations

from gracefully.config import Settings
from gracefully.domain import Category
from gracefully.store import mail as mail_store
from gracefully.store.db import Database
from gracefully.understand import Example, Reader, load_reader


def user_examples(db: Database) -> list[Example]:
    """Each category the user corrected becomes a training example."""
    with db.transaction() as session:
        fixes = mail_store.corrections(session)
        stored = mail_store.emails_with_readings(
            session, [i for i, f in fixes.items() if "category" in f]
        )
        return [
            Example(
                subject=email.subject,
                sender=str(email.sender or ""),
                body=email.text,
                category=Category(fixes[email.id]["category"]),
            )
            for email, _ in stored
        ]


def make_reader(db: Database, settings: Settings) -> Reader:
    return load_reader(user_examples(db), cache_dir=settings.data_dir / "models")
