"""The track stage inside a scan: link each job email, grow applications, keep timelines.

The functional core (`gracefully.track`) decides; this module applies its
decisions to the store within the scan's transaction. The in-memory index is
updated after every email, exactly as a fresh load from the store would see
it, so linking never depends on where batch boundaries fall: a scan killed
and re-run links exactly as an uninterrupted one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy.orm import Session

from gracefully import track
from gracefully.config import Settings
from gracefully.domain import Contact, Email, Event, Link, LinkSignal, Reading, Stage, Status
from gracefully.store import applications as app_store
from gracefully.store import tracking as track_store
from gracefully.track.identity import Identity


@dataclass
class TrackResult:
    created: int = 0
    to_review: int = 0


@dataclass
class _Timeline:
    """One application's events as this scan knows them, and whether the user fixed its status."""

    events: list[Event]
    manual_status: Status | None
    stage: Stage = Stage.APPLICATION
    status: Status = Status.APPLIED


@dataclass
class _Writes:
    """What a batch will write, gathered so each kind is one bulk statement."""

    links: list[Link] = field(default_factory=list)
    events: list[tuple[int, Event]] = field(default_factory=list)
    contacts: list[tuple[int, Contact]] = field(default_factory=list)

    def flush(self, session: Session) -> None:
        app_store.add_links(session, self.links)
        app_store.add_events(session, self.events)
        app_store.add_contacts(session, self.contacts)


class Tracker:
    def __init__(self, index: track.TrackIndex, settings: Settings, now: datetime) -> None:
        self.index = index
        self.settings = settings
        self.now = now
        self._timelines: dict[int, _Timeline] = {}
        self._learnt: dict[str, str] = {}
        """Tenant and domain aliases learnt in this batch, stored with its writes."""
        self._user = Identity()

    @classmethod
    def load(cls, session: Session, settings: Settings, now: datetime) -> Tracker:
        index = track.TrackIndex(app_store.aliases(session))
        kinds = app_store.event_kinds(session)
        for app in app_store.list_all(session):
            app.contacts = app_store.contacts(session, app.id or 0)
            known = track.Known.of(app)
            index.add_application(replace(known, kinds=kinds.get(known.id, frozenset())))
        for message_id, app_id in app_store.thread_ids(session):
            index.add_message(message_id, app_id)
        return cls(index, settings, now)

    def track(
        self,
        session: Session,
        emails: Sequence[Email],
        readings: Sequence[Reading],
        user: Identity | None = None,
    ) -> TrackResult:
        """Link a batch; links that are unsure wait in the review queue, unapplied.
        The `user` is never one of the contacts."""
        self._user = user or Identity()
        result = TrackResult()
        writes = _Writes()
        touched: set[int] = set()
        for email, reading in zip(emails, readings, strict=True):
            found = track.link(
                email, reading, self.index, review_below=self.settings.link_threshold
            )
            if found is None:
                continue
            if found.application_id is None and not found.needs_review:
                found = self._start_application(session, email, reading, found)
                result.created += found.application_id is not None
            writes.links.append(found)
            if found.needs_review or found.application_id is None:
                result.to_review += 1
                continue
            self._apply(session, email, reading, found, writes)
            touched.add(found.application_id)
        writes.flush(session)
        if self._learnt:
            stored = app_store.aliases(session)
            track_store.replace_aliases(session, {**stored, **self._learnt}, learnt=True)
            self._learnt.clear()
        for app_id in touched:
            self._save(session, app_id)
        return result

    def _start_application(
        self, session: Session, email: Email, reading: Reading, found: Link
    ) -> Link:
        try:
            app = track.new_application(email, reading)
        except ValueError:
            return replace(found, needs_review=True, evidence=f"{found.evidence}; names no company")
        app_id = app_store.create(session, app, self.index.key(app.company))
        self.index.add_application(
            track.Known(app_id, app.company, app.role, app.requisition_id, app.company_domain)
        )
        scoped = track.merge_scoped(self.index.aliases, track.scoped_aliases(email, reading, app))
        if scoped:
            self.index.add_scoped(scoped)
            self._learnt.update(scoped)
        self._timelines[app_id] = _Timeline(events=[], manual_status=None)
        return replace(found, application_id=app_id)

    def _apply(
        self, session: Session, email: Email, reading: Reading, found: Link, writes: _Writes
    ) -> None:
        app_id = found.application_id
        assert app_id is not None
        if email.message_id:
            self.index.add_message(email.message_id, app_id)
        event = track.event_for(email, reading, fallback_at=self.now)
        writes.events.append((app_id, event))
        writes.contacts.extend(
            (app_id, c) for c in track.contacts_for(email, reading) if not self._user.is_user(c)
        )
        timeline = self._timeline(session, app_id)
        timeline.events.append(event)
        timeline.stage, timeline.status = track.summarize(
            timeline.events,
            now=self.now,
            manual_status=timeline.manual_status,
            silence_days=self.settings.silence_days,
        )
        known = self.index.application(app_id)
        role = known.role
        if role is None and reading.role and found.signal is not LinkSignal.FUZZY:
            role = reading.role
        writer = track.writer_of(email)
        self.index.add_application(
            replace(
                known,
                role=role,
                status=timeline.status,
                kinds=known.kinds | {event.kind},
                people=known.people | writer,
                last_seen=max(e.at for e in timeline.events),
            )
        )

    def _timeline(self, session: Session, app_id: int) -> _Timeline:
        if app_id not in self._timelines:
            app = app_store.get(session, app_id)
            assert app is not None
            manual = app.status if "status" in app.manual else None
            self._timelines[app_id] = _Timeline(app_store.events(session, app_id), manual)
        return self._timelines[app_id]

    def _save(self, session: Session, app_id: int) -> None:
        """Stage, status, role and date follow from the whole timeline, not just this batch."""
        timeline = self._timelines[app_id]
        known = self.index.application(app_id)
        app_store.update_from_scan(
            session,
            app_id,
            stage=timeline.stage,
            status=timeline.status,
            role=known.role,
            updated_at=max(e.at for e in timeline.events),
        )
