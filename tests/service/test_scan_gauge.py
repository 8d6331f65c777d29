"""What the progress bar shows: messages when a source can count them, else mbox bytes."""

from __future__ import annotations

from pathlib import Path

from gracefully.ingest import MaildirSource
from gracefully.samples import demo_mailbox
from gracefully.service.scan import gauge, open_mailbox


def test_an_mbox_is_measured_in_bytes_read() -> None:
    source = open_mailbox(str(demo_mailbox()))
    measure = gauge(source)
    assert measure.unit == "bytes" and measure.done is not None
    assert measure.total == demo_mailbox().stat().st_size
    seen = []
    for _ in source:
        seen.append(measure.done())
    assert seen == sorted(seen) and 0 < seen[0] < seen[-1] == measure.total


def test_a_maildir_is_counted_in_messages(tmp_path: Path) -> None:
    for sub in ("cur", "new", "tmp"):
        (tmp_path / sub).mkdir()
    (tmp_path / "new" / "1.eml").write_bytes(b"From: a@b.example\nSubject: hi\n\nbody\n")
    measure = gauge(MaildirSource(tmp_path))
    assert measure == type(measure)(1)
