"""A small mailbox where everyday mail was read as job rejections, for the not-a-job tests.

tests/fixtures/not_a_job holds a letting agent's no for a flat, a bursary
decision, and a real application at Quillon Health (a receipt, then a
rejection in the same thread). The two everyday emails are pinned as
rejections read at 100%, as the issue reports, so that they start
applications whatever the shipped model makes of them today.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from tests.service.review_world import Pins, pinned_reader

from gracefully.config import Settings
from gracefully.domain import Category
from gracefully.service.scan import ScanReport, open_mailbox, scan
from gracefully.store import mail as mail_store
from gracefully.store import tracking as track_store
from gracefully.store.db import Database
from gracefully.store.tables import ApplicationRow, CorrectionRow, EventRow, FollowUpRow, LinkRow
from gracefully.understand import Reader

MAILBOX = Path(__file__).parents[1] / "fixtures" / "not_a_job"
FLAT = "<n1-flat@dunmorelettings.example>"
BURSARY = "<n2-bursary@ferncliff-trust.example>"
RECEIVED = "<n3-received@quillonhealth.example>"
DECISION = "<n4-decision@quillonhealth.example>"
PINS: Pins = {
    FLAT: (Category.REJECTION, 1.0),
    BURSARY: (Category.REJECTION, 1.0),
    RECEIVED: (Category.CONFIRMATION, 0.95),
    DECISION: (Category.REJECTION, 0.97),
}
NOW = datetime(2026, 4, 8, 9, 0, tzinfo=UTC)


def scan_world(db: Database, settings: Settings, reader: Reader, pins: Pins = PINS) -> ScanReport:
    return scan(db, open_mailbox(str(MAILBOX)), pinned_reader(reader, pins), settings)


def app_ids(db: Database) -> dict[str, int]:
    """company -> application id, for every application stored (listed or not)."""
    with db.transaction() as session:
        return {r.company: r.id for r in session.scalars(select(ApplicationRow))}


def everything(db: Database) -> dict[str, Any]:
    """Every row marking mail not a job may touch, to compare before and after an undo."""
    with db.transaction() as session:
        apps = [
            track_store.snapshot(session, i) for i in session.scalars(select(ApplicationRow.id))
        ]
        found = [mail_store.get(session, e) for e in (FLAT, BURSARY, RECEIVED, DECISION)]
        return {
            "apps": sorted(apps, key=lambda a: a["id"]),
            "links": sorted(_rows(session, LinkRow), key=lambda r: r["email_id"]),
            "events": sorted(_rows(session, EventRow), key=lambda r: r["id"]),
            "readings": [f[1] for f in found if f is not None],
            "corrections": sorted(session.scalars(select(CorrectionRow.id))),
            "followups": sorted(session.execute(select(FollowUpRow.id, FollowUpRow.status))),
        }


def _rows(session: Any, table: Any) -> list[dict[str, Any]]:
    return [track_store._columns(r) for r in session.scalars(select(table))]
