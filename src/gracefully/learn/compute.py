"""The numbers: funnel, statuses, stated reasons, feedback, follow-ups and timings.

Pure functions of the domain objects the store holds. A rejection email that
answers one of the user's follow-ups is that follow-up's outcome, not a new
rejection, so it is counted once, under the follow-ups.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time

from gracefully.domain import (
    Application,
    EventKind,
    Feedback,
    FollowUp,
    FollowUpStatus,
    MoveKind,
    Outcome,
    Reading,
    Reason,
    Rejection,
    Stage,
    Status,
)
from gracefully.domain.clock import as_aware
from gracefully.learn.model import (
    Days,
    FollowUps,
    Insights,
    MoveRate,
    ReasonShare,
    Rejections,
    Share,
    StageDays,
)
from gracefully.learn.suggest import suggestions

FUNNEL = (Stage.APPLICATION, Stage.SCREEN, Stage.ASSESSMENT, Stage.INTERVIEW, Stage.OFFER)
EXAMPLES_PER_REASON = 2
_STAGES = (*FUNNEL, Stage.UNKNOWN)
_STARTS = frozenset({EventKind.APPLIED, EventKind.CONFIRMED})
_UNSENT = frozenset({FollowUpStatus.PLANNED, FollowUpStatus.DRAFTED, FollowUpStatus.APPROVED})
_REPLIES = frozenset({Outcome.REPLIED, Outcome.FEEDBACK_GIVEN, Outcome.INTERVIEW, Outcome.OFFER})
_OUTCOME_ORDER = (
    Outcome.FEEDBACK_GIVEN,
    Outcome.INTERVIEW,
    Outcome.OFFER,
    Outcome.REPLIED,
    Outcome.NO_REPLY,
)
AWAITING = "awaiting"


def insights(
    applications: Sequence[Application],
    rejections: Iterable[Reading],
    followups: Sequence[FollowUp],
) -> Insights:
    """Everything there is to learn from the applications (with their events),
    the readings of rejection emails, and the follow-ups."""
    answers = {f.reply_email_id for f in followups if f.reply_email_id}
    readings = [r for r in rejections if r.rejection is not None and r.email_id not in answers]
    result = Insights(
        applications=len(applications),
        funnel=funnel(applications),
        statuses=_shares([a.status for a in applications], list(Status)),
        rejections=rejection_stats(readings, applications),
        followups=followup_stats(followups),
        suggestions=(),
    )
    return replace(result, suggestions=suggestions(result))


def share(label: str, count: int, total: int) -> Share:
    return Share(label, count, total, count / total if total else 0.0)


def _shares(
    values: Sequence[object], order: Sequence[object], keep_zero: bool = False
) -> tuple[Share, ...]:
    """A share per key of `order` (in that order), skipping empty ones unless asked."""
    counts = Counter(values)
    return tuple(
        share(str(key), counts[key], len(values)) for key in order if keep_zero or counts[key]
    )


def funnel(applications: Sequence[Application]) -> tuple[Share, ...]:
    """Applications that got at least as far as each stage; an unknown stage
    still counts as applied."""
    ranks = [max(a.stage.rank, Stage.APPLICATION.rank) for a in applications]
    total = len(ranks)
    return tuple(share(s.value, sum(r >= s.rank for r in ranks), total) for s in FUNNEL)


def rejection_stats(readings: Sequence[Reading], applications: Sequence[Application]) -> Rejections:
    details: list[Rejection] = [r.rejection for r in readings if r.rejection is not None]
    return Rejections(
        total=len(details),
        by_stage=_shares([d.stage for d in details], _STAGES),
        reasons=reason_shares(readings),
        no_reason=sum(not d.reasons for d in details),
        feedback=_shares([d.feedback for d in details], list(Feedback), keep_zero=True),
        keep_on_file=sum(d.keep_on_file for d in details),
        invite_reapply=sum(d.invite_reapply for d in details),
        alt_role=sum(d.alt_role for d in details),
        personal=sum(d.personal for d in details),
        door_closed=sum(r.door_closed for r in readings),
        time_to_rejection=time_to_rejection(applications),
    )


def reason_shares(readings: Sequence[Reading]) -> tuple[ReasonShare, ...]:
    """Each stated reason, most frequent first, with the sentences that stated it.

    The share is of all rejections, so the shares of several reasons can add
    up to more than 1 (one email may give two reasons).
    """
    counts: Counter[Reason] = Counter()
    examples: dict[Reason, list[str]] = {}
    for reading in readings:
        for reason in reading.rejection.reasons if reading.rejection else ():
            counts[reason] += 1
            said = examples.setdefault(reason, [])
            for evidence in reading.evidence_for("reasons"):
                sentence = " ".join(evidence.sentence.split())
                fits = len(said) < EXAMPLES_PER_REASON and sentence not in said
                if evidence.value == reason.value and sentence and fits:
                    said.append(sentence)
    total = len(readings)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], list(Reason).index(kv[0])))
    return tuple(
        ReasonShare(reason, n, total, n / total, tuple(examples[reason])) for reason, n in ranked
    )


def days_between(start: datetime, end: datetime) -> float:
    return round((as_aware(end) - as_aware(start)).total_seconds() / 86400, 1)


def spread(values: Sequence[float]) -> Days:
    if not values:
        return Days(0)
    return Days(len(values), round(statistics.median(values), 1), min(values), max(values))


def time_to_rejection(applications: Sequence[Application]) -> tuple[StageDays, ...]:
    """Days from applying to the first rejection, by the stage it came at.

    Only applications whose start is known (the applied date, or an applied
    or confirmation event) count: a rejection alone says nothing about when
    the user applied.
    """
    found: dict[Stage, list[float]] = {}
    for app in applications:
        start = _started(app)
        rejected = [e for e in app.events if e.kind is EventKind.REJECTION]
        if start is None or not rejected:
            continue
        first = min(rejected, key=lambda e: as_aware(e.at))
        found.setdefault(first.stage or app.stage, []).append(days_between(start, first.at))
    return tuple(StageDays(s, spread(found[s])) for s in _STAGES if s in found)


def _started(app: Application) -> datetime | None:
    starts = [as_aware(e.at) for e in app.events if e.kind in _STARTS]
    if app.applied_on is not None:
        starts.append(_midnight(app.applied_on))
    return min(starts, default=None)


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


def followup_stats(followups: Sequence[FollowUp]) -> FollowUps:
    sent = [f for f in followups if f.status is FollowUpStatus.SENT]
    kinds = [k for k in MoveKind if any(f.move.kind is k for f in sent)]
    reasons = [r for f in sent if f.outcome is Outcome.FEEDBACK_GIVEN for r in f.feedback]
    return FollowUps(
        planned=sum(f.status in _UNSENT and f.move.kind is not MoveKind.NONE for f in followups),
        overall=move_rate(None, sent) if sent else None,
        by_move=tuple(move_rate(k, [f for f in sent if f.move.kind is k]) for k in kinds),
        outcomes=_shares([_outcome_label(f) for f in sent], [*_OUTCOME_ORDER, AWAITING]),
        time_to_reply=spread(
            [
                days_between(f.sent_at, f.outcome_at)
                for f in sent
                if f.outcome in _REPLIES and f.sent_at and f.outcome_at
            ]
        ),
        feedback_reasons=_shares(reasons, list(Reason)),
    )


def _outcome_label(followup: FollowUp) -> str:
    return followup.outcome.value if followup.outcome else AWAITING


def move_rate(kind: MoveKind | None, sent: Sequence[FollowUp]) -> MoveRate:
    replied = sum(f.outcome in _REPLIES for f in sent)
    silent = sum(f.outcome is Outcome.NO_REPLY for f in sent)
    decided = replied + silent
    return MoveRate(
        move=kind,
        sent=len(sent),
        replied=replied,
        no_reply=silent,
        awaiting=len(sent) - decided,
        reply_rate=replied / decided if decided else None,
    )
