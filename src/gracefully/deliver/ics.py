"""Follow-up due dates as an iCalendar file (RFC 5545) for any calendar app.

Written by hand because the format is small and the rules that matter are
few: CRLF line ends, lines folded at 75 octets without splitting a UTF-8
character, TEXT values escaped, times in UTC.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import IO

from gracefully.deliver.headers import clean_body

PRODID = "-//gracefully//follow-up reminders//EN"
_FOLD_AT = 75


@dataclass(frozen=True, slots=True)
class Reminder:
    """One due follow-up. `uid` must stay the same across exports so that a
    calendar re-importing the file updates the event instead of duplicating it."""

    uid: str
    due_at: datetime
    summary: str
    description: str = ""
    alarm_before: timedelta | None = None
    duration: timedelta = timedelta(minutes=15)


def export_ics(
    reminders: Sequence[Reminder],
    target: str | os.PathLike[str] | IO[bytes] | IO[str],
    *,
    stamp: datetime | None = None,
) -> None:
    """Write the calendar to a path, or to an open binary or text stream."""
    data = render_ics(reminders, stamp=stamp)
    if isinstance(target, str | os.PathLike):
        with open(target, "wb") as out:
            out.write(data)
    elif isinstance(target, io.TextIOBase):
        target.write(data.decode("utf-8"))
    else:
        target.write(data)  # type: ignore[arg-type]


def render_ics(reminders: Sequence[Reminder], *, stamp: datetime | None = None) -> bytes:
    """The whole VCALENDAR; `stamp` (DTSTAMP) defaults to now."""
    stamp_text = _utc(stamp or datetime.now(UTC))
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    for reminder in reminders:
        lines.extend(_event(reminder, stamp_text))
    lines.append("END:VCALENDAR")
    return b"".join(_fold(line) for line in lines)


def _event(reminder: Reminder, stamp: str) -> Iterable[str]:
    yield "BEGIN:VEVENT"
    yield f"UID:{escape_text(reminder.uid)}"
    yield f"DTSTAMP:{stamp}"
    yield f"DTSTART:{_utc(reminder.due_at)}"
    yield f"DURATION:{format_duration(reminder.duration)}"
    yield f"SUMMARY:{escape_text(reminder.summary)}"
    if reminder.description:
        yield f"DESCRIPTION:{escape_text(reminder.description)}"
    if reminder.alarm_before is not None:
        yield "BEGIN:VALARM"
        yield "ACTION:DISPLAY"
        yield f"DESCRIPTION:{escape_text(reminder.summary)}"
        yield f"TRIGGER:{format_duration(-reminder.alarm_before)}"
        yield "END:VALARM"
    yield "END:VEVENT"


def escape_text(value: str) -> str:
    """RFC 5545 3.3.11 TEXT: backslash, semicolon, comma and newline escaped;
    other control characters dropped."""
    text = clean_body(value).removesuffix("\n")
    for raw, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(raw, escaped)
    return text


def format_duration(delta: timedelta) -> str:
    """RFC 5545 3.3.6 dur-value, e.g. ``PT15M``, ``-P1DT2H0M30S``."""
    sign = "-" if delta < timedelta(0) else ""
    seconds = int(abs(delta).total_seconds())
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    clock = ""
    if hours:
        clock = f"{hours}H" + (f"{minutes}M" + (f"{secs}S" if secs else "") if rest else "")
    elif minutes:
        clock = f"{minutes}M" + (f"{secs}S" if secs else "")
    elif secs:
        clock = f"{secs}S"
    if not days and not clock:
        return "PT0S"
    return f"{sign}P" + (f"{days}D" if days else "") + (f"T{clock}" if clock else "")


def _utc(moment: datetime) -> str:
    if moment.utcoffset() is None:
        raise ValueError(f"reminder times must be timezone-aware: {moment!r}")
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _fold(line: str) -> bytes:
    """One content line, folded into chunks of at most 75 octets, CRLF-terminated."""
    data = line.encode("utf-8")
    chunks: list[bytes] = []
    limit = _FOLD_AT
    while len(data) > limit:
        cut = limit
        while data[cut] & 0xC0 == 0x80:
            cut -= 1
        chunks.append(data[:cut])
        data = data[cut:]
        limit = _FOLD_AT - 1
    chunks.append(data)
    return b"\r\n ".join(chunks) + b"\r\n"
