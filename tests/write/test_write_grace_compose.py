"""Every draft gracefully composes passes its own grace check with no block.

compose.py and the templates change often (another engineer's room), so this walks
every move and variant over the specifics compose can add (feedback given or offered,
an offered call, reasons about the job, keep-on-file, interviewers to thank, a late
reply) and profiles that sign in different ways: any block here is a template bug or
a grace-check bug, and it fails the suite either way.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

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
    Severity,
    Stage,
)
from gracefully.write import compose, variants

MOVES = [k for k in MoveKind if k is not MoveKind.NONE]
STAGES = [Stage.APPLICATION, Stage.SCREEN, Stage.ASSESSMENT, Stage.INTERVIEW, Stage.UNKNOWN]
CALL = Evidence("feedback", "offered", "feedback-offered", "Happy to jump on a call about it.")
NOTES = Evidence("feedback", "offered", "feedback-offered", "I can send you a few notes.")
SPECIFICS: list[dict] = [
    {},
    {"feedback": Feedback.OFFERED, "evidence": (CALL,)},
    {"feedback": Feedback.OFFERED, "evidence": (NOTES,)},
    {"keep": True},
    *({"feedback": Feedback.GIVEN, "reasons": (r,)} for r in Reason),
    *({"reasons": (r,), "keep": True} for r in Reason),
]
PROFILES = [
    Profile(
        name="Alex Rivera",
        signature="Alex Rivera\nData Analyst at Fabrikam",
        learn={7: "I want to learn dbt and analytics engineering from the ground up"},
    ),
    Profile(
        name="Sam Rivera",
        signature="Sam Rivera\nData analyst | SQL, Python, dbt\nsam.rivera@example.net",
        learn={7: "regulatory reporting for consumer lending"},
    ),
    Profile(name="Priya Natarajan", learn={7: "Working with clinical data at scale"}),
]
INTERVIEWERS = (
    Contact("Priyanka Shah", "priyanka@northwind.example", role=ContactRole.INTERVIEWER),
    Contact("Tom Berg", "tom@northwind.example", role=ContactRole.INTERVIEWER),
)
TO = Contact("Maya Ortiz", "maya@northwind.example")
SENT = datetime(2026, 3, 3, 10, tzinfo=UTC)
EMAIL = Email(
    id="<r1@northwind.example>",
    subject="Your application to Northwind Labs",
    sender=Address("Maya Ortiz", "maya@northwind.example"),
    date=SENT,
    body="...",
    message_id="<r1@northwind.example>",
)


def _reading(stage: Stage, extra: dict, refused: bool, alt: str | None) -> Reading:
    feedback = extra.get("feedback") or (Feedback.REFUSED if refused else Feedback.NONE)
    rejection = Rejection(
        stage=stage,
        reasons=extra.get("reasons", ()),
        feedback=feedback,
        keep_on_file=extra.get("keep", False),
        alt_role=bool(alt),
        alt_role_text=alt,
    )
    return Reading(
        "r1", Category.REJECTION, 0.9, rejection, company="Northwind Labs",
        role="Data Analyst", evidence=extra.get("evidence", ()),
    )  # fmt: skip


def _cases():
    """Each move and variant over each specific; stages, refusal, an alternative role,
    lateness and interviewers vary along, so every one meets every template."""
    combos = itertools.product(MOVES, SPECIFICS, [False, True])
    for n, (kind, extra, refused) in enumerate(combos):
        if refused and (kind is MoveKind.ASK_FEEDBACK or extra.get("feedback")):
            continue
        alt = "Analytics Engineer on the Platform team" if n % 2 else None
        for variant in range(variants(kind)):
            stage = STAGES[(n + variant) % len(STAGES)]
            late, interviewers = (n + variant) % 3 == 0, (n + variant) % 2 == 0
            yield kind, _reading(stage, extra, refused, alt), variant, late, interviewers


def _draft(kind, reading, variant, late, interviewers, profile):  # type: ignore[no-untyped-def]
    app = Application(
        company="Northwind Labs", role="Data Analyst", id=7,
        contacts=list(INTERVIEWERS if interviewers else ()),
    )  # fmt: skip
    due = SENT + (timedelta(days=20) if late else timedelta(hours=30))
    return compose(
        Move(kind, "why", due_at=due),
        application=app,
        reading=reading,
        contact=TO,
        profile=profile,
        rejection_email=EMAIL,
        variant=variant,
    )


CASES = list(_cases())


def test_the_matrix_covers_every_move_and_variant() -> None:
    covered = {(kind, variant) for kind, _, variant, _, _ in CASES}
    assert covered == {(k, v) for k in MOVES for v in range(variants(k))}
    assert len(CASES) > 400


def test_no_composed_draft_is_blocked() -> None:
    failures = []
    for i, (kind, reading, variant, late, interviewers) in enumerate(CASES):
        draft = _draft(kind, reading, variant, late, interviewers, PROFILES[i % len(PROFILES)])
        blocks = [f for f in draft.findings if f.severity is Severity.BLOCK]
        if blocks:
            failures.append((draft.template, [(f.code, f.trigger) for f in blocks], draft.body))
    assert failures == []


def test_a_draft_for_a_profile_without_a_name_is_held_for_its_signature_only() -> None:
    """With no name in the profile the draft ends at "Best wishes,": sent as it is, it
    would go out unsigned, so it is held, and the fix says where to set the name."""
    for kind, reading, variant, late, interviewers in CASES[:: max(1, len(CASES) // 60)]:
        draft = _draft(kind, reading, variant, late, interviewers, Profile())
        blocks = {f.code: f for f in draft.findings if f.severity is Severity.BLOCK}
        assert set(blocks) == {"missing_signature"}, draft.body
        assert "profile" in blocks["missing_signature"].suggestion
