"""Every fact in gracefully/knowledge/data has its examples, and they hold.

The tests are generated from the data files: each row must carry `examples`
that match it and `not_examples` (near misses) that must not, and every domain
a row lists needs an example of its own. Adding a row without them fails here.
"""

from __future__ import annotations

import pytest

from gracefully import knowledge
from gracefully.knowledge._data import load

ATS_ROWS = [("ats", row) for row in load("ats")["ats"]]
BULK = load("bulk")
BULK_ROWS = [
    (kind, row) for kind in ("job_board", "assessment", "mail_service") for row in BULK[kind]
]
PLATFORM_ROWS = ATS_ROWS + BULK_ROWS
ROBOT_ROWS = load("noreply")["robot"]
ROLE_ROWS = load("roles")["role"]
FREEMAIL_ROWS = load("freemail")["provider"]


def _id(row: dict) -> str:
    return row.get("name") or row["word"]


def _domain(address: str) -> str:
    return address.rpartition("@")[2]


def _under(domain: str, listed: str) -> bool:
    if listed.endswith(".*"):
        return knowledge.registrable_domain(domain).split(".")[0] == listed[:-2]
    return domain == listed or domain.endswith("." + listed)


@pytest.mark.parametrize("rows", [PLATFORM_ROWS, [(None, r) for r in ROBOT_ROWS + ROLE_ROWS]])
def test_every_row_carries_examples_and_near_misses(rows: list) -> None:
    for _, row in rows:
        assert row.get("examples"), f"{_id(row)} has no examples"
        assert row.get("not_examples"), f"{_id(row)} has no not_examples"
    for row in FREEMAIL_ROWS:
        assert row.get("examples") and row.get("not_examples"), row["name"]


def test_names_are_unique_and_words_are_lower_case() -> None:
    names = [row["name"] for _, row in PLATFORM_ROWS]
    assert len(names) == len(set(names))
    words = [w for _, row in PLATFORM_ROWS for w in row.get("words", [])]
    assert len(words) == len(set(words)), "a word names two platforms"
    assert all(w == w.lower() for w in words)
    assert len(knowledge.PLATFORMS) == len(PLATFORM_ROWS)


@pytest.mark.parametrize(
    ("kind", "row"), PLATFORM_ROWS, ids=lambda v: v if isinstance(v, str) else v["name"]
)
def test_platform_examples_and_near_misses(kind: str, row: dict) -> None:
    for domain in row["domains"]:
        assert any(_under(_domain(e), domain) for e in row["examples"]), f"no example of {domain}"
    for address in row.get("addresses", []):
        assert address in row["examples"], f"no example of {address}"
    for example in row["examples"]:
        platform = knowledge.platform_for_address(example)
        assert platform is not None and platform.name == row["name"], example
        assert platform.kind == kind
        assert knowledge.is_robot_address(example), example
        assert (knowledge.ats_for_domain(_domain(example)) is not None) is (kind == "ats")
    for near in row["not_examples"]:
        platform = knowledge.platform_for_address(near)
        assert platform is None or platform.name != row["name"], near


@pytest.mark.parametrize("row", ROBOT_ROWS, ids=_id)
def test_robot_words_and_near_misses(row: dict) -> None:
    for example in row["examples"]:
        assert knowledge.robot_word(example.partition("@")[0]) is not None, example
        assert knowledge.is_no_reply(example) and knowledge.is_robot_address(example), example
    for near in row["not_examples"]:
        assert not knowledge.is_robot_address(near), near
    assert row.get("why"), f"{row['word']} does not say why it is a robot"


@pytest.mark.parametrize("row", ROBOT_ROWS, ids=_id)
def test_each_robot_example_is_its_own_rows(row: dict) -> None:
    from gracefully.knowledge._local import _ROBOT_EACH

    pattern = dict(_ROBOT_EACH)[row["word"]]
    for example in row["examples"]:
        assert pattern.search(example.partition("@")[0].lower()), example


@pytest.mark.parametrize("row", ROLE_ROWS, ids=_id)
def test_role_mailboxes_and_near_misses(row: dict) -> None:
    from gracefully.knowledge._local import _ROLE_EACH

    pattern = dict(_ROLE_EACH)[row["word"]]
    for example in row["examples"]:
        assert pattern.match(example.partition("@")[0].lower()), example
        assert knowledge.is_role_mailbox(example), example
        assert not knowledge.is_robot_address(example), "a role mailbox reads its mail"
    for near in row["not_examples"]:
        assert not knowledge.is_role_mailbox(near), near
    assert isinstance(row["hiring"], bool)


