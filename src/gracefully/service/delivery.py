"""Deliver approved follow-ups: SMTP, the IMAP Drafts folder, .eml files and .ics reminders.

Sending is idempotent. The Message-ID is allocated and recorded, with a
"sending" mark, in its own transaction before the server is contacted, so a
second `send` finds the first: after success it is a no-op, after a certain
failure it retries with the same Message-ID, and after a crash or a lost
connection mid-send (it may or may not have gone out) it refuses unless told
to retry.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from email.utils import make_msgid
from pathlib import Path

from gracefully import deliver
from gracefully.config import Settings
from gracefully.credentials import get_secret
from gracefully.deliver import (
    Deliverer,
    DeliveryError,
    DeliveryInDoubt,
    DeliveryReceipt,
    ImapDraftsDeliverer,
    Reminder,
    SmtpDeliverer,
)
from gracefully.domain import (
    Address,
    Application,
    Event,
    EventKind,
    FollowUp,
    FollowUpStatus,
    Profile,
)
from gracefully.ingest import imap
from gracefully.service import accounts
from gracefully.service.followups import (
    PENDING,
    FollowUpError,
    load_followup,
    require_approved,
    text_hash,
)
from gracefully.store import applications as app_store
from gracefully.store import followups as fu_store
from gracefully.store.db import Database


class SendInDoubt(FollowUpError):
    """An earlier send of this follow-up started and never reported back."""


@dataclass(frozen=True)
class SendResult:
    followup: FollowUp
    receipt: DeliveryReceipt | None
    """None when it had been sent before and nothing was sent now."""


def sender_of(profile: Profile) -> Address:
    if not profile.email:
        raise FollowUpError(
            "your address is unknown; set it with `gracefully profile --email you@example.org`"
        )
    return Address(profile.name, profile.email)


def send(
    db: Database,
    followup_id: int,
    deliverer: Deliverer,
    sender: Address | None = None,
    *,
    now: datetime | None = None,
    retry: bool = False,
) -> SendResult:
    """Send the approved draft once. `retry` re-sends after a crash left it in doubt."""
    now = now or datetime.now(UTC)
    with db.transaction() as session:
        followup = load_followup(session, followup_id)
        if followup.status is FollowUpStatus.SENT:
            return SendResult(followup, None)
        text = require_approved(followup)
        if not text.to_email:
            raise FollowUpError(
                f"follow-up {followup_id} has no address to send to; save it to your "
                "Drafts instead (`gracefully drafts --to-imap`) and add the recipient there"
            )
        sender = sender or sender_of(fu_store.load_profile(session))
        state = fu_store.send_state(session, followup_id)
        if state.sending_since is not None and not retry:
            raise SendInDoubt(
                f"follow-up {followup_id} started sending at {state.sending_since:%Y-%m-%d %H:%M}"
                " and never finished; check your Sent folder, then run `gracefully send "
                f"{followup_id} --retry` if it did not go out"
            )
        message_id = state.message_id or _new_message_id(sender)
        message = deliver.build_message(text, sender, message_id=message_id, date=now)
        if retry:
            fu_store.release_send(session, followup_id)
        if not fu_store.claim_send(session, followup_id, message_id, now):
            raise SendInDoubt(f"follow-up {followup_id} is being sent by another process")
    try:
        receipt = deliverer.deliver(message)
    except DeliveryInDoubt as exc:
        raise SendInDoubt(
            f"follow-up {followup_id} may or may not have gone out ({exc}); check your Sent "
            f"folder, then run `gracefully send {followup_id} --retry` if it did not"
        ) from exc
    except DeliveryError:
        with db.transaction() as session:
            fu_store.release_send(session, followup_id)
        raise
    with db.transaction() as session:
        sent = replace(
            load_followup(session, followup_id),
            status=FollowUpStatus.SENT,
            sent_at=now,
            sent_message_id=receipt.message_id,
        )
        fu_store.save(session, sent)
        summary = f"follow-up sent ({sent.move.kind.value}) to {', '.join(receipt.recipients)}"
        app_store.add_events(
            session, [(sent.application_id, Event(EventKind.FOLLOW_UP, now, summary))]
        )
    return SendResult(sent, receipt)


def _new_message_id(sender: Address) -> str:
    return make_msgid(idstring="gracefully", domain=sender.email.rpartition("@")[2])


def save_to_imap_drafts(
    db: Database,
    deliverer: Deliverer,
    sender: Address | None = None,
    ids: list[int] | None = None,
    *,
    now: datetime | None = None,
) -> list[tuple[FollowUp, DeliveryReceipt | None]]:
    """Put approved drafts into the Drafts folder, each text at most once.

    Without `ids`, every approved, unsent follow-up goes. The receipt is None
    for a draft whose exact text was saved before.
    """
    now = now or datetime.now(UTC)
    with db.transaction() as session:
        profile = fu_store.load_profile(session)
        chosen = (
            [load_followup(session, i) for i in ids]
            if ids
            else [f for f in fu_store.all_followups(session) if f.status is FollowUpStatus.APPROVED]
        )
        work = []
        for followup in chosen:
            text = None if followup.status is FollowUpStatus.SENT else require_approved(followup)
            state = fu_store.send_state(session, followup.id)  # type: ignore[arg-type]
            work.append((followup, text, state))
    sender = sender or sender_of(profile)
    results: list[tuple[FollowUp, DeliveryReceipt | None]] = []
    for followup, text, state in work:
        if text is None or state.imap_saved_hash == (digest := text_hash(text)):
            results.append((followup, None))
            continue
        message_id = state.message_id or _new_message_id(sender)
        receipt = deliverer.deliver(
            deliver.build_message(text, sender, message_id=message_id, date=now)
        )
        with db.transaction() as session:
            fu_store.mark_imap_saved(session, followup.id, digest, receipt.message_id)  # type: ignore[arg-type]
        results.append((followup, receipt))
    return results


def export_eml(
    db: Database,
    followup_id: int,
    path: str | os.PathLike[str],
    sender: Address | None = None,
    *,
    now: datetime | None = None,
) -> Path:
    """The draft as an .eml file to open in any mail client (no approval needed:
    nothing leaves this machine)."""
    with db.transaction() as session:
        followup = load_followup(session, followup_id)
        if followup.draft is None:
            raise FollowUpError(f"follow-up {followup_id} has no draft; run gracefully draft")
        sender = sender or sender_of(fu_store.load_profile(session))
        state = fu_store.send_state(session, followup_id)
    message = deliver.build_message(
        followup.draft,
        sender,
        message_id=state.message_id or _new_message_id(sender),
        date=now or datetime.now(UTC),
    )
    return deliver.export_eml(message, path)


def _where(app: Application | None) -> str:
    if app is None:
        return "the employer"
    return f"{app.company} ({app.role})" if app.role else app.company


def reminders(db: Database) -> list[Reminder]:
    """One reminder per pending follow-up's due date and per planned check-in."""
    found = []
    with db.transaction() as session:
        for followup in fu_store.all_followups(session):
            where = _where(app_store.get(session, followup.application_id))
            move = followup.move
            if followup.status in PENDING and move.due_at:
                found.append(
                    Reminder(
                        uid=f"followup-{followup.id}@gracefully",
                        due_at=move.due_at,
                        summary=f"Follow up with {where}: {move.kind.value.replace('_', ' ')}",
                        description=f"{move.why}\n\ngracefully draft {followup.id}",
                        alarm_before=timedelta(hours=1),
                    )
                )
            if move.checkin_at and followup.status is not FollowUpStatus.CANCELLED:
                found.append(
                    Reminder(
                        uid=f"checkin-{followup.id}@gracefully",
                        due_at=move.checkin_at,
                        summary=f"Check in with {where}",
                        description="A short, friendly check-in after your earlier follow-up.",
                        alarm_before=timedelta(hours=1),
                    )
                )
    return found


