"""gracefully.deliver: approved drafts out to SMTP, IMAP Drafts, .eml and .ics.

A functional core like the other stages: it builds messages from domain
`Draft`s and hands them to a `Deliverer`. Approval and "never send twice" are
the service's job; this package makes them possible by letting the caller
choose the Message-ID and by returning it in every `DeliveryReceipt`.
"""

from gracefully.deliver.headers import InvalidAddress
from gracefully.deliver.ics import Reminder, export_ics, render_ics
from gracefully.deliver.imap import ImapDraftsDeliverer
from gracefully.deliver.local import MemoryDeliverer, export_eml
from gracefully.deliver.message import build_message, message_bytes
from gracefully.deliver.smtp import SmtpDeliverer
from gracefully.deliver.transport import (
    Deliverer,
    DeliveryError,
    DeliveryInDoubt,
    DeliveryReceipt,
    InsecureTransportError,
    Security,
)

__all__ = [
    "Deliverer",
    "DeliveryError",
    "DeliveryInDoubt",
    "DeliveryReceipt",
    "ImapDraftsDeliverer",
    "InsecureTransportError",
    "InvalidAddress",
    "MemoryDeliverer",
    "Reminder",
    "Security",
    "SmtpDeliverer",
    "build_message",
    "export_eml",
    "export_ics",
    "message_bytes",
    "render_ics",
]
