"""The review queue answered programmatically, on SQLite and PostgreSQL.

Every situation is built by the test: readings are pinned to a category and
confidence (`pinned_reader`), links wait for review because the store says so,
and duplicates are entered twice by hand. So the queue tested here is the same
whatever the model and the linker get right or wrong today.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from tests.service.review_world import (
    BRINDLEWOOD,
    BRINDLEWOOD_PINS,
    CINDERGATE,
    DECISION,
    INKWELL,
    MARROWBROOK,
    NOW,
    ORCHARD_VANE,
    PEBBLESTONE,
    QUEUE,
    QUEUE_PINS,
    SALTMARSH,
    TESSELLATE,
    UPDATE,
    Brindlewood,
    brindlewood_apps,
    brindlewood_waiting,
    demo_reader,
    pinned_reader,
    reply_eml,
    scan_path,
)

from gracefully import track
from gracefully.config import Settings
from gracefully.domain import Application, Category, EventKind, LinkSignal, Reason, Stage, Status
from gracefully.service import manage, review
from gracefully.service.review import ItemKind
from gracefully.store import applications as app_store
from gracefully.store import mail as mail_store
from gracefully.store import tracking as track_store
from gracefully.store.db import Database
from gracefully.understand import Reader

__all__ = ["demo_reader"]


@pytest.fixture
def queued(db: Database, settings: Settings, demo_reader: Reader) -> Database:
    """Seven emails scanned, each read as pinned in QUEUE_PINS."""
    scan_path(db, settings, pinned_reader(demo_reader, QUEUE_PINS), QUEUE)
    return db


@pytest.fixture
def waiting(db: Database, demo_reader: Reader) -> Brindlewood:
    """Two Brindlewood applications, and two emails whose links wait for review."""
    return brindlewood_waiting(db, demo_reader)


def _ids(db: Database, settings: Settings, kind: ItemKind | None = None) -> list[str]:
    return [i.id for i in review.review_items(db, settings) if kind in (None, i.kind)]


def _item(db: Database, settings: Settings, item_id: str) -> review.ReviewItem:
    return next(i for i in review.review_items(db, settings) if i.id == item_id)


def _app(db: Database, app_id: int) -> Application:
    with db.transaction() as session:
        app = app_store.get(session, app_id)
    assert app is not None
    return app


def _twins(db: Database) -> tuple[int, int]:
    first = manage.add_application(db, manage.NewApplication("Quillon Systems", "Data Engineer"))
    second = manage.add_application(
        db, manage.NewApplication("Quillon Systems Inc.", "Data Engineer", notes="met at a fair")
    )
    return first, second


# --- uncertain readings ---


@pytest.mark.parametrize(
    ("threshold", "expected"),
    [
        (0.6, [MARROWBROOK, TESSELLATE, ORCHARD_VANE, SALTMARSH, CINDERGATE]),
        (1.0, [MARROWBROOK, TESSELLATE, ORCHARD_VANE, SALTMARSH, CINDERGATE, PEBBLESTONE]),
    ],
)
def test_uncertain_readings_come_rejections_first_then_least_sure(
    queued: Database, settings: Settings, threshold: float, expected: list[str]
) -> None:
    settings = replace(settings, review_threshold=threshold)
    items = review.review_items(queued, settings)
    readings = [i for i in items if i.kind is ItemKind.READING]
    assert [i.id for i in readings] == [f"reading:{e}" for e in expected]
    assert [i.confidence for i in readings] == [QUEUE_PINS[e][1] for e in expected]
    assert f"reading:{INKWELL}" not in {i.id for i in items}, "mail read as other never waits"
    ranks = [(not i.about_rejection, i.confidence) for i in items]
    assert ranks == sorted(ranks)


def test_each_reading_shows_the_sentence_that_decided_it(
    queued: Database, settings: Settings
) -> None:
    items = [i for i in review.review_items(queued, settings) if i.kind is ItemKind.READING]
    assert items
    for item in items:
        assert item.email is not None and item.reading is not None
        [why] = item.reading.evidence_for("category")
        assert why.value == item.reading.category.value
        said = " ".join(f"{item.email.subject}\n{item.email.text}".split())
        assert " ".join(why.sentence.split()) in said
        assert f"{item.reading.confidence:.0%}" in item.why


def test_duplicates_wait_after_every_reading_and_link(queued: Database, settings: Settings) -> None:
    first, second = _twins(queued)
    items = review.review_items(queued, settings)
    assert items[-1].id == f"duplicate:{first}:{second}"
    assert all(i.kind is not ItemKind.DUPLICATE for i in items[:-1])


def test_a_fixed_reading_is_stored_applied_and_survives_a_rescan(
    db: Database, settings: Settings, demo_reader: Reader, waiting: Brindlewood
) -> None:
    review.resolve(db, settings, f"link:{DECISION}", review.LinkTo(waiting.engineer), now=NOW)
    fix = review.Fix(stage=Stage.SCREEN, reasons=(Reason.EXPERIENCE_GAP, Reason.TIMING))
    said = review.resolve(db, settings, f"reading:{DECISION}", fix, now=NOW)
    assert "stage=screen" in said and "reasons=experience_gap,timing" in said
    again = scan_path(db, settings, pinned_reader(demo_reader, BRINDLEWOOD_PINS), BRINDLEWOOD)
    assert again.new == 0
    with db.transaction() as session:
        stored = mail_store.get(session, DECISION)
        fixes = mail_store.corrections(session)[mail_store.storage_id(DECISION)]
    assert fixes == {"category": "rejection", "stage": "screen", "reasons": "experience_gap,timing"}
    assert stored is not None and stored[1] is not None
    reading = stored[1]
    assert reading.corrected and reading.confidence == 1.0 and reading.rejection is not None
    assert reading.rejection.stage is Stage.SCREEN
    assert reading.rejection.reasons == (Reason.EXPERIENCE_GAP, Reason.TIMING)
    app = _app(db, waiting.engineer)
    assert [e.stage for e in app.events if e.email_id == DECISION] == [Stage.SCREEN]
    assert app.stage is Stage.SCREEN and app.status is Status.REJECTED
    assert f"reading:{DECISION}" not in _ids(db, settings)


def test_fixing_the_category_moves_the_timeline(
    db: Database, settings: Settings, waiting: Brindlewood
) -> None:
    review.resolve(db, settings, f"link:{UPDATE}", review.LinkTo(waiting.analyst), now=NOW)
    before = _app(db, waiting.analyst)
    assert [e.kind for e in before.events if e.email_id == UPDATE] == [EventKind.INTERVIEW]
    assert before.status is Status.IN_PROCESS
    fix = review.Fix(category=Category.REJECTION)
    said = review.resolve(db, settings, f"reading:{UPDATE}", fix, now=NOW)
    assert said == "corrected category=rejection"
    after = _app(db, waiting.analyst)
    assert [e.kind for e in after.events if e.email_id == UPDATE] == [EventKind.REJECTION]
    assert after.status is Status.REJECTED


def test_accepting_a_reading_confirms_it_and_leaves_its_link_waiting(
    db: Database, settings: Settings, waiting: Brindlewood
) -> None:
    said = review.resolve(db, settings, f"reading:{UPDATE}", review.Accept(), now=NOW)
    assert said == "confirmed as interview"
    with db.transaction() as session:
        stored = mail_store.get(session, UPDATE)
        link = track_store.link_of(session, UPDATE)
    assert stored is not None and stored[1] is not None
    assert stored[1].corrected and stored[1].category is Category.INTERVIEW
    assert link is not None and link.needs_review
    left = _ids(db, settings)
    assert f"reading:{UPDATE}" not in left and f"link:{UPDATE}" in left


# --- uncertain links ---


def test_a_scan_sends_mail_that_fits_two_applications_to_review(
    db: Database, settings: Settings, demo_reader: Reader
) -> None:
    """By design: a rejection that names no role, at a company with two open
    applications, is a question for the user, never a guess."""
    apps = brindlewood_apps(db)
    scan_path(db, settings, pinned_reader(demo_reader, BRINDLEWOOD_PINS), BRINDLEWOOD)
    item = _item(db, settings, f"link:{DECISION}")
    assert {apps.engineer, apps.analyst} <= {a.id for a in item.candidates}
    for app_id in (apps.engineer, apps.analyst):
        assert DECISION not in {e.email_id for e in _app(db, app_id).events}


def test_confirming_a_link_applies_it_as_a_scan_would(
    db: Database, settings: Settings, waiting: Brindlewood
) -> None:
    item = _item(db, settings, f"link:{DECISION}")
    assert [a.id for a in item.candidates[:2]] == [waiting.engineer, waiting.analyst]
    said = review.resolve(db, settings, item.id, review.LinkTo(waiting.engineer), now=NOW)
    assert said == f"linked to #{waiting.engineer} Brindlewood Analytics (Data Engineer)"
    with db.transaction() as session:
        link = track_store.link_of(session, DECISION)
    assert link is not None and link.application_id == waiting.engineer
    assert link.signal is LinkSignal.MANUAL and not link.needs_review
    assert item.reading is not None and item.reading.rejection is not None
    app = _app(db, waiting.engineer)
    events = [e for e in app.events if e.email_id == DECISION]
    assert [(e.kind, e.stage) for e in events] == [
        (EventKind.REJECTION, item.reading.rejection.stage)
    ]
    assert app.status is Status.REJECTED
    assert "wren.halloway@brindlewoodanalytics.example" in {c.email for c in app.contacts}
    other = _app(db, waiting.analyst)
    assert DECISION not in {e.email_id for e in other.events}
    assert other.status is Status.APPLIED
    assert f"link:{DECISION}" not in _ids(db, settings)


def test_confirming_a_link_from_another_name_teaches_the_alias(
    db: Database, settings: Settings, waiting: Brindlewood
) -> None:
    review.resolve(db, settings, f"link:{UPDATE}", review.LinkTo(waiting.analyst), now=NOW)
    with db.transaction() as session:
        aliases = app_store.aliases(session)
    learnt = track.canonical(aliases, track.company_key("brindlewoodhq.example"))
    assert learnt == track.company_key("Brindlewood Analytics")


@pytest.mark.parametrize(
    ("decision", "linked", "category"),
    [
        (review.StartApplication(), True, Category.REJECTION),
        (review.NotJob(), False, Category.OTHER),
    ],
)
def test_a_link_can_start_an_application_or_be_no_job_at_all(
    db: Database,
    settings: Settings,
    waiting: Brindlewood,
    decision: review.Decision,
    linked: bool,
    category: Category,
) -> None:
    with db.transaction() as session:
        count = len(app_store.list_all(session))
    review.resolve(db, settings, f"link:{DECISION}", decision, now=NOW)
    with db.transaction() as session:
        link = track_store.link_of(session, DECISION)
        stored = mail_store.get(session, DECISION)
        after = app_store.list_all(session)
    assert link is not None and not link.needs_review
    assert len(after) == count + linked
    assert stored is not None and stored[1] is not None and stored[1].category is category
    if linked:
        assert link.application_id is not None
        assert link.application_id not in (waiting.engineer, waiting.analyst)
        started = _app(db, link.application_id)
        assert started.company == "Brindlewood Analytics"
        assert DECISION in {e.email_id for e in started.events}
    else:
        assert link.application_id is None
    with pytest.raises(review.ReviewError, match="not waiting"):
        review.resolve(db, settings, f"link:{DECISION}", decision, now=NOW)


@pytest.mark.parametrize(
    ("item_id", "decision", "message"),
    [
        (f"reading:{DECISION}", review.LinkTo(1), "LinkTo does not answer a reading"),
        (f"link:{DECISION}", review.Accept(), "Accept does not answer a link"),
        (f"link:{DECISION}", review.LinkTo(999), "no application 999"),
        ("reading:<nobody@nowhere.example>", review.Accept(), "no stored email"),
        ("duplicate:1:x", review.KeepApart(), "not a duplicate pair"),
        ("bogus:1", review.Accept(), "unknown item"),
    ],
)
def test_a_decision_that_does_not_fit_is_refused(
    db: Database,
    settings: Settings,
    waiting: Brindlewood,
    item_id: str,
    decision: review.Decision,
    message: str,
) -> None:
    before = _ids(db, settings)
    with pytest.raises(review.ReviewError, match=message):
        review.resolve(db, settings, item_id, decision, now=NOW)
    assert _ids(db, settings) == before


def test_a_confirmed_link_pulls_its_thread_and_manual_fields_survive(
    db: Database, settings: Settings, demo_reader: Reader, waiting: Brindlewood, tmp_path: Path
) -> None:
    review.resolve(db, settings, f"link:{DECISION}", review.LinkTo(waiting.engineer), now=NOW)
    manage.edit_application(db, waiting.engineer, {"role": "Data Engineer (contract)"})
    manage.set_status(db, waiting.engineer, Status.WITHDRAWN, now=NOW)
    eml = reply_eml(
        tmp_path / "extra.eml",
        in_reply_to=DECISION,
        sender="Wren Halloway <wren.halloway@brindlewoodanalytics.example>",
        subject="Re: Your application at Brindlewood Analytics",
        body="One more thing: the team asked me to pass on their thanks for your "
        "thoughtful questions. Do keep an eye on our careers page.",
    )
    scan_path(db, settings, demo_reader, eml)
    with db.transaction() as session:
        link = track_store.link_of(session, "<extra-1@fake.example>")
    assert link is not None and link.application_id == waiting.engineer
    after = _app(db, waiting.engineer)
    assert after.role == "Data Engineer (contract)"
    assert after.status is Status.WITHDRAWN
    assert {"role", "status"} <= after.manual


# --- duplicates ---


def test_duplicates_merge_reversibly_or_stay_apart(db: Database, settings: Settings) -> None:
    first, second = _twins(db)
    dup = f"duplicate:{first}:{second}"
    assert _ids(db, settings) == [dup]
    review.resolve(db, settings, dup, review.Merge(), now=NOW)
    assert review.review_items(db, settings) == []
    with db.transaction() as session:
        assert [a.id for a in app_store.list_all(session)] == [first]
    assert _app(db, first).notes == "met at a fair"
    manage.undo(db)
    assert _ids(db, settings) == [dup]
    review.resolve(db, settings, dup, review.KeepApart())
    assert review.review_items(db, settings) == []
    with db.transaction() as session:
        assert len(app_store.list_all(session)) == 2
