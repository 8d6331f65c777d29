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
_CONTINUATION = re.compile(rb"[ \t]")
_FOLD = re.compile(rb"\r?\n[ \t]+")
_MSGID_BRACKETED = re.compile(r"<([^<>]*)>")
_KNOWN_FIELDS = frozenset(
    b"from date subject message-id received return-path to cc mime-version "
    b"delivered-to content-type reply-to sender".split()
)
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


def looks_like_message(head: bytes) -> bool:
    """True when the first lines are RFC 5322 header fields, including a usual one."""
    lines = head.replace(b"\r\n", b"\n").split(b"\n")
    if lines and lines[0].startswith(b"From "):
        lines = lines[1:]
    if len(lines) > 1 and not head.endswith(b"\n"):
        lines = lines[:-1]  # the last line may be cut by the read size
    names = set()
    for line in lines:
        if not line:
            break
        if _CONTINUATION.match(line) and names:
            continue
        if not _FIELD.match(line):
            return False
        names.add(line.partition(b":")[0].lower())
    return bool(names & _KNOWN_FIELDS)


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
    if not compact:
        return ""
    local, at, domain = compact.rpartition("@")
    return f"<{local}@{domain.lower()}>" if at else f"<{compact}>"


def identity(data: bytes) -> str:
    """A stable id from raw bytes: the Message-ID, else a hash of what the author wrote.

    The hash covers From, Date, Subject and the body with line endings and
    trailing space normalised, so that the mbox From_ line, Status/X-UID
    flags and CRLF differences between mailbox formats do not change it.
    """
    head, body = split_head(data)
    values = header_values(head)
    ids = message_ids(values.get(b"message-id", b"").decode("latin-1"))
    if ids:
        return ids[0]
    digest = hashlib.sha256()
    for name in _HASHED_FIELDS:
        digest.update(b" ".join(values.get(name, b"").split()) + b"\0")
    digest.update((body or b"").replace(b"\r\n", b"\n").rstrip())
    return "sha256:" + digest.hexdigest()
