"""RawMessage -> Email, or Malformed with a reason; never raises.

Parsing uses the compat32 policy with our own header and charset decoding:
it is several times faster than `email.policy.default`, and our fallbacks
are more forgiving than the default policy's header objects.

What counts as malformed: no header lines at all; headers that never end
(the data stops before the blank line that opens the body); none of From,
Sender, Date, Subject or Message-ID; or neither a subject nor any readable
text. Anything else is read as well as it can be, even when slightly broken.
"""

from __future__ import annotations

import contextlib
import email.utils
import re
import warnings
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from email.message import Message
from email.parser import BytesParser
from email.policy import compat32

from dateutil import parser as dateutil_parser

from gracefully.domain import Address, Email, Malformed, SkipKind
from gracefully.domain.text import one_line
from gracefully.ingest._charset import decode_header_value
from gracefully.ingest._headers import (
    content_hash_of,
    identity_of,
    looks_like_message,
    message_ids,
    split_head,
)
from gracefully.ingest._mime import body_text
from gracefully.ingest._quote import split_quoted
from gracefully.ingest._types import RawMessage

SIGNAL_HEADERS = (
    "List-Unsubscribe",
    "List-Unsubscribe-Post",
    "List-Id",
    "Precedence",
    "Auto-Submitted",
    "X-Auto-Response-Suppress",
    "X-Autoreply",
    "X-Autorespond",
    "X-Mailer",
    "User-Agent",
    "Reply-To",
    "Return-Path",
    "Sender",
    "Feedback-ID",
)
_SIGNAL_BY_KEY = {name.lower(): name for name in SIGNAL_HEADERS}
_IDENTIFYING = ("from", "sender", "date", "subject", "message-id")
_MAX_HEADER_CHARS = 2000
MAX_MESSAGE_BYTES = 32 * 1024 * 1024
MAX_LINES = 250_000
"""Past either, only the start of a message is parsed: the text comes first, attachments after."""
MAX_SUBJECT_CHARS = 2000
MAX_REFERENCES = 100
MAX_ZONE_OFFSET = timedelta(hours=14)
"""Real zones run from -12:00 to +14:00; anything further is a broken header."""
_IMPOSSIBLE_OFFSET = timedelta(days=1)
MIN_YEAR, MAX_YEAR = 1970, 2200
_PARSER = BytesParser(policy=compat32)
_ADDR_SPEC = r"[^<>\s,;:\"()\[\]@]+@[^<>\s,;:\"()\[\]@]+"
_SIMPLE_ADDRESS = re.compile(
    rf"\s*(?:\"?(?P<name>[^\"<>,;:()@\\]*?)\"?\s*<(?P<addr>{_ADDR_SPEC})>|(?P<bare>{_ADDR_SPEC}))\s*"
)


def decode(raw: RawMessage) -> Email | Malformed:
    """Decode one message; a bad one becomes `Malformed`, never an exception."""
    try:
        return _decode(raw)
    except Exception as exc:  # hostile input must never stop a scan
        reason = f"could not decode: {type(exc).__name__}: {one_line(str(exc))}"[:300]
        return Malformed(raw.ref, reason, SkipKind.UNDECODABLE, len(raw.data))


def _decode(raw: RawMessage) -> Email | Malformed:
    data = raw.data
    head, body_bytes = split_head(data)
    problem = _shape_problem(data, head, body_bytes)
    if problem:
        return Malformed(raw.ref, problem[1], problem[0], len(data))
    notes: list[str] = []
    cut = _parse_limit(data)
    if cut < len(data):
        notes.append(f"only the first {cut:,} of {len(data):,} bytes were read")
        data = data[:cut]
    msg = _PARSER.parsebytes(data)
    fields = _fields(msg)
    heads = {name: values[0] for name, values in fields.items()}
    if not any(name in heads for name in _IDENTIFYING):
        return Malformed(
            raw.ref,
            "no From, Sender, Date, Subject or Message-ID header",
            SkipKind.NO_IDENTITY,
            len(raw.data),
        )
    subject = decode_header_value(heads.get("subject"))[:MAX_SUBJECT_CHARS]
    body = body_text(msg)
    if not subject and not body.strip():
        return Malformed(
            raw.ref, "no subject and no readable text", SkipKind.NO_TEXT, len(raw.data)
        )
    new_text, signature = split_quoted(body)
    reply_ids = _ids(heads.get("in-reply-to"))
    return Email(
        id=identity_of(head, body_bytes),
        subject=subject,
        sender=_first(_addresses(fields, "from") or _addresses(fields, "sender")),
        date=_date(heads.get("date"), notes),
        body=body,
        new_text=new_text,
        signature=signature,
        message_id=next(iter(_ids(heads.get("message-id"))), None),
        in_reply_to=reply_ids[0] if reply_ids else None,
        references=_ids(heads.get("references"))[:MAX_REFERENCES],
        reply_to=_first(_addresses(fields, "reply-to")),
        to=_addresses(fields, "to"),
        cc=_addresses(fields, "cc"),
        headers=_signal_headers(heads),
        source=raw.ref,
        content_hash=content_hash_of(head, body_bytes),
        notes=tuple(notes),
    )


