"""Streaming mbox reader.

The stdlib `mailbox.mbox` builds a table of contents over the whole file
first; this reader reads fixed-size chunks and cuts messages at From_ lines
as it goes, so memory stays at about one chunk plus the largest message.

A separator is a line that starts with "From " and carries a time (hh:mm),
as every From_ line does ("From jordan@example.com Mon Jan  6 09:12:00
2025"); a body line such as "From what I understand..." is not one, even
when a writer forgot to escape it. Bodies are unescaped the mboxrd way
(">From " -> "From "), so the bytes match the same message in a Maildir.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from gracefully.ingest._types import RawMessage

CHUNK_BYTES = 256 * 1024
_FROM_LINE = re.compile(rb"From \S+ .{0,200}?\d\d?:\d\d")
_ESCAPED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)


class MboxSource:
    """An mbox file, read as a stream. `estimate()` is None; see `size_bytes`."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self._path = Path(path).absolute()
        self.location = str(self._path)
        self.position = 0
        """Bytes of the file handed out so far: with `size_bytes`, how far a scan is."""

    @property
    def size_bytes(self) -> int:
        """File size, for a progress bar driven by the offsets in each ref."""
        return self._path.stat().st_size

    def estimate(self) -> int | None:
        return None

    def __iter__(self) -> Iterator[RawMessage]:
        with self._path.open("rb") as stream:
            for offset, chunk in _split(stream):
                self.position = offset + len(chunk)
                yield RawMessage(f"mbox:{self.location}#{offset}", _message_bytes(chunk))


def _split(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """(offset of the From_ line, bytes up to the next From_ line) for each message."""
    read = stream.read
    buf = bytearray()
    base = 0  # file offset of buf[0]
    start = -1  # buf index of the current From_ line, -1 before the first one
    scan = 0  # buf index from which to look for the next separator
    while True:
        data = read(CHUNK_BYTES)
        buf += data
        while True:
            at = _next_separator(buf, scan, eof=not data)
            if at is None:
                break
            if start >= 0:
                yield base + start, bytes(buf[start:at])
            start, scan = at, at + 1
        if not data:
            if start >= 0:
                yield base + start, bytes(buf[start:])
            return
        # keep the current message; before the first From_ line, keep the last
        # (maybe partial) line, which may yet turn out to be one
        keep = start if start >= 0 else buf.rfind(b"\n") + 1
        del buf[:keep]
        base += keep
        scan = scan - keep if start >= 0 else 0
        start = 0 if start >= 0 else -1


def _next_separator(buf: bytearray, scan: int, eof: bool) -> int | None:
    """Index of the next From_ line at or after `scan`; None when more data is needed."""
    pos = scan
    while True:
        if pos == 0 and buf.startswith(b"From "):
            at = 0
        else:
            nl = buf.find(b"\nFrom ", max(pos - 1, 0))
            if nl < 0:
                return None
            at = nl + 1
        end = buf.find(b"\n", at)
        if end < 0 and not eof:
            return None
        if at == 0 or _FROM_LINE.match(buf, at, end if end >= 0 else len(buf)):
            return at
        pos = at + 1


def starts_with_from_line(data: bytes) -> bool:
    """True when `data` opens with an mbox From_ line (not just any "From ...")."""
    end = data.find(b"\n")
    return _FROM_LINE.match(data, 0, end if end >= 0 else len(data)) is not None


def _message_bytes(chunk: bytes) -> bytes:
    """The message without its From_ line, the blank line before the next one, or escapes."""
    body = chunk[chunk.find(b"\n") + 1 :] if b"\n" in chunk else b""
    if body.endswith(b"\r\n\r\n"):
        body = body[:-2]
    elif body.endswith(b"\n\n"):
        body = body[:-1]
    if b">From " in body:
        body = _ESCAPED_FROM.sub(rb"\1", body)
    return body
