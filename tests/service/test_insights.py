"""Insights over the demo mailbox scanned through the real pipeline, on SQLite and PostgreSQL."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from tests.service.review_world import NOW, demo_reader, scan_demo

from gracefully import ingest
from gracefully.config import Settings
from gracefully.domain import Category, FollowUpStatus, MoveKind, Outcome
from gracefully.service.applications import list_applications
from gracefully.service.demo import demo_followups
from gracefully.service.followups import PENDING
from gracefully.service.insights import gather_insights, text_charts, write_svg
from gracefully.service.scan import scan
from gracefully.store import followups as fu_store
from gracefully.store import mail as mail_store
from gracefully.store.db import Database
from gracefully.understand import Reader

__all__ = ["demo_reader"]


@pytest.fixture
def scanned(db: Database, settings: Settings, demo_reader: Reader) -> Database:
    scan_demo(db, settings, demo_reader)
    demo_followups(db, settings)
    return db


def _fold(text: str) -> str:
    return " ".join(text.split())


def test_an_empty_database_has_nothing_to_say(db: Database) -> None:
    found = gather_insights(db)
    assert (found.applications, found.rejections.total, found.followups.overall) == (0, 0, None)
    assert text_charts(found) == ""


def test_the_numbers_add_up_to_what_the_store_holds(scanned: Database) -> None:
    found = gather_insights(scanned)
    apps = list_applications(scanned)
    with scanned.transaction() as session:
        stored = [
            (email, reading)
            for email, reading in mail_store.emails_with_readings(session)
            if reading.category is Category.REJECTION
        ]
        answers = {f.reply_email_id for f in fu_store.all_followups(session)}
    rejections = [(e, r) for e, r in stored if r.email_id not in answers]
    # the demo's one sent follow-up (Sam's own reply to Fernhill) got an answer:
    # that answer is the follow-up's outcome, not one more rejection
    assert len(stored) - len(rejections) == 1
    assert found.followups.overall is not None and found.followups.overall.replied == 1
    assert found.applications == len(apps) > 0
    assert found.funnel[0].count == len(apps)
    assert sum(s.count for s in found.statuses) == len(apps)
    assert found.rejections.total == len(rejections) > 0
    assert sum(s.count for s in found.rejections.by_stage) == len(rejections)
    assert sum(s.count for s in found.rejections.feedback) == len(rejections)
    assert found.rejections.time_to_rejection, "the demo dates its confirmations and rejections"
    texts = [_fold(email.text) for email, _ in rejections]
    examples = [s for r in found.rejections.reasons for s in r.examples]
    assert examples and all(any(s in t for t in texts) for s in examples)


def test_a_sent_followup_and_its_answer_show_up_by_move(scanned: Database) -> None:
    before = gather_insights(scanned)
    with scanned.transaction() as session:
        chosen = next(
            f
            for f in fu_store.all_followups(session)
            if f.move.kind is not MoveKind.NONE and f.status in PENDING
        )
        fu_store.save(
            session,
            replace(
                chosen,
                status=FollowUpStatus.SENT,
                sent_at=NOW,
                outcome=Outcome.REPLIED,
                outcome_at=NOW + timedelta(days=2),
            ),
        )
    after = gather_insights(scanned)
    sent_before = before.followups.overall.sent if before.followups.overall else 0
    assert after.followups.overall is not None
    assert after.followups.overall.sent == sent_before + 1
    (rate,) = [m for m in after.followups.by_move if m.move is chosen.move.kind]
    assert rate.replied >= 1 and rate.reply_rate is not None
    assert 2.0 in (after.followups.time_to_reply.shortest, after.followups.time_to_reply.longest)
    assert after.followups.planned == before.followups.planned - 1


def test_the_svg_file_is_written_and_parses(scanned: Database, tmp_path: Path) -> None:
    path = write_svg(gather_insights(scanned), tmp_path / "insights.svg")
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    titles = ["".join(e.itertext()) for e in root.iter() if e.get("class") == "title"]
    assert "How far applications got" in titles


def test_one_rejection_per_application(
    db: Database, settings: Settings, demo_reader: Reader
) -> None:
    """Two rejection emails in one application's thread (the decision, then a second
    note saying the same) are one rejection in the insights."""
    first = (
        "From: Dana Whitfield <dana@brightline.example>\nTo: sam@example.net\n"
        "Subject: Your application for Data Analyst\nMessage-ID: <d1@brightline.example>\n"
        "Date: Tue, 05 Mar 2024 10:00:00 +0000\n\nHi Sam,\n\nThank you for interviewing for "
        "the Data Analyst role. We have decided not to move forward with your application."
        "\n\nBest,\nDana Whitfield\n"
    )
    second = (
        first.replace("<d1@", "<d2@")
        .replace("Subject: Your", "In-Reply-To: <d1@brightline.example>\nSubject: Re: Your")
        .replace("10:00:00", "11:00:00")
    )
    scan(db, ingest.MemorySource([first.encode(), second.encode()]), demo_reader, settings)
    found = gather_insights(db)
    assert found.applications == 1
    assert found.rejections.total == 1
