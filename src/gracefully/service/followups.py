"""Plan, draft, edit and approve follow-ups: the playbook and the writer against the store.

Re-planning is safe at any time: a follow-up that was approved, sent or
cancelled by the employer's reply is never rewritten, and a draft survives
as long as the move it was written for stays the same.

An approval is bound to what the person read: it names the draft's
`revision` (refused if the draft changed since), and it is recorded as an
HMAC over everything that would be sent, keyed with a secret outside the
database (`approval_key`), so that nobody who can only write the database
can approve a text, and any change after approval (text, recipient, From,
threading) needs a new one.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from gracefully import deliver, track
from gracefully.config import Settings
from gracefully.credentials import InsecureSecretsFile
from gracefully.credentials import approval_key as _key_in
from gracefully.domain import (
    Address,
    Application,
    Category,
    Contact,
    Draft,
    Email,
    FollowUp,
    FollowUpStatus,
    Move,
    MoveKind,
    Profile,
    Reading,
    Severity,
)
from gracefully.knowledge import robot_reason
from gracefully.plan import PlanSettings, choose_move
from gracefully.service.identity import effective_profile, user_identity
from gracefully.service.replies import update_outcomes
from gracefully.store import applications as app_store
from gracefully.store import followups as fu_store
from gracefully.store import mail as mail_store
from gracefully.store.db import Database
from gracefully.write import LlmConfig, NotDraftable, check, compose, grace_context, rewrite

FROZEN = frozenset({FollowUpStatus.APPROVED, FollowUpStatus.SENT, FollowUpStatus.CANCELLED})
"""Statuses a re-plan leaves alone: the user or the employer has acted."""
PENDING = frozenset({FollowUpStatus.PLANNED, FollowUpStatus.DRAFTED, FollowUpStatus.APPROVED})


class FollowUpError(Exception):
    """The follow-up cannot do what was asked; the message says what to do instead."""


class NotApproved(FollowUpError):
    """Sending needs an approval of exactly what would be sent now."""


class StaleRevision(FollowUpError):
    """The draft changed since the person read it (or they did not say which
    revision they read): nothing was approved. `current` is the draft now."""

    def __init__(self, message: str, current: FollowUp) -> None:
        super().__init__(message)
        self.current = current


MAX_ID = fu_store.MAX_ID
"""Ids beyond this cannot exist; the web answers them as unknown, not as an error."""
_RECORD_VERSION = "gracefully-approval-1"


@dataclass(frozen=True)
class PlanItem:
    followup: FollowUp
    application: Application
    contact: Contact | None
    rejection_subject: str
    received_at: datetime | None

    @property
    def needs_review(self) -> bool:
        return self.followup.move.rule == "needs_review"


@dataclass(frozen=True)
class Plan:
    items: list[PlanItem]
    now: datetime
    sender: Address | None = None
    """The From every draft goes out under (None until the profile has an address)."""

    def due(self) -> list[PlanItem]:
        return [i for i in self._open() if i.followup.move.due_at <= self.now]  # type: ignore[operator]

    def upcoming(self) -> list[PlanItem]:
        return [i for i in self._open() if i.followup.move.due_at > self.now]  # type: ignore[operator]

    def without_move(self) -> list[PlanItem]:
        return [i for i in self.items if i.followup.move.kind is MoveKind.NONE]

    def done(self) -> list[PlanItem]:
        closed = (FollowUpStatus.SENT, FollowUpStatus.CANCELLED)
        return [i for i in self.items if i.followup.status in closed]

    def _open(self) -> list[PlanItem]:
        items = [
            i
            for i in self.items
            if i.followup.status in PENDING and i.followup.move.due_at is not None
        ]
        return sorted(items, key=lambda i: i.followup.move.due_at)  # type: ignore[arg-type,return-value]


@dataclass(frozen=True)
class _Context:
    """Everything the writer needs for one follow-up."""

    application: Application
    email: Email
    reading: Reading
    contact: Contact | None
    profile: Profile


@dataclass(frozen=True)
class Outgoing:
    """A follow-up as it would go out: its draft, under the From of the profile."""

    followup: FollowUp
    sender: Address

    @property
    def draft(self) -> Draft:
        assert self.followup.draft is not None
        return self.followup.draft

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.draft, self.sender)

    def preview(self) -> tuple[list[tuple[str, str]], str]:
        """The headers a person approves (From, To, Subject, threading) and the
        body, exactly as the message would carry them."""
        message = deliver.build_message(self.draft, self.sender, message_id="<preview@gracefully>")
        names = ("From", "To", "Subject", "In-Reply-To", "References")
        return [(n, str(message[n])) for n in names if message[n]], message.get_content()


def sender_of(profile: Profile) -> Address:
    if not profile.email:
        raise FollowUpError(
            "your address is unknown; set it with `gracefully profile --email you@example.org`"
        )
    return Address(profile.name, profile.email)


def _sent_fields(draft: Draft, sender: Address) -> list[object]:
    """Everything of a draft that reaches the message (see deliver.build_message)."""
    return [
        sender.name,
        sender.email,
        draft.to_name,
        draft.to_email or "",
        draft.subject,
        draft.in_reply_to or "",
        list(draft.references),
        draft.body,
    ]


def fingerprint(draft: Draft, sender: Address) -> str:
    """What would be sent, hashed (not keyed): tells whether the text a person
    read and the text now are the same. It proves nothing about who approved."""
    return hashlib.sha256(json.dumps(_sent_fields(draft, sender)).encode()).hexdigest()


def approval_record(
    key: bytes, followup_id: int, revision: int, draft: Draft, sender: Address
) -> str:
    """The approval: HMAC-SHA256 over what would be sent and its revision,
    keyed with the secret outside the database."""
    payload = json.dumps([_RECORD_VERSION, followup_id, revision, *_sent_fields(draft, sender)])
    return hmac.new(key, payload.encode(), hashlib.sha256).hexdigest()


def approval_key(settings: Settings) -> bytes:
    """The approval key from the config folder (made on first use)."""
    try:
        return _key_in(settings.config_dir)
    except (InsecureSecretsFile, ValueError) as exc:
        raise FollowUpError(str(exc)) from exc


def plan_followups(db: Database, settings: PlanSettings, now: datetime) -> Plan:
    """Choose (or refresh) the move for every application's latest rejection."""
    items = []
    with db.transaction() as session:
        profile = effective_profile(session)
        sender = Address(profile.name, profile.email) if profile.email else None
        user = user_identity(session).addresses
        for listed in app_store.list_all(session):
            item = _plan_one(session, listed.id, profile, user, settings, now)  # type: ignore[arg-type]
            if item is not None:
                items.append(item)
        update_outcomes(session, settings, now)
        items = [replace(i, followup=load_followup(session, i.followup.id)) for i in items]  # type: ignore[arg-type]
    return Plan(items, now, sender)


