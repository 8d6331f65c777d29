"""`gracefully review` and `retrain` through Typer's CliRunner, answered on stdin."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.service.review_world import demo_reader, retrain_dir, scan_demo, seed_lookalikes
from typer.testing import CliRunner

from gracefully.cli import app
from gracefully.config import Settings, load_settings
from gracefully.domain import Category, Stage
from gracefully.service import review
from gracefully.store import mail as mail_store
from gracefully.store.db import Database
from gracefully.understand import Reader

__all__ = ["demo_reader", "retrain_dir"]


@pytest.fixture
def world(tmp_path: Path, demo_reader: Reader) -> tuple[Settings, Database]:
    settings = load_settings(
        db=f"sqlite:///{tmp_path / 'cli.db'}", env={"GRACEFULLY_DATA_DIR": str(tmp_path / "d")}
    )
    db = Database(settings.database_url)
    scan_demo(db, settings, demo_reader)
    return settings, db


def _run(settings: Settings, *args: str, stdin: str = "") -> str:
    env = {"GRACEFULLY_DATA_DIR": str(settings.data_dir), "COLUMNS": "200"}
    result = CliRunner().invoke(app, ["--db", settings.database_url, *args], input=stdin, env=env)
    assert result.exit_code == 0, result.output
    return result.output


def test_list_and_json_show_the_queue_without_asking(world: tuple[Settings, Database]) -> None:
    settings, db = world
    items = review.review_items(db, settings)
    listed = _run(settings, "review", "--list")
    assert f"{len(items)} to review" in listed
    records = json.loads(_run(settings, "review", "--json"))
    assert [r["id"] for r in records] == [i.id for i in items]
    assert all(r["reading"]["evidence"] for r in records if r["kind"] == "reading")


def test_answers_on_stdin_fix_link_and_quit(world: tuple[Settings, Database]) -> None:
    settings, db = world
    items = review.review_items(db, settings)
    first, second = items[0], items[1]
    assert first.kind is review.ItemKind.READING and second.kind is review.ItemKind.LINK
    stages = list(Stage)
    answers = ["s", str(stages.index(Stage.SCREEN) + 1), "a", "1", "q"]
    out = _run(settings, "review", stdin="\n".join(answers) + "\n")
    assert "corrected stage=screen" in out
    assert "linked to #" in out
    assert "Answered 2 of" in out
    with db.transaction() as session:
        fixed = mail_store.get(session, first.id.partition(":")[2])
    assert fixed is not None and fixed[1] is not None
    assert fixed[1].corrected and fixed[1].rejection is not None
    assert fixed[1].rejection.stage is Stage.SCREEN
    left = {i.id for i in review.review_items(db, settings)}
    assert first.id not in left and second.id not in left


def test_retrain_reports_the_readings_it_changed(
    world: tuple[Settings, Database], demo_reader: Reader, retrain_dir: Path
) -> None:
    _, db = world
    settings = load_settings(
        db=str(db.engine.url.render_as_string()), env={"GRACEFULLY_DATA_DIR": str(retrain_dir)}
    )
    ids = seed_lookalikes(db, demo_reader)
    for email_id in ids[:3]:
        review.resolve(db, settings, f"reading:{email_id}", review.Fix(category=Category.REJECTION))
    out = _run(settings, "retrain")
    assert "Learnt from 3 correction(s)" in out
    changed = int(out.split("reading(s) changed")[0].split()[-1])
    assert changed >= 1
