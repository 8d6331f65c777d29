"""Company identity: one key for every way a company is written, and aliases the user controls."""

from __future__ import annotations

import pytest

from gracefully.track import canonical, company_key, learn_alias, merge_companies, split_company

SAME = [
    ("Acme", "ACME Corp."),
    ("Acme", "acme.io"),
    ("Acme", "The Acme Company"),
    ("Acme Robotics, Inc.", "acme-robotics"),
    ("Acme Robotics", "careers.acmerobotics.com"),
    ("Vandelay Industries LLC", "vandelay industries"),
    ("Hooli GmbH", "hooli.co.uk"),
    ("Brightwater & Sons", "brightwater and sons ltd"),
]
DIFFERENT = [
    ("Acme", "Acme Robotics"),
    ("Globex", "Globe"),
    ("Initech", "Initrode"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_spellings_of_one_company_share_a_key(a: str, b: str) -> None:
    assert company_key(a) == company_key(b) != ""


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_other_companies_keep_their_own_key(a: str, b: str) -> None:
    assert company_key(a) != company_key(b)


def test_a_confirmed_name_becomes_an_alias() -> None:
    aliases = learn_alias({}, "Initrode", "Initech")
    assert aliases == {"initrode": "initech"}
    assert learn_alias(aliases, "INITECH Corp", "Initech") == aliases  # already the same key


def test_freemail_domains_never_become_aliases() -> None:
    assert learn_alias({}, "gmail.com", "Initech") == {}


def test_merge_moves_every_alias_and_split_undoes_one() -> None:
    aliases = {"initrode": "initech"}
    merged = merge_companies(aliases, "Umbrella Health", "Initech")
    assert merged == {"initrode": "umbrellahealth", "initech": "umbrellahealth"}
    assert split_company(merged, "Initrode") == {"initech": "umbrellahealth"}


def test_merging_back_and_forth_never_loops() -> None:
    there = merge_companies({}, "Acme", "Globex")
    back = merge_companies(there, "Globex", "Acme")
    assert canonical(back, "globex") == canonical(back, "acme")
    assert all(target not in back for target in back.values())
