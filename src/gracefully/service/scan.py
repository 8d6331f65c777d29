"""`scan`: one mailbox through ingest, understand and track, into the store.

A scan is one idempotent job: every batch is computed first and committed in
one transaction, and messages already stored are skipped by identity. A scan
killed at any point and run again therefore ends with exactly the rows of an
uninterrupted one, and a worker queue can run scans of many mailboxes safely.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Protocol, runtime_checkable

from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.orm import Session

from gracefully import ingest
from gracefully.config import Settings
from gracefully.domain import (
    AddressTally,
    Category,
    Email,
    Evidence,
    Malformed,
    Reading,
    SkipKind,
)
from gracefully.service.identity import LearningIdentity
from gracefully.service.replies import record_replies
from gracefully.service.tracking import Tracker, TrackResult
from gracefully.store import identity as identity_store
from gracefully.store import mail as mail_store
from gracefully.store.db import Database
from gracefully.track.identity import Identity
from gracefully.understand import Reader, apply_corrections

MAX_BATCH_BYTES = 64 * 1024 * 1024
"""A batch ends at this much raw mail even before `batch_size` messages, so that a
mailbox of huge messages keeps memory as flat as one of small ones."""

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
    """What one scan did. Every message read is exactly one of new, known,
    skipped or a conflict, so `new + known + skipped + conflicts == read`."""

    location: str
    read: int = 0
    new: int = 0
    conflicts: int = 0
    """Messages stored under a content-derived id, because a different message
    already held their Message-ID."""
    job: int = 0
    rejections: int = 0
    applications_created: int = 0
    to_review: int = 0
    skipped: list[Malformed] = field(default_factory=list)
    """Messages (and whole folders, kind `folder`) that could not be read."""
    dry_run: bool = False

    @property
    def skipped_messages(self) -> int:
        return sum(m.kind is not SkipKind.FOLDER for m in self.skipped)

    @property
    def already_known(self) -> int:
        return self.read - self.new - self.conflicts - self.skipped_messages

    def summary(self) -> dict[str, object]:
        """The report as plain data, for `scan --json`."""
        reasons = Counter(m.kind.value for m in self.skipped)
        return {
            "location": self.location,
            "read": self.read,
            "new": self.new,
            "known": self.already_known,
            "skipped": self.skipped_messages,
            "conflicts": self.conflicts,
            "skipped_reasons": dict(sorted(reasons.items())),
            "job": self.job,
            "rejections": self.rejections,
            "applications_created": self.applications_created,
            "to_review": self.to_review,
            "dry_run": self.dry_run,
        }


@dataclass
class _Batch:
    emails: list[Email] = field(default_factory=list)
    """New messages to understand."""
    ruled_out: list[Reading] = field(default_factory=list)
    """Readings of the messages (last in `emails`) that the header pre-filter ruled out."""
    malformed: list[Malformed] = field(default_factory=list)
    conflicts: set[str] = field(default_factory=set)
    """Ids of the emails stored under a content id because their Message-ID was taken."""
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

    Each message has its own error boundary at every step: one that cannot be
    decoded, understood or stored is recorded as skipped, with why, and the
    rest of its batch goes on. Scans of one database take turns: a second one
    waits, then finds the first one's mail already known.
    """
    with db.exclusive("scan"):
        report = ScanReport(location=source.location, dry_run=dry_run)
        started = datetime.now(UTC)
        with db.transaction() as session:
            known = mail_store.fingerprints(session)
            fixes = mail_store.corrections(session)
            user = LearningIdentity.load(session)
        tracker = _Tracking(db, settings, started)
        for batch in _ingest(source, known, settings.batch_size):
            seen = user.observe(batch.emails)
            readings = _understand(reader, batch, fixes, user.identity.addresses)
            stored, tracked = _commit(db, tracker, batch, readings, dry_run, user.identity, seen)
            _count(report, batch, stored, tracked)
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
        report.read += sum(p.kind is not SkipKind.FOLDER for p in source.problems)
    with db.transaction() as session:
        counts = {"read": report.read, "new": report.new, "job": report.job}
        mail_store.record_scan(session, source.location, started, counts)
    record_replies(db, settings)


