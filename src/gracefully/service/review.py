"""The review queue: one list of what gracefully is unsure of, and the person's answers.

Three kinds share the queue: readings below the review threshold (rejections
first, least sure first), links the tracker would not guess, and suspected
duplicate applications. The service does not know its face (STYLE.md #5):
`review_items` lists, `resolve` applies a decision, and the CLI, the web app
and the tests each supply the decisions.

An answer is applied the way a scan would apply it: a confirmed link goes
through the `Tracker` (events, contacts, stage and status), with the thread
signal naming the chosen application, and teaches company aliases. "Not a
job", and a category fixed to one that is no job mail, take the email out of
its application as `service.not_a_job` does (a reply in a thread stays), and
`gracefully undo` reverses them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from gracefully import track
from gracefully.config import Settings
from gracefully.domain import Application, Category, Email, Link, LinkSignal, Reading, Reason, Stage
from gracefully.service import manage, not_a_job
from gracefully.service.identity import user_identity
from gracefully.service.reading import make_reader, user_examples
from gracefully.service.tracking import Tracker
from gracefully.store import applications as app_store
from gracefully.store import mail as mail_store
from gracefully.store import tracking as track_store
from gracefully.store.db import Database
from gracefully.understand import apply_corrections


class ItemKind(StrEnum):
    READING = "reading"
    LINK = "link"
    DUPLICATE = "duplicate"


@dataclass(frozen=True)
class ReviewItem:
    """One question for the user, with everything needed to answer it."""

    id: str
    kind: ItemKind
    confidence: float
    why: str
    email: Email | None = None
    reading: Reading | None = None
    candidates: tuple[Application, ...] = ()
    """For a link, the applications it may belong to; for a duplicate, the pair."""

    @property
    def about_rejection(self) -> bool:
        return self.reading is not None and self.reading.category is Category.REJECTION


# --- decisions: what a person can answer ---


@dataclass(frozen=True)
class Accept:
    """The reading is right as it is."""


@dataclass(frozen=True)
class Fix:
    """Correct some of the reading; fields left None stay as read."""

    category: Category | None = None
    stage: Stage | None = None
    reasons: tuple[Reason, ...] | None = None


@dataclass(frozen=True)
class LinkTo:
    application_id: int


@dataclass(frozen=True)
class StartApplication:
    """The email starts an application of its own."""


@dataclass(frozen=True)
class NotJob:
    """The email is not about a job at all (a landlord, a scholarship, a neighbour):
    it reads as other from now on and leaves its application."""


@dataclass(frozen=True)
class Merge:
    keep: int | None = None
    """The application that stays; by default the older one."""


@dataclass(frozen=True)
class KeepApart:
    """Two different jobs: never suggest this pair again."""


Decision = Accept | Fix | LinkTo | StartApplication | NotJob | Merge | KeepApart


class ReviewError(ValueError):
    """The decision does not fit the item; the message says what would."""


# --- the queue ---


def review_items(db: Database, settings: Settings) -> list[ReviewItem]:
    """Everything waiting for a person: rejections first, then the least sure first."""
    with db.transaction() as session:
        items = _reading_items(session, settings)
        items += _link_items(session, settings)
        items += _duplicate_items(session)
    return sorted(items, key=_priority)


def _priority(item: ReviewItem) -> tuple[int, float]:
    rank = 2 if item.kind is ItemKind.DUPLICATE else (0 if item.about_rejection else 1)
    return rank, item.confidence


def _reading_items(session: Session, settings: Settings) -> list[ReviewItem]:
    return [
        ReviewItem(
            id=f"{ItemKind.READING}:{email.id}",
            kind=ItemKind.READING,
            confidence=reading.confidence,
            why=f"read as {reading.category} with {reading.confidence:.0%} confidence",
            email=email,
            reading=reading,
        )
        for email, reading in track_store.uncertain_readings(session, settings.review_threshold)
    ]


def _link_items(session: Session, settings: Settings) -> list[ReviewItem]:
    pending = track_store.pending_links(session)
    if not pending:
        return []
    index = Tracker.load(session, settings, datetime.now(UTC)).index
    return [
        ReviewItem(
            id=f"{ItemKind.LINK}:{email.id}",
            kind=ItemKind.LINK,
            confidence=link.confidence,
            why=link.evidence,
            email=email,
            reading=reading,
            candidates=tuple(_candidates(session, index, email, reading, link)),
        )
        for email, reading, link in pending
    ]


def _candidates(
    session: Session, index: track.TrackIndex, email: Email, reading: Reading, link: Link
) -> list[Application]:
    """The applications the link hesitated between: its guess, its candidates, and
    every application at a company the email points to."""
    ids = [link.application_id] if link.application_id else []
    ids += link.candidates
    for clue in track.clues_for(email, reading).companies:
        found = index.by_domain(clue.domain) if clue.domain else []
        ids += [k.id for k in found or index.by_company(clue.key)]
        for key, _score in index.similar_companies(clue.key):
            ids += [k.id for k in index.by_company(key)]
    hidden = _hidden(session)
    apps = (app_store.get(session, i) for i in dict.fromkeys(ids) if i not in hidden)
    return [a for a in apps if a is not None]


def _hidden(session: Session) -> set[int]:
    """Applications no list shows: merged into another, or not a job."""
    return track_store.merged_ids(session) | app_store.not_a_job_ids(session)


def _duplicate_items(session: Session) -> list[ReviewItem]:
    apps = app_store.list_all(session)
    apart = track_store.kept_apart(session)
    items = []
    for suspect in track.suspected_duplicates(apps, app_store.aliases(session)):
        a, b = sorted((suspect.a_id, suspect.b_id))
        if (a, b) in apart:
            continue
        pair = (app_store.get(session, a), app_store.get(session, b))
        items.append(
            ReviewItem(
                id=f"{ItemKind.DUPLICATE}:{a}:{b}",
                kind=ItemKind.DUPLICATE,
                confidence=suspect.score,
                why=suspect.why,
                candidates=tuple(p for p in pair if p is not None),
            )
        )
    return items


# --- answers ---


def resolve(
    db: Database,
    settings: Settings,
    item_id: str,
    decision: Decision,
    *,
    now: datetime | None = None,
) -> str:
    """Apply a person's answer to one item; returns what was done, in a sentence."""
    kind, _, key = item_id.partition(":")
    handler = _HANDLERS.get((kind, type(decision)))
    if handler is None:
        allowed = sorted(d.__name__ for k, d in _HANDLERS if k == kind)
        raise ReviewError(
            f"{type(decision).__name__} does not answer a {kind or '?'} item; "
            f"use one of {', '.join(allowed) or 'nothing: unknown item'}"
        )
    return handler(db, settings, key, decision, now or datetime.now(UTC))


