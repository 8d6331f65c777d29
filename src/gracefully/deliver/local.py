"""Deliveries that never leave this machine: an .eml file, or a list in memory
that stands in for a mail server in the tests of the layers above."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

from gracefully.deliver.message import message_bytes
from gracefully.deliver.transport import DeliveryReceipt, recipients, require_message_id


@dataclass
class MemoryDeliverer:
    """Keeps what it was given, in order, and answers like a real deliverer."""

    delivered: list[EmailMessage] = field(default_factory=list)

    def deliver(self, message: EmailMessage) -> DeliveryReceipt:
        message_id = require_message_id(message)
        self.delivered.append(message)
        return DeliveryReceipt(message_id, "memory", "memory", recipients(message))


def export_eml(message: EmailMessage, path: str | os.PathLike[str]) -> Path:
    """Write the message as an .eml any mail client opens (CRLF, as on the wire)."""
    target = Path(path)
    target.write_bytes(message_bytes(message))
    return target