def _ingest(source: ingest.MailSource, known: dict[str, str | None], size: int) -> Iterator[_Batch]:
    """Batches of new, decoded emails.

    Known identities are skipped before decoding, and mail the header
    pre-filter rules out is decoded from its headers alone: a real mailbox is
    mostly receipts and newsletters, and their bodies are not worth reading.
    """
    raw_iter = iter(source)
    while True:
        batch = _Batch()
        ruled_out: list[tuple[Email, str]] = []
        held = 0
        for raw in raw_iter:
            batch.seen += 1
            held += len(raw.data)
            try:
                _admit(raw, known, batch, ruled_out)
            except Exception as exc:  # the boundary: one message, whatever it holds
                batch.malformed.append(_failure(raw.ref, SkipKind.UNDECODABLE, exc, raw.data))
            if batch.seen >= size or held >= MAX_BATCH_BYTES:
                break
        if not batch.seen:
            return
        batch.emails.extend(email for email, _ in ruled_out)
        batch.ruled_out = [_ruled_out(email, rule) for email, rule in ruled_out]
        yield batch


def _admit(
    raw: ingest.RawMessage,
    known: dict[str, str | None],
    batch: _Batch,
    ruled_out: list[tuple[Email, str]],
) -> None:
    """Decode one message into `batch`, unless it is already stored.

    A message whose Message-ID is stored but whose content differs is a
    different message: it is kept under its content id, never dropped.
    """
    identity = ingest.identity(raw.data)
    sid = mail_store.storage_id(identity)
    conflict: str | None = None
    if sid in known:
        seen = ingest.content_hash(raw.data)
        if identity.startswith("sha256:") or ingest.same_content(known[sid], seen):
            return  # known by its content, or the same message again
        conflict = mail_store.storage_id(ingest.content_identity(seen))
        if conflict in known:
            return
    verdict = _judge(raw.data)
    if verdict.skip:
        raw = ingest.RawMessage(raw.ref, ingest.header_only(raw.data))
    decoded = ingest.decode(raw)
    if isinstance(decoded, Malformed):
        batch.malformed.append(decoded)
        return
    if conflict:
        decoded = replace(decoded, id=conflict)
        batch.conflicts.add(conflict)
    known[mail_store.storage_id(decoded.id)] = decoded.content_hash
    if verdict.skip:
        ruled_out.append((decoded, verdict.rule))
    else:
        batch.emails.append(decoded)


def _judge(data: bytes) -> ingest.Verdict:
    """The pre-filter's verdict; a header it cannot read keeps the body, for decode to judge."""
    try:
        return ingest.judge(data)
    except Exception:
        return ingest.Verdict(False, "unreadable header")


def _failure(ref: str, kind: SkipKind, exc: Exception, data: bytes | None = None) -> Malformed:
    """A skip record for an unexpected error: its type and message, never the mail's text."""
    what = {
        SkipKind.UNDECODABLE: "could not read",
        SkipKind.UNREADABLE: "could not understand",
        SkipKind.UNSTORABLE: "could not store",
    }[kind]
    reason = f"{what}: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    return Malformed(ref, reason[:300], kind, len(data) if data is not None else None)


def _ruled_out(email: Email, rule: str) -> Reading:
    """The reading of a message the pre-filter ruled out, saying which rule did."""
    why = Evidence("category", Category.OTHER.value, f"prefilter: {rule}", email.subject)
    return Reading(email.id, Category.OTHER, 1.0, evidence=(why,), model_version="prefilter")


