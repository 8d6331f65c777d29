"""What the numbers suggest: plain lines that say when there is too little to go on."""

from __future__ import annotations

import pytest
from tests.learn.learn_world import app, followup, rejection, rejections

from gracefully.domain import Feedback, FollowUp, MoveKind, Outcome, Reading, Reason, Stage
from gracefully.learn import FEW, insights
from gracefully.learn.suggest import MEANING

ASK, RADAR = MoveKind.ASK_FEEDBACK, MoveKind.STAY_ON_RADAR


def _lines(
    readings: list[Reading] | None = None, followups: list[FollowUp] | None = None, apps: int = 1
) -> str:
    found = insights([app() for _ in range(apps)], readings or [], followups or [])
    return "\n".join(found.suggestions)


def _sent(kind: MoveKind, replied: int, silent: int) -> list[FollowUp]:
    return [followup(kind, outcome=Outcome.REPLIED, reply_after_days=3) for _ in range(replied)] + [
        followup(kind, outcome=Outcome.NO_REPLY) for _ in range(silent)
    ]


def _with_reasons(*groups: tuple[Reason, int]) -> list[Reading]:
    return [
        rejection(f"<{reason}-{n}@x.example>", reasons=(reason,))
        for reason, count in groups
        for n in range(count)
    ]


@pytest.mark.parametrize(
    ("readings", "followups", "says", "never"),
    [
        ([], [], "No rejections so far.", "anecdotes"),
        (rejections(3), [], "Only 3 rejections so far: read them as anecdotes", "Most rejections"),
        (rejections(1), [], "Only 1 rejection so far", "Only 1 rejections"),
        (rejections(FEW), [], "Most rejections come at the application stage (5 of 5)", "Only"),
        (
            rejections(3, Stage.INTERVIEW) + rejections(3, Stage.SCREEN),
            [],
            "spread across the stages",
            "Most rejections come",
        ),
        (rejections(2), [], "No follow-ups sent yet, so there is no reply rate yet.", "%"),
        (
            rejections(2),
            _sent(ASK, 1, 2),
            "Only 3 follow-ups sent so far, 1 answered: too few to compare moves.",
            "%",
        ),
        (rejections(2), _sent(ASK, 4, 2), "Too few follow-ups of each kind (under 5)", "“ask"),
        (
            rejections(2),
            _sent(ASK, 4, 1) + _sent(RADAR, 1, 4),
            "“ask feedback” got answers 80% of the time, “stay on radar” 20%.",
            "Too few",
        ),
        (rejections(2), _sent(ASK, 1, 0), "(median), from only 1 reply: a rough guide.", "replys"),
        (rejections(2), _sent(ASK, 6, 0), "Answers came after 3 days (median).", "rough"),
        (rejections(2), [followup(ASK)], "1 still awaiting an answer.", "%"),
        (
            _with_reasons((Reason.OTHER_CANDIDATE, 1), (Reason.TIMING, 1)),
            [],
            "No single reason stands out: “other candidate”, “timing” (1 of 2 each).",
            "most often",
        ),
        (
            _with_reasons((Reason.EXPERIENCE_GAP, 2), (Reason.TIMING, 1)),
            [],
            "The reason given most often: “experience gap” (2 of 3); a concrete gap",
            "%",
        ),
        (
            _with_reasons((Reason.OTHER_CANDIDATE, 4), (Reason.TIMING, 2)),
            [],
            "“other candidate” (4 of 6, 67%); that is about who else applied",
            "anecdotes",
        ),
    ],
)
def test_suggestions(
    readings: list[Reading], followups: list[FollowUp], says: str, never: str
) -> None:
    lines = _lines(readings, followups)
    assert says in lines
    assert never not in lines


def test_no_applications_says_so_and_nothing_else() -> None:
    assert insights([], [], []).suggestions == (
        "No applications yet, so nothing to learn from so far.",
    )


def test_feedback_policies_and_open_doors() -> None:
    readings = [
        rejection("<1@x.example>", feedback=Feedback.OFFERED, keep_on_file=True),
        rejection("<2@x.example>", feedback=Feedback.REFUSED, invite_reapply=True),
        rejection("<3@x.example>", keep_on_file=True),
    ]
    lines = _lines(readings)
    assert "1 employer offered feedback" in lines
    assert "1 said they give no individual feedback" in lines
    assert "Doors left open: 2 kept your CV on file, 1 invited you to apply again." in lines
    assert "3 of 3 rejections gave no reason at all" in lines


def test_feedback_heard_back_is_named() -> None:
    answered = followup(
        outcome=Outcome.FEEDBACK_GIVEN,
        reply_after_days=1,
        feedback=(Reason.EXPERIENCE_GAP, Reason.LANGUAGE),
    )
    lines = _lines(rejections(1), [answered])
    assert "they mentioned: “experience gap” (1), “language” (1)." in lines


def test_every_reason_has_a_meaning() -> None:
    assert set(MEANING) == set(Reason)
