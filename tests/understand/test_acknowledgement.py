"""A receipt that sounds like a rejection is read as a confirmation; a real decision is not.

Emails written for this test (fake names).
"""

from __future__ import annotations

import pytest

from gracefully.domain import Address, Category, Email
from gracefully.understand.acknowledgement import (
    DECIDED_RULE,
    RULE,
    acknowledgement,
    plain_decision,
)
from gracefully.understand.reader import Reader

SENDER = Address("Orrin Careers", "careers@orrin.example")


def mail(body: str, subject: str = "Thank you for your application") -> Email:
    return Email("t", subject, SENDER, None, body)


RECEIPTS = [
    "Nous avons bien reçu votre candidature. Sans retour de notre part sous trois semaines, "
    "vous pourrez considérer qu'elle n'a pas été retenue.",
    "Wir haben Ihre Bewerbung erhalten und melden uns, falls Ihr Profil passt.",
    "We have received your application. We hire people who aren't satisfied with good enough. "
    "A recruiter will reach out if your background is a match.",
    "Your application is under review. Please keep in touch with [not available] for updates.",
    "We have received your resume for the Data Analyst opening. If you are not selected for "
    "this role, we will keep your resume on file for future consideration.",
    "Your application is being reviewed. If your background matches what the team needs, a "
    "recruiter will reach out; otherwise we will hold your details for later vacancies.",
    "Please allow ten working days for the hiring team to look at your application. Should "
    "there be a fit, we'll be in touch. Please do not reply to this message.",
]
DECISIONS = [
    "We have received your application. Your profile does not meet our requirements.",
    "We have received your application. Sorry, it's a no from us this time.",
    "We received your application on 12 May and unfortunately we will not move forward.",
    "We have received your application. Although this may be disappointing, we will not "
    "be progressing it.",
    "We have received your application. Your experience falls short, and we will not proceed.",
    "Wir haben Ihre Unterlagen erhalten. Nach Prüfung können wir Ihnen keine Stelle anbieten.",
    "Hemos recibido tu candidatura. Tras revisarla, hemos decidido no avanzar con tu proceso.",
    "Nous avons bien reçu votre candidature. Votre profil ne correspond pas à nos besoins.",
    "Wij hebben uw sollicitatie ontvangen. Wij hebben besloten u niet uit te nodigen.",
    "Nous avons bien reçu votre candidature. Malheureusement, le poste a été pourvu.",
    "Wir haben Ihre Bewerbung erhalten. Leider haben wir uns für andere Bewerber entschieden.",
    "Hemos recibido tu candidatura. Lamentablemente, hemos elegido a otra persona.",
    "We hebben je sollicitatie ontvangen. Helaas gaan we niet verder met je sollicitatie.",
    "We have received many applications. Unfortunately, we will not be moving forward with "
    "yours. We will keep your resume on file.",
    "Your application was reviewed carefully, and the team chose applicants whose experience "
    "is more closely aligned with the role.",
    "We received your application for the Analyst role, but the position has been filled.",
    "We have received your application. We won't be moving forward with it.",
    "We have received your application, and we cannot offer you an interview at this time.",
    "Your application was reviewed. When we compared it with the brief, we decided not to proceed.",
    "We have received your application. We've offered the role to someone else.",
    "We have received your application. We don't think it's a match.",
]


@pytest.mark.parametrize("body", RECEIPTS)
def test_a_receipt_with_only_conditional_decisions_is_an_acknowledgement(body: str) -> None:
    found = acknowledgement(mail(body))
    assert found is not None and found.rule == RULE
    assert found.sentence in body  # the evidence is the receipt sentence itself


@pytest.mark.parametrize("body", DECISIONS)
def test_an_email_that_states_a_decision_is_not(body: str) -> None:
    assert acknowledgement(mail(body)) is None


def test_a_subject_that_decides_is_not_an_acknowledgement() -> None:
    body = "We have received and reviewed your application. We wish you all the best."
    assert acknowledgement(mail(body, subject="Your application - unsuccessful")) is None


def test_no_receipt_no_acknowledgement() -> None:
    assert acknowledgement(mail("We will keep your resume on file.", subject="Hello")) is None


def test_the_reader_corrects_a_receipt_it_took_for_a_rejection(reader: Reader) -> None:
    body = (
        "Dear Sam,\n\nWe are in receipt of your CV and are now reviewing it. If you are not "
        "selected, we will retain your resume on file for other openings and contact you "
        "if a suitable position arises.\n\nOrrin Recruiting"
    )
    reading = reader.read(mail(body))
    assert reading.category is Category.CONFIRMATION
    assert reading.rejection is None
    # a rejection it really is stays one
    rejected = reader.read(
        mail(
            "We received your application. Unfortunately we will not "
            "proceed with it, as the role has been filled."
        )
    )
    assert rejected.category is Category.REJECTION


PLAIN = [
    "Thanks for applying, we've filled the role.",
    "Hi Sam, we will not be moving forward with your application. Best, Noor",
    "Malheureusement, le poste a déjà été pourvu.",
]
NOT_PLAIN = [
    "Thanks for applying! Applicants who have not been shortlisted will not be contacted.",
    "We've automatically filled in your candidate profile from your CV; please check it.",
    "This position is filled on a rolling basis, so we review applications as they arrive.",
    "Please do not proceed with your application on the job board; use our portal.",
    "Over the past year we hired someone from your bootcamp and loved working with them.",
    "Sollten Sie innerhalb von vier Wochen nichts hören, ist die Stelle bereits besetzt.",
    "If you have not heard from us by Friday, please assume you have not been shortlisted.",
    "If you are not selected, we will keep your CV on file.",
    "Thanks for applying! We will review your application and be in touch.",
]


@pytest.mark.parametrize("body", PLAIN)
def test_a_decision_said_outright_is_a_plain_decision(body: str) -> None:
    found = plain_decision(mail(body, subject="Your application"))
    assert found is not None and found.rule == DECIDED_RULE and found.sentence in body


@pytest.mark.parametrize("body", NOT_PLAIN)
def test_a_conditional_or_assumed_decision_is_not(body: str) -> None:
    assert plain_decision(mail(body, subject="Your application")) is None


def test_the_reader_reads_a_one_line_decision_as_a_rejection(reader: Reader) -> None:
    # the model alone reads this thank-you as a receipt; the plain decision corrects it
    note = mail("Thanks for applying to Orrin! We've filled the role.", "Thanks for applying")
    reading = reader.read(note)
    assert reading.category is Category.REJECTION and reading.rejection is not None
    assert reading.evidence[0].rule == DECIDED_RULE
