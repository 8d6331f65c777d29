"""Role and contact as written, one row per phrasing (fake names); nulls must stay null."""

from __future__ import annotations

import pytest

from gracefully.domain import Address, Category, Email
from gracefully.understand.details import extract
from gracefully.understand.details.names import clean_person, clean_role, sender_person

R, C = Category.REJECTION, Category.CONFIRMATION


def mail(body: str, subject: str = "", sender: str = "", name: str = "") -> Email:
    return Email("t", subject, Address(name, sender) if sender else None, None, body)


ROLES = [
    # the title ends at the role noun, the company or the sentence
    (mail("Thanks for applying for the Data Analyst position at Lumora."), "Data Analyst"),
    (
        mail(
            "Thank you for your interest in Quillon and the Platform Engineer - Summer 2026 role."
        ),
        "Platform Engineer - Summer 2026",
    ),
    (
        mail(
            "We received your application for the position of Analyst, Risk and Pricing at Ostara."
        ),
        "Analyst, Risk and Pricing",
    ),
    (mail("Position: Backend Developer II\nJob Number: JR0044125\n"), "Backend Developer II"),
    (mail("the following position:\nR-553120 Support Engineer\nThanks"), "Support Engineer"),
    (
        mail("Thank you for applying to the Junior Designer (Req ID: 88123) role."),
        "Junior Designer",
    ),
    (
        mail("Your application for Site Reliability Engineer, 448812 has been received."),
        "Site Reliability Engineer",
    ),
    (
        mail("Thanks for applying to the Lumora\u00a0Data Scientist\u00a0role."),
        "Lumora Data Scientist",
    ),
    (
        mail("We appreciate your interest in Brightfold's Product Analyst Intern role."),
        "Product Analyst Intern",
    ),
    (
        mail(
            "Thanks for applying to Lumora Labs.",
            subject="Application for Cloud Architect - Lumora Labs",
        ),
        "Cloud Architect",
    ),
    (
        mail("Your application was sent to Corvid Systems\nCorvid Systems \nQA Engineer\nCorvid"),
        "QA Engineer",
    ),
    (
        mail("Thanks.", subject="Ostara Interview Availability - Security Engineer"),
        "Security Engineer",
    ),
    (mail("Title: Software Engineer III-\nLocation: Remote"), "Software Engineer III"),
    (
        mail("Thanks.", subject="Re: Ostara Interview Availability - Security Engineer"),
        "Security Engineer",
    ),
    (mail("Thanks.", subject="Phone screen booked - Staff Designer  @Quillon"), "Staff Designer"),
    (
        mail("We got it.", subject="Fwd: Support Analyst-00041877 at Corvid Health"),
        "Support Analyst",
    ),
    (mail("Sadly we stopped hiring for our Web Developer intern role."), "Web Developer intern"),
    (
        mail("Thanks for your interest in the Field Sales intern position at Ostara."),
        "Field Sales intern",
    ),
    (
        mail("We regret that your Junior QA Tester(Contract) application ended."),
        "Junior QA Tester(Contract)",
    ),
    (mail("We will not proceed with your Lumora application."), None),
    (
        mail("Thank you for your interest in Data Analyst Master's Intern-1204551."),
        "Data Analyst Master's Intern",
    ),
    (
        mail("You applied to the following position, Risk Analyst, Payments – Fall 2026 .\n"),
        "Risk Analyst, Payments – Fall 2026",
    ),
    (mail("was submitted for the position\n of Platform Lead . Thanks"), "Platform Lead"),
    # a European posting marks its title for every gender; the mark belongs to the title
    (
        mail("Schedule:\nDay shifts Cloud Data Engineer H/F Lyon (69) You will build..."),
        "Cloud Data Engineer H/F",
    ),
    (
        mail("Ostara recrute un(e)\n\nCDI - Platform Engineer (M/F)\nNantes"),
        "CDI - Platform Engineer (M/F)",
    ),
    (mail("3 years (Required) Backend Developer (m/w/d) in Köln"), "Backend Developer (m/w/d)"),
    (mail("Wir suchen: Data Analyst (w/m/d)"), "Data Analyst (w/m/d)"),
    # a company after "applying to" is not a role, nor a subject that only names the company
    (mail("Thanks.", subject="Lumora Solar Application"), None),
    (mail("Thank you for applying to Lumora Labs. We will be in touch."), None),
    (mail("Thank you for your interest in the Equal Employment Opportunity survey."), None),
    (mail("We are an equal opportunity employer."), None),
    # a title named after a comma, as the subject of a sentence, in bold, or as a post
    (mail("Hi Sara, the Junior Animator role is no longer open."), "Junior Animator"),
    (
        mail("Due to a freeze, the Network Engineer position (Req 8821) is closed."),
        "Network Engineer",
    ),
    (mail("Thank you for applying for the  **Growth Designer**  role."), "Growth Designer"),
    (mail("Thanks for meeting the panel for the Policy Advisor post."), "Policy Advisor"),
    # joining as, hiring for, and the foreign "position of"
    (mail("Thanks for wanting to join Orrin Labs as a Bookkeeper! We looked at it."), "Bookkeeper"),
    (mail("I'm recruiting for a Lead Product Designer at a startup."), "Lead Product Designer"),
    (
        mail("Gracias por tu interés en el puesto de Analista Financiero en Orrin."),
        "Analista Financiero",
    ),
    (
        mail("Merci pour votre candidature au poste de Développeur Full Stack."),
        "Développeur Full Stack",
    ),
    (mail("Bedankt voor je sollicitatie op de functie van Software Tester."), "Software Tester"),
    # joining as a customer or hiring without a title is no role
    (mail("Join Orrin Labs as a Member today and save 10%."), None),
    (mail("We are hiring across Europe this spring."), None),
]


