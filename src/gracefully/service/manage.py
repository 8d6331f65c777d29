"""Use cases for changing applications by hand: add, edit, note, status, merges, silence, undo.

Every change that could lose something is logged with its inverse (see
`store.tracking`), and `undo` replays the newest one (marking mail not a job,
in `service.not_a_job`, is undone here too). Fields set here go into
`Application.manual`, so a later scan never overwrites them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, time
from email.utils import parseaddr
from typing import Any

from sqlalchemy.orm import Session

from gracefully import track
from gracefully.config import Settings
from gracefully.domain import Address, Application, Contact, Event, EventKind, Status
from gracefully.store import applications as app_store
from gracefully.store import followups as fu_store
from gracefully.store import tracking as track_store
from gracefully.store.db import Database
from gracefully.store.tracking import Change

EDITABLE = ("company", "role", "applied_on", "url", "requisition_id", "company_domain", "notes")
"""Fields `edit` may set; status has its own command so that it leaves a timeline event."""
_OPEN = frozenset({Status.APPLIED, Status.IN_PROCESS, Status.NO_RESPONSE})


class ManageError(ValueError):
    """The change cannot be made; the message says why and what to do instead."""


@dataclass(frozen=True)
class NewApplication:
    """An application the user enters by hand (or a tracker export row)."""

    company: str
    role: str | None = None
    applied_on: date | None = None
    url: str | None = None
    contact: str | None = None
    """"Name <email>", a bare address, or a name."""
    notes: str = ""
    status: Status | None = None

    def given(self) -> frozenset[str]:
        return frozenset(f.name for f in fields(self) if getattr(self, f.name) not in (None, ""))


def add_application(db: Database, new: NewApplication) -> int:
    with db.transaction() as session:
        return create_application(session, new, app_store.aliases(session))


def create_application(session: Session, new: NewApplication, aliases: Mapping[str, str]) -> int:
    """Store a hand-made application; every field given counts as manual."""
    company = new.company.strip()
    if not company:
        raise ManageError("an application needs a company")
    when = _midnight(new.applied_on) if new.applied_on else None
    app = Application(
        company=company,
        role=new.role or None,
        status=new.status or Status.APPLIED,
        applied_on=new.applied_on,
        updated_at=when,
        url=new.url or None,
        notes=new.notes,
        manual=new.given() - {"contact"},
    )
    app_id = app_store.create(session, app, _key(aliases, company))
    if when is not None:
        app_store.add_events(session, [(app_id, Event(EventKind.APPLIED, when, "applied"))])
    if new.contact:
        app_store.add_contacts(session, [(app_id, parse_contact(new.contact))])
    return app_id


def parse_contact(text: str) -> Contact:
    name, address = parseaddr(text)
    if "@" not in address:
        return Contact(name=text.strip())
    mailbox = Address(name, address.lower())
    return Contact(
        name=name or mailbox.email, email=mailbox.email, contactable=not track.is_no_reply(mailbox)
    )


def edit_application(db: Database, app_id: int, changes: Mapping[str, Any]) -> Application:
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ManageError(f"cannot edit {', '.join(sorted(unknown))}; editable: {EDITABLE}")
    if not changes:
        raise ManageError("nothing to change: give at least one field")
    with db.transaction() as session:
        before = [_snapshot(session, app_id)]
        values = dict(changes)
        if "company" in values:
            values["company_key"] = _key(app_store.aliases(session), values["company"])
        track_store.set_fields(session, app_id, values, manual=changes)
        track_store.log_change(session, "edit", f"edited #{app_id}", {"apps": before})
        return _get(session, app_id)


def add_note(db: Database, app_id: int, text: str, *, now: datetime | None = None) -> None:
    """A note joins the application's notes and its timeline (undo removes both)."""
    if not text.strip():
        raise ManageError("the note is empty")
    now = now or datetime.now(UTC)
    with db.transaction() as session:
        app = _get(session, app_id)
        before = [_snapshot(session, app_id)]
        notes = f"{app.notes}\n{text}" if app.notes else text
        track_store.set_fields(session, app_id, {"notes": notes})
        created = _add_events(session, [app_id], EventKind.NOTE, now, text)
        inverse = {"apps": before, "created_events": created}
        track_store.log_change(session, "note", f"note on #{app_id}", inverse)


def set_status(
    db: Database, app_id: int, status: Status, *, now: datetime | None = None
) -> Application:
    with db.transaction() as session:
        _get(session, app_id)
        _set_statuses(session, [app_id], status, now or datetime.now(UTC), "status")
        return _get(session, app_id)


