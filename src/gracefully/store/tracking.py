"""Company aliases, the change log behind `gracefully undo`, merges, and the review queue's rows.

Every change a person can undo records its own inverse here: snapshots of the
application rows it touched, the rows it moved, the aliases it replaced, and for
mail marked not a job, the email's reading, link, events and follow-ups.
Undo replays that inverse; nothing is deleted to make a merge happen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Date, delete, select, update
from sqlalchemy.orm import Session

from gracefully.domain import Email, Link, Reading, Stage, Status
from gracefully.store.applications import _link
from gracefully.store.mail import row_to_email, row_to_reading, storage_id
from gracefully.store.tables import (
    ApplicationPrefRow,
    ApplicationRow,
    ChangeRow,
    CompanyAliasRow,
    ContactRow,
    CorrectionRow,
    EmailRow,
    EventRow,
    FollowUpRow,
    KeptApartRow,
    LinkRow,
    MergedRow,
    ReadingRow,
    UtcDateTime,
)

_MOVABLE = {
    "links": (LinkRow, LinkRow.email_id),
    "events": (EventRow, EventRow.id),
    "contacts": (ContactRow, ContactRow.id),
    "followups": (FollowUpRow, FollowUpRow.id),
    "application_prefs": (ApplicationPrefRow, ApplicationPrefRow.application_id),
}
"""Rows that belong to an application and move with a merge: table name -> (row, key)."""


@dataclass(frozen=True, slots=True)
class Change:
    id: int
    kind: str
    summary: str
    created_at: datetime
    inverse: dict[str, Any]


# --- aliases ---


def replace_aliases(session: Session, new: Mapping[str, str], *, learnt: bool) -> None:
    """Make the stored aliases equal `new`; aliases that stay keep how they were learnt."""
    rows = {r.alias: r for r in session.scalars(select(CompanyAliasRow))}
    for alias, row in rows.items():
        if alias not in new:
            session.delete(row)
        elif row.canonical != new[alias]:
            row.canonical, row.learnt = new[alias], learnt
    now = datetime.now(UTC)
    session.add_all(
        CompanyAliasRow(alias=a, canonical=c, learnt=learnt, created_at=now)
        for a, c in new.items()
        if a not in rows
    )
    session.flush()


# --- the change log ---


def log_change(session: Session, kind: str, summary: str, inverse: dict[str, Any]) -> int:
    row = ChangeRow(kind=kind, summary=summary, inverse=inverse, created_at=datetime.now(UTC))
    session.add(row)
    session.flush()
    return row.id


def last_change(session: Session) -> Change | None:
    """The newest change not undone yet."""
    row = session.scalars(
        select(ChangeRow).where(ChangeRow.undone_at.is_(None)).order_by(ChangeRow.id.desc())
    ).first()
    if row is None:
        return None
    return Change(row.id, row.kind, row.summary, row.created_at, dict(row.inverse))


def mark_undone(session: Session, change_id: int) -> None:
    session.execute(
        update(ChangeRow).where(ChangeRow.id == change_id).values(undone_at=datetime.now(UTC))
    )


# --- application rows: snapshots, fields, moves ---


def snapshot(session: Session, app_id: int) -> dict[str, Any]:
    """Every column of one application, JSON-safe, for the change log."""
    row = session.get(ApplicationRow, app_id)
    if row is None:
        raise LookupError(f"no application {app_id}")
    return _columns(row)


def restore(session: Session, saved: Mapping[str, Any]) -> None:
    """Put an application row back exactly as `snapshot` saw it."""
    row = session.get(ApplicationRow, saved["id"])
    if row is None:
        return
    for key, value in _values(ApplicationRow, saved).items():
        setattr(row, key, value)


def _columns(row: Any) -> dict[str, Any]:
    """Every column of a row, JSON-safe (dates as ISO text)."""
    out: dict[str, Any] = {}
    for column in type(row).__table__.columns:
        value = getattr(row, column.key)
        out[column.key] = value.isoformat() if isinstance(value, date | datetime) else value
    return out


def _values(table: Any, saved: Mapping[str, Any]) -> dict[str, Any]:
    """`_columns` read back: the ISO text of a date column is a date again."""
    out = {}
    for column in table.__table__.columns:
        value = saved[column.key]
        if value is not None and isinstance(column.type, UtcDateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(column.type, Date):
            value = date.fromisoformat(value)
        out[column.key] = value
    return out


def set_fields(
    session: Session, app_id: int, values: Mapping[str, Any], manual: Iterable[str] = ()
) -> None:
    """Set fields by hand; the names in `manual` join the fields a scan never overwrites."""
    row = session.get(ApplicationRow, app_id)
    if row is None:
        raise LookupError(f"no application {app_id}")
    for name, value in values.items():
        setattr(row, name, value.value if isinstance(value, Status | Stage) else value)
    row.manual = sorted(set(row.manual or ()) | set(manual))


def row_ids(session: Session, table: str, app_id: int) -> list[Any]:
    row, key = _MOVABLE[table]
    return list(session.scalars(select(key).where(row.application_id == app_id)))


def move(session: Session, table: str, ids: Iterable[Any], to_app: int) -> None:
    row, key = _MOVABLE[table]
    wanted = list(ids)
    if wanted:
        session.execute(update(row).where(key.in_(wanted)).values(application_id=to_app))


def contacts_at(session: Session, app_id: int) -> dict[int, tuple[str, str]]:
    """contact id -> (name, email) as stored (the unique key of a contact)."""
    rows = session.execute(
        select(ContactRow.id, ContactRow.name, ContactRow.email).where(
            ContactRow.application_id == app_id
        )
    )
    return {i: (name, email or "") for i, name, email in rows}


def event_ids_for_email(session: Session, email_id: str) -> list[int]:
    return list(
        session.scalars(select(EventRow.id).where(EventRow.email_id == storage_id(email_id)))
    )


def delete_events(session: Session, ids: Iterable[int]) -> None:
    wanted = list(ids)
    if wanted:
        session.execute(delete(EventRow).where(EventRow.id.in_(wanted)))


def latest_event_ids(session: Session, app_ids: Iterable[int], kind: str) -> list[int]:
    """The ids of the newest `kind` event of each application (what a change just added)."""
    found = []
    for app_id in app_ids:
        newest = session.scalars(
            select(EventRow.id)
            .where(EventRow.application_id == app_id, EventRow.kind == kind)
            .order_by(EventRow.id.desc())
        ).first()
        if newest is not None:
            found.append(newest)
    return found


# --- not a job: what marking one email changes, and putting it back ---


def email_rows(session: Session, email_id: str) -> dict[str, Any]:
    """What marking `email_id` not a job may change, JSON-safe, for the change log: its
    reading, its link, its events (in any application) and its follow-ups' statuses."""
    sid = storage_id(email_id)
    reading = session.get(ReadingRow, sid)
    link = session.get(LinkRow, sid)
    events = session.scalars(select(EventRow).where(EventRow.email_id == sid).order_by(EventRow.id))
    followups = session.execute(
        select(FollowUpRow.id, FollowUpRow.status).where(FollowUpRow.rejection_email_id == sid)
    )
    return {
        "email_id": sid,
        "reading": _columns(reading) if reading is not None else None,
        "link": _columns(link) if link is not None else None,
        "events": [_columns(e) for e in events],
        "followups": [[i, status] for i, status in followups],
        "corrections": correction_ids(session, sid),
    }