@pytest.mark.parametrize(("email", "role"), ROLES)
def test_role_is_the_title_as_written(email: Email, role: str | None) -> None:
    assert extract(email, C).role == role


CONTACTS = [
    (mail("We will not proceed.\n\nBest,\nRita Moss"), "Rita Moss"),
    (
        mail("We will not proceed.\n\nKind regards,\nAna van der Berg | Talent Partner"),
        "Ana van der Berg",
    ),
    (mail("Helaas niet.\n\nMet vriendelijke groet,\nPieter de Boer\nRecruiter"), "Pieter de Boer"),
    (mail("We will not proceed.\n\nBest,\nThe de Vries Team"), None),
    (mail("We will not proceed.\n\nKind regards\nTomas Berg | Talent Partner"), "Tomas Berg"),
    (
        mail("We will not proceed.\n\nBest Wishes,\n\n--\n\nJANA VOGT\n\nCAMPUS RECRUITER"),
        "Jana Vogt",
    ),
    (
        mail("We will not proceed.\n\nThanks,\n\n Lena Ortiz-Kaye\nRecruiting Lead"),
        "Lena Ortiz-Kaye",
    ),
    (mail("We will not proceed. Regards, EJ Narro Recruiter Talent Acquisition"), "EJ Narro"),
    (mail("Hi Sam, my name is Priya Dalal and I'm a recruiter at Ostara."), "Priya Dalal"),
    (mail("Hi Sam, this is Omar from Quillon reaching out about a role."), "Omar"),
    (mail("Thank you for the time you spoke with Dana Whitfield last week."), "Dana Whitfield"),
    (mail("Questions? Please contact: Marco Feld\nLumora Inc."), "Marco Feld"),
    (mail("Thanks again, and good luck.\n\nMarta"), "Marta"),
    (mail("Hello", subject="Interview with Iris Haldane - Data Analyst"), "Iris Haldane"),
    (mail("We will not proceed.", sender="tomas.berg@lumora.com", name="Tomas Berg"), "Tomas Berg"),
    (mail("We will not proceed.\r\n\r\nKind regards,\r\nNora Quist\r\n"), "Nora Quist"),
    (mail("Not this time.\n\nSincerely,\nIda & Paolo, the Quillon Hiring Team"), "Ida & Paolo"),
    (
        mail("Please reply to Wren.Halvorsen@ostara.example with times.\n\nRegards,"),
        "Wren Halvorsen",
    ),
    (
        mail("Thanks for applying to Lumora.", subject="Call with Iris Haldane & Sam Carter"),
        "Iris Haldane",
    ),
    # teams, companies, systems and the addressee are not a contact
    (mail("See you in class.\n\nSincerely,\n\nLumora Training\n"), None),
    (mail("Please reply to careers@ostara.example with times."), None),
    (mail("We will not proceed.\n\nBest,\nThe Recruiting Team"), None),
    (mail("We will not proceed.\n\nThanks,\nLumora's Talent Acquisition Team"), None),
    (mail("We will not proceed.\n\nWarm Regards,\nCorvid Talent Acquisition Team"), None),
    (
        mail(
            "We will not proceed.\n\nSincerely,\nRed Lantern", sender="redlantern+auto@ats.example"
        ),
        None,
    ),
    (mail("Thank you, Sam Carter, for applying.\nBest,\nSam Carter", subject="Hi"), None),
    (mail("Dear Sam,\nWe will not proceed.\n\nBest regards,\nSam"), None),
    (mail("We will not proceed.", sender="noreply@lumora.com", name="Lumora Careers"), None),
    (
        mail("We will not proceed.", sender="do-not-reply@ostara.com", name="do-not-reply ostara"),
        None,
    ),
    (mail("We will not proceed.", sender="ostara@myworkday.com", name="Colleague Portal"), None),
    (mail("We will not proceed.", sender="notify@quillon.com", name="Quillon Systems"), None),
]


