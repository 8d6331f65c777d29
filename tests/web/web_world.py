"""What the web tests add to the scanned demo: hostile mail, and questions for the review queue.

Fake people and companies throughout. Everything is written through the
store, the way a scan stores it, so each test states exactly what it shows.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from tests.service.review_world import scan_demo

from gracefully.config import Settings, load_settings
from gracefully.domain import (
    Address,
    Application,
    Category,
    Contact,
    ContactRole,
    Email,
    Event,
    EventKind,
    Evidence,
    Link,
    LinkSignal,
    Reading,
    Reason,
    Rejection,
    Stage,
    Status,
)
from gracefully.service.demo import demo_followups
from gracefully.store import applications as app_store
from gracefully.store import mail as mail_store
from gracefully.store.db import Database
from gracefully.understand import Reader

BASE = "http://127.0.0.1"
WHEN = datetime(2026, 4, 20, 14, 30, tzinfo=UTC)
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
"""After the demo's last email, so the demo's follow-ups are due."""
SCRIPT = "<script>window.pwned=1</script>"
IMG = '<img src=x onerror="window.pwned=2;alert(1)">'
HOSTILE = f"{SCRIPT}{IMG}"
HOSTILE_ID = "<hostile-1@quarrelsome.example>"
HOSTILE_REASON = f"{HOSTILE} We have decided to move forward with other candidates."
UNSURE_ID = "<unsure-1@mossbank.example>"
UNSURE_SENTENCE = "The Mossbank panel has chosen another path for the Ledger Analyst opening."
LINK_ID = "<maybe-1@mossbank-careers.example>"


def _email(message_id: str, subject: str, sender: Address, body: str) -> Email:
    return Email(
        id=message_id,
        subject=subject,
        sender=sender,
        date=WHEN,
        body=body,
        new_text=body,
        message_id=message_id,
    )


def _rejection(email: Email, company: str, sentence: str, confidence: float) -> Reading:
    start = email.text.index(sentence)
    return Reading(
        email_id=email.id,
        category=Category.REJECTION,
        confidence=confidence,
        rejection=Rejection(stage=Stage.SCREEN, reasons=(Reason.OTHER_CANDIDATE,)),
        company=company,
        role="Ledger Analyst",
        evidence=(
            Evidence(
                "reasons", "other_candidate", "web-test", sentence, start, start + len(sentence)
            ),
        ),
    )


def _application(session, company: str, email: Email) -> int:  # type: ignore[no-untyped-def]
    app = Application(
        company=company,
        role=f"Ledger Analyst {HOSTILE}" if HOSTILE in company else "Ledger Analyst",
        status=Status.REJECTED,
        stage=Stage.SCREEN,
    )
    app_id = app_store.create(session, app, re.sub(r"\W+", "", company.lower()))
    app_store.add_link(session, Link(email.id, app_id, LinkSignal.THREAD, 1.0))
    app_store.add_events(
        session, [(app_id, Event(EventKind.REJECTION, WHEN, email.subject, email.id))]
    )
    return app_id


def seed_hostile(db: Database) -> int:
    """An application whose company, role, contact, subject and body all carry
    script and an image with an onerror handler; returns its id."""
    body = f"Hi Sam,\n\nThank you for applying. {HOSTILE_REASON}\n\nBest,\nMallory {HOSTILE}\n"
    email = _email(
        HOSTILE_ID,
        f"Your application {HOSTILE}",
        Address(f"Mallory {SCRIPT}", "mallory@quarrelsome.example"),
        body,
    )
    company = f"Quarrelsome {HOSTILE}"
    with db.transaction() as session:
        reading = _rejection(email, company, HOSTILE_REASON, 0.95)
        mail_store.add_emails(session, [(email, reading)], keep_body={email.id})
        app_id = _application(session, company, email)
        contact = Contact(f"Mallory {IMG}", "mallory@quarrelsome.example", ContactRole.RECRUITER)
        app_store.add_contacts(session, [(app_id, contact)])
    return app_id


def seed_questions(db: Database) -> int:
    """Two questions for the review queue, at a made-up company: a rejection read
    with little confidence, and an email whose application the linker would not
    guess. Returns the id of the application the second one belongs to."""
    unsure = _email(
        UNSURE_ID,
        "About the Ledger Analyst opening",
        Address("Wren Halloway", "wren@mossbank.example"),
        f"Hello Sam,\n\n{UNSURE_SENTENCE} Thank you for your time.\n\nWren\n",
    )
    maybe = _email(
        LINK_ID,
        "Next steps",
        Address("Mossbank Careers", "jobs@mossbank-careers.example"),
        f"Hello Sam,\n\n{UNSURE_SENTENCE}\n\nMossbank Careers\n",
    )
    with db.transaction() as session:
        mail_store.add_emails(
            session,
            [
                (unsure, _rejection(unsure, "Mossbank", UNSURE_SENTENCE, 0.35)),
                (maybe, _rejection(maybe, "Mossbank", UNSURE_SENTENCE, 0.9)),
            ],
            keep_body={unsure.id, maybe.id},
        )
        app_id = _application(session, "Mossbank", unsure)
        app_store.add_link(
            session,
            Link(maybe.id, app_id, LinkSignal.FUZZY, 0.5, f"a company like #{app_id}", True),
        )
    return app_id


def settings_for(url: str, folder: Path) -> Settings:
    return load_settings(
        db=url,
        env={
            "GRACEFULLY_DATA_DIR": str(folder / "data"),
            "GRACEFULLY_CONFIG_DIR": str(folder / "config"),
        },
    )


def scan_and_plan(url: str, folder: Path, reader: Reader) -> Settings:
    """The demo mailbox scanned into `url`, its follow-ups planned and drafted."""
    settings = settings_for(url, folder)
    db = Database(url)
    try:
        scan_demo(db, settings, reader)
        demo_followups(db, settings)
    finally:
        db.close()
    return settings


def form_token(html: str) -> str:
    """The form token a page carries, as a browser would submit it."""
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the page has no form token"
    return found.group(1)


def approve_fields(html: str, followup_id: int) -> dict[str, str]:
    """The hidden fields of a draft's approve form (revision and text seen), as a
    browser would submit them."""
    form = re.search(
        rf'<form method="post" action="/drafts/{followup_id}/approve".*?</form>', html, re.S
    )
    assert form, f"the page has no approve form for follow-up {followup_id}"
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form.group(0)))