def _plan_one(
    session: Session,
    app_id: int,
    profile: Profile,
    user: frozenset[str],
    settings: PlanSettings,
    now: datetime,
) -> PlanItem | None:
    app = app_store.get(session, app_id)
    existing = fu_store.for_application(session, app_id)
    answered = {f.sent_message_id for f in existing if f.sent_message_id}
    found = latest_rejection(session, app_id, answered, user)
    if app is None or found is None:
        return None
    email, reading = found
    prefs = fu_store.preferences(session, app_id)
    contact = contact_for(app, email)
    key = mail_store.storage_id(email.id)
    current = next((f for f in existing if f.rejection_email_id == key), None)
    if current is None or current.status not in FROZEN - {FollowUpStatus.APPROVED}:
        move = choose_move(
            app,
            as_planned(reading, app, prefs),
            profile=profile,
            history=fu_store.for_company(session, app_id),
            now=now,
            settings=settings,
            user_choice=prefs.move,
            opted_out=prefs.opted_out,
            contact=contact,
            checkin=prefs.checkin,
        )
        if _replaceable(current, move):
            current = _refreshed(current, move, app_id, key)
            fu_store.save(session, current)
    for stale in existing:
        if stale.id != current.id and stale.status in PENDING:
            fu_store.save(session, replace(stale, status=FollowUpStatus.CANCELLED))
    return PlanItem(current, app, contact, email.subject, email.date)


def _replaceable(current: FollowUp | None, move: Move) -> bool:
    """An approval stands through re-plans, unless the user has since said no
    follow-up (an opt-out must not leave an approved draft ready to send)."""
    approved = current is not None and current.status is FollowUpStatus.APPROVED
    return not approved or move.kind is MoveKind.NONE


