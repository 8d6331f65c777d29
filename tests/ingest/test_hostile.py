"""Hostile input at the ingest level: every kind that once stopped a scan, read safely.

Each test builds its message here (our own bytes, fake names); the minimal cases
of reported failures are also kept as files in tests/fixtures/mail/hostile.
"""

from __future__ import annotations

from datetime import UTC

import pytest

from gracefully.domain import Email, Malformed, SkipKind
from gracefully.domain.text import one_line, storable
from gracefully.ingest import RawMessage, content_hash, decode, judge, same_content
from gracefully.ingest._charset import decode_bytes, decode_header_value
from gracefully.ingest._decode import MAX_LINES, MAX_SUBJECT_CHARS, parse_date
from gracefully.ingest._html import MAX_QUOTE_DEPTH, html_to_text
from gracefully.ingest._mime import MAX_BODY_CHARS, MAX_PART_CHARS


def _message(headers: str | bytes, body: str | bytes = "We will not move forward.") -> bytes:
    head = headers.encode() if isinstance(headers, str) else headers
    text = body.encode() if isinstance(body, str) else body
    return head.rstrip(b"\n") + b"\n\n" + text


def _decoded(data: bytes) -> Email:
    email = decode(RawMessage("test#0", data))
    assert isinstance(email, Email), email
    return email


@pytest.mark.parametrize("charset", ["undefined", "x-unknown", "utf-7", "base64", "zlib"])
def test_an_unusable_charset_never_raises(charset: str) -> None:
    assert isinstance(decode_bytes(b"caf\xe9 \xff\xfe", charset), str)
    header = f"=?{charset}?B?/w==?= Your application"
    assert decode_header_value(header).endswith("Your application")


def test_the_prefilter_reads_a_header_in_an_undefined_charset() -> None:
    data = _message("From: HR <hr@acme.example>\nSubject: =?undefined?B?/w==?=")
    assert judge(data).skip is False  # a subject it cannot read keeps the body


def test_header_text_has_no_control_characters_or_surrogates() -> None:
    assert one_line("a\x00b\x07c\udcb1d") == "abc\ufffdd"
    assert one_line("plain") == "plain"
    assert storable("line\nnext\x00\udcff") == "line\nnext\ufffd"
    data = _message(b"From: HR <hr@acme.example>\nSubject: Your\x00 application\xff")
    email = _decoded(data)
    assert "\x00" not in email.subject and "Your application" in email.subject
    email.subject.encode("utf-8")  # no lone surrogates


def test_an_8bit_message_id_is_read_as_latin1_the_same_everywhere() -> None:
    data = _message(
        b"From: HR <hr@acme.example>\nSubject: Update\nMessage-ID: <a\xb1b@acme.example>\n"
        b"In-Reply-To: <r\xe9ply@acme.example>\nReferences: <r\xe9ply@acme.example> <z@x>"
    )
    email = _decoded(data)
    assert email.id == email.message_id == "<a±b@acme.example>"
    assert email.in_reply_to == "<réply@acme.example>"
    assert email.references == ("<réply@acme.example>", "<z@x>")


def test_a_nul_in_a_message_id_is_dropped() -> None:
    email = _decoded(_message(b"From: a@b.example\nSubject: x\nMessage-ID: <a\x00b@c.example>"))
    assert email.message_id == "<ab@c.example>"


@pytest.mark.parametrize("zone", ["+2500", "-9999", "+2400"])
def test_an_impossible_zone_is_read_as_utc_and_noted(zone: str) -> None:
    notes: list[str] = []
    when = parse_date(f"Tue, 05 Mar 2024 14:02:11 {zone}", notes)
    assert when is not None and when.tzinfo is UTC and (when.hour, when.minute) == (14, 2)
    assert notes and "impossible time zone" in notes[0]


def test_a_real_zone_is_kept() -> None:
    notes: list[str] = []
    when = parse_date("Tue, 05 Mar 2024 14:02:11 +0530", notes)
    assert when is not None and when.utcoffset() is not None
    assert when.utcoffset().total_seconds() == 5.5 * 3600  # type: ignore[union-attr]
    assert notes == []


@pytest.mark.parametrize("raw", ["Fri, 31 Dec 9999 23:59:59 -1200", "1 Jan 1066 10:00", "soon"])
def test_an_out_of_range_or_garbage_date_leaves_no_date(raw: str) -> None:
    assert parse_date(raw) is None


