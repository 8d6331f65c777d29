"""Turn an approved `Draft` into the exact RFC 5322 message that will be delivered.

The message is built once and then handed unchanged to SMTP, IMAP or a file,
so what was approved, what was sent and what sits in Drafts are the same bytes
(apart from transport framing).
"""

from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.headerregistry import Address as HeaderAddress
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from gracefully.deliver.headers import (
    InvalidAddress,
    clean_body,
    clean_text,
    display_name,
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
    _set_mailbox(message, "From", sender.name, sender.email)
    if draft.to_email:
        _set_mailbox(message, "To", draft.to_name, draft.to_email)
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


def _set_mailbox(message: EmailMessage, header: str, name: str, address: str) -> None:
    """Set `header` to one mailbox whose address is `address` and nothing else,
    as any reader of the wire form will parse it; the name goes if it would not."""
    addr_spec = validate_address(address)
    for shown in dict.fromkeys((display_name(name), "")):
        message[header] = HeaderAddress(display_name=shown, addr_spec=addr_spec)
        if _reads_back(message, header) == (addr_spec,):
            return
        del message[header]
    raise InvalidAddress(f"{header} would not read back as {addr_spec!r}")


def _reads_back(message: EmailMessage, header: str) -> tuple[str, ...]:
    """The addresses of `header` as parsed again from its folded wire form."""
    folded = message[header].fold(policy=policy.SMTP)
    parsed = message_from_bytes(folded.encode("utf-8") + b"\r\n", policy=policy.default)
    value = parsed[header]
    return tuple(a.addr_spec for a in getattr(value, "addresses", ()))


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
