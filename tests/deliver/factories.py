"""A well-formed draft and sender (fake people, fake companies) to vary per test."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from gracefully.domain import Address, Draft, MoveKind

SENDER = Address("Robin Quill", "robin.quill@example.net")
REJECTION_ID = "<req-4471.reply@mail.lanternworks.example>"
EARLIER_ID = "<apply-4471@ats.lanternworks.example>"

BODY = (
    "Hi Priya,\n"
    "\n"
    "Thank you for letting me know, and for the time you and the team gave me.\n"
    "I enjoyed learning how Lanternworks plans its harbour sensor roll-out.\n"
    "If another data role opens, I would be glad to be considered.\n"
    "\n"
    "Warm regards,\n"
    "Robin\n"
)

_DRAFT = Draft(
    to_name="Priya Okonkwo-Hale",
    to_email="priya.hale@lanternworks.example",
    subject="Re: Your application for Data Analyst",
    body=BODY,
    move=MoveKind.STAY_ON_RADAR,
    in_reply_to=REJECTION_ID,
    references=(EARLIER_ID,),
)


def make_draft(**changes: Any) -> Draft:
    return replace(_DRAFT, **changes)
