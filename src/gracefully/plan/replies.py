"""What an employer's reply to a follow-up means for the follow-ups of that application."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime

from gracefully.domain import Category, Feedback, FollowUp, FollowUpStatus, Outcome, Reading
from gracefully.plan.playbook import CHECKIN_KINDS
from gracefully.plan.settings import PlanSettings
from gracefully.plan.timing import as_aware, checkin_at, resolve_tz

_PENDING = frozenset({FollowUpStatus.PLANNED, FollowUpStatus.DRAFTED, FollowUpStatus.APPROVED})


def _gives_feedback(reading: Reading) -> bool:
    rejection = reading.rejection
    return bool(rejection and (rejection.feedback is Feedback.GIVEN or rejection.reasons))


OUTCOME_RULES: tuple[tuple[Callable[[Reading], bool], Outcome], ...] = (
    (lambda r: r.category is Category.OFFER, Outcome.OFFER),
    (lambda r: r.category in (Category.INTERVIEW, Category.ASSESSMENT), Outcome.INTERVIEW),
    (_gives_feedback, Outcome.FEEDBACK_GIVEN),
)
"""Strongest outcome first; a reply that matches none is a plain `replied`."""


def outcome_from_reply(reply_reading: Reading) -> Outcome:
    """How an employer's reply to a follow-up turned out, from its reading."""
    return next((o for test, o in OUTCOME_RULES if test(reply_reading)), Outcome.REPLIED)


def on_reply(
    followups: Sequence[FollowUp],
    outcome: Outcome,
    *,
    replied_at: datetime,
    settings: PlanSettings,
    recipient_tz: str | None = None,
) -> list[FollowUp]:
    """The follow-ups of one application after the employer replied.

    The reply is recorded on the latest sent follow-up. It cancels whatever
    was still pending: unsent follow-ups and planned check-ins, since the
    employer is talking now. The one exception is a polite reply (`replied`)
    to a first stay_on_radar or other_role note: that is what makes a later
    check-in worth it, so one is planned, counted from the reply (only after
    the first follow-up, so check-ins never chain).
    """
    sent = [f for f in followups if f.status is FollowUpStatus.SENT]
    target = max(sent, key=lambda f: as_aware(f.sent_at or replied_at), default=None)
    updated = []
    for followup in followups:
        move = replace(followup.move, checkin_at=None)
        status = FollowUpStatus.CANCELLED if followup.status in _PENDING else followup.status
        result = followup.outcome
        if followup is target and followup.outcome is None:
            result = outcome
            if outcome is Outcome.REPLIED and move.kind in CHECKIN_KINDS and len(sent) == 1:
                tz = resolve_tz(recipient_tz, settings)
                move = replace(move, checkin_at=checkin_at(replied_at, settings, tz))
        updated.append(replace(followup, move=move, status=status, outcome=result))
    return updated
