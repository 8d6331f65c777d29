"""Role titles: alike titles match, seniority, level and function never merge."""

from __future__ import annotations

import pytest

from gracefully.track import Mention, compare_roles, find_role
from gracefully.track.roles import role_in_text

SAME_JOB = [
    ("Senior Software Engineer", "Sr. Software Engineer"),
    ("Software Engineer, Backend", "Backend Software Engineer"),
    ("Data Engineer", "Data Engineer (Remote)"),
    ("Product Designer", "Product Desginer"),
    ("Software Engineer", "Software Engineer, Payments"),
]
OTHER_JOB = [
    ("Senior Engineer", "Staff Engineer", "seniority"),
    ("Data Analyst", "Data Engineer", "function"),
    ("Engineer I", "Engineer II", "level"),
    ("Software Engineer", "Senior Software Engineer", "seniority"),
    ("Engineer", "Data Engineer", "specialty"),
    ("Backend Engineer", "Frontend Engineer", "specialty"),
]


@pytest.mark.parametrize(("a", "b"), SAME_JOB)
def test_alike_titles_match(a: str, b: str) -> None:
    assert compare_roles(a, b).score >= 0.85


@pytest.mark.parametrize(("a", "b", "why"), OTHER_JOB)
def test_different_jobs_never_match(a: str, b: str, why: str) -> None:
    match = compare_roles(a, b)
    assert match.score == 0
    assert match.why.startswith(why)


@pytest.mark.parametrize(
    ("text", "role", "mention"),
    [
        ("Thanks for applying to the Data Engineer role. I will be in touch.", "Data Engineer",
         Mention.SAME),
        ("Thanks for applying to the Sr. Data Engineer role.", "Data Engineer",
         Mention.OTHER_LEVEL),
        ("Your Data Engineer II application", "Data Engineer", Mention.OTHER_LEVEL),
        ("Staff Data Engineer", "Senior Data Engineer", Mention.OTHER_LEVEL),
        ("Your interview for Head of Data", "Head of Data", Mention.SAME),
        ("Your application to Acme", "Data Engineer", Mention.ABSENT),
    ],
)  # fmt: skip
def test_find_role_in_text(text: str, role: str, mention: Mention) -> None:
    assert find_role(text, role) is mention


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Thank you for your interest in the Sr. Data Engineer role at Acme.", "Sr. Data Engineer"),
        ("We received your application for the Account Executive I (Remote) position",
         "Account Executive I"),
        ("Would love to chat about the Lead UX Researcher opportunity", "Lead UX Researcher"),
        ("Chat about the Alder Energy role?", None),
    ],
)  # fmt: skip
def test_role_in_text(text: str, role: str | None) -> None:
    assert role_in_text(text) == role
