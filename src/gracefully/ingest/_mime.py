"""The readable text of a parsed MIME tree.

Walks the tree with a depth and part budget (hostile mail can nest without
end), skips attachments, picks the best alternative, and renders a nested
message/rfc822 as a forwarded block so that `split_quoted` keeps it.
"""

from __future__ import annotations

import re
from email.message import Message

from gracefully.ingest._charset import decode_bytes, decode_header_value
from gracefully.ingest._html import html_to_text
from gracefully.ingest._text import clean_text, unflow

MAX_DEPTH = 12
MAX_PARTS = 200
MAX_PART_BYTES = 2 * 1024 * 1024
"""Bytes of one part that are decoded; a text part this long is a dump, not a letter."""
MAX_PART_CHARS = 256 * 1024
MAX_BODY_CHARS = 512 * 1024
"""Text kept in all: a bounded body keeps every later stage bounded too."""
FORWARD_MARKER = "---------- Forwarded message ---------"
_FORWARD_FIELDS = ("From", "Date", "Subject", "To")
_STUB = re.compile(r"\bHTML\b|web[ -]?browser|view (?:this|it) online", re.IGNORECASE)
_STUB_CHARS = 400
_MAX_REPLACEMENT_SHARE = 0.02


class _Walk:
    def __init__(self) -> None:
        self.budget = MAX_PARTS
        self.chars = MAX_BODY_CHARS

    def text(self, part: Message, depth: int = 0) -> str:
        if depth > MAX_DEPTH or self.budget <= 0 or self.chars <= 0:
            return ""
        self.budget -= 1
        if part.is_multipart() or part.get_content_type() == "message/rfc822":
            return self._container(part, depth)
        text = self._leaf(part, depth)[: min(MAX_PART_CHARS, self.chars)]
        self.chars -= len(text)
        return text

    def _container(self, part: Message, depth: int) -> str:
        ctype = part.get_content_type()
        if ctype == "message/rfc822":
            return self._forwarded(part, depth)
        if depth and _is_attachment(part):
            return ""
        subparts = [p for p in part.get_payload() if isinstance(p, Message)]
        if ctype == "multipart/alternative":
            return self._alternative(subparts, depth)
        texts = (self.text(p, depth + 1) for p in subparts)
        return "\n\n".join(t for t in texts if t)

    def _leaf(self, part: Message, depth: int) -> str:
        ctype = part.get_content_type()
        if depth and _is_attachment(part):
            return ""
        if ctype == "text/html":
            return html_to_text(_payload_text(part))
        if ctype == "text/plain" or ctype.startswith("multipart/"):
            return _plain_text(part)  # a multipart without a boundary is read as text
        return ""

    def _alternative(self, subparts: list[Message], depth: int) -> str:
        plain = next((p for p in subparts if p.get_content_type() == "text/plain"), None)
        plain_text = self.text(plain, depth + 1) if plain is not None else ""
        if _readable(plain_text):
            return plain_text
        for rich in reversed([p for p in subparts if p is not plain]):
            rich_text = self.text(rich, depth + 1)
            if rich_text:
                return rich_text
        return plain_text

    def _forwarded(self, part: Message, depth: int) -> str:
        inner = part.get_payload()
        inner = inner[0] if isinstance(inner, list) and inner else inner
        if not isinstance(inner, Message):
            return ""
        lines = [FORWARD_MARKER]
        for name in _FORWARD_FIELDS:
            value = decode_header_value(_raw_header(inner, name))
            if value:
                lines.append(f"{name}: {value}")
        return "\n".join(lines) + "\n\n" + self.text(inner, depth + 1)


def body_text(msg: Message) -> str:
    """All readable text of the message, attachments left out."""
    return clean_text(_Walk().text(msg))


def _is_attachment(part: Message) -> bool:
    disposition_header = str(part.get("Content-Disposition", ""))
    disposition = disposition_header.split(";", 1)[0].strip().lower()
    if disposition == "attachment":
        return True
    if disposition == "inline" or "name" not in disposition_header + str(part.get("Content-Type")):
        return False  # cheap test first: get_filename parses every parameter
    return part.get_filename() is not None or part.get_param("name") is not None


def _readable(text: str) -> bool:
    """Plain text worth preferring over its HTML twin: not empty, not mojibake,
    not a "view this in an HTML browser" stub."""
    stripped = text.strip()
    if not stripped:
        return False
    if stripped.count("\ufffd") > len(stripped) * _MAX_REPLACEMENT_SHARE:
        return False
    return not (len(stripped) < _STUB_CHARS and _STUB.search(stripped))


def _payload_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    return decode_bytes(payload[:MAX_PART_BYTES], part.get_content_charset())


def _plain_text(part: Message) -> str:
    text = _payload_text(part)
    flowed = "flowed" in str(part.get("Content-Type", "")).lower()
    if flowed and str(part.get_param("format", "")).lower() == "flowed":
        text = unflow(text, delsp=str(part.get_param("delsp", "")).lower() == "yes")
    return text


def _raw_header(msg: Message, name: str) -> str | None:
    lowered = name.lower()
    return next((str(v) for k, v in msg.raw_items() if k.lower() == lowered), None)
