"""Rejection details and entities: one body over many written examples (fake names)."""

from __future__ import annotations

import pytest

from gracefully.domain import Address, Category, Email, Feedback, Reason, Rejection, Stage
from gracefully.understand.details import Details, extract

R = Category.REJECTION


def email(body: str, subject: str = "", sender: str = "", name: str = "") -> Email:
    return Email("t", subject, Address(name, sender) if sender else None, None, body)


def rejection(details: Details) -> Rejection:
    assert details.rejection is not None
    return details.rejection


STAGES = [
    ("After reviewing your application, we will not move forward.", Stage.APPLICATION),
    ("We reviewed your resume and decided not to proceed.", Stage.APPLICATION),
    ("Thank you for the phone screen last week. We have decided not to proceed.", Stage.SCREEN),
    ("Thanks for speaking with me on the initial call. We won't move forward.", Stage.SCREEN),
    ("After reviewing your coding challenge, we will not be moving forward.", Stage.ASSESSMENT),
    (
        "Thanks for completing the take-home assignment. Sadly we are not moving ahead.",
        Stage.ASSESSMENT,
    ),
    (
        "Thank you for taking the time to interview with us. We chose not to proceed.",
        Stage.INTERVIEW,
    ),
    (
        "It was a pleasure meeting you during the final round. We will not extend an offer.",
        Stage.INTERVIEW,
    ),
    ("Thank you for taking the time to meet the team last Thursday.", Stage.INTERVIEW),
    ("Vielen Dank für das Gespräch. Leider müssen wir Ihnen absagen.", Stage.INTERVIEW),
    ("Unfortunately we cannot offer you an interview for this position.", Stage.APPLICATION),
    ("Hello, this is a note.", Stage.UNKNOWN),
]


@pytest.mark.parametrize(("body", "stage"), STAGES)
def test_stage_is_the_furthest_step_shown(body: str, stage: Stage) -> None:
    assert rejection(extract(email(body), R)).stage is stage


OTHER, FILLED, INTERNAL, CLOSED = (
    Reason.OTHER_CANDIDATE,
    Reason.POSITION_FILLED,
    Reason.INTERNAL_CANDIDATE,
    Reason.ROLE_CLOSED,
)
REASONS = [
    ("We have decided to move forward with other candidates for this role.", {OTHER}),
    ("We are proceeding with applicants whose experience more closely matches our needs.", {OTHER}),
    ("We had a very competitive pool of applicants this year.", {OTHER}),
    ("We selected another candidate for the position.", {FILLED}),
    ("The position has already been filled.", {FILLED}),
    ("We decided to fill the role internally.", {INTERNAL}),
    ("The position was filled by an internal candidate.", {INTERNAL}),
    ("The requirements for the role have changed since you applied.", {Reason.ROLE_CHANGED}),
    ("This position has been put on hold due to budget constraints.", {CLOSED}),
    ("We are no longer recruiting for the Platform Engineer role.", {CLOSED}),
    ("Our hiring freeze means the search is paused.", {CLOSED}),
    ("We think you would be a better fit for a different team.", {Reason.BETTER_FIT_ELSEWHERE}),
    ("Frankly, you are overqualified for this role.", {Reason.OVERQUALIFIED}),
    ("We need someone with more experience in Kubernetes.", {Reason.EXPERIENCE_GAP}),
    ("The role requires candidates who are local to Leeds.", {Reason.LOCATION}),
    ("We are unable to offer visa sponsorship for this role.", {Reason.WORK_AUTHORIZATION}),
    ("Given your graduation date, we cannot consider you for the programme.", {Reason.TIMING}),
    ("The role requires fluency in German.", {Reason.LANGUAGE}),
    ("Your salary expectations are above our range for the role.", {Reason.COMPENSATION}),
    ("Leider haben wir uns für einen anderen Kandidaten entschieden.", {OTHER}),
    # negatives: no stated reason
    ("We will not be moving forward with your application.", set()),
    ("We received a high volume of applications.", set()),
    ("Unfortunately it is not a fit at this time.", set()),
    ("If you were not selected, it may be because your experience did not align.", set()),
    ("We are an equal opportunity employer and hire without regard to citizenship or visa.", set()),
    ("Thank you for your interest in Visa. We will not proceed.", set()),
]


