"""`insights`: everything stored so far, handed to `learn`, plus its charts.

Reading only: outcomes are brought up to date by `scan` and `plan`, so
looking at the insights never changes anything.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from gracefully import learn
from gracefully.domain import Category, Reading
from gracefully.learn import Insights, text_charts
from gracefully.store import applications as app_store
from gracefully.store import followups as fu_store
from gracefully.store import mail as mail_store
from gracefully.store.db import Database

__all__ = ["Insights", "gather_insights", "text_charts", "write_svg"]


def gather_insights(db: Database) -> Insights:
    """The insights across every application (with its timeline), every
    rejection email's reading and every follow-up; mail the user said is not
    a job counts nowhere."""
    with db.transaction() as session:
        applications = app_store.list_all(session)
        for app in applications:
            app.events = app_store.events(session, app.id)  # type: ignore[arg-type]
        rejections = _one_per_application(session, {a.id for a in applications})
        hidden = app_store.not_a_job_ids(session)
        followups = [f for f in fu_store.all_followups(session) if f.application_id not in hidden]
    return learn.insights(applications, rejections, followups)


def _one_per_application(session: Session, listed: set[int | None]) -> list[Reading]:
    """Each listed application's first rejection: a second one on the same application
    (a reminder, the employer's answer to the user's reply) is not another rejection,
    and mail not yet linked to an application is no rejection of one."""
    linked = mail_store.applications_of(session)
    first: dict[int, Reading] = {}
    for _email, reading in mail_store.emails_with_readings(session):
        app_id = linked.get(mail_store.storage_id(reading.email_id))
        if reading.category is Category.REJECTION and app_id in listed:
            first.setdefault(app_id, reading)  # type: ignore[arg-type]
    return list(first.values())


def svg_text(insights: Insights) -> str:
    """The charts as one standalone SVG document."""
    return learn.svg(insights)


def write_svg(insights: Insights, path: Path) -> Path:
    """Write the charts as a standalone SVG file (UTF-8) and return where."""
    path.write_text(svg_text(insights), encoding="utf-8")
    return path