def _refreshed(current: FollowUp | None, move: Move, app_id: int, email_id: str) -> FollowUp:
    """The follow-up for `move`, keeping the draft and first due date while the
    move itself is unchanged (so a due follow-up stays due, not postponed)."""
    idle = FollowUpStatus.SKIPPED if move.kind is MoveKind.NONE else FollowUpStatus.PLANNED
    if current is None:
        return FollowUp(app_id, move, status=idle, rejection_email_id=email_id)
    same = (current.move.kind, current.move.needs) == (move.kind, move.needs)
    if not same:
        return replace(current, move=move, status=idle, draft=None, approved_hash=None)
    due = current.move.due_at or move.due_at
    status = current.status if current.status is not FollowUpStatus.SKIPPED else idle
    return replace(current, move=replace(move, due_at=due), status=status)


def latest_rejection(
    session: Session, app_id: int, sent: set[str], user: frozenset[str]
) -> tuple[Email, Reading] | None:
    """The application's latest rejection that is not a reply to the user's own
    follow-up (that one is an outcome, not a new rejection). A follow-up is one
    the app sent (`sent`) or the user's own email replying to a rejection; the
    user's application email is not one, so a rejection under it still counts."""
    ids = [link.email_id for link in app_store.links_for(session, app_id)]
    rejections = [
        (email, reading)
        for email, reading in mail_store.emails_with_readings(session, ids)
        if reading.category is Category.REJECTION and not written_by(email, user)
    ]
    answered = sent | _own_followups(session, [e for e, _ in rejections], user)
    rejections = [(e, r) for e, r in rejections if not answers(e, answered)]
    return max(rejections, key=lambda p: (p[0].date is not None, p[0].date), default=None)


def _own_followups(session: Session, rejections: list[Email], user: frozenset[str]) -> set[str]:
    """Message-IDs of the user's own replies to these rejections (sent by hand)."""
    threaded = [e.message_id for e in rejections if e.message_id]
    if not user or not threaded:
        return set()
    return {
        email.message_id
        for email, _ in fu_store.replies_to(session, threaded)
        if email.message_id and written_by(email, user)
    }


def written_by(email: Email, user: frozenset[str]) -> bool:
    """Sent from one of the user's addresses."""
    return bool(email.sender and email.sender.email.lower() in user)


def answers(email: Email, message_ids: set[str]) -> bool:
    """True when `email` replies to (or quotes the thread of) one of `message_ids`."""
    return bool(message_ids) and bool({email.in_reply_to, *email.references} & message_ids)


def contact_for(app: Application, email: Email) -> Contact | None:
    """The human who wrote the rejection, else the best human in the thread."""
    sender = email.sender.email.lower() if email.sender else ""
    wrote = [c for c in app.contacts if c.email and c.email.lower() == sender]
    return track.best_contact(wrote) or track.best_contact(app.contacts)


def as_planned(reading: Reading, app: Application, prefs: fu_store.Preferences) -> Reading:
    """The reading as the plan and the draft use it: the company is the
    application's (the tracker's identity, built from the whole thread, not
    one email's guess), and the other role is the user's when they named one."""
    reading = replace(reading, company=app.company)
    if not prefs.alt_role or reading.rejection is None:
        return reading
    rejection = replace(reading.rejection, alt_role=True, alt_role_text=prefs.alt_role)
    return replace(reading, rejection=rejection)


def get_followup(db: Database, followup_id: int) -> FollowUp:
    with db.transaction() as session:
        return load_followup(session, followup_id)


def load_followup(session: Session, followup_id: int) -> FollowUp:
    followup = fu_store.get(session, followup_id)
    if followup is None:
        raise FollowUpError(f"no follow-up {followup_id}; `gracefully plan` lists them")
    return followup


def _context(session: Session, followup: FollowUp) -> _Context:
    app = app_store.get(session, followup.application_id)
    stored = mail_store.get(session, followup.rejection_email_id or "")
    if app is None or stored is None or stored[1] is None:
        raise FollowUpError(f"follow-up {followup.id} lost its application or rejection email")
    email, reading = stored
    prefs = fu_store.preferences(session, followup.application_id)
    profile = effective_profile(session)
    return _Context(app, email, as_planned(reading, app, prefs), contact_for(app, email), profile)


def llm_config(settings: Settings) -> LlmConfig:
    """The LLM the user configured, or an error saying how to configure one."""
    if not (settings.llm_base_url and settings.llm_model):
        raise FollowUpError(
            "no LLM is configured: set GRACEFULLY_LLM_BASE_URL and GRACEFULLY_LLM_MODEL "
            "(and GRACEFULLY_LLM_API_KEY if the endpoint needs one)"
        )
    return LlmConfig(settings.llm_base_url, settings.llm_model, settings.llm_api_key)


