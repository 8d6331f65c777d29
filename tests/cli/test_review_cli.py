"""`gracefully review` and `retrain` through Typer's CliRunner, answered on stdin.

The queue is built by the test (see tests/service/review_world.py): two
Brindlewood emails read as pinned, each with a link waiting for review, so the
questions asked do not depend on what the model or the linker get wrong.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.service.review_world import (
    DECISION,
    NOW,
    UPDATE,
    Brindlewood,
    brindlewood_apps,
    brindlewood_waiting,
    demo_reader,
    pinned_reader,
    retrain_dir,
    seed_lookalikes,
)
from typer.testing import CliRunner

from gracefully.cli import app
from gracefully.config import Settings, load_settings
from gracefully.domain import Address, Category, Email, Link, LinkSignal, Stage
from gracefully.service import review
from gracefully.store import applications as app_store
from gracefully.store import mail as mail_store
from gracefully.store.db import Database
from gracefully.understand import Reader

__all__ = ["demo_reader", "retrain_dir"]


def _settings(tmp_path: Path, data_dir: Path) -> Settings:
    return load_settings(
        db=f"sqlite:///{tmp_path / 'cli.db'}",
        env={"GRACEFULLY_DATA_DIR": str(data_dir), "GRACEFULLY_CONFIG_DIR": str(tmp_path / "c")},
    )


@pytest.fixture
def world(tmp_path: Path, demo_reader: Reader) -> Iterator[tuple[Settings, Database, Brindlewood]]:
    settings = _settings(tmp_path, tmp_path / "d")
    db = Database(settings.database_url)
    yield settings, db, brindlewood_waiting(db, demo_reader)
    db.close()


def _run(settings: Settings, *args: str, stdin: str = "") -> str:
    env = {
        "GRACEFULLY_DATA_DIR": str(settings.data_dir),
        "GRACEFULLY_CONFIG_DIR": str(settings.config_dir),
        "COLUMNS": "200",
    }
    result = CliRunner().invoke(app, ["--db", settings.database_url, *args], input=stdin, env=env)
    assert result.exit_code == 0, result.output
    return result.output


def test_list_and_json_show_the_queue_without_asking(
    world: tuple[Settings, Database, Brindlewood],
) -> None:
    settings, db, apps = world
    expected = [f"reading:{DECISION}", f"link:{DECISION}", f"reading:{UPDATE}", f"link:{UPDATE}"]
    assert [i.id for i in review.review_items(db, settings)] == expected
    listed = _run(settings, "review", "--list")
    assert "4 to review" in listed and "Your application at Brindlewood Analytics" in listed
    records = json.loads(_run(settings, "review", "--json"))
    assert [r["id"] for r in records] == expected
    assert all(r["reading"]["evidence"] for r in records)
    for record in records[1::2]:
        assert [c["id"] for c in record["candidates"][:2]] == [apps.engineer, apps.analyst]


def test_answers_on_stdin_fix_link_and_quit(world: tuple[Settings, Database, Brindlewood]) -> None:
    settings, db, apps = world
    stage = str(list(Stage).index(Stage.SCREEN) + 1)
    out = _run(settings, "review", stdin="\n".join(["s", stage, "a", "1", "q"]) + "\n")
    assert "corrected stage=screen" in out
    assert f"linked to #{apps.engineer} Brindlewood Analytics (Data Engineer)" in out
    assert "Answered 2, skipped 0, left 2 of 4" in out
    with db.transaction() as session:
        fixed = mail_store.get(session, DECISION)
        engineer = app_store.get(session, apps.engineer)
    assert fixed is not None and fixed[1] is not None
    assert fixed[1].corrected and fixed[1].rejection is not None
    assert fixed[1].rejection.stage is Stage.SCREEN
    assert engineer is not None
    assert [e.stage for e in engineer.events if e.email_id == DECISION] == [Stage.SCREEN]
    left = [i.id for i in review.review_items(db, settings)]
    assert left == [f"reading:{UPDATE}", f"link:{UPDATE}"], "quit leaves the rest waiting"


def test_the_prompt_shows_every_key_with_its_meaning_and_the_tally_is_true(
    world: tuple[Settings, Database, Brindlewood],
) -> None:
    """Rich markup would eat "[c]ategory" (it once printed "ategory tage easons"): the
    keys print literally, each with what it does, and the end counts what happened."""
    settings, db, _ = world
    out = _run(settings, "review", stdin="k\nx\nq\n")
    for key, meaning in [
        ("a", "accept: the reading is right"),
        ("c", "category: pick another"),
        ("s", "stage: pick the stage reached"),
        ("r", "reasons: pick the reasons stated"),
        ("x", "not a job: a landlord, a scholarship, a neighbour..."),
        ("k", "skip: decide later"),
        ("q", "quit: stop here, the rest waits"),
    ]:
        assert f"[{key}] {meaning}" in out
    assert "[1-2] the application with that number above" in out and "[n] new: it starts" in out
    assert "ategory tage" not in out
    assert "marked as not a job email" in out
    assert "Answered 1, skipped 1, left 2 of 4." in out
    left = [i.id for i in review.review_items(db, settings)]
    assert left == [f"reading:{UPDATE}", f"link:{UPDATE}"], "the skipped one left with its link"


def test_retrain_reports_the_readings_it_changed(
    tmp_path: Path, demo_reader: Reader, retrain_dir: Path
) -> None:
    settings = _settings(tmp_path, retrain_dir)
    db = Database(settings.database_url)
    ids = seed_lookalikes(db, demo_reader)
    for email_id in ids[:3]:
        review.resolve(db, settings, f"reading:{email_id}", review.Fix(category=Category.REJECTION))
    db.close()
    out = _run(settings, "retrain")
    assert "Learnt from 3 correction(s); re-read 1 email(s); 1 reading(s) changed." in out


HOSTILE = "[/b] [link=https://evil.example]x[/link]"
HOSTILE_ID = "<hostile@brindlewoodanalytics.example>"


def test_email_text_with_rich_markup_is_printed_literally(
    tmp_path: Path, demo_reader: Reader
) -> None:
    """Subjects, names and evidence are the sender's text: never markup to render."""
    settings = _settings(tmp_path, tmp_path / "d")
    db = Database(settings.database_url)
    apps = brindlewood_apps(db)
    email = Email(
        id=HOSTILE_ID,
        subject=f"Your application {HOSTILE}",
        sender=Address(f"Mallory {HOSTILE}", "mallory@brindlewoodanalytics.example"),
        date=NOW,
        body=f"Unfortunately we will not be moving forward with your application {HOSTILE}.",
        message_id=HOSTILE_ID,
    )
    read = pinned_reader(demo_reader, {HOSTILE_ID: (Category.REJECTION, 0.45)}).read_many([email])
    with db.transaction() as session:
        mail_store.add_emails(session, [(email, read[0])], keep_body={HOSTILE_ID})
        app_store.add_links(
            session, [Link(HOSTILE_ID, apps.engineer, LinkSignal.FUZZY, 0.5, HOSTILE, False)]
        )
    db.close()
    assert any(HOSTILE in ev.sentence for ev in read[0].evidence)
    shown = _run(settings, "show", str(apps.engineer))
    assert f"Your application {HOSTILE}" in shown and f"Mallory {HOSTILE}" in shown
    assert HOSTILE in shown.split("confidence", 1)[1], "the evidence sentence, literally"
    listed = _run(settings, "review", "--list")
    assert "[/b]" in listed and "[link=https://evil.example]" in listed
