"""A scan survives any message: each one has its own error boundary, on SQLite and PostgreSQL.

The messages are written here (fake names); the point of each test is what is
stored and what is recorded as skipped, and that the summary adds up.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from sqlalchemy import func, select
from tests.service.review_world import demo_reader

from gracefully import ingest
from gracefully.config import Settings
from gracefully.domain import Email, Reading, SkipKind
from gracefully.service import scan as scan_module
from gracefully.service.scan import ScanReport, scan
from gracefully.store import mail as mail_store
from gracefully.store.db import Database
from gracefully.store.tables import EmailRow, SkippedRow
from gracefully.understand import Reader

__all__ = ["demo_reader"]


def _rejection(n: int, extra: str = "", message_id: str | None = None) -> bytes:
    mid = message_id or f"<valid-{n}@brightline.example>"
    return (
        f"From: Dana Whitfield <dana.whitfield@brightline.example>\n"
        f"To: sam@example.net\nSubject: Your application for Analyst {n}\n"
        f"Date: Tue, 05 Mar 2024 10:0{n % 10}:00 +0000\nMessage-ID: {mid}\n{extra}\n"
        f"Hi Sam,\n\nThank you for interviewing for the Analyst {n} role. We have decided "
        "not to move forward with your application.\n\nBest,\nDana\n"
    ).encode()


POISON: dict[str, bytes] = {
    "8bit message id": b"From: hr@acme.example\nSubject: Update\nMessage-ID: <\xb1\xff@acme>\n"
    b"In-Reply-To: <\xe9@acme>\nReferences: <\xe9@acme>\n\nWe chose another candidate.\n",
    "zone offset": b"From: hr@acme.example\nSubject: Update\nDate: Mon, 1 Jan 2024 10:00 +2500\n"
    b"Message-ID: <tz@acme.example>\n\nWe will not move forward.\n",
    "undefined charset": b"From: hr@acme.example\nSubject: =?undefined?B?/w==?=\n"
    b"Message-ID: <cs@acme.example>\n\nHello\n",
    "nul everywhere": b"From: H\x00R <hr@acme.example>\nSubject: Your\x00 application\n"
    b"Message-ID: <n\x00ul@acme.example>\n\nNot moving\x00 forward.\n",
    "blockquote bomb": b"From: hr@acme.example\nSubject: Re: Update\n"
    b"Message-ID: <bq@acme.example>\nContent-Type: text/html\n\n" + b"<blockquote>a<br>" * 20_000,
    "empty": b"",
    "junk": b"\x00\x01\x02\x03 not mail at all",
    "headers never end": b"From: hr@acme.example\nSubject: cut",
}


def _scan(
    db: Database, settings: Settings, reader: Reader, messages: Sequence[bytes]
) -> ScanReport:
    return scan(db, ingest.MemorySource(list(messages), location="hostile"), reader, settings)


def _adds_up(report: ScanReport) -> None:
    summary = report.summary()
    total = summary["new"] + summary["known"] + summary["skipped"] + summary["conflicts"]
    assert total == summary["read"], summary
    assert sum(summary["skipped_reasons"].values()) == len(report.skipped)


def test_a_valid_message_after_any_poison_message_is_stored(
    db: Database, settings: Settings, demo_reader: Reader
) -> None:
    messages: list[bytes] = []
    for n, poison in enumerate(POISON.values()):
        messages += [poison, _rejection(n)]
    report = _scan(db, settings, demo_reader, messages)
    _adds_up(report)
    with db.transaction() as session:
        stored = mail_store.known_ids(session)
    for n in range(len(POISON)):
        assert f"<valid-{n}@brightline.example>" in stored
    assert report.skipped_messages == 3  # empty, junk, headers that never end
    assert {m.kind for m in report.skipped} == {
        SkipKind.EMPTY,
        SkipKind.NO_HEADERS,
        SkipKind.TRUNCATED,
    }
    assert all(m.size is not None for m in report.skipped)


def test_poison_text_is_stored_clean(db: Database, settings: Settings, demo_reader: Reader) -> None:
    _scan(db, settings, demo_reader, [POISON["nul everywhere"], POISON["blockquote bomb"]])
    with db.transaction() as session:
        rows = session.scalars(select(EmailRow)).all()
    assert len(rows) == 2
    for row in rows:
        for value in (row.id, row.subject, row.sender_name, row.body or "", row.message_id or ""):
            assert "\x00" not in value
        assert len(row.body or "") < 1_000_000


def test_a_rescan_adds_nothing_and_records_each_skip_once(
    db: Database, settings: Settings, demo_reader: Reader
) -> None:
    messages = [*POISON.values(), _rejection(1)]
    first = _scan(db, settings, demo_reader, messages)
    again = _scan(db, settings, demo_reader, messages)
    _adds_up(again)
    assert again.new == 0 and again.conflicts == 0
    assert again.skipped_messages == first.skipped_messages
    with db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(SkippedRow)) == len(first.skipped)


def test_two_messages_sharing_a_message_id_are_both_kept(
    db: Database, settings: Settings, demo_reader: Reader
) -> None:
    first = _rejection(1, message_id="<shared@brightline.example>")
    second = _rejection(2, message_id="<shared@brightline.example>")
    report = _scan(db, settings, demo_reader, [first, second])
    _adds_up(report)
    assert (report.new, report.conflicts) == (1, 1)
    with db.transaction() as session:
        subjects = set(session.scalars(select(EmailRow.subject)))
        ids = mail_store.known_ids(session)
    assert subjects == {"Your application for Analyst 1", "Your application for Analyst 2"}
    assert "<shared@brightline.example>" in ids
    assert any(i.startswith("sha256:") for i in ids)
    again = _scan(db, settings, demo_reader, [first, second])
    assert (again.new, again.conflicts, again.already_known) == (0, 0, 2)


def test_the_same_message_twice_is_one_message(
    db: Database, settings: Settings, demo_reader: Reader
) -> None:
    message = _rejection(3)
    report = _scan(db, settings, demo_reader, [message, message.replace(b"\n", b"\r\n")])
    assert (report.new, report.conflicts, report.already_known) == (1, 0, 1)


class _Stumbling(Reader):
    """The real reader, except that it fails on one subject: the reader's boundary."""

    def read_many(
        self, emails: Sequence[Email], own_addresses: frozenset[str] = frozenset()
    ) -> list[Reading]:
        if any("Analyst 2" in e.subject for e in emails):
            raise RuntimeError("the model broke")
        return super().read_many(emails, own_addresses)


