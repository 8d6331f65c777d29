"""Applications, links, events and contacts: domain <-> rows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gracefully.domain import (
    Application,
    Contact,
    ContactRole,
    Event,
    EventKind,
    Link,
    LinkSignal,
    Stage,
    Status,
)
from gracefully.store.db import fit, insert_for
from gracefully.store.mail import storage_id
from gracefully.store.tables import (
    ApplicationRow,
    CompanyAliasRow,
    ContactRow,
    EmailRow,
    EventRow,
    LinkRow,
    MergedRow,
)


def to_domain(row: ApplicationRow) -> Application:
    return Application(
        id=row.id,
        company=row.company,
        role=row.role,
        status=Status(row.status),
        stage=Stage(row.stage),
        applied_on=row.applied_on,
        updated_at=row.updated_at,
        url=row.url,
        notes=row.notes,
        requisition_id=row.requisition_id,
        company_domain=row.company_domain,
        manual=frozenset(row.manual or ()),
    )


def create(session: Session, app: Application, company_key: str) -> int:
    """Store a new application; its number is the next after the highest.

    Not a sequence: PostgreSQL's skip the numbers of rolled-back inserts, so a scan
    killed and run again would show the user other numbers than an uninterrupted one.
    """
    highest = session.scalar(select(func.max(ApplicationRow.id))) or 0
    values = dict(
        id=highest + 1,
        company=app.company,
        company_key=company_key,
        role=app.role,
        status=app.status.value,
        stage=app.stage.value,
        applied_on=app.applied_on,
        updated_at=app.updated_at,
        url=app.url,
        notes=app.notes,
        requisition_id=app.requisition_id,
        company_domain=app.company_domain,
        manual=sorted(app.manual),
    )
    row = ApplicationRow(**fit(ApplicationRow.__table__, values))
    session.add(row)
    session.flush()
    return row.id


def update_from_scan(session: Session, app_id: int, **fields: object) -> None:
    """Write what a scan learned, leaving every field the user set by hand alone.

    A role is only filled in, never replaced: the first role an email named stays.
    """
    row = session.get(ApplicationRow, app_id)
    if row is None:
        return
    manual = set(row.manual or ())
    for name, value in fields.items():
        if name in manual or value is None or (name == "role" and row.role):
            continue
        setattr(row, name, value.value if isinstance(value, Status | Stage) else value)


def aliases(session: Session) -> dict[str, str]:
    """Company aliases learnt or declared so far (alias key -> canonical key)."""
    rows = session.execute(select(CompanyAliasRow.alias, CompanyAliasRow.canonical))
    return {alias: canonical for alias, canonical in rows}


def get(session: Session, app_id: int) -> Application | None:
    row = session.get(ApplicationRow, app_id)
    if row is None:
        return None
    app = to_domain(row)
    app.events = events(session, app_id)
    app.contacts = contacts(session, app_id)
    return app


def list_all(session: Session) -> list[Application]:
    """Every application, except those merged into another and those the user said are
    not a job (both kept only so undo can restore them)."""
    rows = session.scalars(
        select(ApplicationRow)
        .where(
            ApplicationRow.id.not_in(select(MergedRow.application_id)),
            ApplicationRow.not_a_job.is_(False),
        )
        .order_by(ApplicationRow.updated_at.desc(), ApplicationRow.id)
    )
    return [to_domain(r) for r in rows]


def not_a_job_ids(session: Session) -> set[int]:
    """The applications the user said are not a job: hidden from every list."""
    return set(session.scalars(select(ApplicationRow.id).where(ApplicationRow.not_a_job)))


def thread_ids(session: Session) -> list[tuple[str, int]]:
    """(message id, application id) for every applied link: the thread signal.

    A link still waiting for review is a guess, and a guess must not pull the
    rest of its thread along with it.
    """
    query = (
        select(EmailRow.message_id, LinkRow.application_id)
        .join(LinkRow, LinkRow.email_id == EmailRow.id)
        .where(
            LinkRow.application_id.is_not(None),
            LinkRow.needs_review.is_(False),
            EmailRow.message_id.is_not(None),
        )
    )
    return [(m, a) for m, a in session.execute(query)]


def add_links(session: Session, links: Sequence[Link]) -> None:
    """Record (or replace) the link of each email, in one statement."""
    if not links:
        return
    values = [
        {
            "email_id": storage_id(link.email_id),
            "application_id": link.application_id,
            "signal": link.signal.value,
            "confidence": link.confidence,
            "evidence": link.evidence,
            "needs_review": link.needs_review,
            "candidates": list(link.candidates),
        }
        for link in {storage_id(x.email_id): x for x in links}.values()
    ]
    statement = insert_for(session)(LinkRow)
    update = {k: statement.excluded[k] for k in values[0] if k != "email_id"}
    session.execute(
        statement.on_conflict_do_update(index_elements=["email_id"], set_=update), values
    )


def add_link(session: Session, link: Link) -> None:
    add_links(session, [link])


def links_for(session: Session, app_id: int) -> list[Link]:
    """The links applied to an application (links waiting for review are not)."""
    rows = session.scalars(
        select(LinkRow).where(LinkRow.application_id == app_id, LinkRow.needs_review.is_(False))
    )
    return [_link(r) for r in rows]


def _link(row: LinkRow) -> Link:
    return Link(
        email_id=row.email_id,
        application_id=row.application_id,
        signal=LinkSignal(row.signal),
        confidence=row.confidence,
        evidence=row.evidence,
        needs_review=row.needs_review,
        candidates=tuple(row.candidates or ()),
    )


def _upsert(session: Session, table, values: list[dict], conflict: Sequence[str]) -> None:  # type: ignore[no-untyped-def]
    """Insert rows, ignoring ones already there: re-scans and retries stay idempotent."""
    if not values:
        return
    statement = insert_for(session)(table).on_conflict_do_nothing(index_elements=conflict)
    session.execute(statement, values)


def add_events(session: Session, items: Iterable[tuple[int, Event]]) -> None:
    values = [
        {
            "application_id": app_id,
            "kind": e.kind.value,
            "at": e.at,
            "stage": e.stage.value if e.stage else None,
            "summary": e.summary,
            "email_id": storage_id(e.email_id) if e.email_id else None,
        }
        for app_id, e in items
    ]
    _upsert(session, EventRow.__table__, values, ("application_id", "kind", "email_id"))


def events(session: Session, app_id: int) -> list[Event]:
    rows = session.scalars(
        select(EventRow).where(EventRow.application_id == app_id).order_by(EventRow.at)
    )
    return [
        Event(
            EventKind(r.kind),
            r.at,  # type: ignore[arg-type]
            r.summary,
            r.email_id,
            Stage(r.stage) if r.stage else None,
        )
        for r in rows
    ]


def event_kinds(session: Session) -> dict[int, frozenset[EventKind]]:
    """application id -> the kinds of events it has had (what linking needs to know)."""
    found: dict[int, set[EventKind]] = {}
    for app_id, kind in session.execute(select(EventRow.application_id, EventRow.kind).distinct()):
        found.setdefault(app_id, set()).add(EventKind(kind))
    return {k: frozenset(v) for k, v in found.items()}


def add_contacts(session: Session, items: Iterable[tuple[int, Contact]]) -> None:
    values = [
        {
            "application_id": app_id,
            "name": c.name[:255],
            "email": c.email or "",
            "role": c.role.value,
            "contactable": c.contactable,
        }
        for app_id, c in items
    ]
    _upsert(session, ContactRow.__table__, values, ("application_id", "name", "email"))


def contacts(session: Session, app_id: int) -> list[Contact]:
    rows = session.scalars(select(ContactRow).where(ContactRow.application_id == app_id))
    return [Contact(r.name, r.email or None, ContactRole(r.role), r.contactable) for r in rows]
