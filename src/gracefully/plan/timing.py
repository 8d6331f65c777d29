"""When a follow-up is due: a working hour of the recipient, never a weekend.

A note that lands at 3 a.m. or on a Sunday sits under a pile by Monday, so
every due date is moved into the next business slot of the recipient's zone.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from gracefully.domain.clock import as_aware
from gracefully.plan.settings import PlanSettings


def resolve_tz(name: str | None, settings: PlanSettings) -> tzinfo:
    """The recipient's zone when known, else the user's default."""
    return ZoneInfo(name or settings.default_tz)


def next_business_slot(moment: datetime, settings: PlanSettings, tz: tzinfo) -> datetime:
    """The first whole hour at or after `moment` that is inside business hours in `tz`."""
    local = as_aware(moment).astimezone(tz)
    if local.minute or local.second or local.microsecond:
        local = local.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    for _ in range(8):
        if local.weekday() in settings.business_days:
            if local.hour < settings.business_start_hour:
                return local.replace(hour=settings.business_start_hour)
            if local.hour < settings.business_end_hour:
                return local
        local = (local + timedelta(days=1)).replace(hour=settings.business_start_hour)
    raise ValueError("settings.business_days has no working day")


def window_passed(received_at: datetime, now: datetime, settings: PlanSettings) -> bool:
    """True when the 24–48 h window after the rejection is already over."""
    return as_aware(now) > as_aware(received_at) + timedelta(hours=settings.first_window_hours[1])


def due_window(
    received_at: datetime, now: datetime, settings: PlanSettings, tz: tzinfo, key: int = 0
) -> datetime:
    """The first follow-up's due time.

    It is the first business slot after the window opens (24 h after the
    rejection: sooner reads as a reflex, later as forgotten), or the next
    business slot from `now` when the window has passed already. `key` (the
    application) moves it later within that business day by a fixed amount, so
    that a plan of many notes does not fall due at one minute.
    """
    opens = as_aware(received_at) + timedelta(hours=settings.first_window_hours[0])
    slot = next_business_slot(max(opens, as_aware(now)), settings, tz)
    return slot + spread(slot, key, settings)


SPREAD_STEP_MINUTES = 10


def spread(slot: datetime, key: int, settings: PlanSettings) -> timedelta:
    """A stable offset for `key` within what is left of `slot`'s business day."""
    left = (settings.business_end_hour - slot.hour) * 60 - SPREAD_STEP_MINUTES
    steps = max(left // SPREAD_STEP_MINUTES, 1)
    return timedelta(minutes=(key * 7919) % steps * SPREAD_STEP_MINUTES)


def checkin_at(after: datetime, settings: PlanSettings, tz: tzinfo) -> datetime:
    """The later check-in, about `checkin_weeks` after `after`, in business hours."""
    later = as_aware(after) + timedelta(weeks=settings.checkin_weeks)
    return next_business_slot(later, settings, tz)
