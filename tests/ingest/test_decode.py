"""decode(): headers, charsets, transfer encodings, MIME structure, malformed input."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone

import pytest

from gracefully.domain import Address, Email
from gracefully.ingest import RawMessage, decode
from tests.ingest.support import FIXTURES, decoded, fixture_bytes, malformed


def test_plain_rejection_fields() -> None:
    email = decoded("rejection_plain.eml")
    assert email.id == "<rej-001@mail.northwind-analytics.example>"
    assert email.message_id == email.id
    assert email.subject == "Your application for Data Analyst"
    assert email.sender == Address("Sam Ortiz", "sam.ortiz@northwind-analytics.example")
    assert email.to == (Address("Jordan Avery", "jordan.avery@example.org"),)
    assert email.date == datetime(2025, 1, 14, 15, 2, tzinfo=UTC)
    assert email.date.utcoffset() == timedelta(hours=-5)
    assert email.headers == {
        "Return-Path": "<sam.ortiz@northwind-analytics.example>",
        "X-Mailer": "Northwind Mailer 2.1",
    }
    assert email.source == "eml:rejection_plain.eml"
    assert "move forward with another\ncandidate" in email.body


def test_rfc2047_subject_and_display_name() -> None:
    email = decoded("rfc2047_subject.eml")
    assert email.subject == "Votre candidature – Ingénieure données"
    assert email.sender == Address("Renée Lefèvre", "renee@contoso-labs.example")


def test_latin1_bytes_labelled_utf8_are_read_as_latin1() -> None:
    email = decoded("latin1_labelled_utf8.eml")
    assert "étudié votre candidature avec intérêt" in email.body
    assert "très bonne continuation" in email.body
    assert "\ufffd" not in email.body


def test_utf8_bytes_labelled_latin1_are_read_as_utf8() -> None:
    email = decoded("utf8_labelled_latin1.eml")
    assert "vielen Dank für Ihre Bewerbung" in email.body
    assert "Mit freundlichen Grüßen" in email.body
    assert "Ã" not in email.body


def test_unknown_charset_name_falls_back() -> None:
    email = decoded("unknown_charset.eml")
    assert email.subject == "Réponse à votre candidature"
    assert email.sender is not None and email.sender.name == "Equipe RH"
    assert "Merci pour l'intérêt que vous portez à notre société" in email.body


def test_quoted_printable_body() -> None:
    email = decoded("quoted_printable.eml")
    assert "Unfortunately we won’t be moving forward — the panel felt" in email.body
    assert "=E2" not in email.body and "=\n" not in email.body


def test_base64_body() -> None:
    email = decoded("base64.eml")
    assert "The position has now been filled, but we’d love to stay in touch." in email.body


def test_html_only_body_is_readable_text_without_script_or_style() -> None:
    email = decoded("html_only.eml")
    assert email.body.startswith("Dear Jordan,")
    assert "the Junior Data Engineer role at Adatum & Co." in email.body
    assert "- We received over 400 applications\n- We will keep your details on file" in email.body
    assert "You can browse open roles any time." in email.body
    for leaked in ("document.location", "color: #333", "<p>", "&amp;", "&nbsp;", "tracker"):
        assert leaked not in email.body
    assert email.headers["Auto-Submitted"] == "auto-generated"
    assert email.headers["List-Unsubscribe"].startswith("<https://careers.adatum.example/")


def test_alternative_prefers_plain_text() -> None:
    email = decoded("alternative.eml")
    assert "PLAIN-VERSION" in email.body
    assert "HTML-VERSION" not in email.body


def test_alternative_stub_plain_falls_back_to_html() -> None:
    email = decoded("alternative_stub.eml")
    assert email.body == (
        "Hi Jordan, we have filled the Analytics Engineer role with an internal candidate."
    )


def test_attachments_are_skipped() -> None:
    email = decoded("attachment.eml")
    assert email.body == "Hi Jordan, as promised I attached the interview feedback summary."


def test_nested_rfc822_forward_keeps_the_forwarded_text() -> None:
    email = decoded("forwarded_rfc822.eml")
    assert "Could we talk about this one on Friday?" in email.text
    assert "Clinical Data Analyst position has been closed" in email.text
    assert "From: Fabrikam Health Talent <talent@fabrikam-health.example>" in email.text


def test_thread_headers_are_normalised() -> None:
    email = decoded("reply_quoted.eml")
    assert email.in_reply_to == "<ask-01@example.org>"
    assert email.references == ("<start-01@tailspin-toys.example>", "<ask-01@example.org>")


def test_date_without_zone_is_utc_and_garbage_date_is_none() -> None:
    base = b"From: a@x.example\nSubject: s\nDate: %s\n\nbody\n"
    naive = decode(RawMessage("m#0", base % b"Mon, 3 Feb 2025 10:00:00"))
    assert isinstance(naive, Email)
    assert naive.date == datetime(2025, 2, 3, 10, 0, tzinfo=UTC)
    lenient = decode(RawMessage("m#1", base % b"2025-02-03 10:00 +0200"))
    assert isinstance(lenient, Email)
    assert lenient.date == datetime(2025, 2, 3, 10, 0, tzinfo=timezone(timedelta(hours=2)))
    garbage = decode(RawMessage("m#2", base % b"not a date at all"))
    assert isinstance(garbage, Email) and garbage.date is None


def test_raw_8bit_header_and_multiple_recipients() -> None:
    data = (
        'From: "Avery, Jordan" <Jordan@Example.org>\n'
        'To: a@x.example, "B. Person" <b@x.example>\n'
        "Cc: =?utf-8?q?Zo=C3=AB?= <zoe@x.example>\n"
        "Reply-To: careers@x.example\n"
        "Subject: Entretien confirmé\n\nbody\n"
    ).encode()
    email = decode(RawMessage("m#0", data))
    assert isinstance(email, Email)
    assert email.subject == "Entretien confirmé"
    assert email.sender == Address("Avery, Jordan", "jordan@example.org")
    assert email.to == (Address("", "a@x.example"), Address("B. Person", "b@x.example"))
    assert email.cc == (Address("Zoë", "zoe@x.example"),)
    assert email.reply_to == Address("", "careers@x.example")


def test_truncated_message_is_malformed() -> None:
    assert "truncated" in malformed(fixture_bytes("truncated.eml")).reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty message"),
        (b"\n\n  \n", "empty message"),
        (bytes(range(256)) * 8, "no email headers"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64, "no email headers"),
        (b"Just some notes I wrote.\nNothing else.\n", "no email headers"),
        (b"X-Custom: 1\nX-Other: 2\n\nbody\n", "no email headers"),
        (b"Subject: \nFrom: \n\n\n", "no subject and no readable text"),
    ],
)
def test_garbage_is_malformed_with_a_reason(data: bytes, reason: str) -> None:
    result = malformed(data)
    assert result.source == "test#0"
    assert reason in result.reason


def test_slightly_broken_message_is_still_read() -> None:
    data = (
        b"From: hr@x.example\nSubject: Your application\nContent-Type: multipart/mixed; "
        b'boundary="B"\n\n--B\nContent-Type: text/plain; charset=utf-8\n\n'
        b"We will not proceed, sorry.\n--B\nContent-Type: application/pdf\nContent-Transf"
    )
    email = decode(RawMessage("m#0", data))
    assert isinstance(email, Email)
    assert email.body == "We will not proceed, sorry."


def test_hostile_nesting_and_html_are_bounded() -> None:
    nested = b"From: a@x.example\nSubject: deep\n" + b"".join(
        b'Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\n' % (i, i) for i in range(300)
    )
    assert isinstance(decode(RawMessage("m#0", nested + b"\nhello\n")), Email)
    html = b"From: a@x.example\nSubject: h\nContent-Type: text/html\n\n" + b"<a" * 400_000
    result = decode(RawMessage("m#1", html))
    assert isinstance(result, Email)
    assert len(result.body) <= 600_000


def test_cut_and_corrupted_fixtures_never_hit_an_internal_error() -> None:
    """decode() turns its own exceptions into Malformed too; this checks that
    damaged input is handled by the rules, not by that last-resort net."""
    rng = random.Random(20250203)
    for path in sorted(FIXTURES.glob("*.eml")):
        data = path.read_bytes()
        damaged = [data[:cut] for cut in range(0, len(data), 11)]
        for _ in range(60):
            flipped = bytearray(data)
            for _ in range(4):
                flipped[rng.randrange(len(flipped))] = rng.randrange(256)
            damaged.append(bytes(flipped))
        for sample in damaged:
            result = decode(RawMessage(f"eml:{path.name}", sample))
            assert isinstance(result, Email) or not result.reason.startswith("could not")
