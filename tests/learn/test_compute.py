"""The numbers `learn.insights` computes, table-driven over small hand-built worlds."""

from __future__ import annotations

import json

import pytest
from tests.learn.learn_world import app, event, followup, rejection
from tests.test_public_api import _gracefully_imports

from gracefully.domain import (
    EventKind,
    Feedback,
    FollowUpStatus,
    MoveKind,
    Outcome,
    Reason,
    Stage,
    Status,
)
from gracefully.learn import Days, MoveRate, insights


def test_learn_imports_only_domain() -> None:
    assert _gracefully_imports("learn") <= {"domain"}


def test_nothing_at_all() -> None:
    found = insights([], [], [])
    assert found.applications == 0
    assert [(s.label, s.count, s.share) for s in found.funnel] == [
        (s, 0, 0.0) for s in ("application", "screen", "assessment", "interview", "offer")
    ]
    assert found.statuses == ()
    assert found.rejections.total == 0 and found.rejections.reasons == ()
    assert found.rejections.time_to_rejection == ()
    assert found.followups.overall is None and found.followups.by_move == ()
    assert found.followups.time_to_reply == Days(0)


def test_one_application_still_open() -> None:
    found = insights([app()], [], [])
    assert [s.count for s in found.funnel] == [1, 0, 0, 0, 0]
    assert [(s.label, s.count, s.share) for s in found.statuses] == [("applied", 1, 1.0)]


@pytest.mark.parametrize(
    ("stages", "expected"),
    [
        ([Stage.APPLICATION], [1, 0, 0, 0, 0]),
        ([Stage.UNKNOWN], [1, 0, 0, 0, 0]),
        ([Stage.OFFER], [1, 1, 1, 1, 1]),
        (
            [Stage.APPLICATION, Stage.SCREEN, Stage.INTERVIEW, Stage.OFFER, Stage.UNKNOWN],
            [5, 3, 2, 2, 1],
        ),
    ],
)
def test_funnel_counts_applications_that_got_at_least_that_far(
    stages: list[Stage], expected: list[int]
) -> None:
    found = insights([app(s) for s in stages], [], [])
    assert [s.count for s in found.funnel] == expected
    assert found.funnel[0].share == 1.0


def test_statuses_in_enum_order_without_empty_ones() -> None:
    apps = [app(status=Status.REJECTED), app(status=Status.APPLIED), app(status=Status.REJECTED)]
    found = insights(apps, [], [])
    assert [(s.label, s.count) for s in found.statuses] == [("applied", 1), ("rejected", 2)]


def test_reasons_ranked_with_shares_of_all_rejections_and_their_sentences() -> None:
    readings = [
        rejection(
            "<a@x.example>",
            reasons=(Reason.OTHER_CANDIDATE, Reason.TIMING),
            said=(
                (Reason.OTHER_CANDIDATE, "We went with  other\ncandidates."),
                (Reason.TIMING, "The timing is not right."),
            ),
        ),
        rejection(
            "<b@x.example>",
            reasons=(Reason.OTHER_CANDIDATE,),
            said=((Reason.OTHER_CANDIDATE, "We went with other candidates."),),
        ),
        rejection(
            "<c@x.example>",
            reasons=(Reason.OTHER_CANDIDATE,),
            said=((Reason.OTHER_CANDIDATE, "A stronger pool applied."),),
        ),
        rejection("<d@x.example>"),
    ]
    r = insights([], readings, []).rejections
    assert r.total == 4 and r.no_reason == 1
    assert [(x.reason, x.count, x.share) for x in r.reasons] == [
        (Reason.OTHER_CANDIDATE, 3, 0.75),
        (Reason.TIMING, 1, 0.25),
    ]
    # whitespace folded, duplicates dropped, at most two, and only the reason's own evidence
    assert r.reasons[0].examples == ("We went with other candidates.", "A stronger pool applied.")
    assert r.reasons[1].examples == ("The timing is not right.",)


def test_a_reason_corrected_by_hand_counts_without_evidence() -> None:
    reading = rejection(reasons=(Reason.LOCATION,))
    (only,) = insights([], [reading], []).rejections.reasons
    assert (only.reason, only.examples) == (Reason.LOCATION, ())


def test_feedback_policy_keeps_every_policy_and_counts_open_doors() -> None:
    readings = [
        rejection("<1@x.example>", feedback=Feedback.REFUSED, door_closed=True),
        rejection("<2@x.example>", feedback=Feedback.OFFERED, keep_on_file=True),
        rejection("<3@x.example>", feedback=Feedback.OFFERED, invite_reapply=True),
        rejection("<4@x.example>", stage=Stage.INTERVIEW, keep_on_file=True),
    ]
    r = insights([], readings, []).rejections
    assert [(s.label, s.count) for s in r.feedback] == [
        ("refused", 1),
        ("offered", 2),
        ("given", 0),
        ("none", 1),
    ]
    assert (r.keep_on_file, r.invite_reapply, r.door_closed) == (2, 1, 1)
    assert [(s.label, s.count) for s in r.by_stage] == [("application", 3), ("interview", 1)]


