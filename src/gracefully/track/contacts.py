"""The people behind an application: who wrote, who signed, who the user spoke with.

A follow-up needs a human to write to. The rejection often comes from a
no-reply address, so every human seen in the application's thread is kept,
and `best_contact` picks the one a gracious note should go to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from gracefully.domain import Address, Contact, ContactRole, Email, Reading
from gracefully.track.ats import company_from_display, is_ats_domain
from gracefully.track.company import company_key

_NO_REPLY = re.compile(
    r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|notifications?|mailer[-_.]daemon|"
    r"bounces?|automated|system|alerts?)\b|[-_.]no[-_.]?reply$",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"^\s*(?:best(?:\s+regards|\s+wishes)?|kind(?:est)?\s+regards|warm(?:est)?\s+regards|regards|"
    r"thanks(?:\s+again)?|thank\s+you|many\s+thanks|cheers|sincerely(?:\s+yours)?|warmly|"
    r"all\s+the\s+best|with\s+gratitude|take\s+care)\s*[,.!-]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_NAME = r"[A-Z][a-zA-Z'\-]+(?:\s+[A-Z][a-zA-Z'\-]+){0,2}"
_PERSON = re.compile(rf"^(?P<name>{_NAME})$")
_MENTION = re.compile(
    r"\b(?:(?:you\s+)?(?:spoke|speaking|spoken|met|meeting|chatted|chatting|talked|talking)"
    r"|(?:your\s+)?(?:interviews?|conversations?|calls?|chats?))\s+with\s+"
    rf"(?P<name>{_NAME})"
    r"(?:\s*\(\s*(?P<paren>[^)]{2,40})\)|,\s*(?:our|the)\s+(?P<appos>[a-z][a-z ]{2,40}))?"
)
_ROLE_WORDS: tuple[tuple[ContactRole, re.Pattern[str]], ...] = (
    (ContactRole.RECRUITER, re.compile(
        r"recruit|talent|sourc|people\s+partner|\bhr\b|human\s+resources|coordinator|hiring\s+team",
        re.IGNORECASE)),
    (ContactRole.HIRING_MANAGER, re.compile(
        r"hiring\s+manager|\bmanager\b|head\s+of|director|\bvp\b|vice\s+president|\blead\b|founder|"
        r"\bcto\b|\bceo\b", re.IGNORECASE)),
    (ContactRole.INTERVIEWER, re.compile(
        r"engineer|designer|scientist|analyst|developer|architect|interview", re.IGNORECASE)),
)  # fmt: skip
_NOT_NAMES = frozenset(
    {"The", "Our", "We", "Team", "Hiring", "Recruiting", "Talent", "Thanks", "Best", "Regards"}
)
_ROLE_RANK = {
    ContactRole.RECRUITER: 0,
    ContactRole.HIRING_MANAGER: 1,
    ContactRole.INTERVIEWER: 2,
    ContactRole.UNKNOWN: 3,
}


def is_no_reply(address: Address) -> bool:
    """A system address nobody reads: no-reply local parts and ATS senders."""
    local = address.email.partition("@")[0]
    return bool(_NO_REPLY.search(local)) or is_ats_domain(address.domain)


def role_from_title(title: str) -> ContactRole:
    for role, pattern in _ROLE_WORDS:
        if pattern.search(title):
            return role
    return ContactRole.UNKNOWN


def contacts_for(email: Email, reading: Reading) -> list[Contact]:
    """Everyone this email shows: sender, Reply-To, the signer, and people it mentions."""
    found: list[Contact] = []
    signer = _signer(email)
    for address in (email.sender, email.reply_to):
        if address is not None:
            found.append(_from_address(address, signer))
    if signer is not None:
        found.append(Contact(signer[0], None, role_from_title(signer[1])))
    exclude = {company_key(reading.company)} if reading.company else set()
    found += _mentions(email.text, exclude)
    if reading.contact:
        found.append(Contact(reading.contact))
    return _dedupe(found)


def writer_of(email: Email) -> frozenset[str]:
    """The address of the person who wrote `email`, unless a system sent it."""
    sender = email.sender
    return frozenset({sender.email} if sender and not is_no_reply(sender) else ())


def best_contact(contacts: Iterable[Contact]) -> Contact | None:
    """The human to write to: contactable, with an address, recruiter before manager.

    Called with every contact of the application's thread, so a rejection from
    a no-reply address still points at the recruiter who wrote earlier. Among
    equals the latest seen wins, as people change jobs.
    """
    ranked = [
        (c.email is None, _ROLE_RANK[c.role], -position, c)
        for position, c in enumerate(contacts)
        if c.contactable
    ]
    return min(ranked, key=lambda r: r[:3])[3] if ranked else None


def _from_address(address: Address, signer: tuple[str, str] | None) -> Contact:
    name = address.name or address.email
    system = is_no_reply(address)
    if system or company_from_display(address.name or ""):
        return Contact(name, address.email, ContactRole.UNKNOWN, contactable=not system)
    role = ContactRole.UNKNOWN
    if signer and _same_person(signer[0], name):
        name, role = signer[0], role_from_title(signer[1])
    return Contact(name, address.email, role)


def _signer(email: Email) -> tuple[str, str] | None:
    """(name, title) from the sign-off: "Best, Dana Whitfield\\nTalent Partner"."""
    lines = [ln.strip() for ln in f"{email.text}\n{email.signature}".splitlines()]
    for i, line in enumerate(lines):
        m = _SIGN_OFF.match(line)
        if not m:
            continue
        following = [ln for ln in lines[i + 1 : i + 4] if ln]
        candidates = [m.group("rest").strip(" ,")] if m.group("rest") else following[:1]
        name = candidates[0] if candidates else ""
        if _is_person(name):
            after = following[1:] if not m.group("rest") else following
            return name, after[0] if after else ""
    return None


def _mentions(text: str, exclude: set[str]) -> list[Contact]:
    out = []
    for m in _MENTION.finditer(text):
        name = m.group("name")
        if not _is_person(name) or company_key(name) in exclude:
            continue
        title = m.group("paren") or m.group("appos") or ""
        role = role_from_title(title) if title else ContactRole.INTERVIEWER
        out.append(Contact(name, None, role))
    return out


def _is_person(name: str) -> bool:
    return bool(_PERSON.match(name)) and name.split()[0] not in _NOT_NAMES


def _same_person(a: str, b: str) -> bool:
    return a.lower().split()[0] == b.lower().split()[0]


def _dedupe(contacts: list[Contact]) -> list[Contact]:
    """One contact per person: the entries for one name merge, keeping the address and role."""
    merged: dict[str, Contact] = {}
    for c in contacts:
        key = c.email if c.email and not _is_person(c.name) else c.name.lower()
        old = merged.get(key)
        if old is None:
            merged[key] = c
            continue
        merged[key] = Contact(
            old.name,
            old.email or c.email,
            old.role if old.role is not ContactRole.UNKNOWN else c.role,
            old.contactable and c.contactable,
        )
    return list(merged.values())
