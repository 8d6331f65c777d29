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
    SkipKind,
    Stage,
)
from gracefully.domain.text import storable
from gracefully.store.db import fit, insert_for
from gracefully.store.tables import (
    CorrectionRow,
    EmailRow,
    LinkRow,
    ReadingRow,
    ScanRow,
    SkippedRow,
)

MAX_ID = 255


def storage_id(email_id: str) -> str:
    """Ids that do not fit the key column (absurd Message-IDs) or that a database
    would refuse (NUL, lone surrogates) are hashed, stably."""
    if len(email_id) <= MAX_ID and email_id.isprintable() and email_id.isascii():
        return email_id
    if len(email_id) <= MAX_ID and storable(email_id) == email_id:
        return email_id
    raw = email_id.encode("utf-8", "surrogatepass")
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def _safe_opt(text: str | None) -> str | None:
    return None if text is None else storable(text)


def fingerprints(session: Session) -> dict[str, str | None]:
    """Every stored id with its content hash (None for rows from before hashes were kept)."""
    rows = session.execute(select(EmailRow.id, EmailRow.content_hash))
    return {email_id: digest for email_id, digest in rows}


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
    headers = {**email.headers, **_notes(email)} if keep_body else {}
    return {
        "id": storage_id(email.id),
        "message_id": _safe_opt(email.message_id and email.message_id[:998]),
        "subject": storable(email.subject[:2000]),
        "sender_name": storable(sender.name[:255]),
        "sender_email": storable(sender.email[:320]),
        "reply_to": storable(email.reply_to.email[:320]) if email.reply_to else None,
        "date": email.date,
        "in_reply_to": _safe_opt(email.in_reply_to and email.in_reply_to[:998]),
        "thread_refs": [storable(ref) for ref in email.references],
        "source": storable(email.source),
        "body": storable(email.body) if keep_body else None,
        "new_text": storable(email.new_text) if keep_body else None,
        "signature": storable(email.signature) if keep_body else None,
        "headers": {storable(k): storable(v) for k, v in headers.items()},
        "scanned_at": now,
        "content_hash": email.content_hash or None,
    }


def _notes(email: Email) -> dict[str, str]:
    """What ingest repaired, kept beside the headers so the user can see it."""
    return {"X-Gracefully-Repaired": "; ".join(email.notes)} if email.notes else {}


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
        alt_role_text=_safe_opt(rej.alt_role_text) if rej else None,
        personal=bool(rej and rej.personal),
        company=_safe_opt(reading.company),
        role=_safe_opt(reading.role),
        contact=_safe_opt(reading.contact),
        no_reply=reading.no_reply,
        ats=reading.ats,
        door_closed=reading.door_closed,
        requisition_id=reading.requisition_id,
        evidence=[
            {
                "field": e.field,
                "value": e.value,
                "rule": e.rule,
                "sentence": storable(e.sentence),
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
    emails = [fit(EmailRow.__table__, _email_values(e, e.id in keep_body, now)) for e, _ in pairs]
    # executemany form: the statement compiles once and is cached (a VALUES list would not be)
    new_rows = insert(EmailRow).on_conflict_do_nothing(index_elements=["id"])
    stored = set(session.scalars(new_rows.returning(EmailRow.id), emails))
    readings = [
        fit(ReadingRow.__table__, _reading_values(r))
        for _, r in pairs
        if storage_id(r.email_id) in stored
    ]
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
    session.merge(ReadingRow(**fit(ReadingRow.__table__, _reading_values(reading))))


def record_skipped(session: Session, items: Sequence[Malformed]) -> int:
    """Record unreadable messages once per place; returns how many were new."""
    if not items:
        return 0
    by_ref = {storable(m.source)[:1024]: m for m in items}
    seen = set(session.scalars(select(SkippedRow.ref).where(SkippedRow.ref.in_(list(by_ref)))))
    now = datetime.now(UTC)
    fresh = {ref: m for ref, m in by_ref.items() if ref not in seen}
    session.add_all(
        SkippedRow(ref=ref, reason=storable(m.reason), kind=m.kind.value, size=m.size, seen_at=now)
        for ref, m in fresh.items()
    )
    return len(fresh)


def skipped(session: Session) -> list[Malformed]:
    rows = session.scalars(select(SkippedRow).order_by(SkippedRow.id))
    return [Malformed(r.ref, r.reason, SkipKind(r.kind), r.size) for r in rows]


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


def applications_of(session: Session) -> dict[str, int]:
    """email id -> the application its applied link puts it in (links still waiting
    for review are guesses, and are left out)."""
    rows = session.execute(
        select(LinkRow.email_id, LinkRow.application_id).where(
            LinkRow.application_id.is_not(None), LinkRow.needs_review.is_(False)
        )
    )
    return {email_id: app_id for email_id, app_id in rows}
