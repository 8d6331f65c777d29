"""Export and import: a JSON round trip loses nothing; a tracker's CSV imports what it can."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from tests.service.review_world import NOW, demo_reader, scan_demo

from gracefully.config import Settings
from gracefully.domain import Status
from gracefully.service import manage, transfer
from gracefully.store import applications as app_store
from gracefully.store import mail as mail_store
from gracefully.store.db import Database
from gracefully.understand import Reader

__all__ = ["demo_reader"]

FIXTURES = Path(__file__).parents[1] / "fixtures" / "transfer"


def _everything(db: Database) -> list[tuple]:
    """Each application as the user sees it, ids left out (a new database numbers anew)."""
    with db.transaction() as session:
        out = []
        for listed in app_store.list_all(session):
            app = app_store.get(session, listed.id or 0)
            assert app is not None
            links = app_store.links_for(session, listed.id or 0)
            readings = sorted(
                (r.email_id, r.category, r.rejection, r.confidence, r.corrected)
                for _, r in mail_store.emails_with_readings(session, [k.email_id for k in links])
            )
            out.append(
                (
                    app.company, app.role, app.status, app.stage, app.applied_on, app.updated_at,
                    app.url, app.notes, app.requisition_id, app.company_domain, app.manual,
                    sorted((e.kind, e.at, e.summary, e.email_id, e.stage) for e in app.events),
                    sorted(app.contacts, key=repr),
                    sorted((k.email_id, k.signal, k.confidence, k.evidence) for k in links),
                    readings,
                )
            )  # fmt: skip
        return sorted(out, key=repr)


def test_json_round_trip_into_an_empty_database_loses_nothing(
    db: Database, settings: Settings, demo_reader: Reader, tmp_path: Path, sqlite_url: str
) -> None:
    scan_demo(db, settings, demo_reader)
    scanned = len(_everything(db))
    new = manage.NewApplication(
        "Marlowe & Finch", "Data Analyst", date(2026, 2, 9), "https://jobs.example/1",
        "Ines Obradovic <ines@marlowefinch.example>", "referred by Sam",
    )  # fmt: skip
    app_id = manage.add_application(db, new)
    manage.add_note(db, app_id, "sent portfolio", now=NOW)
    manage.set_status(db, app_id, Status.IN_PROCESS, now=NOW)
    out = tmp_path / "apps.json"
    count = transfer.export_json(db, out)
    assert count == len(_everything(db)) == scanned + 1
    assert json.loads(out.read_text())["format"] == transfer.FORMAT
    empty = Database(sqlite_url.replace("gracefully.db", "empty.db"))
    try:
        report = transfer.import_json(empty, out)
        assert report.imported == count
        assert _everything(empty) == _everything(db)
        with pytest.raises(transfer.TransferError, match="empty database"):
            transfer.import_json(empty, out)
        assert _everything(empty) == _everything(db), "a refused import changes nothing"
    finally:
        empty.close()


def test_csv_export_defuses_cells_a_spreadsheet_would_run(db: Database, tmp_path: Path) -> None:
    hostile = ['=HYPERLINK("https://evil.example")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
    for n, text in enumerate(hostile):
        manage.add_application(db, manage.NewApplication(f"Acme {n}", text, notes=text))
    manage.add_application(db, manage.NewApplication("Plain Co", "Data Analyst"))
    out = tmp_path / "apps.csv"
    transfer.export_csv(db, out)
    with out.open(encoding="utf-8", newline="") as f:
        rows = {r["company"]: r for r in csv.DictReader(f)}
    for n, text in enumerate(hostile):
        assert rows[f"Acme {n}"]["role"] == rows[f"Acme {n}"]["notes"] == f"'{text}"
    assert rows["Plain Co"]["role"] == "Data Analyst"


def test_csv_export_is_one_row_per_application_with_its_timeline(
    db: Database, settings: Settings, demo_reader: Reader, tmp_path: Path
) -> None:
    scan_demo(db, settings, demo_reader)
    out = tmp_path / "apps.csv"
    count = transfer.export_csv(db, out)
    with out.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == count == len(_everything(db))
    northwind = next(r for r in rows if r["role"] == "Data Analyst" and "Northwind" in r["company"])
    assert "offer" in northwind["timeline"] and northwind["status"] == "offer"
    again = transfer.import_csv(db, out)
    assert again.imported == count and again.skipped == []
    assert {"manual", "contacts", "timeline", "id"} <= set(again.ignored)


def test_a_tracker_csv_imports_good_rows_and_reports_bad_ones_by_line(db: Database) -> None:
    report = transfer.import_csv(db, FIXTURES / "tracker.csv")
    assert report.used == {
        "Organization": "company",
        "Job Title": "role",
        " Date Applied ": "applied_on",
        "Status": "status",
        "Job URL": "url",
        "Comments": "notes",
    }
    assert report.ignored == ["Salary", "Source"]
    assert [line for line, _ in report.skipped] == [4, 5, 7]
    reasons = dict(report.skipped)
    assert "no company" in reasons[4]
    assert "31/31/2026" in reasons[5]
    assert "UTF-8" in reasons[7]
    assert report.imported == 4
    with db.transaction() as session:
        apps = {a.company: a for a in app_store.list_all(session)}
    assert set(apps) == {
        "Pemberton Analytics", "Quarry Lane Health", "Larkfield Bank", "Zürich Data Works",
    }  # fmt: skip
    quarry = apps["Quarry Lane Health"]
    assert quarry.applied_on == date(2026, 1, 20) and quarry.status is Status.IN_PROCESS
    assert apps["Larkfield Bank"].status is Status.NO_RESPONSE
    assert apps["Pemberton Analytics"].notes == "via referral, Ada"
    assert {"company", "role", "applied_on", "status", "url", "notes"} == set(
        apps["Pemberton Analytics"].manual
    )


def test_a_windows_encoded_csv_is_read_and_the_user_told(db: Database) -> None:
    report = transfer.import_csv(db, FIXTURES / "windows.csv")
    assert report.imported == 2 and report.skipped == []
    assert any("cp1252" in n for n in report.notices)
    with db.transaction() as session:
        assert {a.company for a in app_store.list_all(session)} == {"Sæter Økonomi", "Café Brûlé"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-04", date(2026, 3, 4)),
        ("03/04/2026", date(2026, 3, 4)),
        ("25/12/2025", date(2025, 12, 25)),
        ("4.3.2026", date(2026, 3, 4)),
        ("Mar 4, 2026", date(2026, 3, 4)),
        ("4 March 2026", date(2026, 3, 4)),
        ("2026-03-04T09:30:00", date(2026, 3, 4)),
    ],
)
def test_dates_as_trackers_write_them(text: str, expected: date) -> None:
    assert transfer.parse_date(text) == expected


def test_a_file_without_a_company_column_is_refused(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "nocompany.csv"
    path.write_text("Title,Applied\nAnalyst,2026-01-01\n", encoding="utf-8")
    with pytest.raises(transfer.TransferError, match="no company column"):
        transfer.import_csv(db, path)
