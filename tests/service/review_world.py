"""Worlds for the review, manage and transfer tests: the demo mailbox scanned into a
database, and small mailboxes whose review queue is known by construction.

The model is trained once per test session (from the shipped examples, into a
temporary cache). The review tests must not hang on what the model or the
linker happens to get wrong today, so they read mail with a `pinned_reader`
(the real reader, whose category and confidence are set for chosen emails) and
put links in the queue through the store.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gracefully import ingest
from gracefully.config import Settings
from gracefully.domain import Address, Category, Email, Evidence, Link, LinkSignal
from gracefully.samples import demo_mailbox
from gracefully.service import manage
from gracefully.service.scan import ScanReport, open_mailbox, scan
from gracefully.store import applications as app_store
from gracefully.store import mail as mail_store
from gracefully.store.db import Database
from gracefully.understand import Classifier, Reader, load_reader

NOW = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
FIXTURES = Path(__file__).parents[1] / "fixtures" / "review"


@pytest.fixture(scope="session")
def demo_reader(tmp_path_factory: pytest.TempPathFactory) -> Reader:
    return load_reader(cache_dir=tmp_path_factory.mktemp("models"))


def scan_demo(db: Database, settings: Settings, reader: Reader) -> ScanReport:
    return scan(db, open_mailbox(str(demo_mailbox())), reader, settings)


def scan_path(db: Database, settings: Settings, reader: Reader, path: Path) -> ScanReport:
    return scan(db, open_mailbox(str(path)), reader, settings)


# --- readings decided by the test, evidence by the real model ---

Pins = Mapping[str, tuple[Category, float]]
"""email id -> the category and confidence its reading must have."""


@dataclass(frozen=True)
class PinnedClassifier(Classifier):
    """The real classifier, except that pinned emails get the pinned category and
    confidence; their evidence is still the real model's best sentence for that
    category, and the detail rules read them as usual."""

    pins: Pins = field(default_factory=dict)

    def explain(self, emails: Sequence[Email]) -> list[tuple[Category, float, Evidence]]:
        verdicts = super().explain(emails)
        for i, email in enumerate(emails):
            if email.id in self.pins:
                category, confidence = self.pins[email.id]
                verdicts[i] = (category, confidence, self.evidence([email], [category])[0])
        return verdicts


@dataclass(frozen=True)
class PinnedReader(Reader):
    """The real reader, whose rules leave a pinned email's category as pinned: a pin
    stands for a misreading, whatever the rules would make of the email today."""

    pins: Pins = field(default_factory=dict)

    def corrected(
        self, email: Email, category: Category, confidence: float, why: Evidence
    ) -> tuple[Category, float, Evidence]:
        if email.id in self.pins:
            return category, confidence, why
        return super().corrected(email, category, confidence, why)


def pinned_reader(reader: Reader, pins: Pins) -> Reader:
    real = reader.classifier
    kept = {f.name: getattr(real, f.name) for f in fields(real) if f.init}
    return PinnedReader(PinnedClassifier(**kept, pins=pins), pins)


# --- a queue of readings: one email from each of seven companies ---

QUEUE = FIXTURES / "queue"
MARROWBROOK = "<q1-decision@marrowbrook.example>"
TESSELLATE = "<q2-update@tessellatehealth.example>"
ORCHARD_VANE = "<q3-invite@orchardvane.example>"
CINDERGATE = "<q4-exercise@cindergate.example>"
PEBBLESTONE = "<q5-received@pebblestone.example>"
SALTMARSH = "<q6-hello@saltmarshtalent.example>"
INKWELL = "<q7-news@inkwellbooks.example>"
QUEUE_PINS: Pins = {
    MARROWBROOK: (Category.REJECTION, 0.42),
    TESSELLATE: (Category.REJECTION, 0.55),
    ORCHARD_VANE: (Category.INTERVIEW, 0.30),
    SALTMARSH: (Category.RECRUITER_OUTREACH, 0.35),
    CINDERGATE: (Category.ASSESSMENT, 0.50),
    PEBBLESTONE: (Category.CONFIRMATION, 0.97),
    INKWELL: (Category.OTHER, 0.30),
}


# --- two applications at one company, and mail that does not say which ---

BRINDLEWOOD = FIXTURES / "brindlewood"
DECISION = "<b1-decision@brindlewoodanalytics.example>"
"""A rejection that names no role, from the company's own domain."""
UPDATE = "<b2-update@brindlewoodhq.example>"
"""A rejection after interviews, from a domain no application knows yet; pinned as misread."""
BRINDLEWOOD_PINS: Pins = {
    DECISION: (Category.REJECTION, 0.45),
    UPDATE: (Category.INTERVIEW, 0.40),
}