def test_an_email_the_reader_cannot_read_is_skipped_alone(
    db: Database, settings: Settings, demo_reader: Reader
) -> None:
    reader = _Stumbling(demo_reader.classifier)
    report = _scan(db, settings, reader, [_rejection(n) for n in range(1, 4)])
    _adds_up(report)
    assert report.new == 2
    assert [m.kind for m in report.skipped] == [SkipKind.UNREADABLE]
    assert "RuntimeError: the model broke" in report.skipped[0].reason


def test_an_email_that_cannot_be_stored_is_skipped_alone(
    db: Database, settings: Settings, demo_reader: Reader, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = scan_module.Tracker.track

    def failing(self, session, emails, readings, *rest):  # type: ignore[no-untyped-def]
        if any("Analyst 5" in e.subject for e in emails):
            raise ValueError("cannot link this one")
        return real(self, session, emails, readings, *rest)

    monkeypatch.setattr(scan_module.Tracker, "track", failing)
    report = _scan(db, settings, demo_reader, [_rejection(n) for n in range(1, 9)])
    _adds_up(report)
    assert report.new == 7
    assert [m.kind for m in report.skipped] == [SkipKind.UNSTORABLE]
    assert "Analyst 5" not in report.skipped[0].reason  # the mail's text stays out of it
    with db.transaction() as session:
        assert len(mail_store.known_ids(session)) == 7
        assert [m.kind for m in mail_store.skipped(session)] == [SkipKind.UNSTORABLE]
