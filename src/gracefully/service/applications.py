"""Use cases for looking at applications: the list and one application's story."""

from __future__ import annotations

from dataclasses import dataclass

from gracefully import track
from gracefully.domain import Application, Email, Link, Reading
from gracefully.store import applications as app_store
from gracefully.store import mail as mail_store
from gracefully.store.db import Database


@dataclass(frozen=True)
class TimelineEntry:
    email: Email
    reading: Reading | None
    link: Link


@dataclass(frozen=True)
class ApplicationDetail:
    application: Application
    timeline: list[TimelineEntry]
    not_a_job: bool = False
    """The user said it is not a job: no list shows it, and `gracefully undo` brings it back."""


class NotFound(LookupError):
    """No such record; the message names what was asked for."""


def list_applications(db: Database) -> list[Application]:
    """Every application, newest activity first; merged ones and those not a job are not."""
    with db.transaction() as session:
        return app_store.list_all(session)


def application_detail(db: Database, app_id: int) -> ApplicationDetail:
    with db.transaction() as session:
        app = app_store.get(session, app_id)
        if app is None:
            raise NotFound(f"no application {app_id}; `gracefully applications` lists them")
        links = {link.email_id: link for link in app_store.links_for(session, app_id)}
        timeline = [
            TimelineEntry(email, reading, links[email.id])
            for email, reading in mail_store.emails_with_readings(session, links)
        ]
        hidden = app_id in app_store.not_a_job_ids(session)
    timeline.sort(key=lambda t: (t.email.date is None, t.email.date))
    app.contacts = track.merge_contacts(app.contacts)  # one person once, however often seen
    return ApplicationDetail(app, timeline, hidden)