def draft(
    db: Database,
    followup_id: int,
    *,
    regenerate: bool = False,
    variant: int | None = None,
    llm: LlmConfig | None = None,
    llm_client: Any = None,
) -> FollowUp:
    """The follow-up with its draft, written now if it has none (or on request).

    `variant` counts from 1; without it a regenerate keeps the wording chosen
    before. An LLM rewrite (when `llm` is given) only replaces the template
    text if it passes the grace check.
    """
    with db.transaction() as session:
        followup = load_followup(session, followup_id)
        if followup.draft is not None and not regenerate and variant is None:
            return followup
        _ensure_editable(session, followup)
        ctx = _context(session, followup)
        chosen = variant - 1 if variant is not None else _kept_variant(followup.draft)
        try:
            text = compose(
                followup.move,
                application=ctx.application,
                reading=ctx.reading,
                contact=ctx.contact,
                profile=ctx.profile,
                rejection_email=ctx.email,
                variant=chosen,
            )
        except NotDraftable as exc:
            raise FollowUpError(f"follow-up {followup_id} cannot be drafted: {exc}") from exc
        if llm is not None:
            context = grace_context(ctx.application, ctx.reading, ctx.contact, ctx.profile)
            text = rewrite(text, context, llm, llm_client, tone=ctx.profile.tone)
        return _store_draft(session, followup, text)


def _kept_variant(current: Draft | None) -> int | None:
    number = current.template.rpartition("/")[2].split(".")[0] if current else ""
    return int(number) - 1 if number.isdigit() else None


def _ensure_unsent(followup: FollowUp) -> None:
    if followup.status in (FollowUpStatus.SENT, FollowUpStatus.CANCELLED):
        raise FollowUpError(f"follow-up {followup.id} is {followup.status.value}; it is closed")


def _ensure_editable(session: Session, followup: FollowUp) -> None:
    """A new text would wipe the send lease or the "send in doubt" mark, and
    with it the guard against sending twice: settle the earlier send first."""
    _ensure_unsent(followup)
    state = fu_store.send_state(session, followup.id)  # type: ignore[arg-type]
    now = datetime.now(UTC)
    if state.in_progress(now):
        raise FollowUpError(f"{in_progress(followup.id, state)}, before changing the draft")  # type: ignore[arg-type]
    if state.in_doubt(now):
        raise FollowUpError(f"{in_doubt(followup.id, state)}, before changing the draft")  # type: ignore[arg-type]


def who(owner: str | None) -> str:
    """A send lease's owner ("pid@host#token") as words."""
    pid, _, rest = (owner or "").partition("@")
    host = rest.partition("#")[0]
    return f"process {pid} on {host}" if pid and host else "an earlier version of gracefully"


def in_progress(followup_id: int, state: fu_store.SendState) -> str:
    return (
        f"a send of follow-up {followup_id} is in progress (started at "
        f"{state.sending_since:%Y-%m-%d %H:%M:%S %Z}, by {who(state.sending_by)}); wait for it"
    )


def in_doubt(followup_id: int, state: fu_store.SendState) -> str:
    return (
        f"follow-up {followup_id} started sending at {state.sending_since:%Y-%m-%d %H:%M:%S %Z} "
        f"(by {who(state.sending_by)}) and never finished; check your Sent folder, then run "
        f"`gracefully send {followup_id} --retry` if it did not go out"
    )


def _store_draft(session: Session, followup: FollowUp, text: Draft) -> FollowUp:
    """A new text voids the approval, the allocated Message-ID and any Drafts copy."""
    updated = replace(
        followup,
        draft=text,
        status=FollowUpStatus.DRAFTED,
        approved_hash=None,
        sent_message_id=None,
    )
    fu_store.save(session, updated)
    fu_store.reset_delivery(session, updated.id)  # type: ignore[arg-type]
    return updated


def edit_draft(
    db: Database, followup_id: int, body: str, *, subject: str | None = None
) -> FollowUp:
    """Replace the draft's text with the user's own; it is checked like any draft
    and must be approved again."""
    with db.transaction() as session:
        followup = load_followup(session, followup_id)
        _ensure_editable(session, followup)
        if followup.draft is None:
            raise FollowUpError(f"follow-up {followup_id} has no draft yet; run gracefully draft")
        ctx = _context(session, followup)
        context = grace_context(ctx.application, ctx.reading, ctx.contact, ctx.profile)
        body = body if body.endswith("\n") else body + "\n"
        edited = replace(
            followup.draft,
            body=body,
            subject=subject if subject is not None else followup.draft.subject,
            findings=tuple(check(body, context)),
            template=f"edited from {followup.draft.template}",
            note="Edited by you.",
        )
        return _store_draft(session, followup, edited)


