"""A well-formed draft and sender (fake people, fake companies) to vary per test,
and readers for the bytes that come out."""

from __future__ import annotations

from dataclasses import replace
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any

from gracefully.domain import Address, Draft, FollowUp, MoveKind
from gracefully.service.followups import approve, to_approve
from gracefully.store.db import Database

SENDER = Address("Robin Quill", "robin.quill@example.net")
KEY = bytes(range(32))
"""The approval key of the service-level tests (the CLI and web make their own file)."""
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

EXPECTED_HEADERS = [  # of a threaded reply, sorted
    "content-transfer-encoding",
    "content-type",
    "date",
    "from",
    "in-reply-to",
    "message-id",
    "mime-version",
    "references",
    "subject",
    "to",
]


def make_draft(**changes: Any) -> Draft:
    return replace(_DRAFT, **changes)


def header_names(raw: bytes) -> list[str]:
    """Every header field name on the wire (continuation lines are not fields)."""
    block = raw.split(b"\r\n\r\n", 1)[0]
    return sorted(
        line.split(b":", 1)[0].decode().lower()
        for line in block.split(b"\r\n")
        if line[:1] not in (b" ", b"\t")
    )


def parse(raw: bytes) -> EmailMessage:
    parsed = BytesParser(policy=policy.default).parsebytes(raw)
    assert isinstance(parsed, EmailMessage)
    return parsed


def text(message: EmailMessage) -> str:
    """The body as a mail client shows it (wire CRLF read as newlines)."""
    return message.get_content().replace("\r\n", "\n")


def approve_as_read(db: Database, followup_id: int, key: bytes = KEY) -> FollowUp:
    """Approve the draft as a person who reads it now would: naming the revision
    and the text they were shown."""
    shown = to_approve(db, followup_id)
    return approve(
        db, followup_id, revision=shown.followup.revision, key=key, seen=shown.fingerprint
    )
