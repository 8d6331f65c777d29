"""The grace check separates the written good and bad follow-ups, rule by rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gracefully.domain import Severity
from gracefully.write.grace import GraceContext, check
from gracefully.write.grace_rules import GRACE_RULES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "followups"


def _examples(name: str) -> list[dict]:
    return json.loads((FIXTURES / name).read_text())["examples"]


def _context(raw: dict) -> GraceContext:
    tuples = {k: tuple(v) for k, v in raw.items() if isinstance(v, list)}
    return GraceContext(**(raw | tuples))


GOOD, BAD = _examples("good.json"), _examples("bad.json")


def test_there_are_enough_examples() -> None:
    assert len(GOOD) >= 15 and len(BAD) >= 25


@pytest.mark.parametrize("example", GOOD, ids=lambda e: e["id"])
def test_a_good_note_gets_no_finding_at_all(example: dict) -> None:
    assert check(example["text"], _context(example["context"])) == []


@pytest.mark.parametrize("example", BAD, ids=lambda e: e["id"])
def test_a_bad_note_gets_exactly_its_expected_codes(example: dict) -> None:
    findings = check(example["text"], _context(example["context"]))
    assert sorted(f.code for f in findings) == sorted(example["expect"])
    assert all(f.trigger and f.message and f.suggestion for f in findings)


def test_every_rule_is_exercised_by_a_bad_example() -> None:
    expected = {code for e in BAD for code in e["expect"]}
    assert expected == {r.code for r in GRACE_RULES}


def test_severity_split_follows_the_issue() -> None:
    blocking = {r.code for r in GRACE_RULES if r.severity is Severity.BLOCK}
    assert blocking == {
        "placeholder", "bitterness", "arguing", "pleading", "rudeness",
        "refused_feedback_ask", "wrong_name", "wrong_company",
    }  # fmt: skip


def test_trigger_is_the_offending_words() -> None:
    [finding] = check("Hi Maya,\n\nThanks. That was the wrong decision.", GraceContext("Maya"))
    assert (finding.code, finding.trigger) == ("arguing", "the wrong decision")


def test_feedback_ask_is_fine_unless_refused() -> None:
    text = "Hi Leo,\n\nThank you for the interview. Could you share any feedback?"
    assert check(text, GraceContext(to_name="Leo")) == []
    assert [f.code for f in check(text, GraceContext("Leo", feedback_refused=True))] == [
        "refused_feedback_ask"
    ]


def test_impersonal_greeting_is_fine_when_no_name_is_known() -> None:
    text = "To whom it may concern,\n\nThank you for letting me know."
    assert check(text, GraceContext(company="Northwind Labs")) == []


def test_company_close_enough_is_not_a_wrong_company() -> None:
    ctx = GraceContext(company="Northwind Labs GmbH")
    for text in ("Thank you, Northwind team.", "Thanks for the role at Northwind Labs."):
        assert check(text, ctx) == [], text
    [finding] = check("Thanks for the role at Northwind Analytics.", ctx)
    assert finding.code == "wrong_company" and finding.trigger == "Northwind Analytics"


def test_length_limit_comes_from_the_context() -> None:
    text = "Thank you for your time. " * 8
    assert check(text, GraceContext(max_words=40)) == []
    assert [f.code for f in check(text, GraceContext(max_words=20))] == ["too_long"]
