"""export_ics: RFC 5545 by hand, read back by a real parser (icalendar)."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta, timezone

import icalendar
import pytest

from gracefully.deliver import Reminder, export_ics, render_ics
from gracefully.deliver.ics import escape_text, format_duration

STAMP = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
BERLIN_WINTER = timezone(timedelta(hours=1))

REMINDERS = [
    Reminder(
        uid="followup-17@gracefully",
        due_at=datetime(2025, 3, 5, 10, 0, tzinfo=BERLIN_WINTER),
        summary="Follow up with Lanternworks, Data Analyst",
        description="Thank Priya; ask to be considered for future data roles.\nDraft #17",
    ),
    Reminder(
        uid="followup-18@gracefully",
        due_at=datetime(2025, 5, 1, 9, 0, tzinfo=UTC),
        summary="Check in: Brightmoor Labs; ask about the platform team; 2nd note",
        description='Zoë said: "the platform team, maybe; we\'ll see" \\ keep it short, warm. '
        + "Ünïcödé " * 20,
        alarm_before=timedelta(hours=1, minutes=30),
    ),
]


def calendar() -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(render_ics(REMINDERS, stamp=STAMP))


def test_a_real_parser_reads_every_event_back() -> None:
    events = calendar().walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [r.uid for r in REMINDERS]
    for event, reminder in zip(events, REMINDERS, strict=True):
        assert event.decoded("DTSTART") == reminder.due_at
        assert event.decoded("DTSTART").tzinfo is not None
        assert event.decoded("DTSTAMP") == STAMP
        assert str(event["SUMMARY"]) == reminder.summary
        assert str(event["DESCRIPTION"]) == reminder.description
        assert event.decoded("DURATION") == timedelta(minutes=15)


def test_times_are_written_in_utc() -> None:
    assert b"DTSTART:20250305T090000Z\r\n" in render_ics(REMINDERS, stamp=STAMP)


def test_the_alarm_fires_before_the_due_time() -> None:
    first, second = calendar().walk("VEVENT")
    assert first.walk("VALARM") == []
    (alarm,) = second.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == -timedelta(hours=1, minutes=30)


def test_lines_are_crlf_and_folded_at_75_octets_without_splitting_characters() -> None:
    data = render_ics(REMINDERS, stamp=STAMP)
    assert data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines), "the long description was folded"
    for line in lines:
        line.decode("utf-8")  # a split multi-byte character would raise here


def test_text_escaping() -> None:
    assert escape_text("a,b;c\\d\ne\r\nf\x00g") == "a\\,b\\;c\\\\d\\ne\\nfg"


@pytest.mark.parametrize(
    ("delta", "expected"),
    [
        (timedelta(minutes=15), "PT15M"),
        (timedelta(hours=1), "PT1H"),
        (timedelta(hours=1, seconds=5), "PT1H0M5S"),
        (timedelta(days=2), "P2D"),
        (timedelta(days=1, hours=2, minutes=3), "P1DT2H3M"),
        (-timedelta(minutes=90), "-PT1H30M"),
        (timedelta(0), "PT0S"),
    ],
)
def test_durations(delta: timedelta, expected: str) -> None:
    assert format_duration(delta) == expected
    assert icalendar.vDuration.from_ical(expected) == delta


def test_export_to_a_path_a_binary_stream_and_a_text_stream(tmp_path) -> None:
    expected = render_ics(REMINDERS, stamp=STAMP)
    export_ics(REMINDERS, tmp_path / "due.ics", stamp=STAMP)
    binary, textual = io.BytesIO(), io.StringIO(newline="")
    export_ics(REMINDERS, binary, stamp=STAMP)
    export_ics(REMINDERS, textual, stamp=STAMP)
    assert (tmp_path / "due.ics").read_bytes() == binary.getvalue() == expected
    assert textual.getvalue().encode() == expected


def test_an_empty_calendar_is_still_valid() -> None:
    parsed = icalendar.Calendar.from_ical(render_ics([], stamp=STAMP))
    assert parsed.walk("VEVENT") == []
    assert str(parsed["PRODID"]).startswith("-//gracefully")


def test_naive_times_are_refused() -> None:
    naive = Reminder(uid="x", due_at=datetime(2025, 3, 5, 10, 0), summary="s")
    with pytest.raises(ValueError, match="timezone-aware"):
        render_ics([naive], stamp=STAMP)
