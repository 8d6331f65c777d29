"""The rule table's guarantees: hard gates win over everything, user choices are guarded."""

from __future__ import annotations

from datetime import UTC, datetime

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
from gracefully.plan import RULES, PlanSettings, choose_move
from gracefully.plan.timing import spread

NOW = datetime(2026, 3, 3, 18, tzinfo=UTC)
APP = Application(company="Northwind Labs", role="Data Analyst", id=7)
MAYA = Contact("Maya Ortiz", "maya@northwind.example")


def _reading(**changes: object) -> Reading:
    rejection = Rejection(
        stage=changes.pop("stage", Stage.INTERVIEW),
        reasons=changes.pop("reasons", ()),
        feedback=changes.pop("feedback", Feedback.NONE),
    )
    return Reading("r1", Category.REJECTION, 0.9, rejection, company="Northwind Labs", **changes)  # type: ignore[arg-type]


def _move(reading: Reading, **kwargs: object) -> Move:
    kwargs.setdefault("contact", MAYA)
    return choose_move(
        APP,
        reading,
        profile=kwargs.pop("profile", Profile()),
        history=kwargs.pop("history", ()),
        now=NOW,
        settings=PlanSettings(),
        **kwargs,
    )  # type: ignore[arg-type]


def test_rule_names_are_unique_and_the_last_rule_always_matches() -> None:
    assert len({r.name for r in RULES}) == len(RULES)
    assert RULES[-1].when(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("choice", [k for k in MoveKind if k is not MoveKind.NONE])
@pytest.mark.parametrize(
    ("gate", "reading", "kwargs"),
    [
        ("door_closed", _reading(door_closed=True), {}),
        ("opted_out", _reading(), {"opted_out": True}),
        ("needs_review", Reading("r1", Category.REJECTION, 0.3, Rejection()), {}),
        ("no_human", _reading(no_reply=True), {"contact": None}),
    ],
)
def test_hard_gates_beat_any_user_choice(gate, reading, kwargs, choice) -> None:
    move = _move(reading, user_choice=choice, **kwargs)
    assert (move.kind, move.rule, move.due_at) == (MoveKind.NONE, gate, None)


def test_corrected_low_confidence_reading_is_acted_on() -> None:
    corrected = Reading(
        "r1", Category.REJECTION, 0.3, Rejection(), "Northwind Labs", corrected=True
    )
    assert _move(corrected).kind is MoveKind.STAY_ON_RADAR


def test_not_a_rejection_gets_no_move() -> None:
    assert _move(Reading("r1", Category.INTERVIEW, 0.95)).rule == "not_a_rejection"


def test_cap_counts_sent_followups_to_the_company_but_not_this_plan() -> None:
    def followup(app_id: int, status: FollowUpStatus, kind=MoveKind.STAY_ON_RADAR) -> FollowUp:
        return FollowUp(app_id, Move(kind, "earlier"), status=status)

    under = [
        followup(3, FollowUpStatus.SENT),
        followup(7, FollowUpStatus.DRAFTED),  # this application's own plan
        followup(4, FollowUpStatus.CANCELLED),
        followup(5, FollowUpStatus.SENT, MoveKind.NONE),
    ]
    assert _move(_reading(), history=under).rule == "later_stage"
    at_cap = [followup(3, FollowUpStatus.SENT), followup(4, FollowUpStatus.APPROVED)]
    assert _move(_reading(), history=at_cap).rule == "cap_reached"


def test_no_reply_sender_is_fine_when_the_application_has_a_person() -> None:
    app = Application(company="Northwind Labs", id=7, contacts=[MAYA])
    move = choose_move(
        app,
        _reading(no_reply=True),
        profile=Profile(),
        history=(),
        now=NOW,
        settings=PlanSettings(),
    )
    assert move.kind is MoveKind.ASK_FEEDBACK


@pytest.mark.parametrize(
    ("kwargs", "kind", "rule", "needs"),
    [
        ({"user_choice": MoveKind.STAY_ON_RADAR, "reading": {"reasons": (Reason.OVERQUALIFIED,)}},
         MoveKind.STAY_ON_RADAR, "user_choice", ()),
        ({"user_choice": MoveKind.CORRECT_ASSUMPTION}, MoveKind.CORRECT_ASSUMPTION,
         "learn_missing", ("learn",)),
        ({"user_choice": MoveKind.CORRECT_ASSUMPTION, "profile": Profile(learn={7: "x"})},
         MoveKind.CORRECT_ASSUMPTION, "user_choice", ()),
        ({"user_choice": MoveKind.OTHER_ROLE}, MoveKind.OTHER_ROLE, "alt_role_missing",
         ("alt_role",)),
        ({"user_choice": MoveKind.NONE}, MoveKind.NONE, "user_declined", ()),
        ({"reading": {"reasons": (Reason.EXPERIENCE_GAP,), "feedback": Feedback.REFUSED},
          "profile": Profile(learn={7: "x"})}, MoveKind.CORRECT_ASSUMPTION, "misjudgement", ()),
        ({"reading": {"feedback": Feedback.GIVEN}}, MoveKind.STAY_ON_RADAR, "stay_on_radar", ()),
        ({"reading": {"stage": Stage.APPLICATION, "feedback": Feedback.OFFERED}},
         MoveKind.ASK_FEEDBACK, "feedback_offered", ()),
    ],
)  # fmt: skip
def test_choices_and_readings(kwargs, kind, rule, needs) -> None:
    reading = _reading(**kwargs.pop("reading", {}))
    move = _move(reading, **kwargs)
    assert (move.kind, move.rule, move.needs) == (kind, rule, needs)
    assert move.why and "{" not in move.why


def test_checkin_only_for_radar_and_other_role_when_asked() -> None:
    radar = _move(_reading(stage=Stage.APPLICATION), checkin=True)
    assert radar.kind is MoveKind.STAY_ON_RADAR and radar.checkin_at is not None
    assert _move(_reading(stage=Stage.APPLICATION)).checkin_at is None
    feedback = _move(_reading(), checkin=True)
    assert feedback.kind is MoveKind.ASK_FEEDBACK and feedback.checkin_at is None


def test_received_at_defaults_to_the_rejection_event() -> None:
    from gracefully.domain import Event, EventKind

    app = Application(company="Northwind Labs", id=7, events=[
        Event(EventKind.APPLIED, datetime(2026, 2, 1, tzinfo=UTC)),
        Event(EventKind.REJECTION, datetime(2026, 3, 3, 10, 15, tzinfo=UTC), email_id="r1"),
    ])  # fmt: skip
    move = choose_move(
        app,
        _reading(),
        profile=Profile(),
        history=(),
        now=NOW,
        settings=PlanSettings(),
        contact=MAYA,
    )
    slot = datetime(2026, 3, 4, 11, tzinfo=UTC)  # 24 h after, at the next whole hour
    assert move.due_at == slot + spread(slot, 7, PlanSettings())


def test_due_times_spread_over_the_business_day() -> None:
    settings = PlanSettings()
    slot = datetime(2026, 3, 4, 9, tzinfo=UTC)
    due = {slot + spread(slot, app_id, settings) for app_id in range(1, 26)}
    assert len(due) >= 20  # 25 notes, not all at one minute
    assert all(9 <= d.hour < settings.business_end_hour for d in due)
    assert spread(slot, 3, settings) == spread(slot, 3, settings)