def silent_applications(
    db: Database, settings: Settings, *, days: int | None = None, now: datetime | None = None
) -> list[Application]:
    """Open applications with no news from the employer for `days` (default: the setting)."""
    days = days if days is not None else settings.silence_days
    now = now or datetime.now(UTC)
    with db.transaction() as session:
        return [app for app in app_store.list_all(session) if _is_silent(session, app, days, now)]


def close_silent(
    db: Database, settings: Settings, *, days: int | None = None, now: datetime | None = None
) -> list[Application]:
    """Close every silent application in one change, which one `undo` reverses."""
    now = now or datetime.now(UTC)
    silent = silent_applications(db, settings, days=days, now=now)
    if silent:
        with db.transaction() as session:
            ids = [a.id for a in silent if a.id is not None]
            _set_statuses(session, ids, Status.CLOSED, now, "close_silent")
    return silent


def merge_applications(
    db: Database, settings: Settings, keep_id: int, absorb_id: int, *, now: datetime | None = None
) -> track.MergePlan:
    """Move `absorb`'s emails, events, contacts and notes into `keep`. Reversible: the
    absorbed row stays (hidden from lists), and the log says what moved."""
    if keep_id == absorb_id:
        raise ManageError("an application cannot be merged into itself")
    with db.transaction() as session:
        merged = track_store.merged_ids(session)
        if {keep_id, absorb_id} & merged:
            raise ManageError("one of these applications is already merged; `gracefully undo`?")
        if {keep_id, absorb_id} & app_store.not_a_job_ids(session):
            raise ManageError("one of these applications is marked not a job; `gracefully undo`?")
        keep, absorb = _get(session, keep_id), _get(session, absorb_id)
        plan = track.merge_plan(keep, absorb)
        before = [_snapshot(session, keep_id), _snapshot(session, absorb_id)]
        moves = _move_rows(session, absorb_id, keep_id)
        track_store.set_fields(session, keep_id, {**plan.fill, "notes": plan.notes})
        inverse = {"apps": before, "moves": moves, "merged": [absorb_id]}
        summary = f"merged #{absorb_id} ({absorb.company}) into #{keep_id}"
        change = track_store.log_change(session, "merge", summary, inverse)
        track_store.record_merge(session, absorb_id, keep_id, change)
        refresh(session, settings, keep_id, now or datetime.now(UTC))
    return plan


def merge_company(db: Database, keep: str, absorb: str) -> dict[str, str]:
    """The user says two names are one company; returns the aliases now in force."""
    return _change_aliases(
        db, "merge_company", f"{absorb} is {keep}", track.merge_companies, keep, absorb
    )


def split_company(db: Database, name: str) -> dict[str, str]:
    """The user says `name` is a company of its own, not an alias."""
    return _change_aliases(
        db, "split_company", f"{name} is its own company", track.split_company, name
    )


def undo(db: Database) -> Change | None:
    """Reverse the newest change not undone yet, from the inverse it logged."""
    with db.transaction() as session:
        change = track_store.last_change(session)
        if change is None:
            return None
        inverse = change.inverse
        for moved in reversed(inverse.get("moves", [])):
            track_store.move(session, moved["table"], moved["ids"], moved["from"])
        track_store.delete_events(session, inverse.get("created_events", []))
        track_store.unmerge(session, inverse.get("merged", []))
        for saved in inverse.get("emails", []):
            track_store.restore_email_rows(session, saved)
        if "aliases" in inverse:
            track_store.replace_aliases(session, inverse["aliases"], learnt=False)
        for saved in inverse.get("apps", []):
            track_store.restore(session, saved)
        track_store.mark_undone(session, change.id)
        return change


def refresh(session: Session, settings: Settings, app_id: int, now: datetime) -> None:
    """Stage and status follow from the whole timeline after rows moved in or out."""
    refresh_timeline(session, app_id, now, settings.silence_days)


def refresh_timeline(session: Session, app_id: int, now: datetime, silence_days: int) -> None:
    """`refresh`, given the silence that makes an application "no response"."""
    app = _get(session, app_id)
    manual = app.status if "status" in app.manual else None
    stage, status = track.summarize(
        app.events, now=now, manual_status=manual, silence_days=silence_days
    )
    latest = max((e.at for e in app.events), default=None)
    app_store.update_from_scan(session, app_id, stage=stage, status=status, updated_at=latest)