@pytest.mark.parametrize("row", FREEMAIL_ROWS, ids=lambda r: r["name"])
def test_freemail_examples_and_near_misses(row: dict) -> None:
    for domain in row["domains"]:
        assert any(_under(_domain(e), domain) for e in row["examples"]), f"no example of {domain}"
    for example in row["examples"]:
        assert knowledge.is_freemail(_domain(example)), example
        assert not knowledge.is_robot_address(example), example
    for near in row["not_examples"]:
        assert not knowledge.is_freemail(_domain(near)), near


def test_suffix_examples_register_under_the_suffix() -> None:
    for host in load("suffixes")["examples"]:
        assert knowledge.registrable_domain(host).count(".") == 2, host
    assert knowledge.registrable_domain("mail.acme.co.uk") == "acme.co.uk"
    assert knowledge.registrable_domain("jobs.acme.com") == "acme.com"


# The addresses the drafts went to in the issue: every one is a robot.
ROBOTS_FROM_THE_ISSUE = [
    "paypal@myworkday.com",
    "systemmessage@successfactors.eu",
    "systemmessage@successfactors.com",
    "automationmanager@brassring.com",
    "asml@csodmail.com",
    "workday.do-not-reply@company.example",
    "jobs-noreply@linkedin.com",
    "no-reply@hire.lever.co",
]


@pytest.mark.parametrize("address", ROBOTS_FROM_THE_ISSUE)
def test_the_addresses_drafts_went_to_are_robots(address: str) -> None:
    assert knowledge.is_robot_address(address)
    assert knowledge.robot_reason(address)


@pytest.mark.parametrize(
    "address",
    ["dana.whitfield@acme.example", "noreen@acme.example", "ana@gmail.com", "careers@acme.example"],
)
def test_people_and_teams_are_not_robots(address: str) -> None:
    assert not knowledge.is_robot_address(address)
    assert knowledge.robot_reason(address) is None


@pytest.mark.parametrize(
    ("address", "tenant"),
    [
        ("tidewatercu@myworkday.com", "tidewatercu"),
        ("acme+autoreply@talent.icims.com", "acme"),
        ("acme-notifications@talent.icims.com", "acme"),
        ("asml@csodmail.com", "asml"),
        ("x@acme.taleo.net", "acme"),
        ("x@acme.tal.net", "acme"),
        ("no-reply@myworkday.com", None),
        ("careers@myworkday.com", None),
        ("x@talent.taleo.net", None),
        ("dana@workday.com", None),
        ("no-reply@greenhouse.io", None),
        ("dana@acme.example", None),
    ],
)
def test_tenant_in_a_sender_address(address: str, tenant: str | None) -> None:
    assert knowledge.sender_tenant(address) == tenant


def test_tenants_in_links_and_hosts() -> None:
    text = "See boards.greenhouse.io/acme or jobs.lever.co/zeta, acme.wd5.myworkdayjobs.com"
    assert [(p, s) for p, s, _ in knowledge.tenants_in(text)] == [
        ("greenhouse", "acme"),
        ("lever", "zeta"),
        ("workday", "acme"),
    ]
    assert knowledge.tenants_in("https://boards.greenhouse.io/jobs") == []


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("Greenhouse", "greenhouse"),
        ("myworkday", "workday"),
        ("csodmail", "cornerstone"),
        ("acme", None),
    ],
)
def test_a_word_names_its_platform(word: str, name: str | None) -> None:
    platform = knowledge.platform_named(word)
    assert (platform.name if platform else None) == name


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Société Générale", "societe generale"),
        ("Tomás Rueda", "tomas rueda"),
        ("BÉRANGER", "beranger"),
        ("Zoë", "zoe"),
        ("plain ascii", "plain ascii"),
        ("Ørsted", "ørsted"),  # no decomposition: kept (company keys are stored)
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert knowledge.fold(text) == folded


@pytest.mark.parametrize(
    ("domain", "name"),
    [
        ("lever-mail.example", "lever"),
        ("icimsmail.example", "icims"),
        ("jobvite-notifications.example", "jobvite"),
        ("hire-mail.example", None),  # a host label (hire.lever.co) names no ATS
        ("greenhousefarm.example", None),
        ("linkedin-mail.example", None),  # only an ATS's own mail domains are guessed
    ],
)
def test_an_ats_mail_domain_is_known_by_its_label(domain: str, name: str | None) -> None:
    platform = knowledge.ats_for_domain(domain)
    assert (platform.name if platform else None) == name
