"""Planning and drafting follow-ups against both databases."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tests.deliver.support import KEY, approve_as_read
from tests.service.followup_world import (
    EARLIER_ID,
    LATER,
    NOW,
    RECEIVED,
    REJECTION_ID,
    SETTINGS,
    USER,
    rejection_email,
    rejection_reading,
    seed,
    store_reply,
)

from gracefully.domain import (
    Address,
    Category,
    Email,
    Feedback,
    FollowUpStatus,
    MoveKind,
    Reading,
    Reason,
    Severity,
    Stage,
)
from gracefully.service.followups import (
    FollowUpError,
    NotApproved,
    draft,
    edit_draft,
    plan_followups,
    require_approved,
)
from gracefully.service.profile import ProfileError, set_profile
from gracefully.store.db import Database

LEARN = "regulatory reporting for consumer lending, which I have not done before"


def only(db: Database, now=NOW):  # type: ignore[no-untyped-def]
    (item,) = plan_followups(db, SETTINGS, now).items
    return item


def test_overqualified_asks_for_what_the_job_would_teach_then_drafts_it(db: Database) -> None:
    app_id = seed(db, reading=rejection_reading(reasons=(Reason.OVERQUALIFIED,)))
    set_profile(db, name="Robin Quill", email="robin.quill@example.net")

    first = only(db)  # until the user says what the job would teach: a thank-you, and advice
    assert (first.followup.move.kind, first.followup.move.rule) == (
        MoveKind.STAY_ON_RADAR,
        "misjudgement_untold",
    )
    assert "--learn" in first.followup.move.advice
    assert draft(db, first.followup.id).draft is not None

    set_profile(db, learn=(app_id, LEARN))
    second = only(db)
    assert second.followup.id == first.followup.id
    assert second.followup.move.kind is MoveKind.CORRECT_ASSUMPTION
    assert second.followup.move.needs == ()
    written = draft(db, second.followup.id, regenerate=True).draft
    assert written is not None
    assert "regulatory reporting for consumer lending" in written.body
    assert written.to_email == "priya.hale@lanternworks.example"
    assert written.in_reply_to == REJECTION_ID
    assert not written.blocked


def test_a_low_confidence_rejection_is_listed_for_review_not_acted_on(db: Database) -> None:
    seed(db, reading=rejection_reading(confidence=0.3))
    item = only(db)
    assert item.needs_review
    assert item.followup.move.kind is MoveKind.NONE
    assert item.followup.status is FollowUpStatus.SKIPPED
    with pytest.raises(FollowUpError):
        draft(db, item.followup.id)


def test_refused_feedback_never_gets_a_feedback_ask(db: Database) -> None:
    seed(db, reading=rejection_reading(feedback=Feedback.REFUSED, stage=Stage.INTERVIEW))
    item = only(db)
    assert item.followup.move.kind is MoveKind.STAY_ON_RADAR
    body = draft(db, item.followup.id).draft.body.lower()  # type: ignore[union-attr]
    assert "feedback" not in body


def test_no_reply_rejection_points_to_the_human_in_the_thread(db: Database) -> None:
    system = Address("Lanternworks", "no-reply@ats.lanternworks.example")
    seed(db, email=rejection_email(sender=system), reading=rejection_reading(no_reply=True))
    item = only(db)
    assert item.followup.move.kind is not MoveKind.NONE
    assert item.contact is not None and item.contact.email == "priya.hale@lanternworks.example"
    assert draft(db, item.followup.id).draft.to_email == item.contact.email  # type: ignore[union-attr]


def test_no_reply_rejection_with_nobody_gets_no_move_but_advice(db: Database) -> None:
    system = Address("Lanternworks", "no-reply@ats.lanternworks.example")
    seed(
        db,
        email=rejection_email(sender=system),
        reading=rejection_reading(no_reply=True, contact=None),
        contacts=(),
    )
    item = only(db)
    assert (item.followup.move.kind, item.followup.move.rule) == (MoveKind.NONE, "no_human")
    assert "LinkedIn" in item.followup.move.advice


def test_replanning_keeps_the_draft_and_never_touches_an_approved_one(db: Database) -> None:
    seed(db)
    set_profile(db, name=USER.name, email=USER.email)
    followup_id = only(db).followup.id
    written = draft(db, followup_id).draft
    assert only(db).followup.draft == written
    approve_as_read(db, followup_id)
    kept = only(db, LATER).followup
    assert kept.status is FollowUpStatus.APPROVED
    assert kept.draft == written


def test_opting_out_after_approval_withdraws_the_approval(db: Database) -> None:
    app_id = seed(db)
    set_profile(db, name=USER.name, email=USER.email)
    followup_id = only(db).followup.id
    draft(db, followup_id)
    approve_as_read(db, followup_id)
    set_profile(db, choose=(app_id, MoveKind.NONE))
    withdrawn = only(db).followup
    assert (withdrawn.status, withdrawn.approved_hash) == (FollowUpStatus.SKIPPED, None)
    with pytest.raises(NotApproved):
        require_approved(withdrawn, USER, KEY)


def test_a_rejection_replying_to_the_users_application_gets_a_follow_up(db: Database) -> None:
    app_id = seed(db)
    set_profile(db, name=USER.name, email=USER.email)
    application = Email(
        id=EARLIER_ID,
        subject="Application: Data Analyst",
        sender=USER,
        date=RECEIVED - timedelta(days=10),
        body="Dear Lanternworks team, please find my application attached.",
        message_id=EARLIER_ID,
    )
    store_reply(db, app_id, application, Reading(application.id, Category.OTHER, 0.9))
    item = only(db)
    assert item.followup.move.kind is not MoveKind.NONE
    assert item.followup.rejection_email_id == REJECTION_ID


def test_opting_out_drops_the_pending_draft(db: Database) -> None:
    app_id = seed(db)
    draft(db, only(db).followup.id)
    set_profile(db, choose=(app_id, MoveKind.NONE))
    item = only(db)
    assert (item.followup.move.rule, item.followup.draft) == ("opted_out", None)


def test_an_edit_voids_the_approval_and_is_grace_checked(db: Database) -> None:
    seed(db)
    set_profile(db, name=USER.name, email=USER.email)
    followup_id = only(db).followup.id
    draft(db, followup_id)
    assert approve_as_read(db, followup_id).approved_hash
    edited = edit_draft(db, followup_id, "Hi Priya,\nYou made a mistake. Please reconsider.\n")
    assert edited.approved_hash is None
    assert edited.status is FollowUpStatus.DRAFTED
    assert any(f.severity is Severity.BLOCK for f in edited.draft.findings)  # type: ignore[union-attr]
    with pytest.raises(FollowUpError, match="blocking"):
        approve_as_read(db, followup_id)


def test_variants_change_the_wording_and_regenerate_keeps_it(db: Database) -> None:
    seed(db)
    followup_id = only(db).followup.id
    one = draft(db, followup_id, variant=1).draft
    two = draft(db, followup_id, variant=2).draft
    assert one.body != two.body  # type: ignore[union-attr]
    assert draft(db, followup_id, regenerate=True).draft.body == two.body  # type: ignore[union-attr]


def test_learn_for_an_unknown_application_is_refused(db: Database) -> None:
    with pytest.raises(ProfileError):
        set_profile(db, learn=(999, LEARN))
