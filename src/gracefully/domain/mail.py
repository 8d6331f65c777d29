"""The email as every stage sees it, after ingest has decoded it.

Stages never touch `email.message.Message`: MIME, charsets and HTML are
ingest's problem, so that understanding and tracking work on plain text and
can be tested with a literal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Address:
    """One mailbox: display name and address (lower-cased address, name as written)."""

    name: str
    email: str

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2].lower()

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>" if self.name else self.email


@dataclass(frozen=True, slots=True)
class Email:
    """A decoded message.

    `id` is the stable identity used everywhere (store, links, re-scans): the
    Message-ID when there is one, else a content hash, so that a mailbox read
    twice yields the same ids and a re-scan never duplicates.
    """

    id: str
    subject: str
    sender: Address | None
    date: datetime | None
    body: str
    new_text: str = ""
    """The part the sender wrote now: `body` without quoted history or signature."""
    signature: str = ""
    message_id: str | None = None
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    reply_to: Address | None = None
    to: tuple[Address, ...] = ()
    cc: tuple[Address, ...] = ()
    headers: dict[str, str] = field(default_factory=dict)
    """Selected raw headers that carry signal (List-Unsubscribe, Auto-Submitted, ...)."""
    source: str = ""
    """Where it came from, e.g. ``mbox:/home/x/inbox#1234`` or ``imap:acct/INBOX/77``."""
    content_hash: str = ""
    """A digest of what the author wrote (From, Date, Subject, body): tells apart two
    different messages that carry one Message-ID, so neither is silently dropped."""
    notes: tuple[str, ...] = ()
    """What ingest had to repair to read the message (an impossible date zone, a cut body)."""

    @property
    def text(self) -> str:
        """The text worth reading: the new part when ingest found one, else the body."""
        return self.new_text or self.body


class SkipKind(StrEnum):
    """Why a message was skipped, as a short key a summary can count by."""

    EMPTY = "empty"
    NO_HEADERS = "no_headers"
    TRUNCATED = "truncated"
    NO_IDENTITY = "no_identity"
    NO_TEXT = "no_text"
    UNDECODABLE = "undecodable"
    UNREADABLE = "unreadable"
    """Decoded, but understanding it failed."""
    UNSTORABLE = "unstorable"
    TOO_LARGE = "too_large"
    SOURCE = "source"
    """The source could not hand the message over (expunged, no body from the server)."""
    FOLDER = "folder"
    """A whole folder could not be read; not one message."""


@dataclass(frozen=True, slots=True)
class Malformed:
    """A message that could not be read. Recorded and skipped, never fatal."""

    source: str
    reason: str
    kind: SkipKind = SkipKind.UNDECODABLE
    size: int | None = None
    """The raw message's size in bytes, when it was seen at all."""
