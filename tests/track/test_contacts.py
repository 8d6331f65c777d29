"""Contacts: people from headers, signatures and mentions; no-reply addresses are not people."""

from __future__ import annotations

import pytest

from gracefully.domain import Contact, ContactRole
from gracefully.track import best_contact, contacts_for, is_no_reply
from gracefully.track.contacts import merge_contacts, person_name, reachable
from tests.track.builders import address, make_email, make_reading

SIGNED = """Hi Sam,

Thank you for taking the time to meet the team. You spoke with Marcus Lee (Engineering Manager)
and your interview with Priya Raman went well, but we have decided not to move forward.

Best, Dana Whitfield
Talent Partner
Acme Robotics
"""


def test_sender_signature_and_mentions() -> None:
    email = make_email("Dana Whitfield <dana@acmerobotics.com>", body=SIGNED)
    contacts = contacts_for(email, make_reading(company="Acme Robotics"))
    by_name = {c.name: c for c in contacts}
    assert by_name["Dana Whitfield"] == Contact(
        "Dana Whitfield", "dana@acmerobotics.com", ContactRole.RECRUITER
    )
    assert by_name["Marcus Lee"].role is ContactRole.HIRING_MANAGER
    assert by_name["Priya Raman"].role is ContactRole.INTERVIEWER
    assert len(contacts) == 3


def test_signature_on_its_own_lines() -> None:
    email = make_email(
        "jobs@globex.example", body="Thanks again.", signature="Kind regards,\nLena Okafor\nHR Lead"
    )
    contacts = contacts_for(email, make_reading())
    # the signer wrote from the shared mailbox: she is reached there, and greeted by name
    assert contacts == [Contact("Lena Okafor", "jobs@globex.example", ContactRole.RECRUITER)]


def test_no_reply_and_ats_addresses_are_not_contactable() -> None:
    for sender in (
        "no-reply@acme.io",
        "donotreply@acme.io",
        "Acme via Greenhouse <x@greenhouse.io>",
        # robots in understand were once contactable here: one list now (gracefully.knowledge)
        "notify@acme.io",
        "postmaster@acme.io",
        "auto-confirm@acme.io",
        "Workday <workday.do-not-reply@acme.io>",
        "Careers <systemmessage@successfactors.eu>",
        "Acme Talent Acquisition <automationmanager@brassring.com>",
        "Acme Recruiting <acme@csodmail.com>",
        "LinkedIn <jobs-noreply@linkedin.com>",
    ):
        assert is_no_reply(address(sender))
        email = make_email(sender, body="We will not be moving forward.")
        assert [c.contactable for c in contacts_for(email, make_reading())] == [False]
    assert not is_no_reply(address("dana@acmerobotics.com"))
    assert not is_no_reply(address("noreen@acmerobotics.com"))


def test_a_company_in_a_mention_is_not_a_person() -> None:
    email = make_email("no-reply@acme.io", body="Thank you for your interview with Acme Robotics.")
    assert [c.name for c in contacts_for(email, make_reading(company="Acme Robotics"))] == [
        "no-reply@acme.io"
    ]


def test_a_no_reply_rejection_points_to_the_human_of_the_thread() -> None:
    earlier = contacts_for(make_email(body=SIGNED), make_reading(company="Acme Robotics"))
    rejection = contacts_for(
        make_email("Acme Robotics <no-reply@ashbyhq.com>", body="We have decided not to proceed."),
        make_reading(),
    )
    assert best_contact(rejection) is None
    best = best_contact([*earlier, *rejection])
    assert best is not None and best.email == "dana@acmerobotics.com"


def test_best_contact_prefers_an_address_then_the_recruiter_then_the_latest() -> None:
    people = [
        Contact("Marcus Lee", None, ContactRole.RECRUITER),
        Contact("Ana Diaz", "ana@x.example", ContactRole.INTERVIEWER),
        Contact("Bo Chen", "bo@x.example", ContactRole.RECRUITER),
        Contact("Cy Park", "cy@x.example", ContactRole.RECRUITER),
    ]
    assert best_contact(people) == people[3]
    assert best_contact(people[:2]) == people[1]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hannah Okafor", "Hannah Okafor"),
        ("Estrada, Lukas", "Lukas Estrada"),
        ("Tomás Rueda", "Tomás Rueda"),
        ("Pieter de Boer", "Pieter de Boer"),
        ("Noor", "Noor"),
        ("Fernview Retail Talent Acquisition", ""),
        ("Talent Team", ""),
        ("Workday", ""),
        ("PG&E", ""),
        ("jose@mosaicworks.example", ""),
        ("careers", ""),
        ("Team 42", ""),
        ("Remote Work Weekly", ""),
        ("Greenhouse Notifications", ""),
        ("Tom Ashby", "Tom Ashby"),
        ("Noreen Lever", "Noreen Lever"),
        ("No Reply", ""),
        ("Automation Manager", ""),
        ("Kestrel Review Editors", ""),
    ],
)
def test_a_person_name_is_told_from_a_team_a_company_or_an_address(text: str, name: str) -> None:
    assert person_name(text) == name


def test_a_shared_mailbox_with_nobody_named_reaches_no_one() -> None:
    email = make_email("Fernview Careers <careers@fernview.example>", body="We have decided not.")
    contacts = contacts_for(email, make_reading())
    assert contacts and not any(reachable(c) for c in contacts)
    assert best_contact(contacts) is None


def test_the_company_writing_under_its_own_name_is_not_a_person() -> None:
    email = make_email("Acme <jobs@acme.example>", body="We have decided not to proceed.")
    assert best_contact(contacts_for(email, make_reading())) is None


def test_a_signer_on_a_robot_address_has_no_address_to_write_to() -> None:
    email = make_email(
        "no-reply@hire.lever.co", body="Thanks.", signature="Best,\nYara de Vries\nRecruiter"
    )
    contacts = contacts_for(email, make_reading())
    assert Contact("Yara de Vries", None, ContactRole.RECRUITER) in contacts
    assert best_contact(contacts) is None


def test_one_person_is_one_contact() -> None:
    merged = merge_contacts(
        [
            Contact("Tomás Rueda", None, ContactRole.INTERVIEWER),
            Contact("Tomás Rueda", "tomas@quarry.example"),
            Contact("Tomás", None),
            Contact("Tomas Rueda", None),
        ]
    )
    assert merged == [Contact("Tomás Rueda", "tomas@quarry.example", ContactRole.INTERVIEWER)]


def test_a_team_among_the_contacts_is_left_as_it_is() -> None:
    team = Contact("Northwind Careers", "careers@northwind.example", contactable=False)
    assert merge_contacts([team, Contact("Ana", None)]) == [team, Contact("Ana", None)]


def test_a_first_name_shared_by_two_people_stays_apart() -> None:
    merged = merge_contacts(
        [Contact("Ana Lima", "ana@x.example"), Contact("Ana Costa", None), Contact("Ana", None)]
    )
    assert len(merged) == 3
