"""What happened after a follow-up: sent by hand, answered by the employer, or met silence.

Runs after every scan (and every plan), on what the store already holds:

- a reply the user wrote to the rejection themselves counts as the follow-up
  being sent (by hand, from their own mail client);
- an employer email that threads under a sent follow-up (In-Reply-To or
  References), or arrives on the same application after it was sent, is its
  reply: the outcome is read from it (`plan.outcome_from_reply`), with the
  reasons it gives when it gives feedback, and pending check-ins are
  cancelled (`plan.on_reply`);
- a sent follow-up with no reply after `PlanSettings.no_reply_days` is marked no_reply.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from gracefully.config import Settings
from gracefully.domain import Email, FollowUp, FollowUpStatus, Outcome, Reading, Reason
from gracefully.plan import PlanSettings, on_reply, outcome_from_reply
from gracefully.plan.timing import as_aware
from gracefully.service.identity import user_identity
from gracefully.service.planning import plan_settings
from gracefully.store import applications as app_store
from gracefully.store import followups as fu_store
from gracefully.store import mail as mail_store
from gracefully.store.db import Database

_UNSENT = frozenset({FollowUpStatus.PLANNED, FollowUpStatus.DRAFTED, FollowUpStatus.APPROVED})


def record_replies(db: Database, settings: Settings, now: datetime | None = None) -> list[FollowUp]:
    """The post-scan step: update every follow-up's outcome from the mail stored."""
    with db.transaction() as session:
        return update_outcomes(
            session,
            plan_settings(settings),
            now or datetime.now(UTC),
        )


def update_outcomes(session: Session, settings: PlanSettings, now: datetime) -> list[FollowUp]:
    """Apply sends-by-hand, replies and silences; returns the follow-ups changed."""
    user = user_identity(session).addresses
    changed: list[FollowUp] = []
    for followup in fu_store.all_followups(session):
        if followup.status in _UNSENT:
            sent = _sent_by_hand(session, followup, user)
            if sent is not None:
                fu_store.save(session, sent)
                changed.append(sent)
    by_app: dict[int, list[FollowUp]] = {}
    for followup in fu_store.all_followups(session):
        by_app.setdefault(followup.application_id, []).append(followup)
    for app_id, followups in by_app.items():
        changed.extend(_answered(session, app_id, followups, user, settings, now))
    for followup in fu_store.all_followups(session):
        if _silent(followup, now, settings.no_reply_days):
            quiet = replace(followup, outcome=Outcome.NO_REPLY, outcome_at=now)
            fu_store.save(session, quiet)
            changed.append(quiet)
    return changed


def _sent_by_hand(session: Session, followup: FollowUp, user: frozenset[str]) -> FollowUp | None:
    stored = mail_store.get(session, followup.rejection_email_id or "")
    if not user or stored is None or not stored[0].message_id:
        return None
    mine = [
        email
        for email, _ in fu_store.replies_to(session, [stored[0].message_id])
        if _from(email, user) and email.message_id
    ]
    if not mine:
        return None
    return replace(
        followup,
        status=FollowUpStatus.SENT,
        sent_message_id=mine[0].message_id,
        sent_at=mine[0].date,
    )


def _answered(
    session: Session,
    app_id: int,
    followups: list[FollowUp],
    user: frozenset[str],
    settings: PlanSettings,
    now: datetime,
) -> list[FollowUp]:
    waiting = [
        f
        for f in followups
        if f.status is FollowUpStatus.SENT and f.outcome in (None, Outcome.NO_REPLY)
    ]
    changed = []
    for followup in waiting:
        reply = _reply(session, app_id, followup, user)
        if reply is None:
            continue
        email, reading = reply
        outcome = outcome_from_reply(reading) if reading else Outcome.REPLIED
        fresh = [replace(f, outcome=None) if f.id == followup.id else f for f in followups]
        when = email.date or now
        for updated in on_reply(fresh, outcome, replied_at=when, settings=settings):
            if updated.id == followup.id:
                updated = replace(
                    updated,
                    outcome_at=when,
                    reply_email_id=mail_store.storage_id(email.id),
                    feedback=_feedback(reading, outcome),
                )
            if updated != next(f for f in followups if f.id == updated.id):
                fu_store.save(session, updated)
                changed.append(updated)
        break  # `on_reply` settled the whole application; a later reply waits for next time
    return changed


def _feedback(reading: Reading | None, outcome: Outcome) -> tuple[Reason, ...]:
    if outcome is not Outcome.FEEDBACK_GIVEN or reading is None or reading.rejection is None:
        return ()
    return reading.rejection.reasons


def _reply(
    session: Session, app_id: int, followup: FollowUp, user: frozenset[str]
) -> tuple[Email, Reading | None] | None:
    """The employer's first answer to `followup`: threaded under it, else the next
    job email on the same application after it went out."""
    sent_id = followup.sent_message_id
    threaded = [
        pair
        for pair in fu_store.replies_to(session, [sent_id] if sent_id else [])
        if not _from(pair[0], user)
    ]
    if threaded:
        return threaded[0]
    ids = [link.email_id for link in app_store.links_for(session, app_id)]
    after = as_aware(followup.sent_at or datetime.max.replace(tzinfo=UTC))
    later = [
        (email, reading)
        for email, reading in mail_store.emails_with_readings(session, ids)
        if email.date
        and as_aware(email.date) > after
        and not _from(email, user)
        and (sent_id in email.references or reading.category.is_job)
    ]
    return later[0] if later else None


def _from(email: Email, user: frozenset[str]) -> bool:
    """Sent by the user, from any of their addresses."""
    return bool(email.sender and email.sender.email.lower() in user)


def _silent(followup: FollowUp, now: datetime, days: int) -> bool:
    return (
        followup.status is FollowUpStatus.SENT
        and followup.outcome is None
        and followup.sent_at is not None
        and as_aware(now) - as_aware(followup.sent_at) > timedelta(days=days)
    )