def reminders_ics(db: Database, path: str | os.PathLike[str]) -> int:
    """Write the reminders as an .ics calendar; returns how many events it holds."""
    items = reminders(db)
    deliver.export_ics(items, path)
    return len(items)


SMTP_PASSWORD_ENV = "GRACEFULLY_SMTP_PASSWORD"
IMAP_PASSWORD_ENV = accounts.URL_PASSWORD_ENV


def _secret(settings: Settings, name: str, env_var: str) -> str:
    secret = get_secret(name, env_var=env_var, config_dir=settings.config_dir, environ=settings.env)
    if not secret:
        raise FollowUpError(
            f"no password for {name}: set ${env_var}, or store it in the keyring "
            f"(service 'gracefully', name {name!r})"
        )
    return secret


def smtp_deliverer(
    settings: Settings, host: str, port: int, user: str | None, security: str
) -> SmtpDeliverer:
    """An SMTP submission endpoint; the password comes from the environment,
    the keyring or the 0600 secrets file, and goes nowhere else."""
    password = _secret(settings, f"smtp:{user}@{host}", SMTP_PASSWORD_ENV) if user else None
    return SmtpDeliverer(host, port, user, password, security)


def imap_drafts_deliverer(
    db: Database,
    settings: Settings,
    target: str,
    *,
    port: int,
    user: str | None,
    security: str,
) -> ImapDraftsDeliverer:
    """Drafts of a configured account (`gracefully account add`), else of the host named."""
    try:
        account = accounts.get_account(db, target)
    except accounts.AccountError:
        account = None
    if account is not None:
        context = imap.tls_context(account) if account.ca_file else None
        return ImapDraftsDeliverer(
            account.host,
            account.port,
            account.username,
            accounts.password(account, settings),
            account.security.value,
            context,
        )
    if not user:
        raise FollowUpError(f"{target!r} is not an account; give --imap-user for that host")
    password = _secret(settings, f"imap:{user}@{target}", IMAP_PASSWORD_ENV)
    return ImapDraftsDeliverer(target, port, user, password, security)
