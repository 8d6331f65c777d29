"""Byte-level looks at a message's header block, without parsing the body.

`identity` runs on every message of every re-scan, so it must stay cheap:
it reads only the header block (and the body bytes when there is no
Message-ID) and never builds an `email.message.Message`.
"""

from __future__ import annotations

import hashlib
import re

_SEPARATOR = re.compile(rb"\r?\n\r?\n")
_FIELD = re.compile(rb"[!-9;-~]+:")
_FOLD = re.compile(rb"\r?\n[ \t]+")
_MSGID_BRACKETED = re.compile(r"<([^<>]*)>")
_HEADER_BLOCK = re.compile(rb"(?:From [^\n]*\n)?(?:[!-9;-~]+:[^\n]*\n(?:[ \t][^\n]*\n)*)+")
_USUAL_FIELD = re.compile(
    rb"^(?:from|date|subject|message-id|received|return-path|to|cc|mime-version"
    rb"|delivered-to|content-type|reply-to|sender)[ \t]*:",
    re.IGNORECASE | re.MULTILINE,
)
_MESSAGE_ID = re.compile(rb"^message-id[ \t]*:(.*(?:\r?\n[ \t].*)*)", re.IGNORECASE | re.MULTILINE)
_HASHED_FIELDS = (b"from", b"date", b"subject")


def split_head(data: bytes) -> tuple[bytes, bytes | None]:
    """Header block and body; the body is None when the headers never end."""
    found = _SEPARATOR.search(data)
    if found is None:
        return data, None
    return data[: found.start()], data[found.end() :]


def header_values(head: bytes) -> dict[bytes, bytes]:
    """First value of each field (lower-cased name), unfolded; a From_ line is ignored."""
    values: dict[bytes, bytes] = {}
    for line in _FOLD.sub(b" ", head).splitlines():
        name, colon, value = line.partition(b":")
        if colon and _FIELD.match(line):
            values.setdefault(name.strip().lower(), value.strip())
    return values


def looks_like_message(head: bytes, sniffed: bool = False) -> bool:
    """True when `head` starts with RFC 5322 header lines that include a usual field.

    A message may have a broken line further down (the parser then starts
    the body there). `sniffed=True` is stricter, for guessing what a file
    is from its first bytes: every complete line must be a header line.
    """
    head = head.replace(b"\r\n", b"\n")
    if sniffed and b"\n" in head:
        head = head[: head.rfind(b"\n")]  # the last line may be cut by the read size
    block = _HEADER_BLOCK.match(head + b"\n")
    if block is None or (sniffed and block.end() <= len(head)):
        return False
    return _USUAL_FIELD.search(head, 0, block.end()) is not None


def message_ids(value: str | None) -> tuple[str, ...]:
    """Normalised ids in a Message-ID / In-Reply-To / References value.

    The same normalisation everywhere lets `track` compare ids as strings:
    `<local@domain>`, no whitespace, domain lower-cased.
    """
    if not value:
        return ()
    found = _MSGID_BRACKETED.findall(value) or value.split()
    return tuple(n for n in (_normalise_id(raw) for raw in found) if n)


def _normalise_id(raw: str) -> str:
    compact = "".join(raw.split()).strip("<>")
    if not compact.isprintable():
        compact = "".join(c for c in compact if c.isprintable())  # NUL, bare CR, escapes
    if not compact:
        return ""
    local, at, domain = compact.rpartition("@")
    return f"<{local}@{domain.lower()}>" if at else f"<{compact}>"


def identity(data: bytes) -> str:
    """A stable id from raw bytes: the Message-ID, else `content_digest`'s hash."""
    return identity_of(*split_head(data))


def identity_of(head: bytes, body: bytes | None) -> str:
    """`identity` for a message already split by `split_head`."""
    found = _MESSAGE_ID.search(head)
    ids = message_ids(found.group(1).decode("latin-1")) if found else ()
    if ids:
        return ids[0]
    return content_identity(content_digest(head, body))


def content_digest(head: bytes, body: bytes | None) -> str:
    """A digest of what the author wrote: From, Date, Subject and the body.

    Line endings and trailing space are normalised, so that the mbox From_
    line, Status/X-UID flags and CRLF differences between mailbox formats do
    not change it. Two different messages that share a Message-ID differ here.
    """
    digest = hashlib.sha256(_author_fields(head))
    digest.update((body or b"").replace(b"\r\n", b"\n").rstrip())
    return digest.hexdigest()


def _author_fields(head: bytes) -> bytes:
    """From, Date and Subject with folding and spacing normalised, each ended by NUL."""
    values = header_values(head)
    return b"".join(b" ".join(values.get(name, b"").split()) + b"\0" for name in _HASHED_FIELDS)


def content_identity(digest: str) -> str:
    """The identity of a message known by its content alone."""
    return "sha256:" + digest


def content_hash(data: bytes) -> str:
    """`Email.content_hash` of raw bytes, without decoding them."""
    return content_hash_of(*split_head(data))


def content_hash_of(head: bytes, body: bytes | None) -> str:
    """What tells two messages under one Message-ID apart: 32 hex digits for From,
    Date and Subject, then 32 for the body, left off when the body is empty (a
    source that fetched only the headers of a message it ruled out)."""
    fields = hashlib.sha256(_author_fields(head)).hexdigest()[:32]
    text = (body or b"").replace(b"\r\n", b"\n").strip()
    return fields + (hashlib.sha256(text).hexdigest()[:32] if text else "")


def same_content(stored: str | None, seen: str) -> bool:
    """True unless the two hashes show different messages. A row stored before
    hashes were kept (None) matches anything, and so does a missing body."""
    if not stored or stored == seen:
        return True
    return stored[:32] == seen[:32] and min(len(stored), len(seen)) <= 32
