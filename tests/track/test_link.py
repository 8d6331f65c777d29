"""Every linking signal and the hard cases, over the written world in linking.toml."""

from __future__ import annotations

from typing import Any

import pytest

from gracefully.domain import LinkSignal
from gracefully.track import Known, aliases_from_link, clues_for, link, new_application
from tests.track.builders import FIXTURES, load_world, make_email, make_index, make_reading

WORLD = load_world(FIXTURES / "linking.toml")
HARD = load_world(FIXTURES / "hard_cases.toml")
CASES = [(WORLD, c) for c in WORLD["case"]] + [(HARD, c) for c in HARD["case"]]


@pytest.mark.parametrize(("world", "case"), CASES, ids=[c["name"] for _, c in CASES])
def test_linking_case(world: dict[str, Any], case: dict[str, Any]) -> None:
    index = make_index(world)
    result = link(make_email(**case["email"]), make_reading(**case["reading"]), index)
    expect = case["expect"]
    if expect["app"] == "none":
        assert result is None
        return
    assert result is not None
    wanted = {"new": None, "unsure": None}.get(expect["app"], expect["app"])
    assert result.application_id == wanted, result.evidence
    assert result.signal is LinkSignal(expect["signal"]), result.evidence
    assert result.needs_review is expect["review"], result
    if expect["review"]:  # the reviewer is shown what the link hesitated between
        assert list(result.candidates) == expect["candidates"], result.evidence
    assert result.evidence
    assert 0.0 <= result.confidence <= 1.0


def test_review_threshold_is_the_callers() -> None:
    index = make_index(WORLD)
    email = make_email("careers@initrode.com", body="Thank you.")
    reading = make_reading(role="Staff Software Engineer")
    sure = link(email, reading, index)
    strict = link(email, reading, index, review_below=0.99)
    assert sure is not None and strict is not None
    assert not sure.needs_review and strict.needs_review
    assert strict.application_id == sure.application_id == 4


def test_a_new_application_is_named_from_its_clues_and_then_found() -> None:
    index = make_index(WORLD)
    email = make_email(
        "Soylent Foods via Greenhouse <no-reply@greenhouse.io>",
        subject="Thank you for applying (Job ID 77120)",
        body="We received your application for Brand Strategist.",
        reply_to="Mo Park <mo.park@soylentfoods.com>",
    )
    reading = make_reading("confirmation", role="Brand Strategist", company="Soylent Food")
    first = link(email, reading, index)
    assert first is not None and first.signal is LinkSignal.NEW and not first.needs_review
    app = new_application(email, reading)
    assert (app.company, app.role) == ("Soylent Foods", "Brand Strategist")
    assert app.company_domain == "soylentfoods.com"
    assert app.requisition_id == "77120"
    index.add_application(Known(99, app.company, app.role, app.requisition_id, app.company_domain))
    later = make_email("mo.park@soylentfoods.com", subject="Interview", body="Are you free Friday?")
    second = link(later, make_reading("interview"), index)
    assert second is not None and second.application_id == 99
    assert second.signal is LinkSignal.COMPANY_DOMAIN


def test_messages_added_during_a_scan_thread_later_replies() -> None:
    index = make_index(WORLD)
    index.add_message("<new-1@globex.example>", 3)
    reply = make_email("someone@elsewhere.example", in_reply_to="<NEW-1@globex.example>")
    result = link(reply, make_reading("other"), index)
    assert result is not None and (result.application_id, result.signal) == (3, LinkSignal.THREAD)


def test_a_thread_touching_two_applications_goes_to_review() -> None:
    index = make_index(WORLD)
    index.add_message("<other@acmerobotics.com>", 2)
    email = make_email(
        in_reply_to="<conf-1@acmerobotics.com>", references=["<other@acmerobotics.com>"]
    )
    result = link(email, make_reading(), index)
    assert result is not None and result.needs_review and result.application_id == 1
    assert result.candidates == (1, 2)


def test_an_email_without_company_cannot_start_an_application() -> None:
    email = make_email("Sam Seeker <sam.seeker@gmail.com>", body="See you Tuesday.")
    with pytest.raises(ValueError, match="names no company"):
        new_application(email, make_reading("interview"))


def test_a_confirmed_link_teaches_the_names_the_email_used() -> None:
    index = make_index(WORLD)
    email = make_email("Umbrella Health Group <talent@umbrella-care.example>", body="Thanks.")
    clues = clues_for(email, make_reading(company="Umbrela Health"))
    learnt = aliases_from_link(index.aliases, clues, "Umbrella Health", index)
    assert learnt["umbrelahealth"] == learnt["umbrellacare"] == "umbrellahealth"
    assert learnt["initrode"] == "initech"
    index.set_aliases(learnt)
    again = link(email, make_reading(role="Data Analyst"), index)
    assert again is not None and (again.application_id, again.needs_review) == (6, False)


def test_a_name_of_another_known_company_is_not_taken_over() -> None:
    index = make_index(WORLD)
    clues = clues_for(make_email(body="x"), make_reading(company="Globex"))
    learnt = aliases_from_link(index.aliases, clues, "Umbrella Health", index)
    assert "globex" not in learnt and "acmerobotics" not in learnt
