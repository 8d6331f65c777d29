"""The playbook over every written scenario, and the docs/playbook.md table drawn from it.

Run this file as a script to regenerate the table:
    .venv/bin/python tests/plan/test_plan_scenarios.py
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from gracefully.domain import (
    Application,
    Category,
    Contact,
    Feedback,
    FollowUp,
    FollowUpStatus,
    Move,
    MoveKind,
    Profile,
    Reading,
    Reason,
    Rejection,
    Stage,
)
from gracefully.plan import PlanSettings, choose_move

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "tests" / "fixtures" / "followups" / "scenarios.json"
DOC = ROOT / "docs" / "playbook.md"
BEGIN, END = "<!-- table:begin -->", "<!-- table:end -->"


def load() -> list[dict]:
    data = json.loads(SCENARIOS.read_text())
    return [data["defaults"] | s for s in data["scenarios"]]


def plan(s: dict) -> Move:
    app = Application(company=s["company"], role=s["role"], id=7, stage=Stage(s["stage"]))
    reading = Reading(
        email_id="rej-1",
        category=Category.REJECTION,
        confidence=s["confidence"],
        rejection=Rejection(
            stage=Stage(s["stage"]),
            reasons=tuple(Reason(r) for r in s["reasons"]),
            feedback=Feedback(s["feedback"]),
            alt_role=bool(s["alt_role_text"]),
            alt_role_text=s["alt_role_text"],
        ),
        company=s["company"],
        role=s["role"],
        no_reply=s["no_reply"],
        door_closed=s["door_closed"],
    )
    history = [
        FollowUp(
            application_id=100 + i,
            move=Move(MoveKind.STAY_ON_RADAR, "earlier"),
            status=FollowUpStatus.SENT,
        )
        for i in range(s["sent_before"])
    ]
    choice = s["user_choice"]
    return choose_move(
        app,
        reading,
        profile=Profile(name="Alex Rivera", learn={7: s["learn"]} if s["learn"] else {}),
        history=history,
        now=datetime.fromisoformat(s["now"]),
        settings=PlanSettings(),
        user_choice=MoveKind(choice) if choice else None,
        opted_out=s["opted_out"],
        contact=Contact(**s["contact"]) if s["contact"] else None,
        received_at=datetime.fromisoformat(s["received_at"]),
        recipient_tz=s["recipient_tz"],
        checkin=s["checkin"],
    )


@pytest.mark.parametrize("scenario", load(), ids=lambda s: s["name"])
def test_scenario_gets_the_expected_move(scenario: dict) -> None:
    move = plan(scenario)
    assert (move.kind.value, move.rule) == (scenario["expect"], scenario["expect_rule"])
    assert list(move.needs) == scenario["expect_needs"]
    assert (move.due_at is None) == (move.kind is MoveKind.NONE)
    assert bool(move.advice) == (move.rule == "no_human")


def _timing(s: dict, move: Move) -> str:
    if move.due_at is None:
        return "—"
    received = datetime.fromisoformat(s["received_at"])
    hours = (move.due_at - received).total_seconds() / 3600
    text = f"{move.due_at:%a %H:%M} {move.due_at.tzname()} (+{hours:.0f} h)"
    return text + (f"; check-in {move.checkin_at:%d %b}" if move.checkin_at else "")


def render_table() -> str:
    rows = [
        "| rejection | move | rule | timing | why |",
        "|---|---|---|---|---|",
    ]
    for s in load():
        move = plan(s)
        why = move.why + (f" Advice: {move.advice}" if move.advice else "")
        needs = f" (needs {', '.join(move.needs)})" if move.needs else ""
        rows.append(
            f"| {s['kind']} | `{move.kind.value}`{needs} | {move.rule} | "
            f"{_timing(s, move)} | {why.replace('|', '/')} |"
        )
    return "\n".join(rows)


def rendered_doc(current: str) -> str:
    head, _, rest = current.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return f"{head}{BEGIN}\n{render_table()}\n{END}{tail}"


def test_playbook_doc_matches_the_code() -> None:
    current = DOC.read_text()
    assert BEGIN in current and END in current
    assert current == rendered_doc(current), (
        "run: .venv/bin/python tests/plan/test_plan_scenarios.py"
    )


if __name__ == "__main__":
    DOC.write_text(rendered_doc(DOC.read_text()))