def to_approve(db: Database, followup_id: int) -> Outgoing:
    """The draft as it would go out, From included: what a person reads before
    approving it."""
    with db.transaction() as session:
        followup = load_followup(session, followup_id)
        if followup.draft is None:
            raise FollowUpError(f"follow-up {followup_id} has no draft to approve")
        return Outgoing(followup, sender_of(effective_profile(session)))


def approve(
    db: Database,
    followup_id: int,
    *,
    revision: int | None,
    key: bytes,
    seen: str | None = None,
) -> FollowUp:
    """Approve the draft as the person read it: `revision` is the revision they
    read (None, or any other than the current one, is refused with
    `StaleRevision`), and `seen`, when given, the `fingerprint` of the text they
    read. The record is `approval_record` under `key`."""
    with db.transaction() as session:
        followup = load_followup(session, followup_id)
        _ensure_unsent(followup)
        if followup.draft is None:
            raise FollowUpError(f"follow-up {followup_id} has no draft to approve")
        if revision != followup.revision:
            raise StaleRevision(_stale(followup, _read(revision)), followup)
        _ensure_sendable(followup.draft, fu_store.load_profile(session))
        sender = sender_of(effective_profile(session))
        if seen is not None and not hmac.compare_digest(
            seen.encode(), fingerprint(followup.draft, sender).encode()
        ):
            raise StaleRevision(_stale(followup, "the text you read is not the text now"), followup)
        if followup.draft.blocked:
            codes = ", ".join(
                f.code for f in followup.draft.findings if f.severity is Severity.BLOCK
            )
            raise FollowUpError(
                f"the draft has blocking findings ({codes}); edit it with "
                f"`gracefully draft {followup_id} --edit` first"
            )
        record = approval_record(key, followup_id, revision, followup.draft, sender)
        if not fu_store.mark_approved(session, followup_id, revision, record):
            current = load_followup(session, followup_id)
            raise StaleRevision(_stale(current, _read(revision)), current)
        return load_followup(session, followup_id)


def _ensure_sendable(draft: Draft, profile: Profile) -> None:
    """What approval refuses whatever the text: a robot recipient, and a note the
    user has not put their own name to."""
    refuse_robot(draft)
    if not profile.name.strip():
        raise FollowUpError(
            "your name is not set, so nothing can be approved in it: set it with "
            '`gracefully profile --name "Your Name"` (or on the profile page), then draft again'
        )


def refuse_robot(draft: Draft) -> None:
    """No note ever goes to an address nobody reads."""
    why = robot_reason(draft.to_email) if draft.to_email else None
    if why:
        raise FollowUpError(
            f"{draft.to_email} is not a person ({why}): nobody would read the note. Find a "
            "person to write to (a recruiter or the hiring manager) and send it to them yourself"
        )


def _stale(current: FollowUp, read: str) -> str:
    return (
        f"follow-up {current.id} changed since you read it ({read}; it is now revision "
        f"{current.revision}): nothing was approved; read it again and approve what it says now"
    )


def _read(revision: int | None) -> str:
    if revision is None:
        return "you did not say which revision you read"
    return f"you read revision {revision}"


def require_approved(followup: FollowUp, sender: Address, key: bytes) -> Draft:
    """The draft, if the approval record matches what would be sent now, from
    `sender`; else `NotApproved`."""
    text = followup.draft
    if followup.status is not FollowUpStatus.APPROVED:
        raise NotApproved(
            f"follow-up {followup.id} is {followup.status.value}, not approved; only an "
            f"approved draft goes out (`gracefully approve {followup.id}`)"
        )
    if text is None or followup.approved_hash is None:
        raise NotApproved(
            f"follow-up {followup.id} is not approved; review it with "
            f"`gracefully draft {followup.id}` and run `gracefully approve {followup.id}`"
        )
    expected = approval_record(key, followup.id, followup.revision, text, sender)  # type: ignore[arg-type]
    if not hmac.compare_digest(followup.approved_hash.encode(), expected.encode()):
        raise NotApproved(
            f"follow-up {followup.id} changed since approval (its text, subject, recipient, "
            f"From or threading); approve again with `gracefully approve {followup.id}` "
            "after reading it"
        )
    return text
