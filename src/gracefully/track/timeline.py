"""Each application's story: its events, the furthest stage it reached, where it stands.

The stage ("got to the final interview") and the status ("rejected") answer
different questions, and the playbook needs both, so they are kept apart.
Silence is a status too: no news for N days means "no response", which the
user can then close.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta

from gracefully.domain import Category, Email, Event, EventKind, Reading, Stage, Status

SILENCE_DAYS = 30

_BY_CATEGORY = {
    Category.CONFIRMATION: EventKind.CONFIRMED,
    Category.INTERVIEW: EventKind.INTERVIEW,
    Category.ASSESSMENT: EventKind.ASSESSMENT,
    Category.OFFER: EventKind.OFFER,
    Category.REJECTION: EventKind.REJECTION,
}
_SCREEN = re.compile(
    r"\b(?:phone|recruiter|initial|intro(?:ductory)?|screening|first)\s+"
    r"(?:screen|call|chat|conversation)\b|\bphone\s+interview\b|\bscreening\b",
    re.IGNORECASE,
)
_STAGE_OF = {
    EventKind.APPLIED: Stage.APPLICATION,
    EventKind.CONFIRMED: Stage.APPLICATION,
    EventKind.SCREEN: Stage.SCREEN,
    EventKind.ASSESSMENT: Stage.ASSESSMENT,
    EventKind.INTERVIEW: Stage.INTERVIEW,
    EventKind.OFFER: Stage.OFFER,
}
_PROGRESS = frozenset({EventKind.SCREEN, EventKind.ASSESSMENT, EventKind.INTERVIEW})
_VERDICT = {EventKind.OFFER: Status.OFFER, EventKind.REJECTION: Status.REJECTED}
_NOT_NEWS = frozenset({EventKind.FOLLOW_UP, EventKind.NOTE, EventKind.STATUS})
"""The user's own actions: they do not reset the silence clock."""


def event_for(email: Email, reading: Reading, *, fallback_at: datetime | None = None) -> Event:
    """The timeline entry an email adds; a mail with no job category is a reply in the thread.

    `fallback_at` (e.g. when the message was fetched) dates a message with no Date header.
    """
    at = email.date or fallback_at
    if at is None:
        raise ValueError(f"email {email.id} has no date and no fallback_at was given")
    kind = _BY_CATEGORY.get(reading.category, EventKind.REPLY)
    if kind is EventKind.INTERVIEW and _SCREEN.search(f"{email.subject}\n{email.text}"):
        kind = EventKind.SCREEN
    stage = reading.rejection.stage if reading.rejection and kind is EventKind.REJECTION else None
    summary = email.subject.strip() or kind.value
    return Event(kind=kind, at=at, summary=summary, email_id=email.id, stage=stage)


def stage_reached(events: Iterable[Event]) -> Stage:
    """The furthest stage any event proves; a rejection's own stage counts."""
    best = Stage.APPLICATION
    for event in events:
        stage = _STAGE_OF.get(event.kind) or event.stage or Stage.APPLICATION
        if stage.rank > best.rank:
            best = stage
    return best


def summarize(
    events: Iterable[Event],
    *,
    now: datetime,
    manual_status: Status | None = None,
    silence_days: int = SILENCE_DAYS,
) -> tuple[Stage, Status]:
    """(stage reached, current status). A status the user set by hand always wins.

    The latest offer or rejection decides; otherwise any screen, assessment or
    interview means "in process"; an open application with no news from the
    employer for `silence_days` is "no response".
    """
    ordered = sorted(events, key=lambda e: e.at)
    stage = stage_reached(ordered)
    if manual_status is not None:
        return stage, manual_status
    verdicts = [e for e in ordered if e.kind in _VERDICT]
    if verdicts:
        return stage, _VERDICT[verdicts[-1].kind]
    status = Status.IN_PROCESS if any(e.kind in _PROGRESS for e in ordered) else Status.APPLIED
    news = [e.at for e in ordered if e.kind not in _NOT_NEWS]
    if news and now - news[-1] >= timedelta(days=silence_days):
        return stage, Status.NO_RESPONSE
    return stage, status
