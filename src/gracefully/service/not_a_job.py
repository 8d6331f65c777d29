"""Mail that is not about a job: a landlord's no, a scholarship decision, a lost cat.

The user can say so of any email or any application, however sure the reader was.
Saying it of an email:

- stores a correction (category `other`): a re-scan reads the email as other, so
  it never starts an application again, and `gracefully retrain` learns from it;
- takes the email out of its application: its link names none, its events go,
  and the application's stage and status follow from what is left;
- cancels its follow-ups not sent yet (a landlord gets no note asking for feedback);
- hides an application left with no email from every list. It is flagged, not
  deleted; one the user entered or renamed by hand stays listed, email or not.

Saying it of an application says it of every email linked to it, and hides it.
Each is one change in the change log: one `gracefully undo` puts back exactly
what was there (the same application number, links, events and readings).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from gracefully import track
from gracefully.config import Settings
from gracefully.domain import Category, Email, FollowUpStatus, Link, LinkSignal, Reading
from gracefully.service import manage
from gracefully.store import applications as app_store
from gracefully.store import mail as mail_store
from gracefully.store import tracking as track_store
from gracefully.store.db import Database
from gracefully.understand import apply_corrections

WHY = "not a job email, said you"
"""The evidence on the link of an email marked not a job."""
_UNSENT = (FollowUpStatus.PLANNED, FollowUpStatus.DRAFTED, FollowUpStatus.APPROVED)
_KEEPS_LINK = frozenset({LinkSignal.THREAD, LinkSignal.MANUAL})
"""Links a scan (or the user) makes whatever the category: a reply in a thread."""


class NotAJobError(manage.ManageError):
    """Nothing to mark: no such email or application; the message says which."""


class AlreadyNotAJob(NotAJobError):
    """It is marked not a job already."""


@dataclass(frozen=True)
class NotAJob:
    """What one marking did."""

    emails: tuple[str, ...]
    hidden: tuple[int, ...]
    """Applications now hidden: no email was left, or the user named them."""
    kept: tuple[int, ...]
    """Applications that lost an email and are still listed."""

    def summary(self) -> str:
        """E.g. "marked 2 emails not a job; application #3 hidden"."""
        said = f"marked {_count(len(self.emails), 'email')} not a job"
        if self.hidden:
            said += f"; {_plural(len(self.hidden), 'application')} {_numbers(self.hidden)} hidden"
        if self.kept:
            said += f"; {_plural(len(self.kept), 'application')} {_numbers(self.kept)} still listed"
        return said


def not_a_job_email(
    db: Database, email_id: str, *, settings: Settings | None = None, now: datetime | None = None
) -> NotAJob:
    """Mark one email not a job (see the module docstring); `gracefully undo` reverses it."""
    with db.transaction() as session:
        email_id, stored = _find(session, email_id)
        if _already(session, email_id, stored[1]):
            raise AlreadyNotAJob(f"email {email_id!r} is already marked not a job")
        return mark(session, [email_id], now=now, settings=settings, what=f"email {email_id}")


def not_a_job_application(
    db: Database, app_id: int, *, settings: Settings | None = None, now: datetime | None = None
) -> NotAJob:
    """Mark an application and every email linked to it not a job; undo reverses it."""
    with db.transaction() as session:
        app = app_store.get(session, app_id)
        if app is None or app_id in track_store.merged_ids(session):
            raise NotAJobError(f"no application {app_id}; `gracefully applications` lists them")
        if app_id in app_store.not_a_job_ids(session):
            raise AlreadyNotAJob(f"application #{app_id} is already marked not a job")
        emails = [link.email_id for link in app_store.links_for(session, app_id)]
        what = f"#{app_id} ({app.company})"
        return mark(session, emails, hide={app_id}, now=now, settings=settings, what=what)


def mark(
    session: Session,
    email_ids: Iterable[str],
    *,
    category: Category = Category.OTHER,
    hide: Iterable[int] = (),
    settings: Settings | None = None,
    now: datetime | None = None,
    what: str = "",
) -> NotAJob:
    """The marking itself, in the caller's transaction, logged as one change.

    `category` is what the emails are instead (`other`, or another category that
    is no job mail, as a review answer may say)."""
    ids = [mail_store.storage_id(e) for e in email_ids]
    saved = [track_store.email_rows(session, e) for e in ids]
    hide = set(hide)
    touched = hide | {a for s in saved for a in _applications(s)}
    before = [track_store.snapshot(session, a) for a in sorted(touched)]
    for rows in saved:
        _unlink(session, rows, category)
    hidden, kept = [], []
    days = settings.silence_days if settings else track.SILENCE_DAYS
    for app_id in sorted(touched):
        if app_id in hide or _emptied(session, app_id):
            track_store.set_fields(session, app_id, {"not_a_job": True})
            hidden.append(app_id)
        else:
            manage.refresh_timeline(session, app_id, now or datetime.now(UTC), days)
            kept.append(app_id)
    done = NotAJob(tuple(ids), tuple(hidden), tuple(kept))
    inverse = {"apps": before, "emails": saved}
    track_store.log_change(session, "not_a_job", f"not a job: {what}", inverse)
    return done


def keeps_link(link: Link | None) -> bool:
    """Whether a correction to a category that is no job mail leaves the email where it
    is: a reply in a thread, or a link the user made, belongs to its application anyway."""
    return link is None or link.application_id is None or link.signal in _KEEPS_LINK


def _unlink(session: Session, saved: dict[str, Any], category: Category) -> None:
    """The correction, a link to no application, no events, no follow-up left to send."""
    email_id = saved["email_id"]
    stored = mail_store.get(session, email_id)
    if stored is None:
        raise NotAJobError(f"no stored email {email_id!r}")
    mail_store.add_correction(session, email_id, "category", category.value)
    session.flush()
    if stored[1] is not None:
        mine = mail_store.corrections(session).get(email_id, {})
        mail_store.save_reading(session, apply_corrections(stored[1], mine))
    app_store.add_link(session, Link(email_id, None, LinkSignal.MANUAL, 1.0, WHY))
    track_store.delete_email_events(session, email_id)
    unsent = [i for i, status in saved["followups"] if status in _UNSENT]
    track_store.set_followup_statuses(session, unsent, FollowUpStatus.CANCELLED.value)


def _applications(saved: dict[str, Any]) -> set[int]:
    """The applications an email is part of: its applied link's, and its events'."""
    found = {e["application_id"] for e in saved["events"]}
    link = saved["link"]
    if link is not None and link["application_id"] is not None and not link["needs_review"]:
        found.add(link["application_id"])
    return found


def _emptied(session: Session, app_id: int) -> bool:
    """No email left, and not an application the user entered or renamed by hand."""
    if app_store.links_for(session, app_id):
        return False
    return "company" not in track_store.snapshot(session, app_id)["manual"]


def _find(session: Session, email_id: str) -> tuple[str, tuple[Email, Reading | None]]:
    """The stored email, by its id as shown, or by a Message-ID typed without its <>."""
    wanted = email_id.strip()
    for candidate in dict.fromkeys([wanted, f"<{wanted.strip('<>')}>"]):
        stored = mail_store.get(session, candidate)
        if stored is not None:
            return stored[0].id, stored
    raise NotAJobError(
        f"no stored email {email_id!r}; `gracefully show ID` lists an application's emails"
    )


def _already(session: Session, email_id: str, reading: Reading | None) -> bool:
    """Corrected to other already, and in no application."""
    if reading is None or not reading.corrected or reading.category is not Category.OTHER:
        return False
    link = track_store.link_of(session, email_id)
    return link is None or link.application_id is None


def _numbers(ids: tuple[int, ...]) -> str:
    return ", ".join(f"#{i}" for i in ids)


def _plural(n: int, word: str) -> str:
    return word if n == 1 else f"{word}s"


def _count(n: int, word: str) -> str:
    return f"{n} {_plural(n, word)}"
