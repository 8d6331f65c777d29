"""`gracefully demo` ends with the plan and the drafts, and meets the acceptance cases
on the real pipeline (classifier, detail rules, tracker) over the sample mailbox."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gracefully.cli import app
from gracefully.config import Settings, load_settings
from gracefully.domain import Feedback, MoveKind
from gracefully.service.demo import demo_followups, sample_mailbox
from gracefully.service.followups import Plan, PlanItem, get_followup
from gracefully.service.reading import make_reader
from gracefully.service.scan import scan
from gracefully.store import mail as mail_store
from gracefully.store.db import Database

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    root = tmp_path_factory.mktemp("demo")
    return load_settings(
        db=f"sqlite:///{root / 'demo.db'}",
        env={"GRACEFULLY_DATA_DIR": str(root / "data"), "GRACEFULLY_CONFIG_DIR": str(root)},
    )


@pytest.fixture(scope="module")
def demo(demo_settings: Settings) -> Iterator[tuple[Database, Plan]]:
    db = Database(demo_settings.database_url)
    scan(db, sample_mailbox(), make_reader(db, demo_settings), demo_settings)
    plan, _drafts = demo_followups(db, demo_settings)
    yield db, plan
    db.close()


def item_for(plan: Plan, company: str) -> PlanItem:
    (item,) = [i for i in plan.items if i.application.company.startswith(company)]
    return item


def test_the_no_reply_rejection_with_nobody_gets_no_move_and_advice(demo) -> None:  # type: ignore[no-untyped-def]
    move = item_for(demo[1], "Harborview").followup.move
    assert (move.kind, move.rule) == (MoveKind.NONE, "no_human")
    assert "LinkedIn" in move.advice


def test_no_feedback_ask_where_feedback_was_refused(demo) -> None:  # type: ignore[no-untyped-def]
    db, plan = demo
    refused = []
    with db.transaction() as session:
        for item in plan.items:
            stored = mail_store.get(session, item.followup.rejection_email_id or "")
            reading = stored[1] if stored else None
            if reading and reading.rejection and reading.rejection.feedback is Feedback.REFUSED:
                refused.append(item)
    assert refused, "the sample's 'we do not give feedback' rejection was read as refused"
    for item in refused:
        assert item.followup.move.kind is not MoveKind.ASK_FEEDBACK
        body = item.followup.draft.body.lower() if item.followup.draft else ""
        assert "feedback" not in body


def test_the_overqualified_rejection_gets_a_correct_assumption_draft(demo) -> None:  # type: ignore[no-untyped-def]
    db, plan = demo
    item = item_for(plan, "Tidewater")
    assert item.followup.move.kind is MoveKind.CORRECT_ASSUMPTION
    drafted = get_followup(db, item.followup.id)  # type: ignore[arg-type]
    assert drafted.draft is not None
    assert "regulatory reporting" in drafted.draft.body


def test_the_demo_command_ends_with_the_plan_and_the_drafts(
    demo_settings: Settings, tmp_path: Path
) -> None:
    env = {
        "GRACEFULLY_DATA_DIR": str(demo_settings.data_dir),
        "GRACEFULLY_CONFIG_DIR": str(tmp_path),
        "COLUMNS": "160",
    }
    fresh = replace(demo_settings, database_url=f"sqlite:///{tmp_path / 'd.db'}")
    result = CliRunner().invoke(app, ["--db", fresh.database_url, "demo"], env=env)
    assert result.exit_code == 0, result.output
    plan_at = result.output.index("The follow-up plan")
    drafts_at = result.output.index("The drafts")
    assert plan_at < drafts_at
    assert "no_human" not in result.output[plan_at:]  # reasons are worded, not coded
    assert "LinkedIn" in result.output[plan_at:drafts_at]
    assert "Grace check: no findings." in result.output[drafts_at:]
