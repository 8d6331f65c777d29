"""Small builders for learn tests: applications, rejection readings and follow-ups.

Fake people and companies throughout; every test states exactly what it counts.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from gracefully.domain import (
    Application,
    Category,
    Event,
    EventKind,
    Evidence,
    Feedback,
    FollowUp,
    FollowUpStatus,
    Move,
    MoveKind,
    Outcome,
    Reading,
    Reason,
    Rejection,
    Stage,
    Status,
)

T0 = datetime(2026, 2, 2, 9, 0, tzinfo=UTC)


def app(
    stage: Stage = Stage.APPLICATION,
    status: Status = Status.APPLIED,
    *,
    company: str = "Quillmoor Labs",
    events: tuple[Event, ...] = (),
    applied_on: date | None = None,
) -> Application:
    return Application(
        company=company, stage=stage, status=status, events=list(events), applied_on=applied_on
    )


def event(kind: EventKind, days: float, stage: Stage | None = None) -> Event:
    return Event(kind, T0 + timedelta(days=days), kind.value, stage=stage)


def rejection(
    email_id: str = "<r1@quillmoor.example>",
    *,
    stage: Stage = Stage.APPLICATION,
    reasons: tuple[Reason, ...] = (),
    feedback: Feedback = Feedback.NONE,
    said: tuple[tuple[Reason, str], ...] = (),
    keep_on_file: bool = False,
    invite_reapply: bool = False,
    door_closed: bool = False,
) -> Reading:
    """A rejection reading; `said` is (reason, sentence) evidence for the reasons."""
    evidence = tuple(Evidence("reasons", r.value, f"rule-{r.value}", s) for r, s in said)
    return Reading(
        email_id=email_id,
        category=Category.REJECTION,
        confidence=0.9,
        rejection=Rejection(
            stage=stage,
            reasons=reasons,
            feedback=feedback,
            keep_on_file=keep_on_file,
            invite_reapply=invite_reapply,
        ),
        door_closed=door_closed,
        evidence=evidence,
    )


def followup(
    kind: MoveKind = MoveKind.ASK_FEEDBACK,
    status: FollowUpStatus = FollowUpStatus.SENT,
    outcome: Outcome | None = None,
    *,
    reply_after_days: float | None = None,
    reply_email_id: str | None = None,
    feedback: tuple[Reason, ...] = (),
) -> FollowUp:
    sent_at = T0 if status is FollowUpStatus.SENT else None
    answered = T0 + timedelta(days=reply_after_days) if reply_after_days is not None else None
    return FollowUp(
        application_id=1,
        move=Move(kind, why="test"),
        status=status,
        sent_at=sent_at,
        outcome=outcome,
        outcome_at=answered,
        reply_email_id=reply_email_id,
        feedback=feedback,
    )


def rejections(count: int, stage: Stage = Stage.APPLICATION) -> list[Reading]:
    return [rejection(f"<r{n}@quillmoor.example>", stage=stage) for n in range(count)]