def test_a_reply_to_a_followup_is_its_outcome_not_another_rejection() -> None:
    answer = rejection("<answer@x.example>", reasons=(Reason.EXPERIENCE_GAP,))
    first = rejection("<first@x.example>", reasons=(Reason.ROLE_CHANGED,))
    sent = followup(
        outcome=Outcome.FEEDBACK_GIVEN,
        reply_after_days=2,
        reply_email_id="<answer@x.example>",
        feedback=(Reason.EXPERIENCE_GAP,),
    )
    found = insights([], [first, answer], [sent])
    assert found.rejections.total == 1
    assert [x.reason for x in found.rejections.reasons] == [Reason.ROLE_CHANGED]
    assert [(s.label, s.count) for s in found.followups.feedback_reasons] == [("experience_gap", 1)]


def test_time_to_rejection_by_stage_from_the_start_of_each_application() -> None:
    apps = [
        app(events=(event(EventKind.CONFIRMED, 0), event(EventKind.REJECTION, 4, Stage.SCREEN))),
        app(events=(event(EventKind.APPLIED, 0), event(EventKind.REJECTION, 10, Stage.SCREEN))),
        app(  # the later rejection (an answer to a follow-up) does not count
            Stage.INTERVIEW,
            events=(
                event(EventKind.APPLIED, 1),
                event(EventKind.REJECTION, 31, Stage.INTERVIEW),
                event(EventKind.REJECTION, 40, Stage.INTERVIEW),
            ),
        ),
        app(events=(event(EventKind.REJECTION, 5, Stage.APPLICATION),)),  # start unknown
        app(  # the applied date counts; a rejection with no stage takes the application's
            Stage.ASSESSMENT,
            applied_on=event(EventKind.APPLIED, 0).at.date(),
            events=(event(EventKind.REJECTION, 7.5),),
        ),
    ]
    timed = {t.stage: t.days for t in insights(apps, [], []).rejections.time_to_rejection}
    assert timed == {
        Stage.SCREEN: Days(2, 7.0, 4.0, 10.0),
        Stage.ASSESSMENT: Days(1, 7.9, 7.9, 7.9),
        Stage.INTERVIEW: Days(1, 30.0, 30.0, 30.0),
    }


def test_reply_rates_by_move_count_only_decided_followups() -> None:
    ask, radar = MoveKind.ASK_FEEDBACK, MoveKind.STAY_ON_RADAR
    items = [
        followup(ask, outcome=Outcome.FEEDBACK_GIVEN, reply_after_days=2),
        followup(ask, outcome=Outcome.NO_REPLY),
        followup(ask),  # awaiting an answer
        followup(radar, outcome=Outcome.REPLIED, reply_after_days=5),
        followup(radar, outcome=Outcome.INTERVIEW, reply_after_days=9),
        followup(ask, FollowUpStatus.DRAFTED),
        followup(ask, FollowUpStatus.APPROVED),
        followup(MoveKind.NONE, FollowUpStatus.SKIPPED),
        followup(ask, FollowUpStatus.CANCELLED),
    ]
    f = insights([], [], items).followups
    assert f.planned == 2
    assert f.by_move == (
        MoveRate(ask, sent=3, replied=1, no_reply=1, awaiting=1, reply_rate=0.5),
        MoveRate(radar, sent=2, replied=2, no_reply=0, awaiting=0, reply_rate=1.0),
    )
    assert f.overall == MoveRate(None, sent=5, replied=3, no_reply=1, awaiting=1, reply_rate=0.75)
    assert [(s.label, s.count) for s in f.outcomes] == [
        ("feedback_given", 1),
        ("interview", 1),
        ("replied", 1),
        ("no_reply", 1),
        ("awaiting", 1),
    ]
    assert f.time_to_reply == Days(3, 5.0, 2.0, 9.0)


def test_no_rate_until_a_followup_is_decided() -> None:
    f = insights([], [], [followup(), followup()]).followups
    assert f.overall is not None
    assert (f.overall.sent, f.overall.awaiting, f.overall.reply_rate) == (2, 2, None)


def test_everything_is_json_ready() -> None:
    found = insights(
        [app(events=(event(EventKind.APPLIED, 0), event(EventKind.REJECTION, 3)))],
        [rejection(reasons=(Reason.TIMING,), said=((Reason.TIMING, "Not now."),))],
        [followup(outcome=Outcome.REPLIED, reply_after_days=1)],
    )
    data = json.loads(json.dumps(found.to_dict()))
    assert data["rejections"]["reasons"][0]["reason"] == "timing"
    assert data["followups"]["by_move"][0]["reply_rate"] == 1.0
    assert data["suggestions"] == list(found.suggestions)