@pytest.mark.parametrize(("body", "reasons"), REASONS)
def test_only_stated_reasons(body: str, reasons: set[Reason]) -> None:
    assert set(rejection(extract(email(body), R)).reasons) == reasons


FEEDBACK = [
    ("We are not able to provide individual feedback.", Feedback.REFUSED),
    ("Specific feedback on your application will not be shared.", Feedback.REFUSED),
    ("If you would like feedback, just reply and I'll set up a call.", Feedback.OFFERED),
    ("I'm happy to share some feedback if that would be useful.", Feedback.OFFERED),
    ("The panel felt that your system design answers lacked depth.", Feedback.GIVEN),
    ("We would love your feedback on our process in this survey.", Feedback.NONE),
    ("We will not move forward.", Feedback.NONE),
]


@pytest.mark.parametrize(("body", "feedback"), FEEDBACK)
def test_feedback_policy(body: str, feedback: Feedback) -> None:
    assert rejection(extract(email(body), R)).feedback is feedback


FLAGS = [
    ("We will keep your resume on file for future openings.", "keep_on_file", True),
    ("We may reach out if a suitable role opens up in the future.", "keep_on_file", True),
    ("Please keep an eye on our careers page.", "keep_on_file", False),
    ("We encourage you to apply for future openings.", "invite_reapply", True),
    ("Feel free to check our careers page for other roles.", "invite_reapply", True),
    ("We wish you luck in your search.", "invite_reapply", False),
    ("We'd like to consider you for our Data Platform team instead.", "alt_role", True),
    ("There may be other roles in the future.", "alt_role", False),
    ("I'd encourage you to apply for our remote Support Writer position.", "alt_role", True),
    ("We encourage you to apply for other positions on our site.", "alt_role", False),
    ("You could be a strong match for our Growth Analytics team.", "alt_role", True),
    ("Thanks for letting us consider you for the position at Orrin.", "alt_role", False),
    (
        "You'd be a strong fit for the platform team, but we chose another person.",
        "alt_role",
        False,
    ),
    ("We don't think you'd be a good fit for our Platform team or this role.", "alt_role", False),
    ("You would not, in our view, be a strong match for our Platform team.", "alt_role", False),
]


@pytest.mark.parametrize(("body", "flag", "expected"), FLAGS)
def test_policy_flags(body: str, flag: str, expected: bool) -> None:
    assert getattr(rejection(extract(email(body), R)), flag) is expected


def test_a_more_senior_version_of_the_role_applied_for_is_another_role() -> None:
    body = (
        "Thank you for interviewing for the Associate position. We think you would be better "
        "suited to our Senior Associate track."
    )
    found = rejection(extract(email(body), R))
    assert found.alt_role and found.alt_role_text == "Senior Associate track"


def test_alt_role_names_the_other_team() -> None:
    body = "We'd like to consider you for our Data Platform team instead."
    assert rejection(extract(email(body), R)).alt_role_text == "Data Platform team"


PERSONAL = (
    "Hi Sam,\n\nThank you for taking the time to speak with us on Tuesday. We enjoyed meeting "
    "you, but we have decided to go with another candidate.\n\nBest,\nRita Moss"
)
TEMPLATED = (
    "Dear Candidate,\n\nThank you for your interest in Lumora. We will not proceed.\n\n"
    "The Lumora Recruiting Team\nPlease do not reply to this email. Unsubscribe"
)


@pytest.mark.parametrize(("body", "personal"), [(PERSONAL, True), (TEMPLATED, False)])
def test_personal_versus_templated(body: str, personal: bool) -> None:
    assert rejection(extract(email(body), R)).personal is personal


