"""compose(): every template variant in every context yields a clean, threaded draft."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from gracefully.domain import (
    Address,
    Application,
    Category,
    Contact,
    ContactRole,
    Email,
    Evidence,
    Feedback,
    Move,
    MoveKind,
    Profile,
    Reading,
    Reason,
    Rejection,
    Stage,
)
from gracefully.write import NotDraftable, compose, variants
from gracefully.write.compose import learn_sentence
from gracefully.write.detectors import word_count

LEARN = (
    "I want to learn dbt and analytics engineering from the ground up, "
    "which this role would have let me do"
)
PHRASE = "Regulatory reporting for consumer lending, which I have not worked with before"
MOVES = [k for k in MoveKind if k is not MoveKind.NONE]
CONTACTS = [
    Contact("Maya Ortiz", "maya@northwind.example"),
    Contact("Dr. Jonas Weber", "jonas.weber@northwind.example"),
]
STAGES = [Stage.APPLICATION, Stage.SCREEN, Stage.ASSESSMENT, Stage.INTERVIEW, Stage.UNKNOWN]
ROLES = ["Data Analyst", None]
ALT_ROLES = ["Analytics Engineer on the Platform team", None]
PROFILES = [
    Profile(
        name="Alex Rivera", signature="Alex Rivera\nData Analyst at Fabrikam", learn={7: LEARN}
    ),
    Profile(name="Sam Lee", learn={7: PHRASE}),
]
REJECTION_EMAIL = Email(
    id="<r1@northwind.example>",
    subject="Your application to Northwind Labs",
    sender=Address("Northwind Careers", "careers@northwind.example"),
    date=None,
    body="...",
    message_id="<r1@northwind.example>",
    references=("<a0@northwind.example>",),
)


def _reading(
    stage: Stage,
    role: str | None,
    alt: str | None,
    refused: bool,
    *,
    feedback: Feedback | None = None,
    reasons: tuple[Reason, ...] = (),
    keep: bool = False,
    evidence: tuple[Evidence, ...] = (),
) -> Reading:
    said = feedback or (Feedback.REFUSED if refused else Feedback.NONE)
    rejection = Rejection(
        stage=stage,
        reasons=reasons,
        feedback=said,
        keep_on_file=keep,
        alt_role=bool(alt),
        alt_role_text=alt,
    )
    return Reading(
        "r1",
        Category.REJECTION,
        0.9,
        rejection,
        company="Northwind Labs",
        role=role,
        evidence=evidence,
    )


CALL = Evidence(
    "feedback", "offered", "feedback-offered", "Happy to jump on a call to talk it over."
)
SPECIFICS = [
    {},
    {"feedback": Feedback.GIVEN, "reasons": (Reason.EXPERIENCE_GAP,)},
    {"feedback": Feedback.OFFERED, "evidence": (CALL,)},
    {"reasons": (Reason.INTERNAL_CANDIDATE,), "keep": True},
]


def _matrix():
    for kind, contact, stage, role, alt, refused, profile, extra in itertools.product(
        MOVES, CONTACTS, STAGES, ROLES, ALT_ROLES, [False, True], PROFILES, SPECIFICS
    ):
        if kind is MoveKind.ASK_FEEDBACK and refused:
            continue
        if extra and (refused or profile is not PROFILES[0] or role is None):
            continue  # the specifics, over every move, stage and variant
        for variant in range(variants(kind)):
            reading = _reading(stage, role, alt, refused, **extra)  # type: ignore[arg-type]
            yield kind, contact, reading, profile, variant


CASES = list(_matrix())


def _compose(
    kind, contact, reading, profile, variant=None, email=REJECTION_EMAIL, due=None, contacts=()
):
    app = Application(company="Northwind Labs", role=reading.role, id=7, contacts=list(contacts))
    return compose(
        Move(kind, "why", due_at=due),
        application=app,
        reading=reading,
        contact=contact,
        profile=profile,
        rejection_email=email,
        variant=variant,
    )


def test_every_move_has_several_variants() -> None:
    assert all(variants(k) >= 3 for k in MOVES)
    assert len(CASES) > 1000


def test_every_composed_draft_passes_the_grace_check_cleanly() -> None:
    failures = []
    for kind, contact, reading, profile, variant in CASES:
        draft = _compose(kind, contact, reading, profile, variant)
        if draft.findings or word_count(draft.body) >= 150:
            failures.append((draft.template, contact, reading.rejection, draft.findings))
    assert failures == []


@pytest.mark.parametrize("kind", MOVES)
def test_draft_is_specific(kind: MoveKind) -> None:
    reading = _reading(Stage.INTERVIEW, "Data Analyst", ALT_ROLES[0], refused=False)
    for variant in range(variants(kind)):
        draft = _compose(kind, CONTACTS[0], reading, PROFILES[0], variant)
        assert draft.body.startswith("Hi Maya,\n")
        assert "To whom it may concern" not in draft.body
        assert "Alex Rivera" in draft.body
        if kind is MoveKind.CORRECT_ASSUMPTION:
            assert LEARN in draft.body
        if kind is MoveKind.OTHER_ROLE:
            assert ALT_ROLES[0] in draft.body
        if kind is MoveKind.ASK_FEEDBACK:
            assert "Data Analyst" in draft.body or "Northwind Labs" in draft.body


def test_stage_gives_one_specific_from_the_process() -> None:
    reading = _reading(Stage.ASSESSMENT, "Data Analyst", None, refused=False)
    draft = _compose(MoveKind.STAY_ON_RADAR, CONTACTS[0], reading, PROFILES[0], 0)
    assert "take-home" in draft.body


@pytest.mark.parametrize(
    "contact",
    [
        None,
        Contact("Maya Ortiz", None),
        Contact("Workday", "workday.do-not-reply@northwind.example", contactable=False),
        Contact("careers@northwind.example", "careers@northwind.example"),
    ],
)
def test_no_note_without_a_person_to_reach(contact: Contact | None) -> None:
    reading = _reading(Stage.APPLICATION, "Data Analyst", None, refused=False)
    with pytest.raises(NotDraftable):
        _compose(MoveKind.STAY_ON_RADAR, contact, reading, PROFILES[0], 0)


def test_title_is_skipped_in_the_greeting() -> None:
    reading = _reading(Stage.INTERVIEW, "Data Analyst", None, refused=False)
    draft = _compose(MoveKind.ASK_FEEDBACK, CONTACTS[1], reading, PROFILES[0], 0)
    assert draft.body.startswith("Hi Jonas,\n")
    assert draft.to_email == "jonas.weber@northwind.example"


def test_given_feedback_is_thanked_for_naming_one_point() -> None:
    reading = _reading(
        Stage.INTERVIEW, "Data Analyst", None, False, feedback=Feedback.GIVEN,
        reasons=(Reason.EXPERIENCE_GAP,),
    )  # fmt: skip
    draft = _compose(MoveKind.STAY_ON_RADAR, CONTACTS[0], reading, PROFILES[0], 0)
    assert "feedback, particularly on the experience you were looking for" in draft.body


def test_an_offered_call_is_taken_up() -> None:
    reading = _reading(
        Stage.INTERVIEW, "Data Analyst", None, False, feedback=Feedback.OFFERED, evidence=(CALL,)
    )
    for variant in range(variants(MoveKind.ASK_FEEDBACK)):
        draft = _compose(MoveKind.ASK_FEEDBACK, CONTACTS[0], reading, PROFILES[0], variant)
        assert "take you up on your offer of a short call" in draft.body


def test_an_interview_is_never_called_an_application() -> None:
    reading = _reading(Stage.INTERVIEW, "Data Analyst", None, refused=False)
    for kind in MOVES:
        for variant in range(variants(kind)):
            body = _compose(kind, CONTACTS[0], reading, PROFILES[0], variant).body
            assert "application" not in body.lower(), body


def test_a_weeks_old_rejection_gets_a_fitting_opener() -> None:
    reading = _reading(Stage.APPLICATION, "Data Analyst", None, refused=False)
    received = replace(REJECTION_EMAIL, date=datetime(2026, 9, 1, 10, tzinfo=UTC))
    fresh = datetime(2026, 9, 2, 10, tzinfo=UTC)
    late = datetime(2026, 11, 2, 10, tzinfo=UTC)
    for variant in range(variants(MoveKind.STAY_ON_RADAR)):
        now = _compose(MoveKind.STAY_ON_RADAR, CONTACTS[0], reading, PROFILES[0], variant,
                       email=received, due=fresh)  # fmt: skip
        then = _compose(MoveKind.STAY_ON_RADAR, CONTACTS[0], reading, PROFILES[0], variant,
                        email=received, due=late)  # fmt: skip
        assert "letting me know" not in then.body
        assert now.body != then.body


def test_interviewers_are_thanked_by_name() -> None:
    reading = _reading(Stage.INTERVIEW, "Data Analyst", None, refused=False)
    team = [Contact("Priya Raman", None, ContactRole.INTERVIEWER)]
    draft = _compose(MoveKind.STAY_ON_RADAR, CONTACTS[0], reading, PROFILES[0], 0, contacts=team)
    assert "Please pass my thanks to Priya as well.\n\n" in draft.body  # its own paragraph ends


def test_threads_under_the_rejection() -> None:
    reading = _reading(Stage.APPLICATION, "Data Analyst", None, refused=False)
    draft = _compose(MoveKind.STAY_ON_RADAR, CONTACTS[0], reading, PROFILES[0])
    assert draft.subject == "Re: Your application to Northwind Labs"
    assert draft.in_reply_to == "<r1@northwind.example>"
    assert draft.references == ("<a0@northwind.example>", "<r1@northwind.example>")
    assert (draft.to_name, draft.to_email) == ("Maya Ortiz", "maya@northwind.example")


def test_without_rejection_email() -> None:
    reading = _reading(Stage.APPLICATION, "Data Analyst", None, refused=False)
    draft = _compose(MoveKind.STAY_ON_RADAR, CONTACTS[0], reading, PROFILES[0], email=None)
    assert (draft.subject, draft.in_reply_to, draft.references) == (
        "Re: Data Analyst application",
        None,
        (),
    )


def test_the_note_goes_to_the_contact_never_the_mailbox_it_came_from() -> None:
    reading = _reading(Stage.APPLICATION, "Data Analyst", None, refused=False)
    draft = _compose(MoveKind.STAY_ON_RADAR, CONTACTS[0], reading, PROFILES[0])
    assert (draft.to_name, draft.to_email) == ("Maya Ortiz", "maya@northwind.example")


def test_variant_is_stable_and_selectable() -> None:
    reading = _reading(Stage.APPLICATION, "Data Analyst", None, refused=False)
    maya = CONTACTS[0]
    again = {_compose(MoveKind.STAY_ON_RADAR, maya, reading, PROFILES[0]).body for _ in range(3)}
    assert len(again) == 1
    chosen = {
        _compose(MoveKind.STAY_ON_RADAR, maya, reading, PROFILES[0], v).template for v in range(3)
    }
    assert len(chosen) == 3


@pytest.mark.parametrize(
    ("move", "refused"),
    [
        (Move(MoveKind.NONE, "door closed"), False),
        (Move(MoveKind.CORRECT_ASSUMPTION, "why", needs=("learn",)), False),
        (Move(MoveKind.ASK_FEEDBACK, "why"), True),
    ],
)
def test_refuses_what_cannot_be_written(move: Move, refused: bool) -> None:
    reading = _reading(Stage.INTERVIEW, "Data Analyst", None, refused=refused)
    with pytest.raises(NotDraftable):
        compose(
            move,
            application=Application(company="Northwind Labs", id=7),
            reading=reading,
            contact=CONTACTS[0],
            profile=Profile(),
            rejection_email=None,
        )


def test_learn_is_kept_as_a_sentence_or_completed_as_a_phrase() -> None:
    assert learn_sentence(LEARN + ".") == LEARN + "."
    assert learn_sentence(PHRASE) == (
        "This role would have let me learn regulatory reporting for consumer lending, "
        "which I have not worked with before."
    )
    assert learn_sentence("SQL modelling at scale").endswith("learn SQL modelling at scale.")


def test_a_draft_nobody_signed_is_blocked() -> None:
    reading = _reading(Stage.INTERVIEW, "Data Analyst", None, refused=False)
    draft = _compose(MoveKind.STAY_ON_RADAR, CONTACTS[0], reading, Profile(), 0)
    assert draft.blocked