def _fix_reading(
    db: Database, settings: Settings, email_id: str, decision: Accept | Fix, now: datetime
) -> str:
    with db.transaction() as session:
        email, reading = _stored(session, email_id)
        fixes = _fixes(reading, decision)
        category = Category(fixes["category"])
        if not category.is_job and not not_a_job.keeps_link(track_store.link_of(session, email_id)):
            done = not_a_job.mark(
                session, [email_id], category=category, settings=settings, now=now,
                what=f"email {email_id} is {category}",
            )  # fmt: skip
            return f"corrected category={category}; {_left(done)}"
        fixed = _correct(session, email, reading, fixes)
        retrack(session, settings, email, fixed, now)
    changed = [f"{k}={v}" for k, v in fixes.items() if k != "category" or v != reading.category]
    return f"corrected {', '.join(changed)}" if changed else f"confirmed as {fixed.category}"


def _correct(session: Session, email: Email, reading: Reading, fixes: dict[str, str]) -> Reading:
    """Store the corrections and the reading with all of this email's corrections on top."""
    for field, value in fixes.items():
        mail_store.add_correction(session, email.id, field, value)
    session.flush()
    mine = mail_store.corrections(session).get(mail_store.storage_id(email.id), {})
    fixed = apply_corrections(reading, mine)
    mail_store.save_reading(session, fixed)
    return fixed


def _fixes(reading: Reading, decision: Accept | Fix) -> dict[str, str]:
    """The corrections to store; the category always is, so the reading counts as confirmed."""
    if isinstance(decision, Accept):
        return {"category": reading.category.value}
    fixes = {"category": (decision.category or reading.category).value}
    if decision.stage is not None:
        fixes["stage"] = decision.stage.value
    if decision.reasons is not None:
        fixes["reasons"] = ",".join(r.value for r in decision.reasons)
    return fixes


