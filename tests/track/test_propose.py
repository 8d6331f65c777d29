"""Naming a new application from what its email writes, and the aliases that email teaches."""

from __future__ import annotations

from typing import Any

import pytest

from gracefully.track import (
    Known,
    TrackIndex,
    company_key,
    is_ats_domain,
    link,
    new_application,
    scoped_aliases,
)
from gracefully.track.company import names_in, spells
from tests.track.builders import FIXTURES, load_world, make_email, make_reading

NAMING = load_world(FIXTURES / "naming.toml")["case"]


@pytest.mark.parametrize("case", NAMING, ids=[c["name"] for c in NAMING])
def test_a_new_application_is_named_as_the_email_writes_it(case: dict[str, Any]) -> None:
    app = new_application(make_email(**case["email"]), make_reading(**case["reading"]))
    assert app.company == case["expect"]


@pytest.mark.parametrize(
    ("short", "name", "spelt"),
    [
        ("tidewatercu", "Tidewater Credit Union", True),
        ("fernhill", "Fernhill Energy", True),
        ("getyardleymedia", "Yardley Media", True),
        ("lumenandoak", "Lumen & Oak", True),
        ("ibm", "International Business Machines", True),
        ("tidewatercu", "Tidewater Bank", False),
        ("tomasrueda", "Fernhill Energy", False),
        ("fernhillenergy", "Fernhill", False),
        ("smartrecruitersmail", "Copperleaf Insurance", False),
    ],
)
def test_a_slug_spells_a_name_only_in_its_own_words(short: str, name: str, spelt: bool) -> None:
    assert spells(short, name) is spelt


def test_accents_do_not_split_a_company() -> None:
    assert company_key("Société Générale") == company_key("Societe Generale SA")


@pytest.mark.parametrize(
    ("domain", "ats"),
    [
        ("smartrecruitersmail.com", True),
        ("us.greenhouse-mail.io", True),
        ("lever-mail.example", True),
        ("tidewatercu.example", False),
        ("leverage.example", False),
        ("csodmail.com", True),
        ("brassring.com", True),
        ("linkedin.com", True),
        ("gmail.com", False),
    ],
)
def test_ats_mail_domains_are_recognised(domain: str, ats: bool) -> None:
    assert is_ats_domain(domain) is ats


def test_team_and_greeting_words_end_a_written_name() -> None:
    text = "Hi Sam,\nThe Fenwick Solar Recruiting Team\nHead of Data, Marlowe Savings Bank"
    assert names_in(text) == ["Sam", "Fenwick Solar", "Head of Data", "Marlowe Savings Bank"]


def test_a_tenant_learnt_from_the_first_email_finds_later_mail() -> None:
    first = make_email(
        "Tidewater Credit Union <tidewatercu@myworkday.com>",
        subject="Thank you for applying to Tidewater Credit Union",
        body="Thank you for applying for the Data Analyst II position.",
    )
    reading = make_reading("confirmation", company="Tidewater Credit Union", role="Data Analyst II")
    app = new_application(first, reading)
    learnt = scoped_aliases(first, reading, app)
    assert learnt == {"workday/tidewatercu": "tidewatercreditunion"}
    index = TrackIndex()
    index.add_application(Known(1, app.company, app.role))
    index.add_scoped(learnt)
    portal = "https://tidewatercu.wd1.myworkdayjobs.com/External"
    later = make_email("no-reply@myworkday.com", subject="Update", body=f"Sign in at {portal}.")
    found = link(later, make_reading("rejection", role="Data Analyst II"), index)
    assert found is not None and (found.application_id, found.needs_review) == (1, False)


def test_a_company_key_is_not_a_scoped_alias() -> None:
    with pytest.raises(ValueError, match="company key"):
        TrackIndex().add_scoped({"acme": "acmerobotics"})


def test_a_tenant_in_a_cornerstone_address_is_learnt() -> None:
    first = make_email(
        "Asml Recruiting <asml@csodmail.com>",
        subject="Thank you for applying to ASML",
        body="Thank you for applying for the Process Engineer position at ASML.",
    )
    reading = make_reading("confirmation", company="ASML", role="Process Engineer")
    app = new_application(first, reading)
    assert scoped_aliases(first, reading, app) == {"cornerstone/asml": "asml"}
