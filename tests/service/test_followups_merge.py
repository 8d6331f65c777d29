"""Follow-ups and preferences through a merge of two applications, and its undo."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from tests.service.followup_world import (
    NOW,
    RECEIVED,
    REJECTION_ID,
    SETTINGS,
    rejection_email,
    seed,
)

from gracefully.config import Settings
from gracefully.domain import FollowUp, MoveKind
from gracefully.service import manage
from gracefully.service.delivery import reminders
from gracefully.service.followups import plan_followups
from gracefully.service.profile import set_profile
from gracefully.store import followups as fu_store
from gracefully.store.db import Database

OTHER_ID = "<rej-5120@mail.lanternworks.example>"


def where(db: Database, *apps: int) -> dict[int, int]:
    """follow-up id -> application id, merged ones included."""
    with db.transaction() as session:
        return {
            f.id: f.application_id  # type: ignore[misc]
            for app_id in apps
            for f in fu_store.for_application(session, app_id)
        }


def test_a_merge_moves_follow_ups_and_preferences_and_undo_puts_them_back(
    db: Database, settings: Settings
) -> None:
    keep = seed(db)
    absorb = seed(db, rejection_email(message_id=OTHER_ID, when=RECEIVED - timedelta(days=1)))
    set_profile(db, choose=(absorb, MoveKind.NONE))
    plan_followups(db, SETTINGS, NOW)
    before = where(db, keep, absorb)
    assert sorted(before.values()) == [keep, absorb]

    manage.merge_applications(db, settings, keep, absorb, now=NOW)

    assert set(where(db, keep, absorb).values()) == {keep}
    with db.transaction() as session:
        assert fu_store.preferences(session, keep).opted_out
        assert fu_store.preferences(session, absorb).opted_out is False
    manage.undo(db)
    assert where(db, keep, absorb) == before
    with db.transaction() as session:
        assert fu_store.preferences(session, absorb).opted_out
        assert fu_store.preferences(session, keep).opted_out is False


def test_a_follow_up_left_on_a_merged_application_is_hidden(
    db: Database, settings: Settings
) -> None:
    keep = seed(db)
    absorb = seed(db, rejection_email(message_id=OTHER_ID))
    (kept, *_) = plan_followups(db, SETTINGS, NOW).items
    with db.transaction() as session:
        twin: FollowUp = replace(kept.followup, id=None, application_id=absorb)
        twin_id = fu_store.save(session, twin)
        assert twin.rejection_email_id == REJECTION_ID

    manage.merge_applications(db, settings, keep, absorb, now=NOW)

    assert where(db, keep, absorb)[twin_id] == absorb
    with db.transaction() as session:
        assert twin_id not in {f.id for f in fu_store.all_followups(session)}
    assert f"followup-{twin_id}@gracefully" not in {r.uid for r in reminders(db)}
    assert {i.application.id for i in plan_followups(db, SETTINGS, NOW).items} == {keep}
