"""Turn an approved `Draft` into the exact RFC 5322 message that will be delivered.

The message is built once and then handed unchanged to SMTP, IMAP or a file,
so what was approved, what was sent and what sits in Drafts are the same bytes
(apart from transport framing).
"""

from __future__ import annotations

from datetime import UTC, datetime
from email import policy
from email.headerregistry import Address as HeaderAddress
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from gracefully.deliver.headers import (
    clean_body,
    clean_text,
    normalise_message_id,
    validate_address,
)
from gracefully.domain import Address, Draft

_QP_LINE_LIMIT = 78


def build_message(
    draft: Draft,
    sender: Address,
    *,
    message_id: str | None = None,
    date: datetime | None = None,
) -> EmailMessage:
    """The message for `draft`, threaded under the email it answers.

    Pass `message_id` when the caller allocated one beforehand (the service
    records it before sending so that a retry is recognised, not repeated).
    A draft without `to_email` yields a message without To, fit for IMAP
    Drafts but refused by SMTP.
    """
    if date is not None and date.utcoffset() is None:
        raise ValueError("date must be timezone-aware")
    message = EmailMessage()
    message["From"] = _mailbox(sender.name, sender.email)
    if draft.to_email:
        message["To"] = _mailbox(draft.to_name, draft.to_email)
    message["Subject"] = clean_text(draft.subject)
    message["Date"] = format_datetime(date or datetime.now(UTC))
    message["Message-ID"] = _message_id(message_id, sender)
    parent, references = thread_headers(draft)
    if parent:
        message["In-Reply-To"] = parent
    if references:
        message["References"] = " ".join(references)
    body = clean_body(draft.body)
    message.set_content(body, charset="utf-8", cte=_transfer_encoding(body))
    return message


def thread_headers(draft: Draft) -> tuple[str | None, tuple[str, ...]]:
    """In-Reply-To and References for a reply (RFC 5322 3.6.4): the parent's
    references followed by the parent itself; unusable ids are dropped."""
    parent = normalise_message_id(draft.in_reply_to) if draft.in_reply_to else None
    chain = [normalise_message_id(ref) for ref in draft.references]
    ids = [ref for ref in chain if ref]
    if parent and parent not in ids:
        ids.append(parent)
    return parent, tuple(dict.fromkeys(ids))


def message_bytes(message: EmailMessage) -> bytes:
    """The wire form (CRLF line ends) used for IMAP APPEND and .eml files."""
    return message.as_bytes(policy=policy.SMTP)


def _mailbox(name: str, address: str) -> HeaderAddress:
    return HeaderAddress(display_name=clean_text(name), addr_spec=validate_address(address))


def _message_id(given: str | None, sender: Address) -> str:
    if given is None:
        return make_msgid(domain=validate_address(sender.email).rpartition("@")[2])
    normalised = normalise_message_id(given)
    if normalised is None:
        raise ValueError(f"not a usable Message-ID: {given!r}")
    return normalised


def _transfer_encoding(body: str) -> str:
    """7bit when it fits, quoted-printable otherwise: readable, and safe through
    servers without 8BITMIME."""
    fits = body.isascii() and all(len(line) <= _QP_LINE_LIMIT for line in body.splitlines())
    return "7bit" if fits else "quoted-printable"
