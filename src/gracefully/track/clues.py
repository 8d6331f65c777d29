"""What one email says about its application: who sent it really, which company, role, req id.

Gathering the clues is separate from deciding the link, so that the same
clues name a new application (`new_application`) and teach aliases when a
person confirms a link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import parseaddr

from gracefully.domain import Address, Email, LinkSignal, Reading
from gracefully.knowledge import fold, is_freemail, registrable_domain
from gracefully.track.ats import ats_for_domain, company_from_display, tenant_of_sender, tenants_in
from gracefully.track.company import company_key, names_in
from gracefully.track.roles import FUNCTIONS, SENIORITY, role_in_text

_FORWARD_MARKER = re.compile(
    r"^-{2,}\s*(?:forwarded message|original message)\s*-{2,}\s*$|^begin forwarded message:?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_FWD_SUBJECT = re.compile(r"^\s*(?:fwd?|tr|wg)\s*:", re.IGNORECASE)
_INNER_FROM = re.compile(r"^\s*>?\s*from:\s*(.+)$", re.IGNORECASE | re.MULTILINE)
_INNER_SUBJECT = re.compile(r"^\s*>?\s*subject:\s*(.+)$", re.IGNORECASE | re.MULTILINE)
_REQ_PATTERNS = (
    re.compile(
        r"\b(?:req(?:uisition)?|job|posting|vacancy|position|opening)\s*"
        r"(?:id|no\.?|number|#|code|ref(?:erence)?)\s*[:#.]?\s*#?\s*([A-Z0-9][A-Z0-9_-]{2,19})\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b((?:REQ|JR|JOB|R|P)-?\d{3,}(?:-\d+)?)\b"),
)
_WRAPPED = re.compile(r"(?<=[^\n]{40})\n(?=[^\s>])")
"""A line break inside a hard-wrapped paragraph (the line before it is long)."""
_ROLE_WORDS = SENIORITY | FUNCTIONS


@dataclass(frozen=True, slots=True)
class CompanyClue:
    """One hint at the employer, with the signal it belongs to and why it was taken."""

    name: str
    key: str
    signal: LinkSignal
    why: str
    domain: str | None = None
    scope: str | None = None
    """Where the name is unique: an ATS tenant ("greenhouse/acme") or the domain itself."""
    readable: bool = True
    """Written by a person (display name, reading), not derived from a slug or domain."""
    weak: bool = False
    """Counts only when it names a company already known (an ATS sender's display
    name may be a person's name, which must not start a company)."""


@dataclass(frozen=True, slots=True)
class Clues:
    sender: Address | None
    """The real sender: for a mail the user forwarded, the original sender."""
    forwarded: bool
    ats: str | None
    companies: tuple[CompanyClue, ...]
    """Strongest first: ATS tenant and display name, company domain, then the reading."""
    role: str | None
    """The reading's role."""
    text_role: str | None
    """A title the email states, for when the reading has none."""
    requisition_ids: tuple[str, ...]
    text: str
    """Subject and text, the place to look for a role title."""
    subject: str = ""
    date: datetime | None = None
    names: tuple[str, ...] = ()
    """Capitalised runs in the subject, text and signature that may name the company."""


def clues_for(email: Email, reading: Reading) -> Clues:
    sender, subject, forwarded = _effective_sender(email)
    body = _WRAPPED.sub(" ", email.body if forwarded else email.text)
    text = f"{subject}\n\n{body}"
    ats = ats_for_domain(sender.domain) if sender else None
    companies = list(_sender_clues(sender, email.reply_to if not forwarded else None))
    for ats_name, slug, matched in tenants_in(text):
        why = f"{ats_name} link {matched}"
        companies.append(
            CompanyClue(
                slug,
                company_key(slug),
                LinkSignal.ATS_SENDER,
                why,
                scope=f"{ats_name}/{company_key(slug)}",
                readable=False,
            )
        )
    if reading.company:
        companies.append(_reading_clue(reading.company, sender))
    reqs = [reading.requisition_id] if reading.requisition_id else []
    reqs += [m.group(1) for p in _REQ_PATTERNS for m in p.finditer(text)]
    signature = "" if forwarded else email.signature
    return Clues(
        sender=sender,
        forwarded=forwarded,
        ats=reading.ats or (ats.name if ats else None),
        companies=tuple(c for c in companies if c.key),
        role=reading.role,
        text_role=None if reading.role else role_in_text(text),
        requisition_ids=tuple(r for r in dict.fromkeys(reqs) if any(ch.isdigit() for ch in r)),
        text=text,
        subject=subject,
        date=email.date,
        names=tuple(names_in(f"{text}\n{signature}", _ROLE_WORDS)),
    )


def _reading_clue(company: str, sender: Address | None) -> CompanyClue:
    """The reading's company; weak when it is only the sender's own name (a person
    signs "Tomás Rueda", and that names no employer)."""
    why = f"the reading names {company!r}"
    if sender is not None and sender.name and _is_persons_name(company, sender):
        why += ", which is the sender's own name"
        return CompanyClue(company, company_key(company), LinkSignal.FUZZY, why, weak=True)
    return CompanyClue(company, company_key(company), LinkSignal.FUZZY, why)


def _is_persons_name(name: str, sender: Address) -> bool:
    """`name` is the sender's display name, and the address is that person's own."""
    if company_key(name) != company_key(sender.name) or company_from_display(sender.name):
        return False
    local = fold(sender.email.partition("@")[0])
    return any(len(w) >= 3 and w in local for w in fold(sender.name).split())


def _effective_sender(email: Email) -> tuple[Address | None, str, bool]:
    """(sender, subject, forwarded): a forward is read as the message it carries."""
    marker = _FORWARD_MARKER.search(email.body)
    if not marker and not _FWD_SUBJECT.match(email.subject):
        return email.sender, email.subject, False
    rest = email.body[marker.end() :] if marker else email.body
    inner = _INNER_FROM.search(rest)
    if not inner:
        return email.sender, email.subject, False
    name, addr = parseaddr(inner.group(1).strip())
    subject = _INNER_SUBJECT.search(rest)
    inner_subject = subject.group(1).strip() if subject else _FWD_SUBJECT.sub("", email.subject)
    if "@" not in addr:
        return email.sender, email.subject, False
    return Address(name.strip(), addr.lower()), inner_subject, True


def _sender_clues(sender: Address | None, reply_to: Address | None) -> list[CompanyClue]:
    if sender is None:
        return []
    clues: list[CompanyClue] = []
    display = company_from_display(sender.name) if sender.name else None
    ats = ats_for_domain(sender.domain)
    if ats is not None:
        if display:
            clues.append(_clue(display, LinkSignal.ATS_SENDER, f"{ats.name} sender {sender}"))
        tenant = tenant_of_sender(sender, ats)
        if tenant:
            clues.append(
                CompanyClue(
                    tenant[0],
                    company_key(tenant[0]),
                    LinkSignal.ATS_SENDER,
                    tenant[1],
                    scope=f"{ats.name}/{company_key(tenant[0])}",
                    readable=False,
                )
            )
        if sender.name and not display:
            why = f"{ats.name} sender named {sender.name!r}"
            clues.append(
                CompanyClue(
                    sender.name, company_key(sender.name), LinkSignal.ATS_SENDER, why, weak=True
                )
            )
        if reply_to is not None and _is_company_domain(reply_to.domain):
            clues.append(_domain_clue(reply_to))
        return clues
    if not _is_company_domain(sender.domain):
        return clues
    if display:
        clues.append(_clue(display, LinkSignal.COMPANY_DOMAIN, f"sender {sender}"))
    clues.append(_domain_clue(sender))
    return clues


def _clue(name: str, signal: LinkSignal, why: str) -> CompanyClue:
    return CompanyClue(name, company_key(name), signal, why)


def _domain_clue(address: Address) -> CompanyClue:
    domain = registrable_domain(address.domain)
    return CompanyClue(
        domain,
        company_key(domain),
        LinkSignal.COMPANY_DOMAIN,
        f"company domain of {address.email}",
        domain=domain,
        scope=domain,
        readable=False,
    )


def _is_company_domain(domain: str) -> bool:
    if not domain:
        return False
    return not is_freemail(domain) and not ats_for_domain(domain)