def restore_email_rows(session: Session, saved: Mapping[str, Any]) -> None:
    """Put back what `email_rows` saw: the reading, the link (or none), the events with
    their ids and the follow-ups' statuses; corrections made since are removed."""
    sid = saved["email_id"]
    made = set(correction_ids(session, sid)) - set(saved["corrections"])
    if made:
        session.execute(delete(CorrectionRow).where(CorrectionRow.id.in_(made)))
    if saved["reading"] is not None:
        session.merge(ReadingRow(**_values(ReadingRow, saved["reading"])))
    if saved["link"] is not None:
        session.merge(LinkRow(**_values(LinkRow, saved["link"])))
    else:
        session.execute(delete(LinkRow).where(LinkRow.email_id == sid))
    for event in saved["events"]:
        if session.get(EventRow, event["id"]) is None:
            session.add(EventRow(**_values(EventRow, event)))
    for followup_id, status in saved["followups"]:
        set_followup_statuses(session, [followup_id], status)
    session.flush()


def correction_ids(session: Session, email_id: str) -> list[int]:
    query = select(CorrectionRow.id).where(CorrectionRow.email_id == storage_id(email_id))
    return list(session.scalars(query.order_by(CorrectionRow.id)))


def set_followup_statuses(session: Session, ids: Iterable[int], status: str) -> None:
    wanted = list(ids)
    if wanted:
        session.execute(update(FollowUpRow).where(FollowUpRow.id.in_(wanted)).values(status=status))


