"""Manual edits, merges, company identity, silence and undo, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from tests.service.review_world import NOW, demo_reader, scan_demo

from gracefully.config import Settings
from gracefully.domain import EventKind, Status
from gracefully.service import manage
from gracefully.service.tracking import Tracker
from gracefully.store import applications as app_store
from gracefully.store import tracking as track_store
from gracefully.store.db import Database
from gracefully.understand import Reader

__all__ = ["demo_reader"]


def _state(db: Database) -> dict[int, tuple]:
    """Everything an application owns, to compare before and after an undo."""
    with db.transaction() as session:
        out = {}
        for app in app_store.list_all(session):
            assert app.id is not None
            full = app_store.get(session, app.id)
            assert full is not None
            links = sorted(link.email_id for link in app_store.links_for(session, app.id))
            out[app.id] = (
                track_store.snapshot(session, app.id),
                sorted((e.kind, e.at, e.email_id) for e in full.events),
                sorted((c.name, c.email or "") for c in full.contacts),
                links,
            )
        return out


def test_add_stores_manual_fields_contact_and_applied_event(db: Database) -> None:
    new = manage.NewApplication(
        "Marlowe & Finch", "Data Analyst", date(2026, 2, 9), "https://jobs.example/1",
        "Ines Obradovic <ines@marlowefinch.example>", "referred by Sam",
    )  # fmt: skip
    app_id = manage.add_application(db, new)
    with db.transaction() as session:
        app = app_store.get(session, app_id)
    assert app is not None
    assert app.manual == {"company", "role", "applied_on", "url", "notes"}
    assert [(e.kind, e.at.date()) for e in app.events] == [(EventKind.APPLIED, date(2026, 2, 9))]
    assert [(c.name, c.email, c.contactable) for c in app.contacts] == [
        ("Ines Obradovic", "ines@marlowefinch.example", True)
    ]
    with pytest.raises(manage.ManageError, match="needs a company"):
        manage.add_application(db, manage.NewApplication("  "))


def test_edit_note_status_each_undo_exactly(db: Database) -> None:
    app_id = manage.add_application(db, manage.NewApplication("Orchard Vale", "Analyst"))
    before = _state(db)
    manage.edit_application(db, app_id, {"role": "Senior Analyst", "company": "Orchard Vale Ltd"})
    manage.add_note(db, app_id, "called the recruiter", now=NOW)
    manage.set_status(db, app_id, Status.WITHDRAWN, now=NOW)
    with db.transaction() as session:
        app = app_store.get(session, app_id)
    assert app is not None and app.status is Status.WITHDRAWN and app.role == "Senior Analyst"
    assert app.notes == "called the recruiter"
    assert [e.kind for e in app.events] == [EventKind.NOTE, EventKind.STATUS]
    assert {"role", "company", "status"} <= app.manual
    for _ in range(3):
        assert manage.undo(db) is not None
    assert _state(db) == before
    assert manage.undo(db) is None
    with pytest.raises(manage.ManageError, match="cannot edit stage"):
        manage.edit_application(db, app_id, {"stage": "offer"})
    with pytest.raises(manage.ManageError, match="no application 404"):
        manage.set_status(db, 404, Status.CLOSED)


def test_merge_moves_everything_and_undo_puts_it_back(
    db: Database, settings: Settings, demo_reader: Reader
) -> None:
    scan_demo(db, settings, demo_reader)
    with db.transaction() as session:
        apps = {a.company: a.id for a in app_store.list_all(session)}
    # Two rejected applications: the merge mechanics, not which two, are under test.
    keep, absorb = apps["Brightline Health"], apps["Harborview Logistics"]
    assert keep is not None and absorb is not None
    before = _state(db)
    plan = manage.merge_applications(db, settings, keep, absorb, now=NOW)
    after = _state(db)
    assert absorb not in after
    assert set(after[keep][3]) == set(before[keep][3]) | set(before[absorb][3])
    assert (
        len(after[keep][1])
        == len(before[keep][1]) + len(before[absorb][1])
        == (len(before[keep][1]) + plan.events)
    )
    assert after[keep][0]["status"] == Status.REJECTED.value
    with pytest.raises(manage.ManageError, match="already merged"):
        manage.merge_applications(db, settings, keep, absorb)
    change = manage.undo(db)
    assert change is not None and change.kind == "merge"
    assert _state(db) == before


def test_company_merge_and_split_are_aliases_the_tracker_loads(
    db: Database, settings: Settings
) -> None:
    a = manage.add_application(db, manage.NewApplication("Initrode", "Analyst"))
    b = manage.add_application(db, manage.NewApplication("Initech Global", "Engineer"))
    manage.merge_company(db, "Initrode", "Initech Global")
    with db.transaction() as session:
        index = Tracker.load(session, settings, NOW).index
        keys = {
            r["id"]: r["company_key"] for r in (track_store.snapshot(session, i) for i in (a, b))
        }
    assert {k.id for k in index.by_company("Initech Global")} == {a, b}
    assert keys == {a: "initrode", b: "initrode"}
    with pytest.raises(manage.ManageError, match="nothing changes"):
        manage.merge_company(db, "Initrode", "Initech Global")
    manage.split_company(db, "Initech Global")
    with db.transaction() as session:
        assert app_store.aliases(session) == {}
    manage.undo(db)
    with db.transaction() as session:
        assert app_store.aliases(session) == {"initechglobal": "initrode"}
    manage.undo(db)
    with db.transaction() as session:
        assert app_store.aliases(session) == {}
        assert track_store.snapshot(session, b)["company_key"] == "initechglobal"


@pytest.mark.parametrize(
    ("days", "closed"),
    [(10, {"Old Quiet Co", "Fresh Quiet Co"}), (40, {"Old Quiet Co"}), (90, set())],
)
def test_close_silent_closes_only_what_is_silent_and_undo_reopens(
    db: Database, settings: Settings, days: int, closed: set[str]
) -> None:
    applied = {"Old Quiet Co": 60, "Fresh Quiet Co": 20}
    for company, ago in applied.items():
        manage.add_application(
            db, manage.NewApplication(company, "Analyst", (NOW - timedelta(days=ago)).date())
        )
    manage.add_application(db, manage.NewApplication("Declined Co", "Analyst", date(2025, 1, 1)))
    with db.transaction() as session:
        declined = next(a.id for a in app_store.list_all(session) if a.company == "Declined Co")
    manage.set_status(db, declined or 0, Status.REJECTED, now=NOW)
    before = _state(db)
    silent = manage.silent_applications(db, settings, days=days, now=NOW)
    assert {a.company for a in silent} == closed
    done = manage.close_silent(db, settings, days=days, now=NOW)
    with db.transaction() as session:
        statuses = {a.company: a.status for a in app_store.list_all(session)}
    assert {c for c, s in statuses.items() if s is Status.CLOSED} == {a.company for a in done}
    if done:
        manage.undo(db)
    assert _state(db) == before
