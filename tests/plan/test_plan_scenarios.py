"""The playbook over the written scenarios and the demo sample, and the
docs/playbook.md tables drawn from them.

Run this file as a script to regenerate the table:
    .venv/bin/python tests/plan/test_plan_scenarios.py
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
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
from gracefully.plan.playbook import RULES
from gracefully.samples import demo_expected, demo_profile
from gracefully.write import compose

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "tests" / "fixtures" / "followups" / "scenarios.json"
DOC = ROOT / "docs" / "playbook.md"
TABLES = {
    "scenarios": ("<!-- table:begin -->", "<!-- table:end -->"),
    "demo": ("<!-- demo:begin -->", "<!-- demo:end -->"),
}


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
    advising = {r.name for r in RULES if r.advice}
    assert advising >= {"no_human", "misjudgement_untold"}
    assert bool(move.advice) == (move.rule in advising)


def demo_cases() -> list[tuple[dict, Application, Reading, Contact | None, datetime]]:
    """Each demo application with its first rejection (not a reply to a follow-up)."""
    expected = demo_expected()
    messages, apps = expected["messages"], expected["applications"]
    cases = []
    for number, raw in enumerate(apps, 1):
        first = next(
            (m for m in (messages[k] for k in raw["messages"])
             if m["category"] == "rejection" and not m["followup_reply"]),
            None,
        )  # fmt: skip
        if first is None:
            continue
        r = first["rejection"]
        reading = Reading(
            email_id=first["key"],
            category=Category.REJECTION,
            confidence=0.95,
            rejection=Rejection(
                stage=Stage(r["stage"]),
                reasons=tuple(Reason(x) for x in r["reasons"]),
                feedback=Feedback(r["feedback"]),
                alt_role=r["alt_role"],
                alt_role_text=r["alt_role_text"],
            ),
            company=first["company"],
            role=first["role"],
            contact=first["contact"],
            no_reply=first["no_reply"],
            door_closed=first["door_closed"],
        )
        app = Application(company=raw["company"], role=raw["role"], id=number)
        contact = Contact(raw["contact"], raw["contact_email"]) if raw["contact"] else None
        cases.append((raw, app, reading, contact, parsedate_to_datetime(first["date"])))
    return cases


def plan_demo(app: Application, reading: Reading, contact: Contact | None, at: datetime) -> Move:
    profile = demo_profile([app])
    return choose_move(app, reading, profile=profile, history=(), now=at + timedelta(hours=2),
                       settings=PlanSettings(), contact=contact, received_at=at)  # fmt: skip


DEMO = demo_cases()


@pytest.mark.parametrize("case", DEMO, ids=lambda c: c[0]["key"])
def test_demo_application_gets_its_expected_move_and_a_clean_draft(case) -> None:
    raw, app, reading, contact, at = case
    move = plan_demo(app, reading, contact, at)
    assert move.kind.value == raw["move"]
    if move.kind is MoveKind.NONE:
        return
    draft = compose(move, application=app, reading=reading, contact=contact,
                    profile=demo_profile([app]), rejection_email=None)  # fmt: skip
    assert draft.findings == ()


def test_demo_covers_the_acceptance_cases() -> None:
    moves = {c[0]["key"]: plan_demo(*c[1:]) for c in DEMO}
    assert moves["tidewater-data-analyst-ii"].kind is MoveKind.CORRECT_ASSUMPTION
    assert moves["harborview-data-analyst"].rule == "no_human"
    assert "LinkedIn" in moves["harborview-data-analyst"].advice
    refused = [c for c in DEMO if c[2].rejection.feedback is Feedback.REFUSED]
    assert refused and all(plan_demo(*c[1:]).kind is not MoveKind.ASK_FEEDBACK for c in refused)


def _timing(received: datetime, move: Move) -> str:
    if move.due_at is None:
        return "—"
    hours = (move.due_at - received).total_seconds() / 3600
    text = f"{move.due_at:%a %H:%M} {move.due_at.tzname()} (+{hours:.0f} h)"
    return text + (f"; check-in {move.checkin_at:%d %b}" if move.checkin_at else "")


def _row(label: str, received: datetime, move: Move) -> str:
    why = move.why + (f" Advice: {move.advice}" if move.advice else "")
    needs = f" (needs {', '.join(move.needs)})" if move.needs else ""
    return (
        f"| {label} | `{move.kind.value}`{needs} | {move.rule} | "
        f"{_timing(received, move)} | {why.replace('|', '/')} |"
    )


def render_tables() -> dict[str, str]:
    header = "| rejection | move | rule | timing | why |\n|---|---|---|---|---|\n"
    scenarios = [_row(s["kind"], datetime.fromisoformat(s["received_at"]), plan(s)) for s in load()]
    demo = [_row(f"{c[0]['company']}, {c[0]['role']}", c[4], plan_demo(*c[1:])) for c in DEMO]
    return {"scenarios": header + "\n".join(scenarios), "demo": header + "\n".join(demo)}


def rendered_doc(current: str) -> str:
    for name, table in render_tables().items():
        begin, end = TABLES[name]
        head, _, rest = current.partition(begin)
        _, _, tail = rest.partition(end)
        current = f"{head}{begin}\n{table}\n{end}{tail}"
    return current


def test_playbook_doc_matches_the_code() -> None:
    current = DOC.read_text()
    assert all(b in current and e in current for b, e in TABLES.values())
    assert current == rendered_doc(current), "regenerate: python tests/plan/test_plan_scenarios.py"


if __name__ == "__main__":
    DOC.write_text(rendered_doc(DOC.read_text()))