DOORS = [
    ("We will not consider future applications from you.", True),
    ("We are unable to respond to further correspondence about this decision.", True),
    ("Please do not reply to this automated email.", False),
    ("This mailbox is not monitored.", False),
]


@pytest.mark.parametrize(("body", "closed"), DOORS)
def test_door_closed_is_about_contact_not_the_mailbox(body: str, closed: bool) -> None:
    assert extract(email(body), R).door_closed is closed


SENDERS = [
    ("no-reply@us.greenhouse-mail.io", True, "greenhouse"),
    ("acme@myworkday.com", True, "workday"),
    ("jobs-noreply@linkedin.com", True, None),
    ("donotreply@corvid.example.com", True, None),
    ("rita.moss@lumora.com", False, None),
    ("systemmessage@successfactors.eu", True, "successfactors"),
    ("automationmanager@brassring.com", True, "brassring"),
    ("asml@csodmail.com", True, "cornerstone"),
    ("workday.do-not-reply@lumora.com", True, None),
    ("notify@lumora.com", True, None),
    ("noreen@lumora.com", False, None),
]


@pytest.mark.parametrize(("address", "no_reply", "ats"), SENDERS)
def test_no_reply_and_ats_from_the_sender(address: str, no_reply: bool, ats: str | None) -> None:
    details = extract(email("We will not proceed.", sender=address), R)
    assert (details.no_reply, details.ats) == (no_reply, ats)


def test_text_says_the_mailbox_is_unattended_and_names_the_ats() -> None:
    body = "Please do not reply to this email. Powered by Jobvite"
    details = extract(email(body, sender="rita.moss@lumora.com"), R)
    assert (details.no_reply, details.ats, details.door_closed) == (True, "jobvite", False)


COMPANIES = [
    (email("Thank you for your interest in Lumora Labs. We will not proceed."), "Lumora Labs"),
    (
        email("Thanks for applying to the Analyst position at Brightfold, Inc. Sadly no."),
        "Brightfold, Inc.",
    ),
    (email("We will not proceed.", subject="Your application to Quillon"), "Quillon"),
    (
        email("We will not proceed.", subject="Corvid Systems | Update on your application"),
        "Corvid Systems",
    ),
    (
        email("We will not proceed.", sender="careers@x.example", name="Tandemly Careers"),
        "Tandemly",
    ),
    (email("We will not proceed.", sender="jane@ostara.com"), "Ostara"),
    (email("Thank you for your interest in [Company_A]. We will not proceed."), "[Company_A]"),
    (email("We will not proceed.", subject="Your application", sender="x@gmail.com"), None),
    # a job title after "interest in" is not the company; the company named later is
    (
        email("Thank you for your interest in the Sr. Platform Lead role at Quillon. No."),
        "Quillon",
    ),
    (email("Thank you for applying to Payments - Data Intern - Summer 2026. No."), None),
    (email("Thanks for your interest in Backend Developer II-20431 with Corvid Systems."), None),
    (
        email("We will not proceed.", subject="Your application: Analyst with Tandemly 204518"),
        "Tandemly",
    ),
    (
        email("We will not proceed.", subject="Thank you for applying to Orrin, Sam Rivera!"),
        "Orrin",
    ),
    (email("Thank you for your interest in 3M. We will not proceed."), "3M"),
    (email("Thank you for your interest in Lead Edge Capital. No."), "Lead Edge Capital"),
    # job-board and ATS phrasings name the employer after "viewed by", "sent to", "at"
    (email("Your application was viewed by Ortega & Finch."), "Ortega & Finch"),
    (email("The following items were sent to Quillon Health. Good luck!"), "Quillon Health"),
    (
        email("Your application for Delivery Driver at Swiftlane Couriers is incomplete."),
        "Swiftlane Couriers",
    ),
    # an address that runs the words together gives the name as the email writes it
    (email("Thanks.", sender="jobs@pinecrestschools.org"), "Pinecrestschools"),
    (
        email("Regards, Pinecrest Schools HR", sender="jobs@pinecrestschools.org"),
        "Pinecrest Schools",
    ),
    # an assessment vendor is not the employer, nor a calendar word in the subject
    (email("Complete your test.", sender="noreply@hirevue.com"), None),
    (email("See you then.", subject="Confirmed: your interview on Monday"), None),
    # a platform's own domain names no employer; a tenant in its address does
    (email("Thanks.", sender="no-reply@us.greenhouse-mail.io"), None),
    (email("Thanks for applying to ASML.", sender="asml@csodmail.com"), "ASML"),
    (email("We will not proceed.", sender="quill+autoreply@talent.icims.com"), "Quill"),
    (email("Thanks.", sender="ana.lima@gmail.com"), None),
]


