"""Company in job postings, digests and recruiter approaches (fake names); nulls stay null."""

from __future__ import annotations

import pytest

from gracefully.domain import Address, Category, Email
from gracefully.understand.details import extract
from gracefully.understand.details.names import clean_company, recurring_prefix
from gracefully.understand.details.prefilter import Gate, Words, derive

ALERT, APPROACH, R = Category.JOB_ALERT, Category.RECRUITER_OUTREACH, Category.REJECTION


def mail(body: str, subject: str = "", sender: str = "", name: str = "") -> Email:
    return Email("t", subject, Address(name, sender) if sender else None, None, body)


POSTINGS = [
    # a posting opens with its employer, then a heading or a sentence
    (mail("Quillon Analytics Job Description\nYou will build pipelines."), "Quillon Analytics"),
    (mail("Brightfold The data team grows fast.\nWe ship weekly."), "Brightfold"),
    (mail("Ostara & Partners Who we are\nA small firm."), "Ostara & Partners"),
    # ... or repeats the name further down (any case), whatever follows it at the top
    (mail("LUMORA Lumora builds solar tools.\nAt LUMORA we care."), "LUMORA"),
    (mail("Tandemly Senior Data Engineer H/F\nMissions...\nTandemly is growing."), "Tandemly"),
    # headings and sentences elsewhere in the text
    (mail("Hello,\nAbout Corvid Systems:\nWe make sensors."), "Corvid Systems"),
    (mail("Hello,\nAt Palmetto Labs, we value craft."), "Palmetto Labs"),
    (mail("Hi all. Fernhill Robotics is hiring a QA lead."), "Fernhill Robotics"),
    # a digest: the employer whose jobs are listed, from the subject or the body
    (mail("New roles below.", subject="You have 3 job alerts for Varden Health"), "Varden Health"),
    (mail("3 Jobs at Kestrel Bank\nAnalyst\nTeller"), "Kestrel Bank"),
    (mail("See the list.", subject="Marlow Job Alert from the careers site"), "Marlow"),
    # a job board or an ATS is never the employer
    (mail("LinkedIn Job Description\nApply now."), None),
    (mail("Hi Sam, new jobs for you.\nUnsubscribe"), None),
    (mail("Dear Sam, here are jobs you may like."), None),
    (mail("2025 Data Engineer roles\nApply by 2025."), None),
]


@pytest.mark.parametrize(("email", "company"), POSTINGS)
def test_a_posting_names_its_employer(email: Email, company: str | None) -> None:
    assert extract(email, ALERT).company == company


OUTREACH = [
    (
        mail("Hi Sam,\nI am a Senior Recruiter at Corvid Staffing, Inc. and have a role."),
        "Corvid Staffing, Inc.",
    ),
    (
        mail("Hello,\nThis is Dana Reyes from Halden Search inc. I have a requirement."),
        "Halden Search inc.",
    ),
    (
        mail("Hi,\nMy name is Dana and I'm a Technical Recruiter at Halden Search. A role?"),
        "Halden Search",
    ),
    (
        mail("Hi,\nI belong to the Talent Acquisition Team of Orrin Data Services (ODS)."),
        "Orrin Data Services (ODS)",
    ),
    (mail("Hi Sam,\nMy client, Wrenfield Foods, needs a data lead."), "Wrenfield Foods"),
    # a team of people, a number or a pronoun is not a firm
    (mail("Hi Sam,\nYou would join a team of 40 engineers."), None),
]


@pytest.mark.parametrize(("email", "company"), OUTREACH)
def test_a_recruiter_names_their_firm(email: Email, company: str | None) -> None:
    assert extract(email, APPROACH).company == company


def test_a_posting_has_no_contact_and_outreach_keeps_its_own() -> None:
    body = "Quillon Job Description\nBuild things.\n\nBest regards,\nDana Reyes"
    assert extract(mail(body), ALERT).contact is None
    assert extract(mail(body), APPROACH).contact == "Dana Reyes"


def test_opening_rules_are_for_postings_only() -> None:
    """A rejection that opens with a capitalised word does not name its company that way."""
    body = "Kestrel Bank The team has reviewed your application and will not proceed."
    assert extract(mail(body), R).company is None


@pytest.mark.parametrize(
    ("value", "text", "name"),
    [
        ("Lumora Data Engineer", "Lumora Data Engineer\nAt Lumora we build.", "Lumora"),
        ("SANCARE Sancare", "SANCARE Sancare offers tools.", "SANCARE"),
        ("Quillon Labs", "Quillon Labs\nQuillon Labs is a start-up.", "Quillon Labs"),
        ("Ostara", "Ostara\nNothing else here.", None),
    ],
)
def test_recurring_prefix_is_the_longest_repeated_start(
    value: str, text: str, name: str | None
) -> None:
    assert recurring_prefix(value, text) == name


@pytest.mark.parametrize(
    ("value", "company"),
    [
        ("Halden Search inc.", "Halden Search inc."),
        ("Corvid Staffing I", "Corvid Staffing"),
        ("40 engineers", None),
        ("Google", "Google"),
    ],
)
def test_clean_company(value: str, company: str | None) -> None:
    assert clean_company(value) == company


def test_google_is_an_employer_but_not_from_a_calendar_address() -> None:
    invite = mail("Your interview is scheduled.", sender="calendar-notification@google.com")
    assert extract(invite, Category.INTERVIEW).company is None


def test_the_gate_opens_exactly_the_rules_whose_need_is_met() -> None:
    patterns = [r"\bon hold\b", r"\bvisa\b|\bsponsor", r"(?i:relocat)", r"\w+"]
    needs = [derive(pattern) for pattern in patterns]
    gate = Gate(needs)
    opened = {
        "The role is on hold.": [0, 3],
        "We cannot sponsor a visa.": [1, 3],
        "No relocation.": [2, 3],
        "sponsorship, visas, onhold": [1, 3],
        "x": [3],
    }
    for text, expected in opened.items():
        assert gate.open(Words.of(text.lower())) == expected