def _parse_limit(data: bytes) -> int:
    """Where parsing stops: the parser's cost is per line, so past `MAX_LINES` lines
    (or `MAX_MESSAGE_BYTES`) the rest is left unread. Text comes first in a message;
    what follows so many lines is attachments, or a flood."""
    limit = min(len(data), MAX_MESSAGE_BYTES)
    if data.count(b"\n", 0, limit) <= MAX_LINES:
        return limit
    at = -1
    for _ in range(MAX_LINES):
        at = data.find(b"\n", at + 1)
    return at + 1


def _shape_problem(data: bytes, head: bytes, body: bytes | None) -> tuple[SkipKind, str] | None:
    if not data.strip():
        return SkipKind.EMPTY, "empty message"
    if not looks_like_message(head):
        return SkipKind.NO_HEADERS, "no email headers: the data does not start with header lines"
    if body is None:
        return SkipKind.TRUNCATED, "truncated: the data ends inside the headers, before any body"
    return None


def _ids(value: str | None) -> tuple[str, ...]:
    """Message ids of a header, read as `identity` reads them: raw 8-bit bytes as Latin-1."""
    if value and not value.isascii():
        with contextlib.suppress(UnicodeEncodeError):
            value = value.encode("ascii", "surrogateescape").decode("latin-1")
    return message_ids(value)


def _fields(msg: Message) -> dict[str, list[str]]:
    """All header values by lower-cased name, in order."""
    values: dict[str, list[str]] = {}
    for name, value in msg.raw_items():
        values.setdefault(name.lower(), []).append(str(value))
    return values


def _addresses(fields: dict[str, list[str]], name: str) -> tuple[Address, ...]:
    raw_values = fields.get(name)
    if not raw_values:
        return ()
    simple = _SIMPLE_ADDRESS.fullmatch(raw_values[0]) if len(raw_values) == 1 else None
    if simple:  # the common case, without the cost of the full RFC 5322 parser
        return (_address(simple["name"] or "", simple["addr"] or simple["bare"]),)
    found: list[Address] = []
    loose: list[str] = []  # "Castillo, Renee <r@x>" unquoted: the comma splits the name
    for name, addr in email.utils.getaddresses(raw_values):
        if "@" not in addr:
            loose.append(" ".join(p for p in (name, addr) if p.strip()))
            continue
        found.append(_address(", ".join([*loose, name]) if loose and name else name, addr))
        loose = []
    return tuple(found)


def _address(name: str, addr: str) -> Address:
    return Address(name=decode_header_value(name), email=decode_header_value(addr).lower())


def _first(addresses: Iterable[Address]) -> Address | None:
    return next(iter(addresses), None)


def parse_date(raw: str | None, notes: list[str] | None = None) -> datetime | None:
    """An aware datetime (the clock time as UTC when the zone is missing or
    impossible), or None when there is no usable date. What had to be repaired
    is added to `notes`."""
    if not raw:
        return None
    text = decode_header_value(raw)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        when = _lenient_date(text)
    if when is None:
        return None
    try:
        offset = when.utcoffset()
    except ValueError:  # a zone of a day or more ("+2500") that datetime itself refuses
        offset = _IMPOSSIBLE_OFFSET
    if offset is not None and abs(offset) > MAX_ZONE_OFFSET:
        _note(notes, f"the Date {text[:80]!r} has an impossible time zone; read as UTC")
        offset = None
    if offset is None:
        when = when.replace(tzinfo=UTC)
    if not MIN_YEAR <= when.year <= MAX_YEAR:
        _note(notes, f"the Date {text[:80]!r} is out of range; the message has no date")
        return None
    return when


def _date(raw: str | None, notes: list[str]) -> datetime | None:
    try:
        return parse_date(raw, notes)
    except Exception:  # dateutil has more ways to fail than it documents
        _note(notes, "the Date could not be read; the message has no date")
        return None


def _note(notes: list[str] | None, note: str) -> None:
    if notes is not None:
        notes.append(one_line(note))


def _lenient_date(text: str) -> datetime | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unknown zone names only warn
        try:
            return dateutil_parser.parse(text)
        except (ValueError, OverflowError):
            return None


def _signal_headers(heads: dict[str, str]) -> dict[str, str]:
    return {
        _SIGNAL_BY_KEY[key]: decode_header_value(value)[:_MAX_HEADER_CHARS]
        for key, value in heads.items()
        if key in _SIGNAL_BY_KEY
    }
