"""Who sent it: a no-reply address, an applicant tracking system (ATS).

Which addresses are robots and which domains belong to which ATS are facts of
`gracefully.knowledge`; the sender is judged there (`sender_no_reply`,
`sender_ats`). The text is read here: links to an ATS domain and "powered by"
footers name the ATS, and a text that says its mailbox is unattended sets
no-reply (but not door_closed, see `policy.py`).
"""

from __future__ import annotations

import re

from gracefully.domain import Address, Evidence
from gracefully.knowledge import ATS, ats_for_domain, platform_named, robot_reason
from gracefully.understand.details.engine import Rule

_ATS_DOMAINS = sorted({domain for platform in ATS for domain in platform.domains}, key=len)
_ANY_ATS = "|".join(re.escape(domain) for domain in reversed(_ATS_DOMAINS))

ATS_TEXT: tuple[Rule, ...] = (
    Rule("ats-link", "ats", "", rf"\b(?P<v>{_ANY_ATS})\b"),
    Rule("ats-powered-by", "ats", "", r"powered by (?P<v>[a-z]+)"),
)
"""The ATS named in the text, when the sender's address names none."""


def ats_name(found: str) -> str | None:
    """The vendor for an ATS domain (or a vendor named in a "powered by" footer)."""
    found = found.lower()
    platform = ats_for_domain(found) if "." in found else platform_named(found)
    return platform.name if platform is not None and platform in ATS else None


def sender_ats(sender: Address | None) -> tuple[str, Evidence] | None:
    """The ATS whose domain the sender writes from, with its evidence."""
    platform = ats_for_domain(sender.domain) if sender else None
    if sender is None or platform is None:
        return None
    return platform.name, Evidence("ats", platform.name, "ats-sender", sender.email)


def sender_no_reply(sender: Address | None) -> Evidence | None:
    """Evidence that nobody reads the sender's address (a robot local part or a platform)."""
    why = robot_reason(sender) if sender else None
    if sender is None or why is None:
        return None
    rule = "no-reply-address" if why.startswith("no-reply") else "platform-address"
    return Evidence("no_reply", "true", rule, sender.email)


NO_REPLY_TEXT: tuple[Rule, ...] = (
    Rule(
        "unattended-mailbox",
        "no_reply",
        "true",
        r"\b(?:please )?do not (?:reply|respond)(?: directly)? to this\b|\bplease do not reply\b|"
        r"\b(?:mailbox|address|inbox|account|email) is (?:not monitored|unmonitored|unattended)|"
        r"\breplies to this (?:\w+ )?(?:email|message|address) (?:will not|won't|are not|cannot)"
        r"|\bthis (?:is an )?(?:automated|automatic) (?:email|message|notification)\b|"
        r"\bbitte antworten sie nicht\b|\bne (?:pas )?répondre à (?:ce|cet)\b|\bno responda[ns]? "
        r"a este\b|\bniet beantwoorden\b|\bniet op (?:deze|dit) \w+ reageren\b",
    ),
)
"""A text that says its mailbox is unattended."""
