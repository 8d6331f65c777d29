"""Reading the demo mailbox with nothing but the stdlib, as an independent check."""

from __future__ import annotations

import html
import mailbox
import re
from email import message_from_binary_file, policy
from email.message import EmailMessage
from functools import cache
from typing import Any

from gracefully.samples import demo_expected, demo_mailbox


@cache
def messages() -> tuple[EmailMessage, ...]:
    """Every message of the demo mbox, parsed with the modern email policy."""
    box = mailbox.mbox(
        demo_mailbox(),
        factory=lambda f: message_from_binary_file(f, policy=policy.default),
        create=False,
    )
    try:
        return tuple(box)
    finally:
        box.close()


@cache
def by_id() -> dict[str, EmailMessage]:
    return {m["Message-ID"]: m for m in messages()}


def expected() -> dict[str, Any]:
    return demo_expected()


def readable_text(message: EmailMessage) -> str:
    """Sender, subject and every inline text part, HTML reduced to its words."""
    texts = [str(message["From"]), str(message["Subject"])]
    for part in message.walk():
        if part.is_multipart() or part.is_attachment():
            continue
        content = part.get_content()
        if part.get_content_subtype() == "html":
            content = html.unescape(re.sub(r"<[^>]+>", " ", content))
        texts.append(content)
    return re.sub(r"\s+", " ", "\n".join(texts))
