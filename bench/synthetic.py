"""A synthetic mailbox for benchmarks: mostly everyday mail, some job mail mixed in.

Deterministic for a seed, written by streaming so that building a 100,000
message mbox needs no more memory than building ten.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

COMPANIES = [
    "Northwind Analytics",
    "Bluefin Labs",
    "Copperleaf Health",
    "Juniper Freight",
    "Halcyon Robotics",
    "Marlowe & Finch",
    "Quarry Street Bank",
    "Tidewater Energy",
    "Orchard Learning",
    "Lumen Civic",
    "Pinecrest Media",
    "Saltmarsh Games",
]
ROLES = [
    "Data Analyst",
    "Senior Data Analyst",
    "Backend Engineer",
    "Product Designer",
    "Analytics Engineer",
    "Program Manager",
    "Site Reliability Engineer",
]
FRIENDS = ["Priya Natarajan", "Tomasz Wilk", "Aiyana Brooks", "Felix Okafor", "Ines Duarte"]

EVERYDAY = [
    (
        "Your order has shipped",
        "shop@parcel-hub.example",
        "Good news! Your order #{n} is on its way and should arrive by Friday.\n"
        "Track your parcel any time from your account page.",
    ),
    (
        "Weekly digest: {n} new posts in Gardening Club",
        "digest@forum.example",
        "Here is what happened this week: tomato blight tips, a seed swap in March, "
        "and {n} replies to your thread about raised beds.",
    ),
    (
        "Your verification code",
        "security@accounts.example",
        "Your one-time code is {n}. It expires in 10 minutes. If you did not ask for it, "
        "you can ignore this message.",
    ),
    (
        "Dinner on Saturday?",
        "{friend_addr}",
        "Hey! Are you around on Saturday? We were thinking of trying the new ramen place "
        "around seven. Let me know, {friend_first}",
    ),
    (
        "Receipt for your payment",
        "billing@streamflix.example",
        "Thanks for your payment of $12.99. Your subscription renews on the 14th.",
    ),
    (
        "October newsletter",
        "news@citylibrary.example",
        "Author talks, a new makerspace schedule and holiday opening hours. "
        "Read the full newsletter online.",
    ),
    (
        "Re: weekend plans",
        "{friend_addr}",
        "Sounds good to me. I can bring the board games if someone else does snacks.\n\n"
        "> Are we still on for Sunday afternoon?\n> {friend_first}",
    ),
    (
        "Notes from Tuesday's planning meeting",
        "{friend_addr}",
        "Hi all, attached are my notes. Main points: the venue is booked for the 14th, "
        "Tomasz owns the budget sheet, and we still need two volunteers for set-up.",
    ),
    (
        "Photos from the lake",
        "{friend_addr}",
        "Finally sorted the pictures from our trip - the sunset ones came out great. "
        "Link to the album is below, let me know which ones you want printed.",
    ),
]
BULK = {
    "Weekly digest: {n} new posts in Gardening Club",
    "October newsletter",
    "Your order has shipped",
}
"""Everyday mail from a list: List-Unsubscribe and an HTML part, as real bulk mail has."""

JOB = [
    (
        "Thank you for applying to {company}",
        "no-reply@ats-mail.example",
        "Hi Sam,\n\nThank you for applying for the {role} position at {company}. "
        "Our team is reviewing your application and will be in touch if your background "
        "matches what we need.\n\nBest,\n{company} Talent Team",
        "confirmation",
    ),
    (
        "Your application to {company}",
        "careers@{domain}",
        "Dear Sam,\n\nThank you for your interest in the {role} role at {company}. "
        "After careful consideration, we have decided to move forward with other candidates "
        "whose experience more closely matches our needs. We will keep your resume on file.\n\n"
        "Kind regards,\n{company} Recruiting",
        "rejection",
    ),
    (
        "Interview for {role}",
        "{recruiter_addr}",
        "Hi Sam,\n\nThanks for your time on the phone. We'd love to invite you to interview "
        "for the {role} role. Could you share a few times that work next week?\n\n"
        "Best,\n{recruiter}\nTalent Partner, {company}",
        "interview",
    ),
]


def _message(rng: random.Random, i: int, when: datetime, job_share: float) -> EmailMessage:
    msg = EmailMessage()
    if rng.random() < job_share:
        subject, sender, body, _ = rng.choice(JOB)
    else:
        subject, sender, body = rng.choice(EVERYDAY)
    company = rng.choice(COMPANIES)
    domain = company.lower().replace(" & ", "").replace(" ", "") + ".example"
    friend = rng.choice(FRIENDS)
    recruiter = rng.choice(FRIENDS)
    slots = {
        "n": rng.randint(1000, 999999),
        "company": company,
        "role": rng.choice(ROLES),
        "domain": domain,
        "friend_addr": friend.lower().replace(" ", ".") + "@mail.example",
        "friend_first": friend.split()[0],
        "recruiter": recruiter,
        "recruiter_addr": recruiter.split()[0].lower() + "@" + domain,
    }
    msg["From"] = sender.format(**slots)
    msg["To"] = "sam.rivera@example.net"
    msg["Subject"] = subject.format(**slots)
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<bench-{i}@synthetic.example>"
    msg.set_content(body.format(**slots))
    if subject in BULK:
        msg["List-Unsubscribe"] = "<mailto:unsubscribe@lists.example>"
        paragraphs = "".join(f"<p>{line}</p>" for line in body.format(**slots).split("\n"))
        msg.add_alternative(
            f"<html><head><style>p{{margin:0}}</style></head><body>"
            f"<table width='600'><tr><td>{paragraphs}</td></tr></table></body></html>",
            subtype="html",
        )
    return msg


def messages(count: int, seed: int = 7, job_share: float = 0.05) -> Iterator[EmailMessage]:
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for i in range(count):
        yield _message(rng, i, start + timedelta(minutes=7 * i), job_share)


def write_mbox(path: Path, count: int, seed: int = 7, start: int = 0) -> Path:
    """Append `count` messages to an mbox at `path` (numbered from `start`)."""
    rng_messages = messages(start + count, seed)
    with path.open("ab") as out:
        for i, msg in enumerate(rng_messages):
            if i < start:
                continue
            out.write(b"From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n")
            data = msg.as_bytes().replace(b"\nFrom ", b"\n>From ")
            out.write(data if data.endswith(b"\n") else data + b"\n")
            out.write(b"\n")
    return path
