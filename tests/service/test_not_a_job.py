"""Mail marked not a job leaves every list, teaches the reader, and undo brings it back exactly.

On SQLite and PostgreSQL. The mailbox (tests/service/not_a_job_world.py) has a
letting agent's no and a bursary decision read as rejections at 100%, and a
real application at Quillon Health whose two emails share a thread.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from tests.service.not_a_job_world import (
    BURSARY,
    DECISION,
    FLAT,
    NOW,
    PINS,
    RECEIVED,
    app_ids,
    everything,
    scan_world,
)
from tests.service.review_world import demo_reader, retrain_dir

from gracefully.config import Settings
from gracefully.domain import Category, FollowUpStatus, LinkSignal, Status
from gracefully.service import manage, review
from gracefully.service.applications import application_detail, list_applications
from gracefully.service.followups import plan_followups
from gracefully.service.insights import gather_insights
from gracefully.service.not_a_job import NotAJobError, not_a_job_application, not_a_job_email
from gracefully.service.planning import plan_settings
from gracefully.service.reading import user_examples
from gracefully.store import applications as app_store
from gracefully.store import mail as mail_store
from gracefully.store import tracking as track_store
from gracefully.store.db import Database
from gracefully.understand import Reader

__all__ = ["demo_reader", "retrain_dir"]


@pytest.fixture
def world(db: Database, settings: Settings, demo_reader: Reader) -> dict[str, int]:
    report = scan_world(db, settings, demo_reader)
    assert report.applications_created == 3
    return app_ids(db)


def _listed(db: Database) -> set[str]:
    return {a.company for a in list_applications(db)}


def _planned(db: Database, settings: Settings) -> set[str]:
    plan = plan_followups(db, plan_settings(settings), NOW)
    return {item.application.company for item in plan.items}


def test_everyday_mail_read_as_rejections_starts_applications(
    db: Database, settings: Settings, world: dict[str, int]
) -> None:
    """The issue, reproduced: a landlord and a bursary panel become rejected applications."""
    assert _listed(db) == {"Dunmore Lettings", "Ferncliff Trust", "Quillon Health"}
    assert _planned(db, settings) == {"Dunmore Lettings", "Ferncliff Trust", "Quillon Health"}
    assert review.review_items(db, settings) == [], "read at 100%, they never reach review"


def test_an_email_marked_not_a_job_leaves_every_list_and_undo_brings_it_back(
    db: Database, settings: Settings, world: dict[str, int]
) -> None:
    _planned(db, settings)
    before = everything(db)
    done = not_a_job_email(db, FLAT, settings=settings, now=NOW)
    assert done.hidden == (world["Dunmore Lettings"],) and done.kept == ()
    assert "Dunmore Lettings" not in _listed(db)
    assert _planned(db, settings) == {"Ferncliff Trust", "Quillon Health"}
    found = gather_insights(db)
    assert (found.applications, found.rejections.total) == (2, 2), "insights count the rest"
    with db.transaction() as session:
        stored = mail_store.get(session, FLAT)
        link = track_store.link_of(session, FLAT)
    assert stored is not None and stored[1] is not None
    assert (stored[1].category, stored[1].corrected, stored[1].rejection) == (
        Category.OTHER, True, None,
    )  # fmt: skip
    assert link is not None and (link.application_id, link.signal) == (None, LinkSignal.MANUAL)
    cancelled = {s for _, s in everything(db)["followups"]} - {s for _, s in before["followups"]}
    assert cancelled == {FollowUpStatus.CANCELLED.value}, "its planned follow-up is cancelled"
    detail = application_detail(db, world["Dunmore Lettings"])
    assert detail.not_a_job and detail.timeline == [], "kept in the store, with no email"

    change = manage.undo(db)
    assert change is not None and change.kind == "not_a_job"
    assert everything(db) == before
    assert "Dunmore Lettings" in _listed(db)
    assert manage.undo(db) is None


def test_a_rescan_does_not_bring_it_back_and_retraining_learns_from_it(
    db: Database, settings: Settings, demo_reader: Reader, world: dict[str, int]
) -> None:
    not_a_job_email(db, FLAT, settings=settings, now=NOW)
    report = scan_world(db, settings, demo_reader)
    assert (report.new, report.applications_created) == (0, 0)
    assert "Dunmore Lettings" not in _listed(db)
    learnt = [e for e in user_examples(db) if e.subject.startswith("Your application for the flat")]
    assert [e.category for e in learnt] == [Category.OTHER]


@pytest.mark.slow
def test_retrain_folds_the_correction_in_and_does_not_read_the_email_again(
    db: Database, settings: Settings, world: dict[str, int], retrain_dir: Path
) -> None:
    settings = replace(settings, data_dir=retrain_dir)
    not_a_job_email(db, FLAT, settings=settings, now=NOW)
    report = review.retrain(db, settings, now=NOW)
    assert report.corrections == 1
    with db.transaction() as session:
        stored = mail_store.get(session, FLAT)
    assert stored is not None and stored[1] is not None
    assert (stored[1].category, stored[1].corrected) == (Category.OTHER, True)
    assert "Dunmore Lettings" not in _listed(db)


def test_an_email_taken_out_of_an_application_that_keeps_others(
    db: Database, settings: Settings, world: dict[str, int]
) -> None:
    """The rejection leaves Quillon Health; the receipt stays, and so does the application,
    now only applied (its stage and status follow what is left)."""
    quillon = world["Quillon Health"]
    before = everything(db)
    done = not_a_job_email(db, DECISION, settings=settings, now=NOW)
    assert (done.hidden, done.kept) == ((), (quillon,))
    detail = application_detail(db, quillon)
    assert [t.email.id for t in detail.timeline] == [RECEIVED]
    assert detail.application.status is Status.APPLIED and not detail.not_a_job
    manage.undo(db)
    assert everything(db) == before


def test_an_application_marked_not_a_job_marks_all_its_emails(
    db: Database, settings: Settings, world: dict[str, int]
) -> None:
    quillon = world["Quillon Health"]
    before = everything(db)
    done = not_a_job_application(db, quillon, settings=settings, now=NOW)
    assert set(done.emails) == {RECEIVED, DECISION} and done.hidden == (quillon,)
    assert "Quillon Health" not in _listed(db)
    with db.transaction() as session:
        readings = [mail_store.get(session, e)[1] for e in (RECEIVED, DECISION)]  # type: ignore[index]
    assert all(r is not None and r.category is Category.OTHER and r.corrected for r in readings)
    with pytest.raises(NotAJobError, match="already marked not a job"):
        not_a_job_application(db, quillon)
    with pytest.raises(manage.ManageError, match="marked not a job"):
        manage.merge_applications(db, settings, world["Ferncliff Trust"], quillon)
    manage.undo(db)
    assert everything(db) == before


def test_a_hand_entered_application_stays_listed_when_its_only_email_is_not_a_job(
    db: Database, settings: Settings, world: dict[str, int]
) -> None:
    """The user typed this application in: losing a misfiled email does not hide it."""
    mine = manage.add_application(db, manage.NewApplication("Ferncliff Trust", "Grants Officer"))
    with db.transaction() as session:
        link = track_store.link_of(session, BURSARY)
        assert link is not None
        app_store.add_link(session, replace(link, application_id=mine))
    done = not_a_job_email(db, BURSARY, settings=settings, now=NOW)
    assert mine in done.kept and mine not in done.hidden
    assert any(a.id == mine for a in list_applications(db))


def test_what_cannot_be_marked_says_why(
    db: Database, settings: Settings, world: dict[str, int]
) -> None:
    with pytest.raises(NotAJobError, match="no stored email"):
        not_a_job_email(db, "<nowhere@example.net>")
    not_a_job_email(db, FLAT)
    with pytest.raises(NotAJobError, match="already marked not a job"):
        not_a_job_email(db, FLAT)
    with pytest.raises(NotAJobError, match="no application 404"):
        not_a_job_application(db, 404)


def test_review_answers_not_a_job_and_a_category_that_is_no_job_mail(
    db: Database, settings: Settings, demo_reader: Reader
) -> None:
    """Read less sure, the two everyday emails wait in review. "Not a job" hides the
    flat's application; fixing the bursary's category to `other` does the same, since
    a scan would not have started an application from mail that is no job mail."""
    unsure = {**PINS, FLAT: (Category.REJECTION, 0.41), BURSARY: (Category.REJECTION, 0.45)}
    scan_world(db, settings, demo_reader, unsure)
    ids = app_ids(db)
    queue = [i.id for i in review.review_items(db, settings)]
    assert f"reading:{FLAT}" in queue and f"reading:{BURSARY}" in queue
    said = review.resolve(db, settings, f"reading:{FLAT}", review.NotJob(), now=NOW)
    assert said.startswith("marked as not a job email") and f"#{ids['Dunmore Lettings']}" in said
    fixed = review.Fix(category=Category.OTHER)
    said = review.resolve(db, settings, f"reading:{BURSARY}", fixed, now=NOW)
    assert said.startswith("corrected category=other") and "hidden" in said
    assert _listed(db) == {"Quillon Health"}
    assert [i.id for i in review.review_items(db, settings)] == []
    manage.undo(db)
    assert _listed(db) == {"Ferncliff Trust", "Quillon Health"}
