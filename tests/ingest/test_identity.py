"""identity(): the same message gets the same id in every mailbox format."""

from __future__ import annotations

from pathlib import Path

import pytest

from gracefully.domain import Email
from gracefully.ingest import EmlFolderSource, MaildirSource, MboxSource, decode, identity
from tests.ingest.support import fixture_bytes, write_maildir, write_mbox

NAMES = ["rejection_plain.eml", "no_message_id.eml", "html_only.eml"]


def _ids(source: MboxSource | MaildirSource | EmlFolderSource) -> list[str]:
    emails = [decode(raw) for raw in source]
    assert all(isinstance(e, Email) for e in emails)
    return sorted(e.id for e in emails if isinstance(e, Email))


def test_same_ids_from_mbox_maildir_and_eml(tmp_path: Path) -> None:
    messages = [fixture_bytes(name) for name in NAMES]
    eml_dir = tmp_path / "eml"
    eml_dir.mkdir()
    for name, data in zip(NAMES, messages, strict=True):
        (eml_dir / name).write_bytes(data)
    flagged = [b"Status: RO\nX-UID: 7\nX-Status: A\n" + data for data in messages]
    mbox = write_mbox(tmp_path / "inbox.mbox", flagged)
    maildir = write_maildir(tmp_path / "Maildir", [d.replace(b"\n", b"\r\n") for d in messages])
    expected = sorted(identity(data) for data in messages)
    assert _ids(EmlFolderSource(eml_dir)) == expected
    assert _ids(MboxSource(mbox)) == expected
    assert _ids(MaildirSource(maildir)) == expected
    assert sum(i.startswith("sha256:") for i in expected) == 1


def test_message_id_is_normalised() -> None:
    assert identity(b"Message-ID:\n  < Abc.1@Mail.Example.COM >\nSubject: x\n\nb") == (
        "<Abc.1@mail.example.com>"
    )


def test_hash_covers_author_fields_and_body_only() -> None:
    base = b"From: a@x.example\nDate: Mon, 3 Feb 2025 10:00:00 +0000\nSubject: s\n\nbody\n"
    same = b"X-UID: 9\nFrom: a@x.example\nSubject:  s\nDate: Mon, 3 Feb 2025 10:00:00 +0000\n\nbody"
    assert identity(base) == identity(same)
    assert identity(base) != identity(base.replace(b"body", b"other"))
    assert identity(base) != identity(base.replace(b"Subject: s", b"Subject: t"))


@pytest.mark.parametrize("data", [b"", b"garbage", bytes(range(256)), b"Message-ID: <>\n\n"])
def test_identity_never_fails(data: bytes) -> None:
    assert identity(data).startswith("sha256:")
