"""The playbook's knobs, taken from the app's settings (read at the edge)."""

from __future__ import annotations

from gracefully.config import Settings
from gracefully.plan import PlanSettings


def plan_settings(settings: Settings) -> PlanSettings:
    """What a person set in config.toml or GRACEFULLY_*, in the playbook's terms."""
    start, end = settings.business_hours
    return PlanSettings(
        checkin_weeks=settings.checkin_weeks,
        cap_per_company=settings.cap_per_company,
        business_start_hour=start,
        business_end_hour=end,
        default_tz=settings.timezone,
        review_below=settings.review_threshold,
        no_reply_days=settings.no_reply_days,
    )