@dataclass(frozen=True)
class Brindlewood:
    engineer: int
    analyst: int


def brindlewood_apps(db: Database) -> Brindlewood:
    """The user entered two applications at Brindlewood Analytics, for different roles."""
    return Brindlewood(
        manage.add_application(db, manage.NewApplication("Brindlewood Analytics", "Data Engineer")),
        manage.add_application(
            db, manage.NewApplication("Brindlewood Analytics", "Product Analyst")
        ),
    )


def brindlewood_waiting(db: Database, reader: Reader) -> Brindlewood:
    """Both applications, and each Brindlewood email stored (read with its pins) with a
    link waiting for review, as the linker leaves mail that fits two applications."""
    apps = brindlewood_apps(db)
    listed = f"#{apps.engineer} Data Engineer, #{apps.analyst} Product Analyst"
    why = f"the email does not say which role: {listed}"
    emails = decoded(BRINDLEWOOD)
    read = pinned_reader(reader, BRINDLEWOOD_PINS).read_many(emails)
    pairs = list(zip(emails, read, strict=True))
    with db.transaction() as session:
        mail_store.add_emails(session, pairs, keep_body={e.id for e in emails})
        app_store.add_links(
            session,
            [Link(e.id, None, LinkSignal.FUZZY, 0.5, why, needs_review=True) for e in emails],
        )
    return apps


def decoded(folder: Path) -> list[Email]:
    emails = [ingest.decode(raw) for raw in open_mailbox(str(folder))]
    return [e for e in emails if isinstance(e, Email)]


def reply_eml(path: Path, *, in_reply_to: str, sender: str, subject: str, body: str) -> Path:
    """One more message in a thread, written as a .eml file."""
    path.write_text(
        f"From: {sender}\nTo: Robin Quill <robin.quill@example.net>\nSubject: {subject}\n"
        f"Date: Tue, 14 Apr 2026 10:00:00 +0000\nMessage-ID: <extra-1@fake.example>\n"
        f"In-Reply-To: {in_reply_to}\nReferences: {in_reply_to}\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
        f"{body}\n",
        encoding="utf-8",
    )
    return path


# --- retraining: jargon only the user's corrections can teach ---

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
LOOKALIKE_IDS = tuple(f"<lookalike-{n}@quillfeather.example>" for n in range(len(LOOKALIKES)))
LOOKALIKE_PINS: Pins = {i: (Category.RECRUITER_OUTREACH, 0.4) for i in LOOKALIKE_IDS}
"""Seeded as misread, whatever the shipped model would make of them."""


@pytest.fixture(scope="session")
def retrain_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One data folder for every retrain test, so the same corrections train only once."""
    return tmp_path_factory.mktemp("retrain-data")


def seed_lookalikes(db: Database, reader: Reader) -> list[str]:
    """Store the look-alike emails, each read as recruiter outreach; returns their ids."""
    emails = [
        Email(
            id=email_id,
            subject="Quick update on the Larkspur seat",
            sender=Address("Ori Vantablack", "ori@quillfeather.example"),
            date=NOW,
            body=body,
            message_id=email_id,
        )
        for email_id, body in zip(LOOKALIKE_IDS, LOOKALIKES, strict=True)
    ]
    read = pinned_reader(reader, LOOKALIKE_PINS).read_many(emails)
    with db.transaction() as session:
        mail_store.add_emails(
            session, list(zip(emails, read, strict=True)), keep_body={e.id for e in emails}
        )
    return list(LOOKALIKE_IDS)
