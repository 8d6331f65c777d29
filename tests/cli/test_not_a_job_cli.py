"""`gracefully not-a-job`: an email or an application leaves every list; `undo` brings it back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.service.not_a_job_world import app_ids, scan_world
from tests.service.review_world import demo_reader
from typer.testing import CliRunner

from gracefully.cli import app
from gracefully.config import Settings, load_settings
from gracefully.store.db import Database
from gracefully.understand import Reader

__all__ = ["demo_reader"]


@pytest.fixture
def world(tmp_path: Path, demo_reader: Reader) -> Iterator[tuple[Settings, dict[str, int]]]:
    settings = load_settings(
        db=f"sqlite:///{tmp_path / 'cli.db'}",
        env={"GRACEFULLY_DATA_DIR": str(tmp_path / "d"), "GRACEFULLY_CONFIG_DIR": str(tmp_path)},
    )
    db = Database(settings.database_url)
    scan_world(db, settings, demo_reader)
    ids = app_ids(db)
    db.close()
    yield settings, ids


def _run(settings: Settings, *args: str, code: int = 0) -> str:
    env = {
        "GRACEFULLY_DATA_DIR": str(settings.data_dir),
        "GRACEFULLY_CONFIG_DIR": str(settings.config_dir),
        "COLUMNS": "200",
    }
    result = CliRunner().invoke(app, ["--db", settings.database_url, *args], env=env)
    assert result.exit_code == code, result.output
    return result.output


def test_an_email_marked_not_a_job_and_undone(world: tuple[Settings, dict[str, int]]) -> None:
    settings, ids = world
    flat = ids["Dunmore Lettings"]
    shown = _run(settings, "show", str(flat))
    assert "email <n1-flat@dunmorelettings.example>" in shown, "show gives the email's ID"
    out = _run(settings, "not-a-job", "--email", "n1-flat@dunmorelettings.example")
    assert f"Done: marked 1 email not a job; application #{flat} hidden." in out
    assert "Dunmore Lettings" not in _run(settings, "applications")
    assert "marked not a job" in _run(settings, "show", str(flat))
    assert "Undone: not a job: email <n1-flat@dunmorelettings.example>" in _run(settings, "undo")
    assert "Dunmore Lettings" in _run(settings, "applications")


def test_an_application_marked_not_a_job(world: tuple[Settings, dict[str, int]]) -> None:
    settings, ids = world
    bursary = ids["Ferncliff Trust"]
    out = _run(settings, "not-a-job", str(bursary))
    assert f"#{bursary} hidden" in out
    listed = _run(settings, "applications")
    assert "Ferncliff Trust" not in listed and "Quillon Health" in listed
    assert "already marked not a job" in _run(settings, "not-a-job", str(bursary), code=1)


def test_it_needs_exactly_one_thing_to_mark(world: tuple[Settings, dict[str, int]]) -> None:
    settings, _ = world
    assert "give an application ID or --email" in _run(settings, "not-a-job", code=1)
    both = ("not-a-job", "1", "--email", "x@y.example")
    assert "one of them" in _run(settings, *both, code=1)
    assert "no stored email 'nowhere'" in _run(settings, "not-a-job", "--email", "nowhere", code=1)
    assert "no application 99" in _run(settings, "not-a-job", "99", code=1)
    helped = _run(settings, "not-a-job", "--help")
    assert "landlord" in helped and "undo" in helped
