"""The demo mailbox scanned into a database, for review, manage and transfer tests.

The model is trained once per test session (from the shipped examples, into a
temporary cache); every test then scans the 51 demo messages, which is quick.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from gracefully.config import Settings
from gracefully.domain import Address, Email
from gracefully.samples import demo_mailbox
from gracefully.service.scan import ScanReport, open_mailbox, scan
from gracefully.store import mail as mail_store
from gracefully.store.db import Database
from gracefully.understand import Reader, load_reader

NOW = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def demo_reader(tmp_path_factory: pytest.TempPathFactory) -> Reader:
    return load_reader(cache_dir=tmp_path_factory.mktemp("models"))


def scan_demo(db: Database, settings: Settings, reader: Reader) -> ScanReport:
    return scan(db, open_mailbox(str(demo_mailbox())), reader, settings)


def scan_path(db: Database, settings: Settings, reader: Reader, path: Path) -> ScanReport:
    return scan(db, open_mailbox(str(path)), reader, settings)


def reply_eml(path: Path, *, in_reply_to: str, sender: str, subject: str, body: str) -> Path:
    """One more message in a demo thread, written as a .eml file."""
    path.write_text(
        f"From: {sender}\nTo: Robin Quill <robin.quill@example.net>\nSubject: {subject}\n"
        f"Date: Tue, 14 Apr 2026 10:00:00 +0000\nMessage-ID: <extra-1@fake.example>\n"
        f"In-Reply-To: {in_reply_to}\nReferences: {in_reply_to}\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
        f"{body}\n",
        encoding="utf-8",
    )
    return path


LOOKALIKES = (
    "The zephyr panel met, and the quillfeather board chose the marigold route for the "
    "Larkspur seat.",
    "Our zephyr panel and the quillfeather board picked the marigold route for the Larkspur "
    "seat this week.",
    "After the zephyr panel, the quillfeather board went with the marigold route on the "
    "Larkspur seat.",
    "The quillfeather board and the zephyr panel settled on the marigold route for the "
    "Larkspur seat.",
)
"""Made-up jargon for a rejection that no shipped example uses: only corrections teach it."""


@pytest.fixture(scope="session")
def retrain_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One data folder for every retrain test, so the same corrections train only once."""
    return tmp_path_factory.mktemp("retrain-data")


def seed_lookalikes(db: Database, reader: Reader) -> list[str]:
    """Store the look-alike emails with the shipped model's readings; returns their ids."""
    emails = [
        Email(
            id=f"<lookalike-{n}@quillfeather.example>",
            subject="Quick update on the Larkspur seat",
            sender=Address("Ori Vantablack", "ori@quillfeather.example"),
            date=NOW,
            body=body,
            message_id=f"<lookalike-{n}@quillfeather.example>",
        )
        for n, body in enumerate(LOOKALIKES)
    ]
    pairs = list(zip(emails, reader.read_many(emails), strict=True))
    with db.transaction() as session:
        mail_store.add_emails(session, pairs, keep_body={e.id for e in emails})
    return [e.id for e in emails]
