"""build_message: the exact bytes a draft becomes, and the header-injection guard."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta, timezone

import pytest

from gracefully.deliver import InvalidAddress, build_message, export_eml, message_bytes
from gracefully.deliver.transport import recipients
from gracefully.domain import Address
from tests.deliver.support import (
    BODY,
    EARLIER_ID,
    EXPECTED_HEADERS,
    REJECTION_ID,
    SENDER,
    header_names,
    make_draft,
    parse,
    text,
)

WHEN = datetime(2025, 3, 4, 9, 30, tzinfo=timezone(timedelta(hours=1)))


def test_a_draft_becomes_a_threaded_plain_text_reply() -> None:
    message = build_message(make_draft(), SENDER, message_id="<fu-1@example.net>", date=WHEN)
    raw = message_bytes(message)
    parsed = parse(raw)

    assert header_names(raw) == EXPECTED_HEADERS
    assert parsed["From"] == "Robin Quill <robin.quill@example.net>"
    assert parsed["To"] == "Priya Okonkwo-Hale <priya.hale@lanternworks.example>"
    assert parsed["Subject"] == "Re: Your application for Data Analyst"
    assert parsed["Date"] == "Tue, 04 Mar 2025 09:30:00 +0100"
    assert parsed["Message-ID"] == "<fu-1@example.net>"
    assert parsed["In-Reply-To"] == REJECTION_ID
    assert parsed["References"] == f"{EARLIER_ID} {REJECTION_ID}"
    assert parsed.get_content_type() == "text/plain"
    assert parsed.get_content_charset() == "utf-8"
    assert text(parsed) == BODY
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")


def test_generated_message_id_uses_the_senders_domain_and_is_unique() -> None:
    first = build_message(make_draft(), SENDER)["Message-ID"]
    second = build_message(make_draft(), SENDER)["Message-ID"]
    assert first != second
    assert first.startswith("<") and first.endswith("@example.net>")


@pytest.mark.parametrize(
    ("given", "expected"),
    [("fu-7@example.net", "<fu-7@example.net>"), (" <fu-8@example.net> ", "<fu-8@example.net>")],
)
def test_a_preallocated_message_id_is_kept(given: str, expected: str) -> None:
    assert build_message(make_draft(), SENDER, message_id=given)["Message-ID"] == expected


@pytest.mark.parametrize("bad", ["two words@example.net", "<a@b>\r\nBcc: x@evil.example", ""])
def test_an_unusable_preallocated_message_id_is_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="Message-ID"):
        build_message(make_draft(), SENDER, message_id=bad)


def test_naive_dates_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone"):
        build_message(make_draft(), SENDER, date=datetime(2025, 3, 4, 9, 30))


def test_a_draft_without_reply_headers_starts_a_new_thread() -> None:
    parsed = parse(
        message_bytes(build_message(make_draft(in_reply_to=None, references=()), SENDER))
    )
    assert parsed["In-Reply-To"] is None and parsed["References"] is None


def test_references_end_with_the_parent_once_and_drop_unusable_ids() -> None:
    draft = make_draft(references=(EARLIER_ID, "not an id", REJECTION_ID, EARLIER_ID))
    parsed = parse(message_bytes(build_message(draft, SENDER)))
    assert parsed["References"] == f"{EARLIER_ID} {REJECTION_ID}"


def test_a_draft_without_recipient_has_no_to() -> None:
    parsed = parse(message_bytes(build_message(make_draft(to_email=None), SENDER)))
    assert parsed["To"] is None


def test_non_ascii_text_survives_as_quoted_printable() -> None:
    body = "Merci, Zoë, pour l'échange — à bientôt 🌱\n" + "x" * 120 + "\n"
    draft = make_draft(to_name="Zoë Brûlé", subject="Re: Candidature — Ingénieure", body=body)
    raw = message_bytes(build_message(draft, SENDER))
    parsed = parse(raw)
    assert raw.isascii()
    assert parsed["Content-Transfer-Encoding"] == "quoted-printable"
    assert text(parsed) == body
    assert parsed["Subject"] == "Re: Candidature — Ingénieure"
    assert parsed["To"].addresses[0].display_name == "Zoë Brûlé"


def test_body_control_characters_are_dropped_and_line_ends_normalised() -> None:
    parsed = parse(message_bytes(build_message(make_draft(body="Hi\x00 there\r\nBye\x1b"), SENDER)))
    assert text(parsed) == "Hi there\nBye\n"


def _b64(text: str) -> str:
    return f"=?utf-8?b?{base64.b64encode(text.encode()).decode()}?="


NASTY_TEXT = [
    "Priya\r\nBcc: spy@evil.example",
    "Priya\nBcc: spy@evil.example",
    "Priya\rBcc: spy@evil.example",
    "Priya\x00Bcc: spy@evil.example",
    "Priya\u2028Bcc: spy@evil.example",
    "Priya\x85Bcc: spy@evil.example",
    "=?utf-8?q?Priya=0D=0ABcc:_spy@evil.example?=",
    _b64("Priya\r\nBcc: spy@evil.example"),
    _b64("=?utf-8?q?Priya=0D=0ABcc:_spy@evil.example?="),
    "Priya\r\n\r\nInjected body",
    "Priya\u202eelpmaxe.live@yps",
]


@pytest.mark.parametrize("nasty", NASTY_TEXT)
@pytest.mark.parametrize("where", ["to_name", "subject", "sender_name"])
def test_injection_in_names_and_subjects_is_neutralised(nasty: str, where: str) -> None:
    draft = make_draft(**{where: nasty}) if where != "sender_name" else make_draft()
    sender = Address(nasty, SENDER.email) if where == "sender_name" else SENDER
    raw = message_bytes(build_message(draft, sender, date=WHEN))
    parsed = parse(raw)

    assert header_names(raw) == EXPECTED_HEADERS
    assert [a.addr_spec for a in parsed["To"].addresses] == ["priya.hale@lanternworks.example"]
    assert [a.addr_spec for a in parsed["From"].addresses] == [SENDER.email]
    assert text(parsed) == BODY
    for name in ("To", "From", "Subject"):
        decoded = str(parsed[name])
        assert not any(ch in decoded for ch in "\r\n\x00\x85\u2028\u202e"), decoded
        assert "=?" not in decoded


@pytest.mark.parametrize(
    "name",
    ["Eve, Mallory <m@evil.example>", '"Eve" <spy@evil.example>', "Eve; spy@evil.example"],
)
def test_display_names_that_look_like_addresses_stay_one_mailbox(name: str) -> None:
    parsed = parse(message_bytes(build_message(make_draft(to_name=name), SENDER)))
    (only,) = parsed["To"].addresses
    assert only.addr_spec == "priya.hale@lanternworks.example"
    assert only.display_name.startswith("Eve")
    assert not set('<>@,;"') & set(only.display_name), "no address syntax survives in a name"


LONG = "Priya Okonkwo-Hale Senior Talent Partner, Lanternworks Harbour Systems"


@pytest.mark.parametrize(
    "name",
    [
        f"{LONG} <spy@evil.example>",
        f"{LONG}\r\n <spy@evil.example>",
        "=?utf-8?q?Priya_Okonkwo-Hale=0D=0A_Senior_Talent_Partner=2C_Lanternworks_Harbour"
        "_Systems_=3Cspy=40evil=2Eexample=3E?=",
        "x " * 50 + "spy@evil.example",
        "a" * 80 + " =?utf-8?q?=0D=0A?= <spy@evil.example>",
        "Zoë Ångström-Łukasiewicz, Talent Partnerin, Lanternworks Hafen <spy@evil.example>",
    ],
)
@pytest.mark.parametrize("where", ["to_name", "sender_name"])
def test_a_long_name_folded_on_the_wire_never_reads_as_another_address(
    name: str, where: str
) -> None:
    """Python folds a long quoted name without its quotes; read back from the
    bytes, the To (or From) must still be the one address and nothing else."""
    draft = make_draft(to_name=name) if where == "to_name" else make_draft()
    sender = Address(name, SENDER.email) if where == "sender_name" else SENDER
    message = build_message(draft, sender, date=WHEN)
    parsed = parse(message_bytes(message))
    assert [a.addr_spec for a in parsed["To"].addresses] == ["priya.hale@lanternworks.example"]
    assert [a.addr_spec for a in parsed["From"].addresses] == [SENDER.email]
    assert recipients(message) == ("priya.hale@lanternworks.example",)
    assert "spy" not in str(parsed["To"]) + str(parsed["From"])


@pytest.mark.parametrize(
    "address",
    [
        "priya@lanternworks.example, spy@evil.example",
        "priya@lanternworks.example\r\nBcc: spy@evil.example",
        "priya@lanternworks.example>, <spy@evil.example",
        "Priya <priya@lanternworks.example>",
        "priya@lanternworks.example spy@evil.example",
        "priya@@lanternworks.example",
        "priya@localhost",
        "priya",
        "p" * 65 + "@lanternworks.example",
    ],
)
def test_recipient_must_be_one_plain_address(address: str) -> None:
    with pytest.raises(InvalidAddress, match="single plain address"):
        build_message(make_draft(to_email=address), SENDER)


def test_sender_address_is_validated_too() -> None:
    with pytest.raises(InvalidAddress):
        build_message(make_draft(), Address("Robin", "robin@example.net\r\nBcc: x@evil.example"))


def test_international_domains_are_punycoded() -> None:
    parsed = parse(message_bytes(build_message(make_draft(to_email="ana@bücher.example"), SENDER)))
    assert parsed["To"].addresses[0].addr_spec == "ana@xn--bcher-kva.example"


def test_export_eml_writes_the_wire_bytes_that_parse_back(tmp_path) -> None:
    message = build_message(make_draft(), SENDER, message_id="<fu-9@example.net>", date=WHEN)
    path = export_eml(message, tmp_path / "follow-up.eml")
    raw = path.read_bytes()
    assert raw == message_bytes(message)
    parsed = parse(raw)
    assert parsed["Message-ID"] == "<fu-9@example.net>"
    assert parsed["In-Reply-To"] == REJECTION_ID
    assert text(parsed) == BODY
    assert parsed["Date"] == message["Date"]
    assert datetime.now(UTC) > parsed["Date"].datetime
