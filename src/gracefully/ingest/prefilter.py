"""The header pre-filter: rule out obvious non-job mail before its body is fetched.

A real mailbox is mostly receipts, newsletters and codes; fetching and
reading their bodies is most of a sync's cost. This looks only at the
header block. It is lopsided on purpose: a message is skipped only when a
SKIP rule fires AND no KEEP rule does, and a message with no subject is
never skipped. KEEP is broad (any word of the job vocabulary in the subject
or sender, any known applicant tracking system), so a rejection costs a
body fetch rather than being lost. The rules were chosen from measurements
(`bench/prefilter_eval.py`, figures in docs/benchmarks.md): on the real
labelled corpus no job email is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from gracefully.ingest._charset import decode_header_value
from gracefully.ingest._headers import header_values, split_head
from gracefully.knowledge import (
    HIRING_MAILBOX_WORDS,
    PLATFORMS,
    Kind,
    platform_for_address,
    role_word,
)


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern on one header field: `subject`, `sender` (From, name and
    address) or any other header name, lower-cased (`list-unsubscribe`).
    A rule the knowledge data decides has a `fact` about the value instead."""

    name: str
    field: str
    pattern: re.Pattern[str] | None = None
    fact: Callable[[str], bool] | None = None

    def matches(self, value: str) -> bool:
        if self.pattern is not None:
            return self.pattern.search(value) is not None
        return self.fact is not None and self.fact(value)


def _rule(name: str, field: str, pattern: str) -> Rule:
    return Rule(name, field, re.compile(pattern, re.IGNORECASE))


_JOB_WORDS = (
    r"appl(?:y|ied|ying|icant|ication)s?|candida(?:te|cy|ture)s?|interview\w*|position|"
    r"roles?|jobs?|careers?|recruit\w*|talent|hiring|hire[ds]?|offers?\b(?! inside)|"
    r"opportunit\w+|assessment|coding|challenge|vacanc\w+|resume|r[ée]sum[ée]|\bcv\b|"
    r"your interest|thank(?:s| you)|note from|message from|update|next steps?|status|"
    r"decision|regarding|"
    r"follow(?:ing)?[- ]up|requisition|\breq\b|screen\w*|on-?site|onboard\w*|submission|submitted|"
    r"received|employ\w*|bewerb\w*|stelle|poste|emploi|postul\w*|sollicit\w*|vaga|empleo|"
    r"analyst|engineer\w*|scientist|developer|designer|manager|intern\w*|associate|"
    r"consultant|specialist|coordinator|director|fellowship|graduate|program(?:me)?"
)
_JOB_PLATFORMS = tuple(p for p in PLATFORMS if p.kind is not Kind.MAIL_SERVICE)
"""Applicant tracking systems, job boards and assessment services: their mail is job mail."""
_PLATFORM_WORDS = frozenset(w for p in _JOB_PLATFORMS for w in (p.name, *p.words))
_TOKEN = re.compile(r"[a-z0-9]+")
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_HIRING_MAILBOXES = frozenset(HIRING_MAILBOX_WORDS)


def _platform_sender(sender: str) -> bool:
    """The sender names a job platform (“Acme via Greenhouse”, “LinkedIn”) or writes from
    one of its addresses (no-reply@hire.lever.co): words and domains of `gracefully.knowledge`."""
    low = sender.lower()
    if not _PLATFORM_WORDS.isdisjoint(_TOKEN.findall(low)):
        return True
    for address in _ADDRESS.findall(low):
        platform = platform_for_address(address)
        if platform is not None and platform.kind is not Kind.MAIL_SERVICE:
            return True
    return False


def _hiring_mailbox(sender: str) -> bool:
    """A hiring team's mailbox (hr@, people@, acme-careers@), or a no-reply of HR."""
    low = sender.lower()
    for address in _ADDRESS.findall(low):
        if role_word(address.partition("@")[0]) in _HIRING_MAILBOXES:
            return True
    return "hr" in low.partition("noreply")[2]


KEEP: tuple[Rule, ...] = (
    _rule("job word in subject", "subject", _JOB_WORDS),
    _rule("job word in sender", "sender", _JOB_WORDS),
    Rule("applicant tracking or job site sender", "sender", fact=_platform_sender),
    Rule("hiring mailbox sender", "sender", fact=_hiring_mailbox),
    _rule("reply or forward", "subject", r"^\s*(?:re|fwd?|aw|tr|wg)\s*:"),
)
"""Any of these keeps the body: the model decides, not the pre-filter."""

SKIP: tuple[Rule, ...] = (
    _rule(
        "shopping or billing subject",
        "subject",
        r"\b(?:order|shipped|shipping|delivery|delivered|parcel|package|receipt|invoice|"
        r"payment|statement|bill|refund|subscription|renew\w*|cart|sale|deal|discount|"
        r"coupon|\d+\s?% off|free shipping|price drop|back in stock)\b",
    ),
    _rule(
        "account security subject",
        "subject",
        r"\b(?:verification code|one[- ]time (?:code|password|passcode)|security code|"
        r"security alert|sign[- ]in|log[- ]?in attempt|new device|password reset|"
        r"reset your password|confirm your email|verify your email)\b",
    ),
    _rule(
        "newsletter or social subject",
        "subject",
        r"\b(?:newsletter|digest|weekly|monthly|webinar|podcast|new posts?|mentioned you|"
        r"liked your|commented on|tagged you|friend request|followers?|trending|"
        r"recommended for you|this week in)\b",
    ),
    _rule(
        "bulk sender address",
        "sender",
        r"\b(?:newsletters?|news|digest|marketing|promo(?:tions)?|offers|deals|shop|store|"
        r"orders?|billing|invoices?|receipts?|payments?|security|account-security|"
        r"updates|community|forum|social)@",
    ),
    _rule("mailing list", "list-id", r"."),
    _rule("bulk mail with unsubscribe link", "list-unsubscribe", r"."),
    _rule("bulk precedence", "precedence", r"^(?:bulk|list|junk)$"),
)
"""Signs of mail that is not about the user's applications."""


_RULE_FIELDS = frozenset(r.field for r in KEEP + SKIP) - {"sender"}


@dataclass(frozen=True, slots=True)
class Verdict:
    skip: bool
    rule: str
    """The rule that decided, so a skipped message can say why."""


def judge(head: bytes) -> Verdict:
    """Skip or fetch, from the header block alone (a whole message works too)."""
    fields = _fields(split_head(head)[0])
    if not fields.get("subject"):
        return Verdict(False, "no subject")
    keep = _first_match(KEEP, fields)
    if keep is not None:
        return Verdict(False, keep.name)
    skip = _first_match(SKIP, fields)
    return Verdict(skip is not None, skip.name if skip else "no rule")


def header_only(data: bytes) -> bytes:
    """The header block of a message, as a message of its own with an empty body."""
    return split_head(data)[0].rstrip(b"\r\n") + b"\n\n"


def needs_body(head: bytes) -> bool:
    """True unless the header shows the message is not job mail."""
    return not judge(head).skip


def _fields(head: bytes) -> dict[str, str]:
    raw = header_values(head)

    def text(name: bytes) -> str:
        return decode_header_value(raw.get(name, b"").decode("ascii", "surrogateescape"))

    values = {name: text(name.encode()) for name in _RULE_FIELDS if name.encode() in raw}
    values["sender"] = text(b"from") or text(b"sender")
    return values


def _first_match(rules: tuple[Rule, ...], fields: dict[str, str]) -> Rule | None:
    for rule in rules:
        value = fields.get(rule.field)
        if value and rule.matches(value):
            return rule
    return None
