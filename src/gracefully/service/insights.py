"""`insights`: everything stored so far, handed to `learn`, plus its charts.

Reading only: outcomes are brought up to date by `scan` and `plan`, so
looking at the insights never changes anything.
"""

from __future__ import annotations

from pathlib import Path

from gracefully import learn
from gracefully.domain import Category
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
        rejections = [
            reading
            for _email, reading in mail_store.emails_with_readings(session)
            if reading.category is Category.REJECTION
        ]
        hidden = app_store.not_a_job_ids(session)
        followups = [f for f in fu_store.all_followups(session) if f.application_id not in hidden]
    return learn.insights(applications, rejections, followups)


def svg_text(insights: Insights) -> str:
    """The charts as one standalone SVG document."""
    return learn.svg(insights)


def write_svg(insights: Insights, path: Path) -> Path:
    """Write the charts as a standalone SVG file (UTF-8) and return where."""
    path.write_text(svg_text(insights), encoding="utf-8")
    return path
