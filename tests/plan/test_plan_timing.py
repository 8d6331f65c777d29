"""Due dates land in the recipient's business hours, never on a weekend."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from gracefully.plan import PlanSettings, checkin_at, due_window, next_business_slot

UTC = ZoneInfo("UTC")
S = PlanSettings()


def at(text: str, tz: str = "UTC") -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(tz))


@pytest.mark.parametrize(
    ("received", "now", "due"),
    [
        ("2026-03-03 10:15", "2026-03-03 18:00", "2026-03-04 11:00"),  # Tue -> Wed, 24 h on
        ("2026-03-03 16:30", "2026-03-03 18:00", "2026-03-05 09:00"),  # opens after hours
        ("2026-03-03 06:00", "2026-03-03 07:00", "2026-03-04 09:00"),  # opens before hours
        ("2026-03-05 14:00", "2026-03-05 15:00", "2026-03-06 14:00"),  # Thu -> Fri
        ("2026-03-06 15:30", "2026-03-06 16:00", "2026-03-09 09:00"),  # Fri -> Mon
        ("2026-03-07 11:00", "2026-03-07 12:00", "2026-03-09 09:00"),  # Sat -> Mon
        ("2026-02-20 09:00", "2026-03-03 18:00", "2026-03-04 09:00"),  # late: next slot
        ("2026-02-20 09:00", "2026-03-04 10:20", "2026-03-04 11:00"),  # late, in hours
    ],
)
def test_due_window(received: str, now: str, due: str) -> None:
    assert due_window(at(received), at(now), S, UTC) == at(due)


def test_recipient_zone_is_used() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    due = due_window(at("2026-03-03 07:30"), at("2026-03-03 08:00"), S, berlin)
    assert due == at("2026-03-04 09:00", "Europe/Berlin")  # 07:30 UTC is 08:30 in Berlin
    ny = due_window(at("2026-03-03 07:30"), at("2026-03-03 08:00"), S, ZoneInfo("America/New_York"))
    assert ny == at("2026-03-04 09:00", "America/New_York")  # 02:30 there, so 09:00


def test_naive_times_are_utc() -> None:
    naive = datetime(2026, 3, 3, 10, 15)
    assert due_window(naive, naive, S, UTC) == at("2026-03-04 11:00")


def test_business_days_come_from_settings() -> None:
    sunday_to_thursday = PlanSettings(business_days=frozenset({6, 0, 1, 2, 3}))
    assert next_business_slot(at("2026-03-06 10:00"), sunday_to_thursday, UTC) == at(
        "2026-03-08 09:00"
    )
    with pytest.raises(ValueError):
        next_business_slot(at("2026-03-06 10:00"), PlanSettings(business_days=frozenset()), UTC)


def test_checkin_is_about_eight_weeks_later_in_business_hours() -> None:
    assert checkin_at(at("2026-03-04 11:00"), S, UTC) == at("2026-04-29 11:00")
    assert checkin_at(at("2026-03-07 20:00"), S, UTC) == at("2026-05-04 09:00")
