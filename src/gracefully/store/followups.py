"""Follow-ups, the user's profile and per-application preferences: domain <-> rows.

Delivery bookkeeping (who is sending right now, what was saved to Drafts)
is not part of the domain `FollowUp`, so it has functions of its own here.
Whatever must be decided by one process only (an approval of one revision,
the send lease) is a conditional UPDATE, so two processes agree on a winner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from gracefully.domain import (
    Draft,
    Email,
    Finding,
    FollowUp,
    FollowUpStatus,
    Move,
    MoveKind,
    Outcome,
    Profile,
    Reading,
    Reason,
    Severity,
)
from gracefully.store.mail import row_to_email, row_to_reading, storage_id
from gracefully.store.tables import (
    ApplicationPrefRow,
    ApplicationRow,
    EmailRow,
    FollowUpRow,
    MergedRow,
    ProfileRow,
    ReadingRow,
)

_PROFILE_ID = 1
MAX_ID = 2**31 - 1
"""The largest id an Integer column holds on every database (PostgreSQL's int4)."""
_VARIANT = re.compile(r"/(\d+)\.txt\.j2$")


@dataclass(frozen=True, slots=True)
class Preferences:
    """What the user said about one application (see ApplicationPrefRow)."""

    learn: str = ""
    opted_out: bool = False
    move: MoveKind | None = None
    alt_role: str | None = None
    checkin: bool = False


@dataclass(frozen=True, slots=True)
class SendState:
    """Where one follow-up's delivery stands.

    While a send runs it holds a lease: `sending_by` (who) and `sending_until`
    (how long the claim holds). A lease that ran out with the follow-up still
    unsent is a send in doubt: it started and never reported back.
    """

    message_id: str | None
    sending_since: datetime | None
    sent_at: datetime | None
    imap_saved_hash: str | None
    sending_by: str | None = None
    sending_until: datetime | None = None

    def in_progress(self, now: datetime) -> bool:
        """Someone holds a live lease on the send."""
        return (
            self.sending_since is not None
            and self.sent_at is None
            and self.sending_until is not None
            and self.sending_until > now
        )

    def in_doubt(self, now: datetime) -> bool:
        """A send started, never finished, and nobody holds it any more."""
        return self.sending_since is not None and self.sent_at is None and not self.in_progress(now)


def _draft(row: FollowUpRow) -> Draft | None:
    if row.draft_body is None:
        return None
    return Draft(
        to_name=row.draft_to_name or "",
        to_email=row.draft_to_email,
        subject=row.draft_subject or "",
        body=row.draft_body,
        move=MoveKind(row.kind),
        in_reply_to=row.draft_in_reply_to,
        references=tuple(row.draft_references or ()),
        template=row.draft_template or "",
        findings=tuple(
            Finding(**{**f, "severity": Severity(f["severity"])}) for f in row.draft_findings
        ),
        note=row.draft_note,
    )


def to_domain(row: FollowUpRow) -> FollowUp:
    return FollowUp(
        id=row.id,
        application_id=row.application_id,
        move=Move(
            kind=MoveKind(row.kind),
            why=row.why,
            due_at=row.due_at,
            checkin_at=row.checkin_at,
            advice=row.advice,
            needs=tuple(row.needs or ()),
            rule=row.rule,
        ),
        status=FollowUpStatus(row.status),
        draft=_draft(row),
        approved_hash=row.approved_hash,
        revision=row.revision,
        approved_revision=row.approved_revision,
        sent_message_id=row.sent_message_id,
        sent_at=row.sent_at,
        outcome=Outcome(row.outcome) if row.outcome else None,
        rejection_email_id=row.rejection_email_id,
        outcome_at=row.outcome_at,
        reply_email_id=row.reply_email_id,
        feedback=tuple(Reason(r) for r in row.feedback or ()),
    )


def _outgoing(row: FollowUpRow) -> tuple[object, ...]:
    """The columns of what would be sent: a change to any is a new revision."""
    return (
        row.draft_subject,
        row.draft_body,
        row.draft_to_name,
        row.draft_to_email,
        row.draft_in_reply_to,
        list(row.draft_references or ()),
    )


def _write_draft(row: FollowUpRow, draft: Draft | None) -> None:
    row.draft_subject = draft.subject if draft else None
    row.draft_body = draft.body if draft else None
    row.draft_to_name = draft.to_name[:255] if draft else None
    row.draft_to_email = draft.to_email if draft else None
    row.draft_in_reply_to = draft.in_reply_to if draft else None
    row.draft_references = list(draft.references) if draft else []
    row.draft_template = draft.template[:255] if draft else None
    variant = _VARIANT.search(draft.template) if draft else None
    row.draft_variant = int(variant.group(1)) if variant else None
    row.draft_findings = [
        {
            "code": f.code,
            "severity": f.severity.value,
            "message": f.message,
            "trigger": f.trigger,
            "suggestion": f.suggestion,
        }
        for f in (draft.findings if draft else ())
    ]
    row.draft_note = draft.note if draft else ""


def save(session: Session, followup: FollowUp) -> int:
    """Insert or update from the domain object; returns its id."""
    row = session.get(FollowUpRow, followup.id) if followup.id else None
    before = None
    if row is None:
        row = FollowUpRow(application_id=followup.application_id, revision=1)
        session.add(row)
    else:
        before = _outgoing(row)
    move = followup.move
    row.rejection_email_id = (
        storage_id(followup.rejection_email_id) if followup.rejection_email_id else None
    )
    row.kind, row.rule, row.why, row.advice = move.kind.value, move.rule, move.why, move.advice
    row.due_at, row.checkin_at, row.needs = move.due_at, move.checkin_at, list(move.needs)
    row.status = followup.status.value
    _write_draft(row, followup.draft)
    bumped = before is not None and before != _outgoing(row)
    if bumped:
        row.revision = FollowUpRow.revision + 1  # type: ignore[assignment]  # in SQL: no lost count
    row.approved_hash = followup.approved_hash
    row.approved_revision = followup.approved_revision if followup.approved_hash else None
    row.sent_message_id = followup.sent_message_id
    row.sent_at = followup.sent_at
    row.outcome = followup.outcome.value if followup.outcome else None
    row.outcome_at = followup.outcome_at
    row.reply_email_id = followup.reply_email_id
    row.feedback = [r.value for r in followup.feedback]
    row.updated_at = datetime.now(UTC)
    session.flush()
    followup.id = row.id
    if bumped:
        session.refresh(row, ["revision"])
    followup.revision = row.revision
    return row.id


def get(session: Session, followup_id: int) -> FollowUp | None:
    """The follow-up, or None; also None for an id no row could have (0, -1, 10**45)."""
    if not 0 < followup_id <= MAX_ID:
        return None
    row = session.get(FollowUpRow, followup_id)
    return to_domain(row) if row else None


def mark_approved(session: Session, followup_id: int, revision: int, record: str) -> bool:
    """Approve `revision` with its approval `record`, only if that is still the
    revision and it is unsent: False when the text changed under the reader."""
    result = session.execute(
        update(FollowUpRow)
        .where(
            FollowUpRow.id == followup_id,
            FollowUpRow.revision == revision,
            FollowUpRow.sent_at.is_(None),
            FollowUpRow.draft_body.is_not(None),
        )
        .values(
            status=FollowUpStatus.APPROVED.value,
            approved_hash=record,
            approved_revision=revision,
            updated_at=datetime.now(UTC),
        )
        .execution_options(synchronize_session="fetch")
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


def all_followups(session: Session) -> list[FollowUp]:
    """Every follow-up except those left on an application merged into another."""
    rows = session.scalars(
        select(FollowUpRow)
        .where(FollowUpRow.application_id.not_in(select(MergedRow.application_id)))
        .order_by(FollowUpRow.id)
    )
    return [to_domain(r) for r in rows]


def for_application(session: Session, app_id: int) -> list[FollowUp]:
    rows = session.scalars(
        select(FollowUpRow).where(FollowUpRow.application_id == app_id).order_by(FollowUpRow.id)
    )
    return [to_domain(r) for r in rows]


def for_company(session: Session, app_id: int) -> list[FollowUp]:
    """Every follow-up to the company of `app_id`, any application (for the cap)."""
    key = select(ApplicationRow.company_key).where(ApplicationRow.id == app_id).scalar_subquery()
    rows = session.scalars(
        select(FollowUpRow)
        .join(ApplicationRow, ApplicationRow.id == FollowUpRow.application_id)
        .where(ApplicationRow.company_key == key)
    )
    return [to_domain(r) for r in rows]


def by_sent_message_ids(session: Session, message_ids: list[str]) -> dict[str, FollowUp]:
    if not message_ids:
        return {}
    rows = session.scalars(select(FollowUpRow).where(FollowUpRow.sent_message_id.in_(message_ids)))
    return {r.sent_message_id: to_domain(r) for r in rows if r.sent_message_id}


def replies_to(session: Session, message_ids: list[str]) -> list[tuple[Email, Reading | None]]:
    """Stored emails whose In-Reply-To is one of `message_ids`, oldest first."""
    if not message_ids:
        return []
    rows = session.scalars(
        select(EmailRow).where(EmailRow.in_reply_to.in_(message_ids)).order_by(EmailRow.date)
    )
    found = []
    for row in rows:
        reading = session.get(ReadingRow, row.id)
        found.append((row_to_email(row), row_to_reading(reading) if reading else None))
    return found


def send_state(session: Session, followup_id: int) -> SendState:
    row = session.get(FollowUpRow, followup_id)
    if row is None:
        raise LookupError(followup_id)
    return SendState(
        row.sent_message_id,
        row.sending_since,
        row.sent_at,
        row.imap_saved_hash,
        row.sending_by,
        row.sending_until,
    )


def claim_send(
    session: Session,
    followup_id: int,
    message_id: str,
    now: datetime,
    *,
    owner: str,
    lease: timedelta,
) -> bool:
    """Take the send lease, unless a send was started before (live or in doubt):
    the conditional update makes two concurrent sends agree on one winner."""
    result = session.execute(
        update(FollowUpRow)
        .where(
            FollowUpRow.id == followup_id,
            FollowUpRow.sending_since.is_(None),
            FollowUpRow.sent_at.is_(None),
        )
        .values(
            sending_since=now,
            sending_by=owner,
            sending_until=now + lease,
            sent_message_id=message_id,
        )
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


def take_over_send(
    session: Session,
    followup_id: int,
    previous: SendState,
    now: datetime,
    *,
    owner: str,
    lease: timedelta,
) -> bool:
    """Take the lease of a send in doubt (`previous`), only if it is still that
    send and its lease has run out: two retries cannot both win, and a retry
    never takes a live lease."""
    same = (
        FollowUpRow.sending_by == previous.sending_by
        if previous.sending_by is not None
        else FollowUpRow.sending_by.is_(None)
        & (FollowUpRow.sending_since == previous.sending_since)
    )
    result = session.execute(
        update(FollowUpRow)
        .where(
            FollowUpRow.id == followup_id,
            FollowUpRow.sent_at.is_(None),
            FollowUpRow.sending_since.is_not(None),
            same,
            FollowUpRow.sending_until.is_(None) | (FollowUpRow.sending_until <= now),
        )
        .values(sending_since=now, sending_by=owner, sending_until=now + lease)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


def release_send(session: Session, followup_id: int, owner: str) -> None:
    """The delivery failed for certain: drop `owner`'s lease, so the next send
    goes ahead (with the same Message-ID)."""
    session.execute(
        update(FollowUpRow)
        .where(FollowUpRow.id == followup_id, FollowUpRow.sending_by == owner)
        .values(sending_since=None, sending_by=None, sending_until=None)
    )


def end_lease_in_doubt(session: Session, followup_id: int, owner: str, now: datetime) -> None:
    """`owner` stopped sending without knowing whether the message went out: the
    lease ends now and the send stays marked, so only `--retry` sends again."""
    session.execute(
        update(FollowUpRow)
        .where(
            FollowUpRow.id == followup_id,
            FollowUpRow.sending_by == owner,
            FollowUpRow.sent_at.is_(None),
        )
        .values(sending_until=now)
    )


def mark_imap_saved(session: Session, followup_id: int, text_hash: str, message_id: str) -> None:
    session.execute(
        update(FollowUpRow)
        .where(FollowUpRow.id == followup_id)
        .values(imap_saved_hash=text_hash, sent_message_id=message_id)
    )


def reset_delivery(session: Session, followup_id: int) -> None:
    """After an edit: the old Message-ID and Drafts copy belong to the old text."""
    session.execute(
        update(FollowUpRow)
        .where(FollowUpRow.id == followup_id, FollowUpRow.sent_at.is_(None))
        .values(
            sent_message_id=None,
            sending_since=None,
            sending_by=None,
            sending_until=None,
            imap_saved_hash=None,
        )
    )


def load_profile(session: Session) -> Profile:
    """The profile with every application's "what it would have taught me"."""
    row = session.get(ProfileRow, _PROFILE_ID)
    learn = {
        p.application_id: p.learn
        for p in session.scalars(select(ApplicationPrefRow))
        if p.learn.strip()
    }
    if row is None:
        return Profile(learn=learn)
    return Profile(
        name=row.name,
        email=row.email,
        signature=row.signature,
        strengths=tuple(row.strengths or ()),
        tone=row.tone,
        learn=learn,
    )


def save_profile(session: Session, profile: Profile) -> None:
    """The profile's own fields; `learn` goes through `save_preferences`.

    The name and address are the From of every follow-up, so changing either
    is a new revision of every unsent draft: an approval given before no longer
    covers what would be sent."""
    row = session.get(ProfileRow, _PROFILE_ID)
    sender = (row.name, row.email) if row is not None else ("", "")
    if sender != (profile.name, profile.email):
        session.execute(
            update(FollowUpRow)
            .where(FollowUpRow.sent_at.is_(None), FollowUpRow.draft_body.is_not(None))
            .values(revision=FollowUpRow.revision + 1)
            .execution_options(synchronize_session="fetch")
        )
    session.merge(
        ProfileRow(
            id=_PROFILE_ID,
            name=profile.name,
            email=profile.email,
            signature=profile.signature,
            strengths=list(profile.strengths),
            tone=profile.tone,
        )
    )


def preferences(session: Session, app_id: int) -> Preferences:
    row = session.get(ApplicationPrefRow, app_id)
    if row is None:
        return Preferences()
    return Preferences(
        learn=row.learn,
        opted_out=row.opted_out,
        move=MoveKind(row.move) if row.move else None,
        alt_role=row.alt_role,
        checkin=row.checkin,
    )


def save_preferences(session: Session, app_id: int, prefs: Preferences) -> None:
    session.merge(
        ApplicationPrefRow(
            application_id=app_id,
            learn=prefs.learn,
            opted_out=prefs.opted_out,
            move=prefs.move.value if prefs.move else None,
            alt_role=prefs.alt_role,
            checkin=prefs.checkin,
        )
    )


def own_addresses(session: Session) -> frozenset[str]:
    """The user's own addresses: mail from them is never an employer's."""
    row = session.get(ProfileRow, _PROFILE_ID)
    email = row.email.strip().lower() if row is not None and row.email else ""
    return frozenset({email} if email else ())
