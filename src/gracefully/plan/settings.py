"""The knobs of the playbook, passed in from the edge (config), never read here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PlanSettings:
    """Defaults follow what career coaches advise: answer a rejection within one
    to two working days, check in once about two months later, and never write
    to one company more than a couple of times."""

    first_window_hours: tuple[int, int] = (24, 48)
    checkin_weeks: int = 8
    cap_per_company: int = 2
    business_start_hour: int = 9
    business_end_hour: int = 17
    business_days: frozenset[int] = frozenset({0, 1, 2, 3, 4})
    """Weekday numbers (Monday is 0) on which a follow-up may be due."""
    default_tz: str = "UTC"
    """The user's zone, used when the recipient's is unknown."""
    no_reply_days: int = 21
    """Three weeks of silence after a follow-up: it will most likely stay unanswered."""
    review_below: float = 0.6
    """A reading less confident than this is not acted on until a person confirms it."""