@pytest.mark.parametrize(("mail", "company"), COMPANIES)
def test_company_as_written(mail: Email, company: str | None) -> None:
    assert extract(mail, Category.CONFIRMATION).company == company


ROLES = [
    ("Thank you for applying for the Senior Data Analyst position.", "Senior Data Analyst"),
    ("We considered you for the role of Platform Engineer at Lumora.", "Platform Engineer"),
    ("Thanks for your interest in the Backend Developer (Req ID 4412) role.", "Backend Developer"),
]


@pytest.mark.parametrize(("body", "role"), ROLES)
def test_role_as_written(body: str, role: str) -> None:
    assert extract(email(body), R).role == role


CONTACTS = [
    (email("We will not proceed.\n\nBest regards,\nRita Moss\nRecruiter"), "Rita Moss"),
    (email("We will not proceed.\n\nBest,\nThe Recruiting Team"), None),
    (
        email("We will not proceed.", sender="tomas.berg@lumora.com", name="Tomas Berg"),
        "Tomas Berg",
    ),
    (email("We will not proceed.", sender="noreply@lumora.com", name="Lumora Careers"), None),
]


@pytest.mark.parametrize(("mail", "contact"), CONTACTS)
def test_contact_is_a_human(mail: Email, contact: str | None) -> None:
    assert extract(mail, R).contact == contact


REQUISITIONS = [
    ("Your application (Req ID: R-12345) has been reviewed.", "R-12345"),
    ("Regarding Job ID 4567 at Lumora.", "4567"),
    ("Thanks for applying to Data Analyst (JR-2291).", "JR-2291"),
    ("Thanks for applying.", None),
]


@pytest.mark.parametrize(("body", "requisition"), REQUISITIONS)
def test_requisition_id(body: str, requisition: str | None) -> None:
    assert extract(email(body), R).requisition_id == requisition


def test_only_a_rejection_has_rejection_details() -> None:
    details = extract(email("Thank you for applying to Lumora Labs."), Category.CONFIRMATION)
    assert details.rejection is None and details.company == "Lumora Labs"


ALL_BODIES = [body for body, _ in STAGES + REASONS + FEEDBACK] + [PERSONAL, TEMPLATED]


@pytest.mark.parametrize("body", ALL_BODIES)
def test_every_evidence_points_at_its_sentence(body: str) -> None:
    mail = email(body, subject="Your application to Lumora", sender="no-reply@lumora.com")
    details = extract(mail, R)
    assert details.evidence
    for evidence in details.evidence:
        if evidence.start == -1:
            assert evidence.sentence in (mail.subject, str(mail.sender))
        else:
            assert mail.text[evidence.start : evidence.end] == evidence.sentence
            assert evidence.rule and evidence.field


def test_the_role_applied_for_is_not_an_alternative() -> None:
    body = "Thank you for letting us consider you for the Data Platform Engineer role. Sadly, no."
    details = extract(email(body), R)
    assert details.role == "Data Platform Engineer" and rejection(details).alt_role is False