def delete_email_events(session: Session, email_id: str) -> set[int]:
    """Remove the events `email_id` made; returns the applications they were in."""
    sid = storage_id(email_id)
    apps = set(session.scalars(select(EventRow.application_id).where(EventRow.email_id == sid)))
    session.execute(delete(EventRow).where(EventRow.email_id == sid))
    return apps


# --- merges and pairs kept apart ---


def record_merge(session: Session, absorbed: int, into: int, change_id: int) -> None:
    session.add(MergedRow(application_id=absorbed, into_id=into, change_id=change_id))


def unmerge(session: Session, absorbed: Iterable[int]) -> None:
    wanted = list(absorbed)
    if wanted:
        session.execute(delete(MergedRow).where(MergedRow.application_id.in_(wanted)))


def merged_ids(session: Session) -> set[int]:
    return set(session.scalars(select(MergedRow.application_id)))


def keep_apart(session: Session, a_id: int, b_id: int) -> None:
    a, b = sorted((a_id, b_id))
    if session.get(KeptApartRow, (a, b)) is None:
        session.add(KeptApartRow(a_id=a, b_id=b))


def kept_apart(session: Session) -> set[tuple[int, int]]:
    return {(a, b) for a, b in session.execute(select(KeptApartRow.a_id, KeptApartRow.b_id))}


# --- what the review queue reads ---


def uncertain_readings(session: Session, below: float) -> list[tuple[Email, Reading]]:
    """Readings of mail about a job, less sure than `below` and not corrected, least sure first.

    Mail read as "other" is left out: its body was never kept, and an inbox
    has thousands of them.
    """
    query = (
        select(EmailRow, ReadingRow)
        .join(ReadingRow, ReadingRow.email_id == EmailRow.id)
        .where(
            ReadingRow.confidence < below,
            ReadingRow.corrected.is_(False),
            ReadingRow.category != "other",
        )
        .order_by(ReadingRow.confidence, EmailRow.id)
    )
    return [(row_to_email(e), row_to_reading(r)) for e, r in session.execute(query)]


def pending_links(session: Session) -> list[tuple[Email, Reading, Link]]:
    """Links waiting for a person, with their email and reading, oldest mail first."""
    query = (
        select(EmailRow, ReadingRow, LinkRow)
        .join(ReadingRow, ReadingRow.email_id == EmailRow.id)
        .join(LinkRow, LinkRow.email_id == EmailRow.id)
        .where(LinkRow.needs_review.is_(True))
        .order_by(EmailRow.date, EmailRow.id)
    )
    return [(row_to_email(e), row_to_reading(r), _link(k)) for e, r, k in session.execute(query)]


def link_of(session: Session, email_id: str) -> Link | None:
    row = session.get(LinkRow, storage_id(email_id))
    return _link(row) if row is not None else None
