"""A small world for follow-up tests: one rejection stored the way a scan stores it.

Fake people and companies throughout. `seed` writes straight through the
store (no classifier), so each test states exactly the reading it plans from.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from gracefully.domain import (
    Address,
    Application,
    Category,
    Contact,
    ContactRole,
    Email,
    Event,
    EventKind,
    Feedback,
    Link,
    LinkSignal,
    Reading,
    Reason,
    Rejection,
    Stage,
    Status,
)
from gracefully.plan import PlanSettings
from gracefully.store import applications as app_store
from gracefully.store import mail as mail_store
from gracefully.store.db import Database

RECEIVED = datetime(2026, 3, 3, 10, 15, tzinfo=UTC)  # a Tuesday
NOW = RECEIVED + timedelta(hours=6)
LATER = RECEIVED + timedelta(days=3)
SETTINGS = PlanSettings()
USER = Address("Robin Quill", "robin.quill@example.net")
RECRUITER = Contact("Priya Okonkwo-Hale", "priya.hale@lanternworks.example", ContactRole.RECRUITER)
REJECTION_ID = "<rej-4471@mail.lanternworks.example>"
EARLIER_ID = "<screen-4471@mail.lanternworks.example>"


def rejection_email(
    *,
    message_id: str = REJECTION_ID,
    sender: Address | None = None,
    subject: str = "Your application for Data Analyst",
    when: datetime = RECEIVED,
    in_reply_to: str | None = EARLIER_ID,
) -> Email:
    body = (
        "Hi Robin,\n\nThank you for your time. We have decided to move forward with "
        "other candidates.\n\nBest,\nPriya"
    )
    return Email(
        id=message_id,
        subject=subject,
        sender=sender or Address(RECRUITER.name, RECRUITER.email or ""),
        date=when,
        body=body,
        new_text=body,
        message_id=message_id,
        in_reply_to=in_reply_to,
        references=(EARLIER_ID,) if in_reply_to else (),
    )


def rejection_reading(
    email_id: str = REJECTION_ID,
    *,
    reasons: tuple[Reason, ...] = (),
    feedback: Feedback = Feedback.NONE,
    stage: Stage = Stage.SCREEN,
    confidence: float = 0.95,
    category: Category = Category.REJECTION,
    no_reply: bool = False,
    contact: str | None = RECRUITER.name,
) -> Reading:
    rejection = Rejection(stage=stage, reasons=reasons, feedback=feedback)
    return Reading(
        email_id=email_id,
        category=category,
        confidence=confidence,
        rejection=rejection if category is Category.REJECTION else None,
        company="Lanternworks",
        role="Data Analyst",
        contact=contact,
        no_reply=no_reply,
    )


def seed(
    db: Database,
    email: Email | None = None,
    reading: Reading | None = None,
    contacts: tuple[Contact, ...] = (RECRUITER,),
) -> int:
    """Store the application, its rejection (email, reading, link, event) and
    contacts; returns the application id."""
    email = email or rejection_email()
    reading = reading or rejection_reading(email.id)
    app = Application(
        company="Lanternworks", role="Data Analyst", status=Status.REJECTED, stage=Stage.SCREEN
    )
    with db.transaction() as session:
        mail_store.add_emails(session, [(email, reading)], keep_body={email.id})
        app_id = app_store.create(session, app, "lanternworks")
        add_to_application(session, app_id, email, EventKind.REJECTION)
        app_store.add_contacts(session, [(app_id, c) for c in contacts])
    return app_id


def add_to_application(session, app_id: int, email: Email, kind: EventKind) -> None:  # type: ignore[no-untyped-def]
    app_store.add_link(session, Link(email.id, app_id, LinkSignal.THREAD, 1.0))
    app_store.add_events(session, [(app_id, Event(kind, email.date, email.subject, email.id))])  # type: ignore[arg-type]


def store_reply(db: Database, app_id: int, email: Email, reading: Reading) -> None:
    """An employer email arriving later, as a scan would store and link it."""
    with db.transaction() as session:
        mail_store.add_emails(session, [(email, reading)], keep_body={email.id})
        add_to_application(session, app_id, email, EventKind.REPLY)
