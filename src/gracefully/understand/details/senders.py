"""Who sent it: a no-reply address, an applicant tracking system (ATS).

The ATS is named from the sender's domain first, then from the links and
"powered by" footers in the text. An address at an ATS domain is a system
address, so it counts as no-reply too; a text that says its mailbox is
unattended sets no-reply (but not door_closed, see `policy.py`).
"""

from __future__ import annotations

import re

from gracefully.understand.details.engine import Rule, Where

ATS_DOMAINS: tuple[tuple[str, str], ...] = (
    ("greenhouse", r"greenhouse(?:-mail)?\.io"),
    ("lever", r"lever\.co|lever-analytics\.com"),
    ("workday", r"myworkday(?:jobs|site)?\.com|workday\.com"),
    ("ashby", r"ashbyhq\.com"),
    ("icims", r"icims\.com"),
    ("smartrecruiters", r"smartrecruiters\.com"),
    ("taleo", r"taleo\.net"),
    ("jobvite", r"jobvite\.com"),
    ("successfactors", r"successfactors\.(?:com|eu)|sapsf\.(?:com|eu)"),
    ("bamboohr", r"bamboohr\.com"),
    ("workable", r"workable(?:mail)?\.com"),
    ("recruitee", r"recruitee\.com"),
    ("teamtailor", r"teamtailor(?:-mail)?\.com"),
    ("personio", r"personio\.(?:de|com)"),
    ("avature", r"avature\.net"),
    ("oleeo", r"tal\.net"),
    ("breezy", r"breezy\.hr|breezyhr\.com"),
    ("jazzhr", r"applytojob\.com|jazzhr\.com"),
    ("ukg", r"ultipro\.com|ukg\.com"),
    ("dayforce", r"dayforcehcm\.com"),
    ("pinpoint", r"pinpointhq\.com"),
    ("rippling", r"rippling(?:-mail)?\.com"),
    ("comeet", r"comeet\.(?:co|com)"),
    ("eightfold", r"eightfold\.ai"),
    ("paylocity", r"paylocity\.com"),
    ("phenom", r"phenompeople\.com"),
)

_ANY_ATS = "|".join(domain for _, domain in ATS_DOMAINS)
_ATS_NAMES = tuple((name, re.compile(rf"(?:{domain})$")) for name, domain in ATS_DOMAINS)

ATS: tuple[Rule, ...] = (
    Rule("ats-sender", "ats", "", rf"@(?:[\w-]+\.)*(?P<v>{_ANY_ATS})$", where=Where.SENDER_ADDRESS),
    Rule("ats-link", "ats", "", rf"\b(?P<v>{_ANY_ATS})\b"),
    Rule("ats-powered-by", "ats", "", r"powered by (?P<v>[a-z]+)"),
)


def ats_name(found: str) -> str | None:
    """The vendor for an ATS domain (or a vendor named in a "powered by" footer)."""
    found = found.lower()
    for name, domain in _ATS_NAMES:
        if found == name or domain.match(found):
            return name
    return None


NO_REPLY: tuple[Rule, ...] = (
    Rule(
        "no-reply-address",
        "no_reply",
        "true",
        r"^(?:[\w.+-]*[._+-])?(?:no-?reply|do-?not-?reply|donotreply|noreply|notifications?|"
        r"notify|mailer(?:-daemon)?|automated|auto-?(?:reply|confirm)|system(?:message)?|bounces?|"
        r"alerts?|postmaster|jobs-noreply|careers-noreply)(?:[._+-][\w.+-]*)?@",
        where=Where.SENDER_ADDRESS,
    ),
    Rule(
        "ats-address",
        "no_reply",
        "true",
        r"@(?:[\w-]+\.)*(?:" + _ANY_ATS + r")$",
        where=Where.SENDER_ADDRESS,
    ),
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
