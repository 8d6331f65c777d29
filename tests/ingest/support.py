"""Fixture access and small mailbox builders for the ingest tests."""

from __future__ import annotations

import mailbox
from pathlib import Path

from gracefully.domain import Email, Malformed
from gracefully.ingest import RawMessage, decode

FIXTURES = Path(__file__).parent.parent / "fixtures" / "mail"


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def decoded(name: str) -> Email:
    result = decode(RawMessage(f"eml:{name}", fixture_bytes(name)))
    assert isinstance(result, Email), result
    return result


def malformed(data: bytes) -> Malformed:
    result = decode(RawMessage("test#0", data))
    assert isinstance(result, Malformed), result
    return result


def write_mbox(path: Path, messages: list[bytes]) -> Path:
    """An mbox written by the stdlib, as other tools write them (From_ lines, escapes)."""
    box = mailbox.mbox(path)
    for data in messages:
        box.add(mailbox.mboxMessage(data))
    box.flush()
    box.close()
    return path


def write_maildir(path: Path, messages: list[bytes]) -> Path:
    box = mailbox.Maildir(path, create=True)
    for data in messages:
        box.add(mailbox.MaildirMessage(data))
    return path
