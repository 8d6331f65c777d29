"""The track stage inside a scan: link each job email, grow applications, keep timelines.

The functional core (`gracefully.track`) decides; this module applies its
decisions to the store within the scan's transaction, and keeps the in-memory
index in step so that later mail in the same scan sees what earlier mail made.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from gracefully import track
from gracefully.config import Settings
from gracefully.domain import Email, Link, LinkSignal, Reading, Status
from gracefully.store import applications as app_store


@dataclass
class TrackResult:
    created: int = 0
    to_review: int = 0


class Tracker:
    def __init__(self, index: track.TrackIndex, settings: Settings) -> None:
        self.index = index
        self.settings = settings

    @classmethod
    def load(cls, session: Session, settings: Settings) -> Tracker:
        index = track.TrackIndex(app_store.aliases(session))
        kinds = app_store.event_kinds(session)
        for app in app_store.list_all(session):
            known = track.Known.of(app)
            index.add_application(replace(known, kinds=kinds.get(known.id, frozenset())))
        for message_id, app_id in app_store.thread_ids(session):
            index.add_message(message_id, app_id)
        return cls(index, settings)

    def track(
        self, session: Session, emails: Sequence[Email], readings: Sequence[Reading]
    ) -> TrackResult:
        """Link a batch; links that are unsure wait in the review queue, unapplied."""
        result = TrackResult()
        now = datetime.now(UTC)
        touched: set[int] = set()
        for email, reading in zip(emails, readings, strict=True):
            found = track.link(
                email, reading, self.index, review_below=self.settings.link_threshold
            )
            if found is None:
                continue
            if found.needs_review:
                app_store.add_link(session, found)
                result.to_review += 1
                continue
            if found.application_id is None:
                found = self._start_application(session, email, reading, found)
                if found is None:
                    continue
                result.created += 1
            self._apply(session, email, reading, found, now)
            touched.add(found.application_id)  # type: ignore[arg-type]
        for app_id in touched:
            self._refresh(session, app_id, now)
        return result

    def _start_application(
        self, session: Session, email: Email, reading: Reading, found: Link
    ) -> Link | None:
        try:
            app = track.new_application(email, reading)
        except ValueError:
            app_store.add_link(session, replace(found, needs_review=True))
            return None
        app_id = app_store.create(session, app, self.index.key(app.company))
        self.index.add_application(
            track.Known(app_id, app.company, app.role, app.requisition_id, app.company_domain)
        )
        return replace(found, application_id=app_id)

    def _apply(
        self, session: Session, email: Email, reading: Reading, found: Link, now: datetime
    ) -> None:
        app_id = found.application_id
        assert app_id is not None
        app_store.add_link(session, found)
        if email.message_id:
            self.index.add_message(email.message_id, app_id)
        app_store.add_events(session, app_id, [track.event_for(email, reading, fallback_at=now)])
        app_store.add_contacts(session, app_id, track.contacts_for(email, reading))
        known = self.index.application(app_id)
        if known.role is None and reading.role and found.signal is not LinkSignal.FUZZY:
            self.index.add_application(replace(known, role=reading.role))
            app_store.set_role_if_unknown(session, app_id, reading.role)

    def _refresh(self, session: Session, app_id: int, now: datetime) -> None:
        """Stage and status follow from the whole timeline, not just this batch."""
        app = app_store.get(session, app_id)
        if app is None:
            return
        manual = app.status if "status" in app.manual else None
        stage, status = track.summarize(
            app.events, now=now, manual_status=manual, silence_days=self.settings.silence_days
        )
        latest = max((e.at for e in app.events), default=app.updated_at)
        app = replace(app, stage=stage, status=Status(status), updated_at=latest)
        app_store.update_from_scan(session, app)
        # The index must hold what a fresh load from the store would: a re-run
        # after a kill then links exactly as an uninterrupted scan does.
        self.index.add_application(track.Known.of(app))