def _link_to(
    db: Database, settings: Settings, email_id: str, decision: LinkTo, now: datetime
) -> str:
    with db.transaction() as session:
        email, reading = _stored(session, email_id)
        _pending(session, email_id)
        app = app_store.get(session, decision.application_id)
        if app is None or app.id in _hidden(session):
            raise ReviewError(f"no application {decision.application_id} to link to")
        tracker = Tracker.load(session, settings, now)
        aliases = app_store.aliases(session)
        learnt = track.aliases_from_link(
            aliases, track.clues_for(email, reading), app.company, tracker.index
        )
        _apply(session, tracker, email, reading, app.id, "confirmed by you")
        if learnt != aliases:
            track_store.replace_aliases(session, learnt, learnt=True)
    return f"linked to #{app.id} {app.company} ({app.role or 'role unknown'})"


def _start(
    db: Database, settings: Settings, email_id: str, _: StartApplication, now: datetime
) -> str:
    with db.transaction() as session:
        email, reading = _stored(session, email_id)
        _pending(session, email_id)
        try:
            new = track.new_application(email, reading)
        except ValueError as exc:
            raise ReviewError(
                f"{exc}; add it with `gracefully add`, then link the email to it"
            ) from exc
        tracker = Tracker.load(session, settings, now)
        app_id = app_store.create(session, new, tracker.index.key(new.company))
        tracker.index.add_application(track.Known.of(replace(new, id=app_id)))
        _apply(session, tracker, email, reading, app_id, "a new application, said you")
    return f"started application #{app_id} at {new.company}"


def _not_job(db: Database, settings: Settings, email_id: str, _: NotJob, now: datetime) -> str:
    """A reading item: whatever it was read as, it is no job mail."""
    with db.transaction() as session:
        _, reading = _stored(session, email_id)
        if reading.corrected and reading.category is Category.OTHER:
            raise ReviewError(f"{email_id!r} is already marked not a job")
        done = not_a_job.mark(session, [email_id], settings=settings, now=now, what=email_id)
    return f"marked as not a job email; {_left(done)}"


def _not_job_link(
    db: Database, settings: Settings, email_id: str, decision: NotJob, now: datetime
) -> str:
    """A link item: the email belongs to no application, because it is no job mail."""
    with db.transaction() as session:
        _pending(session, email_id)
    return _not_job(db, settings, email_id, decision, now)


def _left(done: not_a_job.NotAJob) -> str:
    """What became of the applications the email was in."""
    if done.hidden:
        return f"application {', '.join(f'#{i}' for i in done.hidden)} hidden (`gracefully undo`)"
    if done.kept:
        return f"taken out of {', '.join(f'#{i}' for i in done.kept)} (`gracefully undo`)"
    return "in no application (`gracefully undo`)"


def _merge(db: Database, settings: Settings, pair: str, decision: Merge, now: datetime) -> str:
    a, b = _pair(pair)
    keep = decision.keep if decision.keep is not None else a
    if keep not in (a, b):
        raise ReviewError(f"keep must be #{a} or #{b}")
    absorb = b if keep == a else a
    try:
        plan = manage.merge_applications(db, settings, keep, absorb, now=now)
    except manage.ManageError as exc:
        raise ReviewError(str(exc)) from exc
    kept = f"; kept #{keep}'s {', '.join(plan.conflicts)}" if plan.conflicts else ""
    return f"merged #{absorb} into #{keep} ({plan.events} events, {plan.contacts} contacts){kept}"


def _keep_apart(db: Database, settings: Settings, pair: str, _: KeepApart, now: datetime) -> str:
    a, b = _pair(pair)
    with db.transaction() as session:
        track_store.keep_apart(session, a, b)
    return f"#{a} and #{b} stay apart"


_HANDLERS: dict[tuple[str, type], Callable[..., str]] = {
    (ItemKind.READING.value, Accept): _fix_reading,
    (ItemKind.READING.value, Fix): _fix_reading,
    (ItemKind.READING.value, NotJob): _not_job,
    (ItemKind.LINK.value, LinkTo): _link_to,
    (ItemKind.LINK.value, StartApplication): _start,
    (ItemKind.LINK.value, NotJob): _not_job_link,
    (ItemKind.DUPLICATE.value, Merge): _merge,
    (ItemKind.DUPLICATE.value, KeepApart): _keep_apart,
}


# --- applying a reading or a link as a scan would ---


def retrack(
    session: Session, settings: Settings, email: Email, reading: Reading, now: datetime
) -> None:
    """After a reading changed, its application's timeline follows: a linked email's
    event is read again, an unlinked job email is linked as a scan would."""
    retrack_all(session, settings, [(email, reading)], now)


