"""The review queue on the demo mailbox, answered programmatically, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.service.review_world import NOW, demo_reader, reply_eml, scan_demo, scan_path

from gracefully.config import Settings
from gracefully.domain import Category, EventKind, LinkSignal, Reason, Stage, Status
from gracefully.service import manage, review
from gracefully.service.review import ItemKind
from gracefully.store import applications as app_store
from gracefully.store import mail as mail_store
from gracefully.store import tracking as track_store
from gracefully.store.db import Database
from gracefully.understand import Reader

__all__ = ["demo_reader"]

COPPERLEAF = "link:<F7A91F1F.121a8c2a77e7@smartrecruitersmail.com>"
FERNHILL = "link:<85BB4262.7b1827810298@fernhill-energy.example>"
KESTREL = "reading:<B9AA9B7C.b8742f5f6a2e@kestrelmobility.example>"
LUMEN = "reading:<B747F457.196fe8e982b3@lumenandoak.example>"


@pytest.fixture
def scanned(db: Database, settings: Settings, demo_reader: Reader) -> Database:
    scan_demo(db, settings, demo_reader)
    return db


def _item(db: Database, settings: Settings, item_id: str) -> review.ReviewItem:
    return next(i for i in review.review_items(db, settings) if i.id == item_id)


def test_one_queue_rejections_first_then_least_sure(scanned: Database, settings: Settings) -> None:
    items = review.review_items(scanned, settings)
    assert {i.kind for i in items} >= {ItemKind.READING, ItemKind.LINK}
    assert {COPPERLEAF, FERNHILL, KESTREL, LUMEN} <= {i.id for i in items}
    ranks = [
        (not i.about_rejection, i.confidence) for i in items if i.kind is not ItemKind.DUPLICATE
    ]
    assert ranks == sorted(ranks)
    assert items[0].about_rejection
    assert all(i.reading and i.reading.evidence for i in items if i.kind is ItemKind.READING)


def test_a_fixed_reading_is_stored_applied_and_survives_a_rescan(
    scanned: Database, settings: Settings, demo_reader: Reader
) -> None:
    fix = review.Fix(stage=Stage.INTERVIEW, reasons=(Reason.OTHER_CANDIDATE, Reason.TIMING))
    said = review.resolve(scanned, settings, KESTREL, fix, now=NOW)
    assert "stage=interview" in said
    email_id = KESTREL.partition(":")[2]
    scan_demo(scanned, settings, demo_reader)
    with scanned.transaction() as session:
        stored = mail_store.get(session, email_id)
        assert stored is not None and stored[1] is not None
        reading = stored[1]
        link = track_store.link_of(session, email_id)
        assert link is not None and link.application_id is not None
        app = app_store.get(session, link.application_id)
    assert reading.corrected and reading.rejection is not None
    assert reading.rejection.stage is Stage.INTERVIEW
    assert reading.rejection.reasons == (Reason.OTHER_CANDIDATE, Reason.TIMING)
    assert app is not None and app.stage is Stage.INTERVIEW
    assert [e.stage for e in app.events if e.email_id == email_id] == [Stage.INTERVIEW]
    assert KESTREL not in {i.id for i in review.review_items(scanned, settings)}


def test_fixing_the_category_moves_the_timeline(scanned: Database, settings: Settings) -> None:
    review.resolve(scanned, settings, LUMEN, review.Fix(category=Category.REJECTION), now=NOW)
    email_id = LUMEN.partition(":")[2]
    with scanned.transaction() as session:
        link = track_store.link_of(session, email_id)
        assert link is not None and link.application_id is not None
        events = app_store.events(session, link.application_id)
    assert [e.kind for e in events if e.email_id == email_id] == [EventKind.REJECTION]


def test_confirming_a_link_applies_it_and_teaches_the_alias(
    scanned: Database, settings: Settings
) -> None:
    item = _item(scanned, settings, COPPERLEAF)
    target = item.candidates[0]
    assert target.company == "Copperleaf" and target.id is not None
    said = review.resolve(scanned, settings, COPPERLEAF, review.LinkTo(target.id), now=NOW)
    assert "Copperleaf" in said
    email_id = COPPERLEAF.partition(":")[2]
    with scanned.transaction() as session:
        link = track_store.link_of(session, email_id)
        app = app_store.get(session, target.id)
        aliases = app_store.aliases(session)
    assert link is not None and link.application_id == target.id
    assert link.signal is LinkSignal.MANUAL and not link.needs_review
    assert app is not None and email_id in {e.email_id for e in app.events}
    assert aliases.get("copperleafinsurance") == "copperleaf"
    assert COPPERLEAF not in {i.id for i in review.review_items(scanned, settings)}


@pytest.mark.parametrize(
    ("decision", "linked", "category"),
    [
        (review.StartApplication(), True, Category.REJECTION),
        (review.NotJob(), False, Category.OTHER),
    ],
)
def test_a_link_can_start_an_application_or_be_no_job_at_all(
    scanned: Database,
    settings: Settings,
    decision: review.Decision,
    linked: bool,
    category: Category,
) -> None:
    with scanned.transaction() as session:
        count = len(app_store.list_all(session))
    review.resolve(scanned, settings, FERNHILL, decision, now=NOW)
    email_id = FERNHILL.partition(":")[2]
    with scanned.transaction() as session:
        link = track_store.link_of(session, email_id)
        stored = mail_store.get(session, email_id)
        after = len(app_store.list_all(session))
    assert link is not None and not link.needs_review
    assert (link.application_id is not None) is linked
    assert after == count + linked
    assert stored is not None and stored[1] is not None and stored[1].category is category
    with pytest.raises(review.ReviewError, match="not waiting"):
        review.resolve(scanned, settings, FERNHILL, decision, now=NOW)


def test_a_decision_that_does_not_fit_is_refused(scanned: Database, settings: Settings) -> None:
    with pytest.raises(review.ReviewError, match="LinkTo does not answer a reading"):
        review.resolve(scanned, settings, KESTREL, review.LinkTo(1))
    with pytest.raises(review.ReviewError, match="no application 999"):
        review.resolve(scanned, settings, COPPERLEAF, review.LinkTo(999))


def _twins(db: Database) -> tuple[int, int]:
    first = manage.add_application(db, manage.NewApplication("Quillon Systems", "Data Engineer"))
    second = manage.add_application(
        db, manage.NewApplication("Quillon Systems Inc.", "Data Engineer", notes="met at a fair")
    )
    return first, second


def test_duplicates_merge_reversibly_or_stay_apart(db: Database, settings: Settings) -> None:
    first, second = _twins(db)
    dup = f"duplicate:{first}:{second}"
    assert [i.id for i in review.review_items(db, settings)] == [dup]
    review.resolve(db, settings, dup, review.Merge(), now=NOW)
    assert review.review_items(db, settings) == []
    with db.transaction() as session:
        assert [a.id for a in app_store.list_all(session)] == [first]
        assert app_store.get(session, first).notes == "met at a fair"  # type: ignore[union-attr]
    manage.undo(db)
    assert [i.id for i in review.review_items(db, settings)] == [dup]
    review.resolve(db, settings, dup, review.KeepApart())
    assert review.review_items(db, settings) == []
    with db.transaction() as session:
        assert len(app_store.list_all(session)) == 2


def test_a_manual_status_and_role_survive_new_mail(
    scanned: Database, settings: Settings, demo_reader: Reader, tmp_path: Path
) -> None:
    with scanned.transaction() as session:
        app = next(a for a in app_store.list_all(session) if a.company == "Juniperstreet")
        assert app.id is not None
        linked = [mail_store.get(session, x.email_id) for x in app_store.links_for(session, app.id)]
        message_id = next(f[0].message_id for f in linked if f and f[0].message_id)
    manage.edit_application(scanned, app.id, {"role": "Analytics Developer (contract)"})
    manage.set_status(scanned, app.id, Status.WITHDRAWN, now=NOW)
    eml = reply_eml(
        tmp_path / "extra.eml",
        in_reply_to=message_id,
        sender="Juniper Street Recruiting <talent@juniperstreet.example>",
        subject="Re: next steps",
        body="Thanks for your time on the call. We would like to invite you to a final "
        "interview with the team next week. Please pick a slot that suits you.",
    )
    scan_path(scanned, settings, demo_reader, eml)
    with scanned.transaction() as session:
        after = app_store.get(session, app.id)
        link = track_store.link_of(session, "<extra-1@fake.example>")
    assert link is not None and link.application_id == app.id
    assert after is not None
    assert after.role == "Analytics Developer (contract)"
    assert after.status is Status.WITHDRAWN
    assert {"role", "status"} <= after.manual
