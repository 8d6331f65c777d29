"""Emails and readings survive the trip through both databases unchanged."""

from __future__ import annotations

from datetime import UTC, datetime

from gracefully.domain import (
    Address,
    Application,
    Category,
    Email,
    Evidence,
    Feedback,
    Link,
    LinkSignal,
    Malformed,
    Reading,
    Reason,
    Rejection,
    Stage,
)
from gracefully.store import applications as app_store
from gracefully.store import mail as mail_store
from gracefully.store import tracking as track_store
from gracefully.store.db import Database
from gracefully.understand import apply_corrections

EMAIL = Email(
    id="<abc@northwind.example>",
    subject="Your application to Northwind Analytics",
    sender=Address("Dana Whitfield", "dana@northwind.example"),
    date=datetime(2026, 10, 2, 14, 30, tzinfo=UTC),
    body="Hi Sam,\nWe filled the role internally.\n\nDana",
    new_text="Hi Sam,\nWe filled the role internally.",
    signature="Dana",
    message_id="<abc@northwind.example>",
    references=("<one@x>", "<two@x>"),
    headers={"List-Unsubscribe": "<mailto:u@x>"},
    source="mbox:/tmp/x#0",
)
READING = Reading(
    email_id=EMAIL.id,
    category=Category.REJECTION,
    confidence=0.93,
    rejection=Rejection(
        stage=Stage.INTERVIEW,
        reasons=(Reason.INTERNAL_CANDIDATE,),
        feedback=Feedback.OFFERED,
        keep_on_file=True,
        alt_role=True,
        alt_role_text="Analytics Engineer",
    ),
    company="Northwind Analytics",
    role="Data Analyst",
    contact="Dana Whitfield",
    evidence=(
        Evidence(
            "reasons", "internal_candidate", "internal", "We filled the role internally.", 9, 39
        ),
    ),
    model_version="test-1",
)


def test_email_and_reading_round_trip(db: Database) -> None:
    with db.transaction() as s:
        mail_store.add_emails(s, [(EMAIL, READING)], keep_body={EMAIL.id})
    with db.transaction() as s:
        stored = mail_store.get(s, EMAIL.id)
    assert stored is not None
    email, reading = stored
    assert email == EMAIL
    assert reading == READING


def test_non_job_mail_keeps_no_body(db: Database) -> None:
    other = Reading(email_id=EMAIL.id, category=Category.OTHER, confidence=0.99)
    with db.transaction() as s:
        mail_store.add_emails(s, [(EMAIL, other)], keep_body=set())
    with db.transaction() as s:
        email, _ = mail_store.get(s, EMAIL.id)  # type: ignore[misc]
        assert mail_store.known_ids(s) == {EMAIL.id}
    assert email.body == "" and email.subject == EMAIL.subject


def test_overlong_ids_are_hashed_stably(db: Database) -> None:
    long_id = "<" + "x" * 600 + "@example>"
    email = Email(id=long_id, subject="s", sender=None, date=None, body="b")
    reading = Reading(email_id=long_id, category=Category.OTHER, confidence=1.0)
    with db.transaction() as s:
        mail_store.add_emails(s, [(email, reading)], keep_body=set())
    with db.transaction() as s:
        assert mail_store.known_ids(s, [long_id]) == {mail_store.storage_id(long_id)}
        assert len(mail_store.storage_id(long_id)) <= mail_store.MAX_ID


def test_skipped_messages_are_recorded_once(db: Database) -> None:
    bad = [Malformed("mbox:/x#10", "no headers"), Malformed("mbox:/x#99", "truncated")]
    with db.transaction() as s:
        assert mail_store.record_skipped(s, bad) == 2
    with db.transaction() as s:
        assert mail_store.record_skipped(s, bad[:1]) == 0
        assert [m.source for m in mail_store.skipped(s)] == ["mbox:/x#10", "mbox:/x#99"]


def test_corrections_win_over_the_model() -> None:
    fixed = apply_corrections(
        READING, {"stage": "screen", "reasons": "overqualified,location", "company": "Northwind"}
    )
    assert fixed.corrected and fixed.confidence == 1.0
    assert fixed.rejection is not None and fixed.rejection.stage is Stage.SCREEN
    assert fixed.rejection.reasons == (Reason.OVERQUALIFIED, Reason.LOCATION)
    assert fixed.company == "Northwind"
    not_rejection = apply_corrections(READING, {"category": "confirmation"})
    assert not_rejection.category is Category.CONFIRMATION and not_rejection.rejection is None


def test_latest_correction_per_field_is_kept(db: Database) -> None:
    with db.transaction() as s:
        mail_store.add_emails(s, [(EMAIL, READING)], keep_body={EMAIL.id})
        mail_store.add_correction(s, EMAIL.id, "stage", "screen")
        mail_store.add_correction(s, EMAIL.id, "stage", "assessment")
        mail_store.add_correction(s, EMAIL.id, "category", "rejection")
    with db.transaction() as s:
        assert mail_store.corrections(s) == {
            EMAIL.id: {"stage": "assessment", "category": "rejection"}
        }


def test_a_link_waiting_for_review_keeps_its_candidates(db: Database) -> None:
    with db.transaction() as session:
        mail_store.add_emails(session, [(EMAIL, READING)], keep_body={EMAIL.id})
        ids = [
            app_store.create(session, Application(company="Northwind", role=role), "northwind")
            for role in ("Analyst", "Engineer")
        ]
        app_store.add_link(
            session,
            Link(EMAIL.id, None, LinkSignal.FUZZY, 0.5, "which role?", True, tuple(ids)),
        )
    with db.transaction() as session:
        ((_, _, link),) = track_store.pending_links(session)
    assert link.candidates == tuple(ids) and link.needs_review