def retrack_all(
    session: Session, settings: Settings, changed: list[tuple[Email, Reading]], now: datetime
) -> None:
    """`retrack` for many emails with one Tracker. Every stale event is deleted before
    the Tracker loads, so no timeline it caches still holds one."""
    links = {email.id: track_store.link_of(session, email.id) for email, _ in changed}
    applied = {
        email_id: link
        for email_id, link in links.items()
        if link is not None and link.application_id is not None and not link.needs_review
    }
    for email_id in applied:
        track_store.delete_events(session, track_store.event_ids_for_email(session, email_id))
    tracker = Tracker.load(session, settings, now)
    for email, reading in changed:
        link = applied.get(email.id)
        if link is not None:
            assert link.application_id is not None
            _apply(session, tracker, email, reading, link.application_id, link.evidence, link)
        elif links[email.id] is None and reading.category.is_job:
            tracker.track(session, [email], [reading])


def _apply(
    session: Session,
    tracker: Tracker,
    email: Email,
    reading: Reading,
    app_id: int,
    why: str,
    link: Link | None = None,
) -> None:
    """Apply a link through the Tracker: the thread signal names `app_id`, so the
    events, contacts, stage and status come out exactly as a scan makes them."""
    keyed = email if email.message_id else replace(email, message_id=email.id)
    tracker.index.add_message(keyed.message_id or email.id, app_id)
    tracker.track(session, [keyed], [reading])
    chosen = link or Link(email.id, app_id, LinkSignal.MANUAL, 1.0, why)
    app_store.add_link(session, chosen)


def _stored(session: Session, email_id: str) -> tuple[Email, Reading]:
    found = mail_store.get(session, email_id)
    if found is None or found[1] is None:
        raise ReviewError(
            f"no stored email {email_id!r}; `gracefully review --list` shows the queue"
        )
    return found[0], found[1]


def _pending(session: Session, email_id: str) -> Link:
    link = track_store.link_of(session, email_id)
    if link is None or not link.needs_review:
        raise ReviewError(f"the link of {email_id!r} is not waiting for review")
    return link


def _pair(key: str) -> tuple[int, int]:
    try:
        a, b = sorted(int(n) for n in key.split(":"))
    except ValueError as exc:
        raise ReviewError(f"not a duplicate pair: {key!r}") from exc
    return a, b


# --- retraining with the user's corrections ---


@dataclass(frozen=True)
class RetrainReport:
    corrections: int
    """Category corrections the model learnt from."""
    reread: int
    changed: int
    """Readings whose category, rejection details, company or role changed."""


def retrain(db: Database, settings: Settings, *, now: datetime | None = None) -> RetrainReport:
    """Rebuild the model with the user's corrections, and read again what they did not correct.

    The classifier caches by a hash of its training data, so a new correction
    means a new model and an unchanged set reuses the cached one.
    """
    corrections = len(user_examples(db))
    reader = make_reader(db, settings)
    with db.transaction() as session:
        stored = [(e, r) for e, r in mail_store.emails_with_readings(session) if not r.corrected]
        fresh = reader.read_many([e for e, _ in stored], user_identity(session).addresses)
        changed = []
        for (email, old), new in zip(stored, fresh, strict=True):
            mail_store.save_reading(session, new)
            if _meaning(old) != _meaning(new):
                changed.append((email, new))
        retrack_all(session, settings, changed, now or datetime.now(UTC))
    return RetrainReport(corrections, len(stored), len(changed))


def _meaning(reading: Reading) -> tuple[object, ...]:
    return reading.category, reading.rejection, reading.company, reading.role


# --- for the faces: plain records ---


def item_record(item: ReviewItem) -> dict[str, Any]:
    """A JSON-ready view of an item (for `review --json` and the web API)."""
    record: dict[str, Any] = {
        "id": item.id,
        "kind": item.kind.value,
        "confidence": round(item.confidence, 3),
        "why": item.why,
    }
    if item.email is not None:
        record["email"] = {
            "subject": item.email.subject,
            "from": str(item.email.sender or ""),
            "date": item.email.date.isoformat() if item.email.date else None,
        }
    if item.reading is not None:
        rej = item.reading.rejection
        record["reading"] = {
            "category": item.reading.category.value,
            "stage": rej.stage.value if rej else None,
            "reasons": [r.value for r in rej.reasons] if rej else [],
            "evidence": [
                {"field": e.field, "value": e.value, "sentence": e.sentence}
                for e in item.reading.evidence
            ],
        }
    record["candidates"] = [
        {"id": a.id, "company": a.company, "role": a.role, "status": a.status.value}
        for a in item.candidates
    ]
    return record
