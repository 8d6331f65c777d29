"""Deliver approved follow-ups: SMTP, the IMAP Drafts folder, .eml files and .ics reminders.

Sending happens once, and honestly. Before the server is contacted, the send
takes a lease on the follow-up, in its own transaction with a conditional
UPDATE: an owner (process, host, random token), a start and an expiry, and
the Message-ID it will use. A second `send` sees the lease: while it is live
it says a send is in progress and leaves it be; once the follow-up is sent it
is a no-op. A send that fails for certain gives the lease back (a retry
reuses the Message-ID). A send that may or may not have gone out (a
connection lost mid-send, an interrupt, a process that died) leaves the mark
and lets the lease run out: only then does `--retry` send again, and it says
so, because the first copy may have arrived.

Before anything goes out, the approval record is recomputed from exactly what
is about to be sent (see `followups.require_approved`).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
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
)
from gracefully.ingest import imap
from gracefully.service import accounts
from gracefully.service.followups import (
    PENDING,
    FollowUpError,
    fingerprint,
    in_doubt,
    in_progress,
    load_followup,
    refuse_robot,
    require_approved,
    sender_of,
)
from gracefully.service.identity import effective_profile
from gracefully.store import applications as app_store
from gracefully.store import followups as fu_store
from gracefully.store.db import Database
from gracefully.store.followups import SendState

SEND_LEASE = timedelta(minutes=10)
"""How long a send's claim holds. Far longer than an SMTP submission takes
(each step times out after 30 s), so a live lease means someone is sending."""


class SendInDoubt(FollowUpError):
    """An earlier send of this follow-up started and never reported back."""


class SendInProgress(FollowUpError):
    """Another send of this follow-up holds a live lease: wait for it."""


@dataclass(frozen=True)
class SendResult:
    followup: FollowUp
    receipt: DeliveryReceipt | None
    """None when it had been sent before and nothing was sent now."""
    retried: SendState | None = None
    """The send in doubt that this one repeated (`retry`), else None."""


def lease_owner() -> str:
    """Who holds a lease: this process, this host, and a token for this send."""
    return f"{os.getpid()}@{socket.gethostname()[:200]}#{secrets.token_hex(6)}"


def send(
    db: Database,
    followup_id: int,
    deliverer: Deliverer,
    sender: Address | None = None,
    *,
    key: bytes,
    now: datetime | None = None,
    retry: bool = False,
    lease: timedelta = SEND_LEASE,
) -> SendResult:
    """Send the approved draft once. `retry` re-sends a send in doubt, and only
    once its lease has run out; `key` checks the approval (see `approval_key`)."""
    now = now or datetime.now(UTC)
    owner = lease_owner()
    with db.transaction() as session:
        followup = load_followup(session, followup_id)
        if followup.status is FollowUpStatus.SENT:
            return SendResult(followup, None)
        sender = sender or sender_of(effective_profile(session))
        text = require_approved(followup, sender, key)
        refuse_robot(text)
        if not text.to_email:
            raise FollowUpError(
                f"follow-up {followup_id} has no address to send to; save it to your "
                "Drafts instead (`gracefully drafts --to-imap`) and add the recipient there"
            )
        state = fu_store.send_state(session, followup_id)
        retried = None
        if state.in_progress(now):
            refused = "; --retry waits too, as the message may be on its way" if retry else ""
            raise SendInProgress(f"{in_progress(followup_id, state)}{refused}")
        if state.in_doubt(now):
            if not retry:
                raise SendInDoubt(in_doubt(followup_id, state))
            retried = state
        message_id = state.message_id or _new_message_id(sender)
        message = deliver.build_message(text, sender, message_id=message_id, date=now)
        if retried is not None:
            claimed = fu_store.take_over_send(
                session, followup_id, retried, now, owner=owner, lease=lease
            )
        else:
            claimed = fu_store.claim_send(
                session, followup_id, message_id, now, owner=owner, lease=lease
            )
        if not claimed:
            raise SendInProgress(
                f"a send of follow-up {followup_id} was started by another process just now; "
                "wait for it"
            )
    try:
        receipt = deliverer.deliver(message)
    except DeliveryInDoubt as exc:
        _end_in_doubt(db, followup_id, owner, now)
        raise SendInDoubt(
            f"follow-up {followup_id} may or may not have gone out ({exc}); check your Sent "
            f"folder, then run `gracefully send {followup_id} --retry` if it did not"
        ) from exc
    except DeliveryError:
        with db.transaction() as session:
            fu_store.release_send(session, followup_id, owner)
        raise
    except BaseException:  # interrupted mid-send: nobody is sending now, but it may be out
        _end_in_doubt(db, followup_id, owner, now)
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
    return SendResult(sent, receipt, retried)


def _end_in_doubt(db: Database, followup_id: int, owner: str, started: datetime) -> None:
    """The lease ends (at the send's start, on the send's own clock); the mark stays."""
    with contextlib.suppress(Exception), db.transaction() as session:
        fu_store.end_lease_in_doubt(session, followup_id, owner, started)


def _new_message_id(sender: Address) -> str:
    return make_msgid(idstring="gracefully", domain=sender.email.rpartition("@")[2])


def save_to_imap_drafts(
    db: Database,
    deliverer: Deliverer,
    sender: Address | None = None,
    ids: list[int] | None = None,
    *,
    key: bytes,
    now: datetime | None = None,
) -> list[tuple[FollowUp, DeliveryReceipt | None]]:
    """Put approved drafts into the Drafts folder, each text at most once.

    Without `ids`, every approved, unsent follow-up goes. The receipt is None
    for a draft whose exact text was saved before. Each approval is checked
    with `key`, as for sending.
    """
    now = now or datetime.now(UTC)
    with db.transaction() as session:
        sender = sender or sender_of(effective_profile(session))
        chosen = (
            [load_followup(session, i) for i in ids]
            if ids
            else [f for f in fu_store.all_followups(session) if f.status is FollowUpStatus.APPROVED]
        )
        work = []
        for followup in chosen:
            text = (
                None
                if followup.status is FollowUpStatus.SENT
                else require_approved(followup, sender, key)
            )
            state = fu_store.send_state(session, followup.id)  # type: ignore[arg-type]
            work.append((followup, text, state))
    results: list[tuple[FollowUp, DeliveryReceipt | None]] = []
    for followup, text, state in work:
        if text is None or state.imap_saved_hash == (digest := fingerprint(text, sender)):
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
        sender = sender or sender_of(effective_profile(session))
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