def test_a_decoded_email_carries_what_was_repaired() -> None:
    email = _decoded(_message("From: a@b.example\nSubject: x\nDate: Tue, 5 Mar 2024 10:00 +2500"))
    assert email.date is not None and email.date.tzinfo is UTC
    assert any("impossible time zone" in note for note in email.notes)


def test_nested_blockquotes_cost_linear_text() -> None:
    depth = 5000
    html = "<blockquote>line<br>" * depth + "</blockquote>" * depth
    text = html_to_text(html)
    assert len(text) < 2 * len(html)  # was "> " * depth on every line: 50 million characters
    deepest = max(line.count("> ") for line in text.splitlines())
    assert deepest == MAX_QUOTE_DEPTH


def test_a_shallow_quote_keeps_its_depth() -> None:
    text = html_to_text("<p>Thanks</p><blockquote><blockquote>old</blockquote></blockquote>")
    assert "> > old" in text


def test_a_huge_text_part_is_cut_and_the_body_is_bounded() -> None:
    part = "Dear Sam, " + "word " * (MAX_PART_CHARS // 2)
    parts = "".join(
        f"--b\nContent-Type: text/plain\n\n{part}\n"
        for _ in range(2 * MAX_BODY_CHARS // MAX_PART_CHARS + 2)
    )
    head = "From: a@b.example\nSubject: x\nMIME-Version: 1.0\n"
    data = _message(head + 'Content-Type: multipart/mixed; boundary="b"', parts + "--b--\n")
    email = _decoded(data)
    assert len(email.body) <= MAX_BODY_CHARS + 100
    assert email.body.startswith("Dear Sam,")


def test_a_giant_subject_is_cut() -> None:
    email = _decoded(_message("From: a@b.example\nSubject: " + "x" * 1_000_000))
    assert len(email.subject) == MAX_SUBJECT_CHARS


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"", SkipKind.EMPTY),
        (b"\x00\x01\x02 binary junk", SkipKind.NO_HEADERS),
        (b"From: a@b.example\nSubject: cut here", SkipKind.TRUNCATED),
        (b"X-Other: 1\n\n", SkipKind.NO_HEADERS),
    ],
)
def test_what_cannot_be_read_says_why_and_its_size(data: bytes, kind: SkipKind) -> None:
    found = decode(RawMessage("test#1", data))
    assert isinstance(found, Malformed)
    assert found.kind is kind and found.size == len(data)


def test_content_hash_tells_two_messages_with_one_message_id_apart() -> None:
    first = _message("From: a@b.example\nSubject: Update\nMessage-ID: <same@b.example>", "No.")
    second = _message("From: c@d.example\nSubject: Update\nMessage-ID: <same@b.example>", "No.")
    third = _message("From: a@b.example\nSubject: Update\nMessage-ID: <same@b.example>", "Yes.")
    assert not same_content(content_hash(first), content_hash(second))
    assert not same_content(content_hash(first), content_hash(third))
    assert same_content(content_hash(first), content_hash(first.replace(b"\n", b"\r\n")))


def test_a_header_only_copy_is_the_same_message() -> None:
    full = _message("From: a@b.example\nSubject: Sale\nMessage-ID: <m@b.example>", "50% off")
    head_only = _message("From: a@b.example\nSubject: Sale\nMessage-ID: <m@b.example>", "")
    assert same_content(content_hash(full), content_hash(head_only))
    assert same_content(None, content_hash(full))  # a row from before hashes were kept


def test_an_unquoted_last_first_name_stays_one_address() -> None:
    email = _decoded(
        _message(
            "From: Castillo, Renée <renee@elmmark.example>\nTo: a@b.example, Ben <b@c.example>"
        )
    )
    assert email.sender is not None
    assert (email.sender.name, email.sender.email) == ("Castillo, Renée", "renee@elmmark.example")
    assert [a.email for a in email.to] == ["a@b.example", "b@c.example"]


def test_a_flood_of_lines_is_read_only_up_to_the_line_limit() -> None:
    email = _decoded(
        _message("From: a@b.example\nSubject: x", "Dear Sam,\n" + "\n" * (MAX_LINES * 2))
    )
    assert email.body.startswith("Dear Sam,")
    assert any("bytes were read" in note for note in email.notes)


def test_a_run_of_line_breaks_reads_as_one_blank_line() -> None:
    assert html_to_text("Hello<br>" + "<br/>" * 50_000 + "Sam") == "Hello\n\nSam"
