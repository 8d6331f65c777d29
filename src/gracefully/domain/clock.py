"""Times as every stage compares them."""

from __future__ import annotations

from datetime import UTC, datetime


def as_aware(moment: datetime) -> datetime:
    """Naive datetimes are taken as UTC, the convention of the store."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
