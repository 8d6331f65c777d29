"""The hand-editing, merge, undo, close-silent, export and import commands, via CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gracefully.cli import app
from gracefully.config import Settings, load_settings
from gracefully.domain import Status
from gracefully.store import applications as app_store
from gracefully.store.db import Database

FIXTURES = Path(__file__).parents[1] / "fixtures" / "transfer"


@pytest.fixture
def cli_settings(tmp_path: Path) -> Settings:
    return load_settings(
        db=f"sqlite:///{tmp_path / 'cli.db'}", env={"GRACEFULLY_DATA_DIR": str(tmp_path / "d")}
    )


def _run(settings: Settings, *args: str, stdin: str = "", code: int = 0) -> str:
    env = {"GRACEFULLY_DATA_DIR": str(settings.data_dir), "COLUMNS": "200"}
    result = CliRunner().invoke(app, ["--db", settings.database_url, *args], input=stdin, env=env)
    assert result.exit_code == code, result.output
    return result.output


def _apps(settings: Settings) -> dict[str, object]:
    db = Database(settings.database_url)
    try:
        with db.transaction() as session:
            return {a.company: a for a in app_store.list_all(session)}
    finally:
        db.close()


def test_add_edit_note_status_and_undo(cli_settings: Settings) -> None:
    contact = "Nell Ash <nell@brackenridge.example>"
    args = ["--company", "Brackenridge Labs", "--role", "Analyst", "--applied", "2026-02-02"]
    out = _run(cli_settings, "add", *args, "--contact", contact)
    assert "Added application #1" in out
    _run(cli_settings, "edit", "1", "--role", "Lead Analyst")
    _run(cli_settings, "note", "1", "asked about the team")
    out = _run(cli_settings, "status", "1", "withdrawn")
    assert "withdrawn" in out
    app = _apps(cli_settings)["Brackenridge Labs"]
    assert app.role == "Lead Analyst" and app.status is Status.WITHDRAWN  # type: ignore[attr-defined]
    assert "Undone: status withdrawn" in _run(cli_settings, "undo")
    assert _apps(cli_settings)["Brackenridge Labs"].status is Status.APPLIED  # type: ignore[attr-defined]
    assert "no application 9" in _run(cli_settings, "note", "9", "x", code=1)
    assert "Invalid value" in _run(cli_settings, "status", "1", "ghosted", code=2)


def test_merge_companies_merge_applications_and_undo(cli_settings: Settings) -> None:
    _run(cli_settings, "add", "--company", "Initrode", "--role", "Analyst")
    _run(cli_settings, "add", "--company", "Initech", "--role", "Analyst", "--notes", "ref: Bo")
    assert "'Initech' is now known as 'Initrode'" in _run(
        cli_settings, "merge-company", "Initrode", "Initech"
    )
    review = json.loads(_run(cli_settings, "review", "--json"))
    assert [r["id"] for r in review] == ["duplicate:1:2"]
    assert "Merged #2 into #1" in _run(cli_settings, "merge", "1", "2")
    assert list(_apps(cli_settings)) == ["Initrode"]
    _run(cli_settings, "undo")
    assert set(_apps(cli_settings)) == {"Initrode", "Initech"}
    assert "own" in _run(cli_settings, "split-company", "Initech")
    assert "nothing changes" in _run(cli_settings, "split-company", "Initech", code=1)


def test_close_silent_asks_then_closes_and_undo_reopens(cli_settings: Settings) -> None:
    _run(cli_settings, "add", "--company", "Quietwater", "--applied", "2025-01-06")
    out = _run(cli_settings, "close-silent", "--days", "30", stdin="n\n")
    assert "Quietwater" in out and "Nothing closed" in out
    out = _run(cli_settings, "close-silent", "--days", "30", "--yes")
    assert "Closed 1 application(s)" in out
    assert _apps(cli_settings)["Quietwater"].status is Status.CLOSED  # type: ignore[attr-defined]
    _run(cli_settings, "undo")
    assert _apps(cli_settings)["Quietwater"].status is Status.APPLIED  # type: ignore[attr-defined]
    assert "No silent applications" in _run(cli_settings, "close-silent", "--days", "100000")


def test_import_reports_columns_and_bad_lines_then_exports(
    cli_settings: Settings, tmp_path: Path
) -> None:
    out = _run(cli_settings, "import", "--csv", str(FIXTURES / "tracker.csv"))
    assert "Organization → company" in out and "Columns ignored: Salary, Source" in out
    for line in (4, 5, 7):
        assert f"line {line}:" in out
    assert "Imported 4 application(s); skipped 3." in out
    target = tmp_path / "out.json"
    assert "Exported 4" in _run(cli_settings, "export-applications", "--json", str(target))
    assert len(json.loads(target.read_text())["applications"]) == 4
    assert "exactly one" in _run(cli_settings, "export-applications", code=1)
    csv_out = tmp_path / "out.csv"
    _run(cli_settings, "export-applications", "--csv", str(csv_out))
    assert csv_out.read_text(encoding="utf-8").count("\n") == 5
