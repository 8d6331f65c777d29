"""An employer's reply: its outcome, and what it does to pending follow-ups and check-ins."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from gracefully.domain import (
    Category,
    Feedback,
    FollowUp,
    FollowUpStatus,
    Move,
    MoveKind,
    Outcome,
    Reading,
    Reason,
    Rejection,
)
from gracefully.plan import PlanSettings, on_reply, outcome_from_reply

SENT_AT = datetime(2026, 3, 4, 11, tzinfo=UTC)
REPLIED_AT = datetime(2026, 3, 5, 15, tzinfo=UTC)
CHECKIN = datetime(2026, 4, 29, 11, tzinfo=UTC)


def _reply(category: Category, rejection: Rejection | None = None) -> Reading:
    return Reading("reply-1", category, 0.9, rejection)


@pytest.mark.parametrize(
    ("reading", "outcome"),
    [
        (_reply(Category.OFFER), Outcome.OFFER),
        (_reply(Category.INTERVIEW), Outcome.INTERVIEW),
        (_reply(Category.ASSESSMENT), Outcome.INTERVIEW),
        (_reply(Category.REJECTION, Rejection(feedback=Feedback.GIVEN)), Outcome.FEEDBACK_GIVEN),
        (
            _reply(Category.OTHER, Rejection(reasons=(Reason.EXPERIENCE_GAP,))),
            Outcome.FEEDBACK_GIVEN,
        ),
        (_reply(Category.OTHER), Outcome.REPLIED),
        (_reply(Category.REJECTION, Rejection()), Outcome.REPLIED),
    ],
)
def test_outcome_from_reply(reading: Reading, outcome: Outcome) -> None:
    assert outcome_from_reply(reading) is outcome


def _sent(kind: MoveKind, checkin: datetime | None = None) -> FollowUp:
    move = Move(kind, "why", due_at=SENT_AT, checkin_at=checkin)
    return FollowUp(1, move, id=1, status=FollowUpStatus.SENT, sent_at=SENT_AT)


def test_polite_reply_to_a_first_radar_note_plans_a_checkin() -> None:
    [updated] = on_reply(
        [_sent(MoveKind.STAY_ON_RADAR)], Outcome.REPLIED, replied_at=REPLIED_AT,
        settings=PlanSettings(),
    )  # fmt: skip
    assert updated.outcome is Outcome.REPLIED
    assert updated.move.checkin_at == datetime(2026, 4, 30, 15, tzinfo=UTC)


def test_reply_with_an_interview_cancels_the_pending_checkin() -> None:
    first = _sent(MoveKind.OTHER_ROLE, checkin=CHECKIN)
    [updated] = on_reply([first], Outcome.INTERVIEW, replied_at=REPLIED_AT, settings=PlanSettings())
    assert (updated.outcome, updated.move.checkin_at) == (Outcome.INTERVIEW, None)
    assert first.move.checkin_at == CHECKIN, "the input is not mutated"


def test_reply_to_a_feedback_ask_plans_no_checkin() -> None:
    [updated] = on_reply(
        [_sent(MoveKind.ASK_FEEDBACK)], Outcome.FEEDBACK_GIVEN, replied_at=REPLIED_AT,
        settings=PlanSettings(),
    )  # fmt: skip
    assert (updated.outcome, updated.move.checkin_at) == (Outcome.FEEDBACK_GIVEN, None)


def test_a_later_reply_cancels_and_does_not_chain_checkins() -> None:
    first = _sent(MoveKind.STAY_ON_RADAR)
    first.outcome = Outcome.REPLIED
    checkin = FollowUp(
        1,
        Move(MoveKind.STAY_ON_RADAR, "check-in"),
        id=2,
        status=FollowUpStatus.SENT,
        sent_at=CHECKIN,
    )
    pending = FollowUp(
        1, Move(MoveKind.STAY_ON_RADAR, "queued"), id=3, status=FollowUpStatus.APPROVED
    )
    updated = on_reply(
        [first, checkin, pending],
        Outcome.REPLIED,
        replied_at=datetime(2026, 5, 2, tzinfo=UTC),
        settings=PlanSettings(),
    )
    assert [f.outcome for f in updated] == [Outcome.REPLIED, Outcome.REPLIED, None]
    assert [f.move.checkin_at for f in updated] == [None, None, None]
    assert updated[2].status is FollowUpStatus.CANCELLED
