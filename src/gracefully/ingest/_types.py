"""The small vocabulary shared by every mail source."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable


@dataclass(frozen=True, slots=True)
class RawMessage:
    """One undecoded message.

    Decoding is a separate step so that a source can be read fast and a bad
    message becomes a `Malformed` record instead of stopping the scan.
    `ref` is unique and stable within its source (re-scans can skip it).
    """

    ref: str
    data: bytes


class SourceError(Exception):
    """A source cannot be opened; the message tells the user what to do."""


@runtime_checkable
class MailSource(Protocol):
    """Anything that yields raw messages.

    `estimate()` is a message count when it is cheap to know (Maildir, .eml
    folders, memory) and None otherwise: an mbox would have to be read once
    just to count, so `MboxSource` exposes `size_bytes` for a byte-based
    progress bar instead (each mbox ref ends with its byte offset).
    """

    location: str

    def __iter__(self) -> Iterator[RawMessage]: ...

    def estimate(self) -> int | None: ...
