"""Reasons said in many ways: overqualified and a changed role, and what must not count.

Each row is a sentence written for this test (fake names). A must-not row
only asserts that its reason is absent: such sentences may state another one.
"""

from __future__ import annotations

import pytest

from gracefully.domain import Address, Category, Email, Reason
from gracefully.understand.details import extract

OVER = Reason.OVERQUALIFIED
CHANGED = Reason.ROLE_CHANGED
ELSEWHERE = Reason.BETTER_FIT_ELSEWHERE
GAP = Reason.EXPERIENCE_GAP


def reasons(body: str) -> set[Reason]:
    details = extract(Email("t", "Your application", None, None, body), Category.REJECTION)
    assert details.rejection is not None
    return set(details.rejection.reasons)


SAID = [
    ("Frankly, you are overqualified for this role.", OVER),
    ("To be direct, your experience is well beyond what this position calls for.", OVER),
    ("You have more experience than this role needs.", OVER),
    ("Your background clearly exceeds what we need for a junior analyst.", OVER),
    ("Your skills surpass the level of this opening.", OVER),
    ("Honestly, you are more senior than the team we are building.", OVER),
    ("We think you would be too experienced for the reporting work.", OVER),
    ("We felt you would be under-challenged in this role.", OVER),
    ("The role would not challenge you for long.", OVER),
    ("It wouldn't be stimulating enough for someone like you.", OVER),
    ("We suspect you'd quickly outgrow the position.", OVER),
    ("We worry you would not stay long in a role this narrow.", OVER),
    ("We are looking for someone earlier in their career.", OVER),
    ("The team decided on a more junior profile for this opening.", OVER),
    ("This opening is too junior for someone with your background.", OVER),
    ("Since your final round, the scope of the role has changed.", CHANGED),
    ("The requirements evolved after we met the wider team.", CHANGED),
    ("The requirements for the role have changed since you applied.", CHANGED),
    ("The role has been re-scoped to focus on infrastructure.", CHANGED),
    ("The job description was revised after the reorganisation.", CHANGED),
    ("We've restructured the position into two part-time roles.", CHANGED),
    ("We decided to fold the Data Engineer position into a broader platform role.", CHANGED),
    ("We will merge this role with another opening on the platform team.", CHANGED),
    ("The position has been redefined as a people-management role.", CHANGED),
    ("The needs for this role have shifted since we spoke.", CHANGED),
    ("Your mix of finance and modelling would be a better fit for our pricing team.", ELSEWHERE),
    ("Your experience with Kafka is thinner than what the role now needs.", GAP),
    ("The requirements for the role\nhave changed since you applied.", CHANGED),
    ("Since we met, the opening has grown into a team-lead position.", CHANGED),
    ("We've actually already hired someone for the Saturday shifts.", Reason.POSITION_FILLED),
    ("The board decided to appoint someone from within the practice.", Reason.INTERNAL_CANDIDATE),
]

NOT_SAID = [
    ("We moved forward with more senior candidates.", OVER),
    ("The other finalist was more senior than you.", OVER),
    ("We hired someone more experienced than the role originally asked for.", OVER),
    ("This role needs experience beyond what you have shown so far.", OVER),
    ("The position is too senior for your current experience.", OVER),
    ("We had many senior candidates apply this round.", OVER),
    ("We need someone who will challenge the status quo.", OVER),
    ("Earlier in your career you led a reporting team, which we liked.", OVER),
    ("If we think a candidate is overqualified, we always say so.", OVER),
    ("You are not overqualified; we simply chose another candidate.", OVER),
    ("We are looking for someone with more senior experience in Python.", OVER),
    ("Our requirements have not changed; we chose another candidate.", CHANGED),
    ("If the scope of the role changes, we will reach out.", CHANGED),
    ("If the role is re-scoped, we'll let you know.", CHANGED),
    ("We changed the interview schedule twice, sorry for that.", CHANGED),
    ("Priorities have shifted and we have stopped hiring for this role.", CHANGED),
    ("The team has changed its process for take-home reviews.", CHANGED),
    # the role grew more senior: a changed role, not an overqualified candidate
    ("The role has evolved into something more senior than we first advertised.", OVER),
    ("Your mix of skills would not be a better fit for our other teams either.", ELSEWHERE),
    ("The candidate we hired has experience that is thinner than yours, but local.", GAP),
]


@pytest.mark.parametrize(("body", "reason"), SAID)
def test_the_reason_is_read(body: str, reason: Reason) -> None:
    assert reason in reasons(body)


@pytest.mark.parametrize(("body", "reason"), NOT_SAID)
def test_the_reason_is_not_read(body: str, reason: Reason) -> None:
    assert reason not in reasons(body)


def test_the_evidence_quotes_the_sentence_that_says_it() -> None:
    body = (
        "Hi Sam,\n\nThank you for speaking with me. After talking it over, we won't move ahead. "
        "Your experience is well beyond what this position calls for.\n\nRosa"
    )
    details = extract(Email("t", "Update", None, None, body), Category.REJECTION)
    (evidence,) = [e for e in details.evidence if e.field == "reasons"]
    assert evidence.value == OVER.value
    assert evidence.sentence == "Your experience is well beyond what this position calls for."
    assert body[evidence.start : evidence.end] == evidence.sentence


def test_a_wrapped_line_does_not_hide_a_phrase() -> None:
    body = "With your permission, I'd like to keep your\ndetails on file for the spring."
    details = extract(Email("t", "Update", None, None, body), Category.REJECTION)
    assert details.rejection is not None and details.rejection.keep_on_file
    (evidence,) = [e for e in details.evidence if e.field == "keep_on_file"]
    assert evidence.sentence == body  # quoted as written, line break and all


@pytest.mark.parametrize(
    "opening",
    [
        "I wanted to write to you myself rather than send the usual note.",
        "I wanted to get back to you personally about the Data Analyst role.",
    ],
)
def test_a_recruiter_writing_in_person_is_personal(opening: str) -> None:
    body = f"Hi Sam,\n\n{opening} We won't be moving forward.\n\nPriya"
    mail = Email(
        "t", "Update", Address("Priya Natarajan", "priya.natarajan@orrin.example"), None, body
    )
    details = extract(mail, Category.REJECTION)
    assert details.rejection is not None and details.rejection.personal
