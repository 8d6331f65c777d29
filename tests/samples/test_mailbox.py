"""The demo mbox is a well-formed mailbox that exercises every MIME case ingest must handle."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import parsedate_to_datetime

import pytest

from tests.samples.support import by_id, messages


def test_the_mailbox_holds_enough_messages_with_unique_ids() -> None:
    ids = [m["Message-ID"] for m in messages()]
    assert len(ids) >= 48
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("header", ["Message-ID", "Date", "From", "To", "Subject"])
def test_every_message_has_the_header(header: str) -> None:
    missing = [m["Subject"] for m in messages() if not m[header]]
    assert missing == []


def test_dates_are_zoned_in_autumn_2026_and_in_mailbox_order() -> None:
    dates = [parsedate_to_datetime(m["Date"]) for m in messages()]
    assert all(d.tzinfo is not None for d in dates)
    assert min(dates) >= datetime(2026, 9, 1, tzinfo=UTC)
    assert max(dates) <= datetime(2026, 11, 21, tzinfo=UTC)
    assert dates == sorted(dates)


def test_threading_headers_point_at_earlier_messages_of_the_mailbox() -> None:
    known = by_id()
    replies = [m for m in messages() if m["In-Reply-To"]]
    assert len(replies) >= 6
    for reply in replies:
        references = str(reply["References"]).split()
        assert references[-1] == reply["In-Reply-To"]
        assert all(ref in known for ref in references)
        parent = known[reply["In-Reply-To"]]
        assert parsedate_to_datetime(parent["Date"]) < parsedate_to_datetime(reply["Date"])


def _text_parts(message: EmailMessage) -> list[EmailMessage]:
    return [
        p for p in message.walk() if p.get_content_maintype() == "text" and not p.is_attachment()
    ]


def _html_only(m: EmailMessage) -> bool:
    return [p.get_content_type() for p in _text_parts(m)] == ["text/html"]


def _cte(encoding: str) -> Callable[[EmailMessage], bool]:
    return lambda m: any(
        p.get_content_type() == "text/plain" and p["Content-Transfer-Encoding"] == encoding
        for p in _text_parts(m)
    )


MIME_CASES: dict[str, Callable[[EmailMessage], bool]] = {
    "plain text only": lambda m: m.get_content_type() == "text/plain",
    "multipart/alternative with HTML": lambda m: any(
        p.get_content_type() == "multipart/alternative" for p in m.walk()
    ),
    "HTML only": _html_only,
    "quoted-printable text": _cte("quoted-printable"),
    "base64 text": _cte("base64"),
    "a charset other than UTF-8": lambda m: any(
        p.get_content_charset() not in (None, "utf-8", "us-ascii") for p in _text_parts(m)
    ),
    "an attachment": lambda m: any(p.is_attachment() for p in m.walk()),
    "a List-Unsubscribe header": lambda m: bool(m["List-Unsubscribe"]),
    "a Cc header": lambda m: bool(m["Cc"]),
}


@pytest.mark.parametrize("case", MIME_CASES)
def test_the_mailbox_contains(case: str) -> None:
    assert any(MIME_CASES[case](m) for m in messages())


def test_every_text_part_decodes_with_its_declared_charset() -> None:
    for message in messages():
        for part in _text_parts(message):
            text = part.get_content()
            assert "\ufffd" not in text, message["Subject"]


def test_the_latin1_message_really_is_latin1_with_accents() -> None:
    latin = [
        p for m in messages() for p in _text_parts(m) if p.get_content_charset() == "iso-8859-1"
    ]
    assert latin
    raw = latin[0].get_payload(decode=True)
    assert "é".encode("latin-1") in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