@pytest.mark.parametrize(("email", "contact"), CONTACTS)
def test_contact_is_a_named_human(email: Email, contact: str | None) -> None:
    assert extract(email, R).contact == contact


def test_the_contact_comes_with_its_sentence() -> None:
    details = extract(mail("We will not proceed.\n\nBest,\nRita Moss"), R)
    evidence = next(e for e in details.evidence if e.field == "contact")
    assert (evidence.rule, evidence.value) == ("sign-off", "Rita Moss")


CLEAN_ROLES = [
    ("Data Analyst, Service Planning , 210821", None, "Data Analyst, Service Planning"),
    ("R-438834 Analytics Associate", None, "Analytics Associate"),
    ("Field Engineer (Job number: 1736486)", None, "Field Engineer"),
    ("Support Analyst - Lumora", "Lumora", "Support Analyst"),
    ("Position of Data Steward", None, "Data Steward"),
    ("Data Analyst Intern - Summer 2026", None, "Data Analyst Intern - Summer 2026"),
    ("2026 Graduate Programme", None, "2026 Graduate Programme"),
    ("Data Engineer (SQL) (Open)", None, "Data Engineer (SQL)"),
    ("Analyst, Pricing ( R4420 )", None, "Analyst, Pricing"),
    ("Data Analytics Intern –QRS0042AB", None, "Data Analytics Intern"),
    ("Systems Analyst-R00105013", None, "Systems Analyst-R00105013"),
    ("Director of Platform, Job ID", None, "Director of Platform"),
    ("our team", None, None),
    ("Buyer Intern, 2026 Summer U.S.", None, "Buyer Intern, 2026 Summer U.S."),
    ("Data Analyst II &", None, "Data Analyst II"),
    ("31QX80012 Intern, Data Science", None, "Intern, Data Science"),
    ("Field Analyst - Denver Denver", None, "Field Analyst - Denver"),
    ("QA Engineer (New Grad) (Open) QA Engineer (New Grad)", None, "QA Engineer (New Grad)"),
    ("02/03/2026 Data Engineer H/F", None, "Data Engineer H/F"),
    ("(Senior) Data Engineer (m/w/d)", None, "(Senior) Data Engineer (m/w/d)"),
]


@pytest.mark.parametrize(("value", "company", "role"), CLEAN_ROLES)
def test_clean_role_trims_ids_and_the_company(
    value: str, company: str | None, role: str | None
) -> None:
    assert clean_role(value, company) == role


CLEAN_PEOPLE = [
    ("Rita Moss Recruiter", None, "Rita Moss"),
    ("Lumora Talent Acquisition", None, None),
    ("Red Lantern", "Red Lantern Ltd", None),
    ("Red Lantern", None, "Red Lantern"),
    ("ANA LIMA", None, "Ana Lima"),
    ("Thanks", None, None),
    ("Ida & Paolo", None, "Ida & Paolo"),
    ("Ida &", None, None),
    ("Wren.Halvorsen", None, "Wren Halvorsen"),
]


@pytest.mark.parametrize(("value", "company", "person"), CLEAN_PEOPLE)
def test_clean_person_refuses_teams_and_companies(
    value: str, company: str | None, person: str | None
) -> None:
    assert clean_person(value, company) == person


def test_a_sender_name_counts_only_when_the_mailbox_holds_it() -> None:
    assert sender_person(Address("Ana Lima", "ana.lima@ostara.com")) == "Ana Lima"
    assert sender_person(Address("Ana Lima", "no-reply@ostara.com")) is None
    assert sender_person(Address("Palo Verde", "paloverde@ats.example")) == "Palo Verde"
    assert sender_person(Address("Palo Verde", "paloverde+auto@ats.example")) is None


RUNS = [
    " / ".join("ABCDEFGHIJKLMNOPQRST"),
    "/".join("ABCDEFGHIJKLMNOPQRST"),
    " - ".join(["Word"] * 200),
    " -\n".join(["Word"] * 200),
    " & ".join(["Data"] * 60),
    ".".join(["U"] * 200),
    " ".join(["(Word)"] * 300),
    " ".join(["Data"] * 300) + " H/F",
    "/".join("HFMWD" * 40),
    " - ".join(["Word"] * 200) + " (m/w/d)",
]


@pytest.mark.parametrize("run", RUNS)
def test_long_runs_of_title_words_give_a_short_role_or_none(run: str) -> None:
    """Words and joiners never overlap, so such runs stay linear (and the title stays short)."""
    email = mail(f"Thanks for applying for the {run} x.", subject=f"Application - {run}")
    role = extract(email, C).role
    assert role is None or len(role) <= 120
