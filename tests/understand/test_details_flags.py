"""Stage, feedback, keep-on-file, door and personal said in general ways, with must-nots.

Sentences written for this test (fake names); each row checks one field only.
"""

from __future__ import annotations

import pytest

from gracefully.domain import Address, Category, Email, Feedback, Rejection, Stage
from gracefully.understand.details import Details, extract

SENDER = Address("Noor Haddad", "noor.haddad@orrin.example")


def read(body: str) -> Details:
    return extract(Email("t", "Update", SENDER, None, body), Category.REJECTION)


def rejection(body: str) -> Rejection:
    found = read(body).rejection
    assert found is not None
    return found


STAGES = [
    (
        "Thank you for taking the time to speak with our recruiting team. We won't proceed.",
        Stage.SCREEN,
    ),
    ("Thanks for speaking with the talent team last week; we will not move forward.", Stage.SCREEN),
    (
        "Thank you for taking the time to speak with the hiring team. We chose others.",
        Stage.INTERVIEW,
    ),
    ("Thanks for your patience while we went through the take-homes. It's a no.", Stage.ASSESSMENT),
    ("We looked at your take-home carefully and decided not to continue.", Stage.ASSESSMENT),
]


@pytest.mark.parametrize(("body", "stage"), STAGES)
def test_stage(body: str, stage: Stage) -> None:
    assert rejection(body).stage is stage


FEEDBACK = [
    (
        "You asked for notes, so here's the main one: the summary had no recommendation.",
        Feedback.GIVEN,
    ),
    ("The panel's main concern was the lack of testing in the pipeline.", Feedback.GIVEN),
    ("Here are a few notes from the panel: the design answer stayed too general.", Feedback.GIVEN),
    ("Here is the link to our careers page.", Feedback.NONE),
    ("The team's schedule was full this month, so we stopped early.", Feedback.NONE),
]


@pytest.mark.parametrize(("body", "feedback"), FEEDBACK)
def test_feedback(body: str, feedback: Feedback) -> None:
    assert rejection(body).feedback is feedback


KEEP = [
    ("I've added a note to your profile for the spring hiring round.", True),
    ("We have made a note on your file and will look again next year.", True),
    ("Please add your portfolio link to your profile before you apply again.", False),
    ("A note on your profile: the phone number looks out of date.", False),
    ("We will hold on to your CV in case a suitable vacancy comes up at Orrin.", True),
    ("The details that you shared with us will be retained for twelve months.", True),
    ("Should a role that fits your background open up, we'll be in touch.", True),
    ("We will keep you in mind as the platform team grows.", True),
    ("Our recruiters will continue to consider you for similar openings.", True),
    # Thanking for the chance to consider the candidate is not a promise to keep them.
    ("Thanks for giving us the chance to consider you for the Platform Lead role.", False),
    ("We are unable to consider you for this position.", False),
    # The candidate keeping the employer in mind is not the employer keeping the candidate.
    ("We hope you will keep Orrin in mind for future career moves.", False),
    ("Please keep Orrin Labs in your mind for your next step.", False),
    ("Don't hesitate to reach out if you see another role that could be a fit later on.", False),
]


@pytest.mark.parametrize(("body", "keep"), KEEP)
def test_keep_on_file(body: str, keep: bool) -> None:
    assert rejection(body).keep_on_file is keep


DOORS = [
    ("We cannot respond to questions about this decision.", True),
    ("We are unable to answer enquiries regarding our decision.", True),
    ("If you have questions about this decision, just reply and I will answer them.", False),
    ("We can respond to questions about the decision by phone.", False),
]


REAPPLY = [
    ("There will be more openings soon, and other opportunities to apply to Orrin.", True),
    ("If another posting catches your eye, please apply.", True),
    ("We encourage you also to register on our talent site for new roles.", True),
    ("To stay informed about new openings, go to orrin.example/careers.", True),
    ("Please do consider Orrin in the future as we grow.", True),
    ("You are welcome to reach out again next year.", True),
    ("We encourage you to follow us on social media for our research.", False),
    ("We wish you luck in the rest of your search.", False),
    ("We will consider your application again only if you ask us to.", False),
]


@pytest.mark.parametrize(("body", "invited"), REAPPLY)
def test_invite_reapply(body: str, invited: bool) -> None:
    assert rejection(body).invite_reapply is invited


@pytest.mark.parametrize(("body", "closed"), DOORS)
def test_door_closed(body: str, closed: bool) -> None:
    assert read(body).door_closed is closed


PERSONAL = [
    ("Hi Sam,\n\nOf course, and thank you for asking so graciously. Here is more.\n\nNoor", True),
    ("Hi Sam,\n\nWe will not be moving forward with your application.\n\nNoor", False),
    (
        "Hi Sam,\n\nMany thanks for attending the second interview. We chose another "
        "candidate.\n\nBest,\nNoor Haddad",
        True,
    ),
    (
        "Hi Sam,\n\nWe will not proceed. The panel felt your case study lacked a clear "
        "recommendation.\n\nBest,\nNoor Haddad",
        True,
    ),
    (
        "Bonjour Sam,\n\nMerci pour l'entretien de mardi. Nous ne poursuivons pas.\n\n"
        "Cordialement,\nNoor Haddad",
        True,
    ),
]


@pytest.mark.parametrize(("body", "personal"), PERSONAL)
def test_personal(body: str, personal: bool) -> None:
    assert rejection(body).personal is personal
