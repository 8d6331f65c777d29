"""Events from emails, the stage reached and the current status, silence included."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from gracefully.domain import Event, EventKind, Stage, Status
from gracefully.track import event_for, summarize
from tests.track.builders import WHEN, make_email, make_reading

DAY = timedelta(days=1)


@pytest.mark.parametrize(
    ("category", "subject", "kind"),
    [
        ("confirmation", "We received your application", EventKind.CONFIRMED),
        ("interview", "Interview with the team", EventKind.INTERVIEW),
        ("interview", "Quick phone screen?", EventKind.SCREEN),
        ("assessment", "Your take-home exercise", EventKind.ASSESSMENT),
        ("offer", "Your offer", EventKind.OFFER),
        ("rejection", "Your application", EventKind.REJECTION),
        ("other", "Re: times", EventKind.REPLY),
    ],
)
def test_event_kind_from_category(category: str, subject: str, kind: EventKind) -> None:
    event = event_for(make_email(subject=subject), make_reading(category))
    assert (event.kind, event.at, event.summary) == (kind, WHEN, subject)


def test_a_rejection_event_keeps_its_stage() -> None:
    event = event_for(make_email(), make_reading("rejection", stage="interview"))
    assert event.stage is Stage.INTERVIEW


def test_an_undated_email_needs_a_fallback() -> None:
    with pytest.raises(ValueError, match="no date"):
        event_for(make_email(date=None), make_reading())
    assert event_for(make_email(date=None), make_reading(), fallback_at=WHEN).at == WHEN


def ev(kind: EventKind, days: int, stage: Stage | None = None) -> Event:
    return Event(kind, WHEN + days * DAY, stage=stage)


NOW = WHEN + 10 * DAY
CASES = [
    ("nothing yet", [], None, (Stage.APPLICATION, Status.APPLIED)),
    ("confirmed", [ev(EventKind.APPLIED, 0), ev(EventKind.CONFIRMED, 1)], None,
     (Stage.APPLICATION, Status.APPLIED)),
    ("screened", [ev(EventKind.CONFIRMED, 0), ev(EventKind.SCREEN, 5)], None,
     (Stage.SCREEN, Status.IN_PROCESS)),
    ("rejected after interview", [ev(EventKind.INTERVIEW, 2), ev(EventKind.REJECTION, 8)], None,
     (Stage.INTERVIEW, Status.REJECTED)),
    ("a rejection proves the stage it names", [ev(EventKind.REJECTION, 3, Stage.ASSESSMENT)], None,
     (Stage.ASSESSMENT, Status.REJECTED)),
    ("offer", [ev(EventKind.INTERVIEW, 1), ev(EventKind.OFFER, 9)], None,
     (Stage.OFFER, Status.OFFER)),
    ("events out of order", [ev(EventKind.REJECTION, 9), ev(EventKind.OFFER, 1)], None,
     (Stage.OFFER, Status.REJECTED)),
    ("manual status wins", [ev(EventKind.INTERVIEW, 1)], Status.WITHDRAWN,
     (Stage.INTERVIEW, Status.WITHDRAWN)),
]  # fmt: skip


@pytest.mark.parametrize(("name", "events", "manual", "expected"), CASES, ids=[c[0] for c in CASES])
def test_summary(
    name: str, events: list[Event], manual: Status | None, expected: tuple[Stage, Status]
) -> None:
    assert summarize(events, now=NOW, manual_status=manual) == expected


def test_silence_is_no_response_and_the_users_own_follow_up_is_not_news() -> None:
    events = [ev(EventKind.CONFIRMED, 0), ev(EventKind.FOLLOW_UP, 20)]
    assert summarize(events, now=WHEN + 29 * DAY)[1] is Status.APPLIED
    assert summarize(events, now=WHEN + 30 * DAY)[1] is Status.NO_RESPONSE
    assert summarize(events, now=WHEN + 15 * DAY, silence_days=14)[1] is Status.NO_RESPONSE
    in_process = [ev(EventKind.INTERVIEW, 0)]
    assert summarize(in_process, now=WHEN + 31 * DAY)[1] is Status.NO_RESPONSE
    rejected = [ev(EventKind.REJECTION, 0)]
    assert summarize(rejected, now=datetime(2030, 1, 1, tzinfo=UTC))[1] is Status.REJECTED
