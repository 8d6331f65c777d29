"""compose(): every template variant in every context yields a clean, threaded draft."""

from __future__ import annotations

import itertools

import pytest

from gracefully.domain import (
    Address,
    Application,
    Category,
    Contact,
    Email,
    Feedback,
    Move,
    MoveKind,
    Profile,
    Reading,
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
CONTACTS = [Contact("Maya Ortiz", "maya@northwind.example"), Contact("Dr. Jonas Weber"), None]
STAGES = [Stage.APPLICATION, Stage.SCREEN, Stage.ASSESSMENT, Stage.INTERVIEW, Stage.UNKNOWN]
ROLES = ["Data Analyst", None]
ALT_ROLES = ["Analytics Engineer on the Platform team", None]
PROFILES = [
    Profile(
        name="Alex Rivera", signature="Alex Rivera\nData Analyst at Fabrikam", learn={7: LEARN}
    ),
    Profile(learn={7: PHRASE}),
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


def _reading(stage: Stage, role: str | None, alt: str | None, refused: bool) -> Reading:
    feedback = Feedback.REFUSED if refused else Feedback.NONE
    rejection = Rejection(stage=stage, feedback=feedback, alt_role=bool(alt), alt_role_text=alt)
    return Reading("r1", Category.REJECTION, 0.9, rejection, company="Northwind Labs", role=role)


def _matrix():
    for kind, contact, stage, role, alt, refused, profile in itertools.product(
        MOVES, CONTACTS, STAGES, ROLES, ALT_ROLES, [False, True], PROFILES
    ):
        if kind is MoveKind.ASK_FEEDBACK and refused:
            continue
        for variant in range(variants(kind)):
            yield kind, contact, _reading(stage, role, alt, refused), profile, variant


CASES = list(_matrix())


def _compose(kind, contact, reading, profile, variant=None, email=REJECTION_EMAIL):
    app = Application(company="Northwind Labs", role=reading.role, id=7)
    return compose(
        Move(kind, "why"),
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


def test_unknown_name_gives_a_neutral_greeting() -> None:
    reading = _reading(Stage.APPLICATION, "Data Analyst", None, refused=False)
    draft = _compose(MoveKind.STAY_ON_RADAR, None, reading, PROFILES[0], 0)
    assert draft.body.startswith("Hello Northwind Labs team,\n")


def test_title_is_skipped_in_the_greeting() -> None:
    reading = _reading(Stage.INTERVIEW, "Data Analyst", None, refused=False)
    draft = _compose(MoveKind.ASK_FEEDBACK, CONTACTS[1], reading, PROFILES[0], 0)
    assert draft.body.startswith("Hi Jonas,\n")
    assert draft.to_email is None


def test_threads_under_the_rejection() -> None:
    reading = _reading(Stage.APPLICATION, "Data Analyst", None, refused=False)
    draft = _compose(MoveKind.STAY_ON_RADAR, CONTACTS[0], reading, PROFILES[0])
    assert draft.subject == "Re: Your application to Northwind Labs"
    assert draft.in_reply_to == "<r1@northwind.example>"
    assert draft.references == ("<a0@northwind.example>", "<r1@northwind.example>")
    assert (draft.to_name, draft.to_email) == ("Maya Ortiz", "maya@northwind.example")


def test_without_rejection_email_or_contact() -> None:
    reading = _reading(Stage.APPLICATION, "Data Analyst", None, refused=False)
    draft = _compose(MoveKind.STAY_ON_RADAR, None, reading, PROFILES[0], email=None)
    assert (draft.subject, draft.in_reply_to, draft.references) == (
        "Re: Data Analyst application",
        None,
        (),
    )


def test_replies_to_the_sender_unless_it_is_no_reply() -> None:
    reading = _reading(Stage.APPLICATION, "Data Analyst", None, refused=False)
    draft = _compose(MoveKind.STAY_ON_RADAR, None, reading, PROFILES[0])
    assert draft.to_email == "careers@northwind.example"
    no_reply = Reading(
        "r1", Category.REJECTION, 0.9, reading.rejection, "Northwind Labs", no_reply=True
    )
    assert _compose(MoveKind.STAY_ON_RADAR, None, no_reply, PROFILES[0]).to_email is None


def test_variant_is_stable_and_selectable() -> None:
    reading = _reading(Stage.APPLICATION, "Data Analyst", None, refused=False)
    again = {_compose(MoveKind.STAY_ON_RADAR, None, reading, PROFILES[0]).body for _ in range(3)}
    assert len(again) == 1
    chosen = {
        _compose(MoveKind.STAY_ON_RADAR, None, reading, PROFILES[0], v).template for v in range(3)
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
            contact=None,
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
