"""Emails, readings, corrections and skipped messages: domain <-> rows."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from gracefully.domain import (
    Address,
    Category,
    Email,
    Evidence,
    Feedback,
    Malformed,
    Reading,
    Reason,
    Rejection,
    Stage,
)
from gracefully.store.db import insert_for
from gracefully.store.tables import CorrectionRow, EmailRow, ReadingRow, ScanRow, SkippedRow

MAX_ID = 255


def storage_id(email_id: str) -> str:
    """Ids longer than the key column (absurd Message-IDs) are hashed, stably."""
    if len(email_id) <= MAX_ID:
        return email_id
    return "sha256:" + hashlib.sha256(email_id.encode()).hexdigest()


def known_ids(session: Session, ids: Iterable[str] | None = None) -> set[str]:
    """The ids already stored: all of them, or those among `ids`."""
    if ids is None:
        return set(session.scalars(select(EmailRow.id)))
    wanted = [storage_id(i) for i in ids]
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(session.scalars(select(EmailRow.id).where(EmailRow.id.in_(chunk))))
    return found


def _email_values(email: Email, keep_body: bool, now: datetime) -> dict[str, object]:
    sender = email.sender or Address("", "")
    return {
        "id": storage_id(email.id),
        "message_id": email.message_id,
        "subject": email.subject[:2000],
        "sender_name": sender.name[:255],
        "sender_email": sender.email[:320],
        "reply_to": email.reply_to.email[:320] if email.reply_to else None,
        "date": email.date,
        "in_reply_to": email.in_reply_to,
        "thread_refs": list(email.references),
        "source": email.source,
        "body": email.body if keep_body else None,
        "new_text": email.new_text if keep_body else None,
        "signature": email.signature if keep_body else None,
        "headers": dict(email.headers) if keep_body else {},
        "scanned_at": now,
    }


def _reading_values(reading: Reading) -> dict[str, object]:
    rej = reading.rejection
    return dict(
        email_id=storage_id(reading.email_id),
        category=reading.category.value,
        confidence=reading.confidence,
        is_rejection=rej is not None,
        stage=rej.stage.value if rej else None,
        reasons=[r.value for r in rej.reasons] if rej else [],
        feedback=rej.feedback.value if rej else None,
        keep_on_file=bool(rej and rej.keep_on_file),
        invite_reapply=bool(rej and rej.invite_reapply),
        alt_role=bool(rej and rej.alt_role),
        alt_role_text=rej.alt_role_text if rej else None,
        personal=bool(rej and rej.personal),
        company=reading.company,
        role=reading.role,
        contact=reading.contact,
        no_reply=reading.no_reply,
        ats=reading.ats,
        door_closed=reading.door_closed,
        requisition_id=reading.requisition_id,
        evidence=[
            {
                "field": e.field,
                "value": e.value,
                "rule": e.rule,
                "sentence": e.sentence,
                "start": e.start,
                "end": e.end,
            }
            for e in reading.evidence
        ],
        model_version=reading.model_version,
        corrected=reading.corrected,
    )


def add_emails(
    session: Session, pairs: Sequence[tuple[Email, Reading]], *, keep_body: set[str]
) -> set[str]:
    """Store new emails with their readings, in bulk; returns the ids it stored.

    Bodies only for ids in `keep_body`. One already stored (another scan of
    the same mailbox got there first) is left as it is and not returned, so
    two scans running at once neither fail nor handle a message twice.
    """
    if not pairs:
        return set()
    now = datetime.now(UTC)
    insert = insert_for(session)
    emails = [_email_values(e, e.id in keep_body, now) for e, _ in pairs]
    # executemany form: the statement compiles once and is cached (a VALUES list would not be)
    new_rows = insert(EmailRow).on_conflict_do_nothing(index_elements=["id"])
    stored = set(session.scalars(new_rows.returning(EmailRow.id), emails))
    readings = [_reading_values(r) for _, r in pairs if storage_id(r.email_id) in stored]
    if readings:
        session.execute(insert(ReadingRow), readings)
    return stored


def record_scan(session: Session, location: str, started: datetime, counts: dict[str, int]) -> None:
    """Remember that a scan of `location` finished, and what it found."""
    session.add(
        ScanRow(location=location, started_at=started, finished_at=datetime.now(UTC), counts=counts)
    )


def save_reading(session: Session, reading: Reading) -> None:
    """Replace a stored reading (after a retrain or a correction)."""
    session.merge(ReadingRow(**_reading_values(reading)))


def record_skipped(session: Session, items: Sequence[Malformed]) -> int:
    """Record unreadable messages once per place; returns how many were new."""
    if not items:
        return 0
    refs = [m.source for m in items]
    seen = set(session.scalars(select(SkippedRow.ref).where(SkippedRow.ref.in_(refs))))
    now = datetime.now(UTC)
    fresh = {m.source: m for m in items if m.source not in seen}
    session.add_all(SkippedRow(ref=m.source, reason=m.reason, seen_at=now) for m in fresh.values())
    return len(fresh)


def skipped(session: Session) -> list[Malformed]:
    rows = session.scalars(select(SkippedRow).order_by(SkippedRow.id))
    return [Malformed(r.ref, r.reason) for r in rows]


def row_to_email(row: EmailRow) -> Email:
    return Email(
        id=row.id,
        subject=row.subject,
        sender=Address(row.sender_name, row.sender_email) if row.sender_email else None,
        date=row.date,
        body=row.body or "",
        new_text=row.new_text or "",
        signature=row.signature or "",
        message_id=row.message_id,
        in_reply_to=row.in_reply_to,
        references=tuple(row.thread_refs or ()),
        reply_to=Address("", row.reply_to) if row.reply_to else None,
        headers=dict(row.headers or {}),
        source=row.source,
    )


def row_to_reading(row: ReadingRow) -> Reading:
    rejection = None
    if row.is_rejection:
        rejection = Rejection(
            stage=Stage(row.stage or "unknown"),
            reasons=tuple(Reason(r) for r in row.reasons),
            feedback=Feedback(row.feedback or "none"),
            keep_on_file=row.keep_on_file,
            invite_reapply=row.invite_reapply,
            alt_role=row.alt_role,
            personal=row.personal,
            alt_role_text=row.alt_role_text,
        )
    return Reading(
        email_id=row.email_id,
        category=Category(row.category),
        confidence=row.confidence,
        rejection=rejection,
        company=row.company,
        role=row.role,
        contact=row.contact,
        no_reply=row.no_reply,
        ats=row.ats,
        door_closed=row.door_closed,
        requisition_id=row.requisition_id,
        evidence=tuple(Evidence(**e) for e in row.evidence),  # type: ignore[arg-type]
        model_version=row.model_version,
        corrected=row.corrected,
    )


def get(session: Session, email_id: str) -> tuple[Email, Reading | None] | None:
    row = session.get(EmailRow, storage_id(email_id))
    if row is None:
        return None
    reading = session.get(ReadingRow, row.id)
    return row_to_email(row), (row_to_reading(reading) if reading else None)


def emails_with_readings(
    session: Session, ids: Iterable[str] | None = None
) -> Iterator[tuple[Email, Reading]]:
    """Stored emails that have a body, with their readings, oldest first."""
    query = (
        select(EmailRow, ReadingRow)
        .join(ReadingRow, ReadingRow.email_id == EmailRow.id)
        .where(EmailRow.body.is_not(None))
        .order_by(EmailRow.date, EmailRow.id)
    )
    if ids is not None:
        query = query.where(EmailRow.id.in_([storage_id(i) for i in ids]))
    for email_row, reading_row in session.execute(query):
        yield row_to_email(email_row), row_to_reading(reading_row)


def add_correction(session: Session, email_id: str, field: str, value: str) -> None:
    session.add(
        CorrectionRow(
            email_id=storage_id(email_id), field=field, value=value, created_at=datetime.now(UTC)
        )
    )


def corrections(session: Session) -> dict[str, dict[str, str]]:
    """email id -> field -> the latest value the user gave."""
    result: dict[str, dict[str, str]] = {}
    for row in session.scalars(select(CorrectionRow).order_by(CorrectionRow.id)):
        result.setdefault(row.email_id, {})[row.field] = row.value
    return result