def _change_aliases(
    db: Database,
    kind: str,
    summary: str,
    how: Callable[..., dict[str, str]],
    *names: str,
) -> dict[str, str]:
    with db.transaction() as session:
        before = app_store.aliases(session)
        after = how(before, *names)
        if after == before:
            raise ManageError(f"nothing changes: {summary} already")
        track_store.replace_aliases(session, after, learnt=False)
        snapshots = _rekey(session, after)
        inverse = {"aliases": before, "apps": snapshots}
        track_store.log_change(session, kind, summary, inverse)
        return after


def _rekey(session: Session, aliases: Mapping[str, str]) -> list[dict[str, Any]]:
    """Give each application its company key under the new aliases; snapshots of those changed."""
    changed = []
    for app in app_store.list_all(session):
        assert app.id is not None
        saved = _snapshot(session, app.id)
        key = _key(aliases, app.company)
        if saved["company_key"] != key:
            changed.append(saved)
            track_store.set_fields(session, app.id, {"company_key": key})
    return changed


def _set_statuses(
    session: Session, app_ids: list[int], status: Status, now: datetime, kind: str
) -> None:
    before = [_snapshot(session, i) for i in app_ids]
    for app_id in app_ids:
        track_store.set_fields(session, app_id, {"status": status}, manual={"status"})
    created = _add_events(session, app_ids, EventKind.STATUS, now, f"status set to {status}")
    inverse = {"apps": before, "created_events": created}
    summary = f"status {status} for {len(app_ids)} application(s)"
    track_store.log_change(session, kind, summary, inverse)


def _add_events(
    session: Session, app_ids: list[int], kind: EventKind, at: datetime, summary: str
) -> list[int]:
    app_store.add_events(session, [(i, Event(kind, at, summary)) for i in app_ids])
    return track_store.latest_event_ids(session, app_ids, kind.value)


def _move_rows(session: Session, absorb_id: int, keep_id: int) -> list[dict[str, Any]]:
    """Move links, events, follow-ups; contacts too, unless `keep` already has the same person."""
    present = set(track_store.contacts_at(session, keep_id).values())
    theirs = track_store.contacts_at(session, absorb_id)
    ids = {
        "links": track_store.row_ids(session, "links", absorb_id),
        "events": track_store.row_ids(session, "events", absorb_id),
        "contacts": [i for i, key in theirs.items() if key not in present],
        "followups": _followups_to_move(session, absorb_id, keep_id),
    }
    for table, moving in ids.items():
        track_store.move(session, table, moving, keep_id)
    moved = [{"table": t, "ids": i, "from": absorb_id} for t, i in ids.items()]
    return moved + _move_prefs(session, absorb_id, keep_id)


def _followups_to_move(session: Session, absorb_id: int, keep_id: int) -> list[int]:
    """The absorbed follow-ups, except for a rejection `keep` already follows up
    (that one stays behind, hidden with the absorbed application)."""
    covered = {f.rejection_email_id for f in fu_store.for_application(session, keep_id)}
    return [
        f.id  # type: ignore[misc]
        for f in fu_store.for_application(session, absorb_id)
        if f.rejection_email_id not in covered
    ]


def _move_prefs(session: Session, absorb_id: int, keep_id: int) -> list[dict[str, Any]]:
    """What the user said about `absorb` goes along, unless `keep` has its own say.
    The row's key is the application id, so undo moves back the row keyed `keep_id`."""
    prefs = "application_prefs"
    if track_store.row_ids(session, prefs, keep_id) or not track_store.row_ids(
        session, prefs, absorb_id
    ):
        return []
    track_store.move(session, prefs, [absorb_id], keep_id)
    return [{"table": prefs, "ids": [keep_id], "from": absorb_id}]


def _is_silent(session: Session, app: Application, days: int, now: datetime) -> bool:
    if app.status not in _OPEN or app.id is None:
        return False
    if "status" in app.manual and app.status is not Status.NO_RESPONSE:
        return False
    events = app_store.events(session, app.id)
    if not events and app.updated_at is not None:
        events = [Event(EventKind.APPLIED, app.updated_at)]
    _, status = track.summarize(events, now=now, silence_days=days)
    return status is Status.NO_RESPONSE


def _snapshot(session: Session, app_id: int) -> dict[str, Any]:
    try:
        return track_store.snapshot(session, app_id)
    except LookupError as exc:
        raise ManageError(f"no application {app_id}; `gracefully applications` lists them") from exc


def _get(session: Session, app_id: int) -> Application:
    app = app_store.get(session, app_id)
    if app is None:
        raise ManageError(f"no application {app_id}; `gracefully applications` lists them")
    return app


def _key(aliases: Mapping[str, str], company: str) -> str:
    return track.canonical(aliases, track.company_key(company))


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)
