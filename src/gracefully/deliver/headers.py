"""Header values that cannot smuggle in other headers.

Names and subjects reach our headers from mail written by strangers (the
rejection's display name, its subject), so a value like ``"Eve\\r\\nBcc: x"``
must never become a second header. Python's email package is not enough on its
own: it *decodes* RFC 2047 encoded-words when a header is set, so
``=?utf-8?q?Hi=0D=0ABcc:_x?=`` turns into a real CR LF on the wire. We therefore
decode encoded-words ourselves first, then flatten every control or line-break
character to a space. Addresses are not cleaned but validated: a malformed
address is a bug or an attack, and guessing what was meant could mail a stranger.

A display name is never a source of an address, and must not turn into one on
the wire either: Python folds a long quoted name without its quotes, so
``"Priya ... <spy@evil.example>" <priya@...>`` would reach a mail client as a
message to spy@evil.example. `display_name` therefore drops anything that
looks like an address and the punctuation of address syntax from a name, and
`build_message` reads every address header back from its folded wire form.
"""

from __future__ import annotations

import re
import unicodedata
from email.errors import HeaderParseError
from email.header import decode_header, make_header

_LINE_BREAKING = frozenset({"Cc", "Zl", "Zp"})
"""Unicode categories that break or control lines: C0/C1 controls, U+2028, U+2029."""
_INVISIBLE = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")
"""Bidi overrides and BOMs, which let a name display differently from what it is."""

_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_ADDR_SPEC = re.compile(rf"(?P<local>{_ATOM}(?:\.{_ATOM})*)@(?P<domain>{_LABEL}(?:\.{_LABEL})+)")
_MSG_ID = re.compile(r"<[\x21-\x3b\x3d\x3f-\x7e]+>")
"""Printable ASCII without spaces or angle brackets inside the brackets (RFC 5322 msg-id)."""


class InvalidAddress(ValueError):
    """An address that is not exactly one plain ``local@domain``."""


def clean_text(value: str) -> str:
    """A single-line header text: encoded-words decoded, controls and line breaks
    turned into spaces, runs of whitespace collapsed."""
    decoded = _decode_encoded_words(value)
    flat = "".join(_safe_char(ch) for ch in decoded)
    return " ".join(flat.split()).replace("=?", "= ?")


_ADDRESS_LIKE = re.compile(r"\S*@\S*")
_ADDRESS_SYNTAX = re.compile(r'[<>,;:"\\\[\]]')


def display_name(value: str) -> str:
    """A name for an address header that cannot be read as (part of) an address:
    `clean_text`, then every word with an ``@`` dropped and the punctuation of
    address syntax (``<>,;:"\\[]``) turned into spaces."""
    text = _ADDRESS_LIKE.sub(" ", clean_text(value))
    return " ".join(_ADDRESS_SYNTAX.sub(" ", text).split())


def clean_body(text: str) -> str:
    """Body text with LF line ends and no control characters but tab and newline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept = "".join(ch for ch in text if ch in "\n\t" or _safe_char(ch) == ch)
    return kept if kept.endswith("\n") else kept + "\n"


def validate_address(value: str) -> str:
    """The address itself if it is exactly one ``local@domain`` (IDN domains are
    punycoded), else `InvalidAddress` saying what was wrong."""
    candidate = value.strip()
    match = _ADDR_SPEC.fullmatch(_punycode_domain(candidate))
    if match is None or len(match.group("local")) > 64 or len(match.group(0)) > 254:
        raise InvalidAddress(
            f"not a single plain address (expected e.g. name@example.org): {candidate!r}"
        )
    return match.group(0)


def normalise_message_id(value: str) -> str | None:
    """``<id@host>`` for a usable message id (brackets optional on input), None
    for anything that could not be one, such as a value with spaces or CR LF."""
    candidate = value.strip()
    if not candidate.startswith("<"):
        candidate = f"<{candidate}>"
    return candidate if _MSG_ID.fullmatch(candidate) else None


def _decode_encoded_words(value: str) -> str:
    try:
        return str(make_header(decode_header(value)))
    except (HeaderParseError, LookupError, UnicodeError):
        return value


def _safe_char(ch: str) -> str:
    if ch in _INVISIBLE:
        return ""
    return " " if unicodedata.category(ch) in _LINE_BREAKING else ch


def _punycode_domain(address: str) -> str:
    local, at, domain = address.rpartition("@")
    if not at or domain.isascii():
        return address
    try:
        return f"{local}@{domain.encode('idna').decode('ascii')}"
    except UnicodeError:
        return address