def _understand(
    reader: Reader, batch: _Batch, fixes: dict[str, dict[str, str]], own: frozenset[str]
) -> list[Reading]:
    """Readings for the batch's emails, in order. Read in one go; if that fails,
    one by one, and an email the reader cannot read leaves the batch as skipped."""
    unread = batch.emails[: len(batch.emails) - len(batch.ruled_out)]
    try:
        read = reader.read_many(unread, own)
    except Exception:
        read = []
        for email in unread:
            try:
                read.extend(reader.read_many([email], own))
            except Exception as exc:
                batch.malformed.append(_failure(email.source, SkipKind.UNREADABLE, exc))
                batch.emails.remove(email)
    readings = [*read, *batch.ruled_out]
    return [
        apply_corrections(r, fixes.get(mail_store.storage_id(r.email_id), {})) for r in readings
    ]


class _Tracking:
    """The tracker of one scan, loaded again after a batch failed: its in-memory
    index must match the store, and a rolled-back batch left it ahead."""

    def __init__(self, db: Database, settings: Settings, now: datetime) -> None:
        self._db, self._settings, self._now = db, settings, now
        self._tracker: Tracker | None = None

    def get(self, session: Session) -> Tracker:
        if self._tracker is None:
            self._tracker = Tracker.load(session, self._settings, self._now)
        return self._tracker

    def reset(self) -> None:
        self._tracker = None


def _commit(
    db: Database,
    tracking: _Tracking,
    batch: _Batch,
    readings: list[Reading],
    dry_run: bool,
    user: Identity,
    seen: AddressTally,
) -> tuple[list[tuple[Email, Reading]], TrackResult]:
    """Store and track the batch in one transaction. When that fails, halves are
    tried in turn until the one message that cannot be stored is found and
    recorded as skipped: the rest of the batch is stored all the same. What the
    batch showed of the user's addresses is counted with the first part stored."""
    pairs = list(zip(batch.emails, readings, strict=True))
    stored: list[tuple[Email, Reading]] = []
    tracked = TrackResult()
    pending = [pairs]
    tallied = False
    while pending:
        part = pending.pop()
        try:
            with db.transaction() as session:
                mine = _record(session, part)
                result = tracking.get(session).track(
                    session, [e for e, _ in mine], [r for _, r in mine], user
                )
                if not tallied:
                    identity_store.add(session, seen)
                if dry_run:
                    session.rollback()
            tallied = True
        except (OperationalError, InterfaceError):
            raise  # the database itself failed, not this mail: stop, a re-run resumes
        except Exception as exc:
            tracking.reset()
            if len(part) <= 1 and not tallied:
                tallied = True  # the batch's count may be what fails: no mail is lost for it
                pending.append(part)
                continue
            if len(part) <= 1:
                email = part[0][0] if part else None
                if email is not None:
                    batch.malformed.append(_failure(email.source, SkipKind.UNSTORABLE, exc))
                    batch.conflicts.discard(email.id)
                continue
            middle = len(part) // 2
            pending += [part[middle:], part[:middle]]
            continue
        stored += mine
        tracked.created += result.created
        tracked.to_review += result.to_review
    if batch.malformed and not dry_run:
        with db.transaction() as session:
            mail_store.record_skipped(session, batch.malformed)
    return stored, tracked


def _record(session: Session, pairs: list[tuple[Email, Reading]]) -> list[tuple[Email, Reading]]:
    """Keep bodies of anything job-related; the rest only by identity, to skip it next time.

    Returns the emails (and readings) this scan stored: one that a concurrent
    scan stored first is that scan's to track.
    """
    keep = {r.email_id for _, r in pairs if r.category is not Category.OTHER}
    stored = mail_store.add_emails(session, pairs, keep_body=keep)
    return [(e, r) for e, r in pairs if mail_store.storage_id(e.id) in stored]


def _count(
    report: ScanReport,
    batch: _Batch,
    stored: list[tuple[Email, Reading]],
    tracked: TrackResult,
) -> None:
    report.read += batch.seen
    report.conflicts += sum(e.id in batch.conflicts for e, _ in stored)
    report.new += sum(e.id not in batch.conflicts for e, _ in stored)
    report.skipped.extend(batch.malformed)
    for _, reading in stored:
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
