"""`scan`: one mailbox through ingest, understand and track, into the store.

A scan is one idempotent job: every batch is computed first and committed in
one transaction, and messages already stored are skipped by identity. A scan
killed at any point and run again therefore ends with exactly the rows of an
uninterrupted one, and a worker queue can run scans of many mailboxes safely.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from typing import Protocol, runtime_checkable

from sqlalchemy.orm import Session

from gracefully import ingest
from gracefully.config import Settings
from gracefully.domain import Category, Email, Evidence, Malformed, Reading
from gracefully.service.replies import record_replies
from gracefully.service.tracking import Tracker, TrackResult
from gracefully.store import followups as followup_store
from gracefully.store import mail as mail_store
from gracefully.store.db import Database
from gracefully.understand import Reader, apply_corrections

ProgressFn = Callable[[int], None]
"""Called with the number of messages just handled."""


@runtime_checkable
class Resumable(Protocol):
    """A source that remembers its place (an IMAP folder's last UID). After each
    commit it hears how many more of the messages it yielded are stored, and
    `committed(0)` at the end; a dry run never tells it anything. What it had
    to skip on its own side (an oversized message, a vanished folder) it lists
    in `problems`, for the report."""

    problems: list[Malformed]

    def committed(self, count: int) -> None: ...


@dataclass
class ScanReport:
    location: str
    read: int = 0
    new: int = 0
    job: int = 0
    rejections: int = 0
    applications_created: int = 0
    to_review: int = 0
    skipped: list[Malformed] = field(default_factory=list)
    dry_run: bool = False

    @property
    def already_known(self) -> int:
        return self.read - self.new - len(self.skipped)


@dataclass
class _Batch:
    emails: list[Email] = field(default_factory=list)
    """New messages to understand."""
    ruled_out: list[Reading] = field(default_factory=list)
    """Readings of the messages (last in `emails`) that the header pre-filter ruled out."""
    malformed: list[Malformed] = field(default_factory=list)
    seen: int = 0


def scan(
    db: Database,
    source: ingest.MailSource,
    reader: Reader,
    settings: Settings,
    *,
    progress: ProgressFn | None = None,
    dry_run: bool = False,
) -> ScanReport:
    """Read `source` into the store. The pipeline, in order: ingest, understand, track.

    Scans of one database take turns: a second one waits, then finds the
    first one's mail already known.
    """
    with db.exclusive("scan"):
        report = ScanReport(location=source.location, dry_run=dry_run)
        started = datetime.now(UTC)
        with db.transaction() as session:
            known = mail_store.known_ids(session)
            fixes = mail_store.corrections(session)
            own = followup_store.own_addresses(session)
            tracker = Tracker.load(session, settings, started)
        for batch in _ingest(source, known, settings.batch_size):
            readings = _understand(reader, batch, fixes, own)
            with db.transaction() as session:
                emails, readings = _record(session, batch, readings)
                tracked = tracker.track(session, emails, readings)
                if dry_run:
                    session.rollback()
            _count(report, batch, emails, readings, tracked)
            if not dry_run and isinstance(source, Resumable):
                source.committed(batch.seen)
            if progress:
                progress(batch.seen)
        if not dry_run:
            _finish(db, source, settings, report, started)
    return report


def _finish(
    db: Database,
    source: ingest.MailSource,
    settings: Settings,
    report: ScanReport,
    started: datetime,
) -> None:
    """After the last batch: the source's own skips, the scan log, and employers' replies."""
    if isinstance(source, Resumable):
        source.committed(0)
        report.skipped.extend(source.problems)
    with db.transaction() as session:
        counts = {"read": report.read, "new": report.new, "job": report.job}
        mail_store.record_scan(session, source.location, started, counts)
    record_replies(db, settings)


def _ingest(source: ingest.MailSource, known: set[str], size: int) -> Iterator[_Batch]:
    """Batches of new, decoded emails.

    Known identities are skipped before decoding, and mail the header
    pre-filter rules out is decoded from its headers alone: a real mailbox is
    mostly receipts and newsletters, and their bodies are not worth reading.
    """
    raw_iter = iter(source)
    while chunk := list(islice(raw_iter, size)):
        batch = _Batch(seen=len(chunk))
        ruled_out: list[tuple[Email, str]] = []
        for raw in chunk:
            if mail_store.storage_id(ingest.identity(raw.data)) in known:
                continue
            verdict = ingest.judge(raw.data)
            if verdict.skip:
                raw = ingest.RawMessage(raw.ref, ingest.header_only(raw.data))
            decoded = ingest.decode(raw)
            if isinstance(decoded, Malformed):
                batch.malformed.append(decoded)
                continue
            if mail_store.storage_id(decoded.id) in known:
                continue
            known.add(mail_store.storage_id(decoded.id))
            if verdict.skip:
                ruled_out.append((decoded, verdict.rule))
            else:
                batch.emails.append(decoded)
        batch.emails.extend(email for email, _ in ruled_out)
        batch.ruled_out = [_ruled_out(email, rule) for email, rule in ruled_out]
        yield batch


def _ruled_out(email: Email, rule: str) -> Reading:
    """The reading of a message the pre-filter ruled out, saying which rule did."""
    why = Evidence("category", Category.OTHER.value, f"prefilter: {rule}", email.subject)
    return Reading(email.id, Category.OTHER, 1.0, evidence=(why,), model_version="prefilter")


def _understand(
    reader: Reader, batch: _Batch, fixes: dict[str, dict[str, str]], own: frozenset[str]
) -> list[Reading]:
    unread = len(batch.emails) - len(batch.ruled_out)
    readings = [*reader.read_many(batch.emails[:unread], own), *batch.ruled_out]
    return [
        apply_corrections(r, fixes.get(mail_store.storage_id(r.email_id), {})) for r in readings
    ]


def _record(
    session: Session, batch: _Batch, readings: list[Reading]
) -> tuple[list[Email], list[Reading]]:
    """Keep bodies of anything job-related; the rest only by identity, to skip it next time.

    Returns the emails (and readings) this scan stored: one that a concurrent
    scan stored first is that scan's to track.
    """
    keep = {r.email_id for r in readings if r.category is not Category.OTHER}
    pairs = list(zip(batch.emails, readings, strict=True))
    stored = mail_store.add_emails(session, pairs, keep_body=keep)
    mail_store.record_skipped(session, batch.malformed)
    mine = [(e, r) for e, r in pairs if mail_store.storage_id(e.id) in stored]
    return [e for e, _ in mine], [r for _, r in mine]


def _count(
    report: ScanReport,
    batch: _Batch,
    stored: list[Email],
    readings: Iterable[Reading],
    tracked: TrackResult,
) -> None:
    report.read += batch.seen
    report.new += len(stored)
    report.skipped.extend(batch.malformed)
    for reading in readings:
        report.job += reading.category.is_job
        report.rejections += reading.category is Category.REJECTION
    report.applications_created += tracked.created
    report.to_review += tracked.to_review


@dataclass(frozen=True)
class Gauge:
    """What a progress bar can show for a source: a total, and how far along it is."""

    total: int | None
    done: Callable[[], int] | None = None
    """How far along, in the total's unit; None when the bar counts messages itself."""
    unit: str = "messages"


def gauge(source: ingest.MailSource) -> Gauge:
    """Messages when the source can count them cheaply; else the bytes of an mbox read so far."""
    total = source.estimate()
    if total is None and isinstance(source, ingest.MboxSource):
        return Gauge(source.size_bytes, lambda: source.position, "bytes")
    return Gauge(total)


class ScanError(Exception):
    """The thing to scan cannot be read at all; the message says what to do."""


def open_mailbox(location: str) -> ingest.MailSource:
    """The source a user named: a path to an mbox, Maildir, .eml folder or file."""
    try:
        return ingest.open_source(location)
    except ingest.SourceError as exc:
        raise ScanError(str(exc)) from exc
