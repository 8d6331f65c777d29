"""The people behind an application: who wrote, who signed, who the user spoke with.

A follow-up needs a human to write to. The rejection often comes from a
no-reply address, so every human seen in the application's thread is kept,
and `best_contact` picks the one a gracious note should go to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from gracefully.domain import Address, Contact, ContactRole, Email, Reading
from gracefully.knowledge import PLATFORM_WORDS, is_robot_address, robot_word
from gracefully.track.ats import company_from_display
from gracefully.track.company import company_key, fold

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
_ORG_WORDS = frozenset(
    {"team", "teams", "careers", "career", "recruiting", "recruitment", "recruiter", "talent"}
    | {"acquisition", "hr", "people", "jobs", "job", "hiring", "admissions", "office", "support"}
    | {"service", "services", "notifications", "department", "group", "inc", "ltd", "llc"}
    | {"gmbh", "plc", "university", "college", "school", "council", "committee", "board"}
    | {"weekly", "daily", "monthly", "news", "newsletter", "digest", "magazine", "journal"}
    | {"review", "press", "club", "society", "association", "foundation", "trust", "institute"}
    | {"centre", "center", "lab", "labs", "studio", "studios", "agency", "partners", "ventures"}
    | {"capital", "bank", "bureau", "editors", "editorial", "admin", "info", "hello", "desk"}
)
"""Words no person's name holds: "Fernview Retail Talent Acquisition" is a team."""
_PARTICLES = frozenset(
    {"de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "ten", "ter", "la", "le"}
    | {"dos", "das", "bin", "al"}
)
_LAST_FIRST = re.compile(r"^(?P<last>[^,]+),\s*(?P<first>[^,]+)$")
_ROLE_RANK = {
    ContactRole.RECRUITER: 0,
    ContactRole.HIRING_MANAGER: 1,
    ContactRole.INTERVIEWER: 2,
    ContactRole.UNKNOWN: 3,
}


def is_no_reply(address: Address) -> bool:
    """A system address nobody reads: a robot local part or a sending platform's address
    (`gracefully.knowledge.is_robot_address`)."""
    return is_robot_address(address)


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
    """The person to write to: named, contactable, with an address; recruiter before
    manager. None when nobody can be reached: then no note is drafted.

    Called with every contact of the application's thread, so a rejection from
    a no-reply address still points at the recruiter who wrote earlier. Among
    equals the latest seen wins, as people change jobs.
    """
    ranked = [
        (_ROLE_RANK[c.role], -position, c)
        for position, c in enumerate(merge_contacts(contacts))
        if reachable(c)
    ]
    return min(ranked, key=lambda r: r[:2])[2] if ranked else None


def reachable(contact: Contact) -> bool:
    """A person the user can write to: a person's name and an address that reads mail."""
    return bool(contact.contactable and contact.email and person_name(contact.name))


def merge_contacts(contacts: Iterable[Contact]) -> list[Contact]:
    """One contact per person, across emails: "Tomás Rueda", "Tomás Rueda <t@x>" and
    "Tomás" are one person, with the address and the fullest name. A first name
    alone joins a full name only when one person in the list has that first name."""
    people = _dedupe(list(contacts))
    full = [c for c in people if len(_fold(c.name).split()) > 1]
    merged: list[Contact] = []
    for contact in people:
        into = _same(contact, [c for c in merged if c is not contact], full)
        if into is None:
            merged.append(contact)
            continue
        merged[merged.index(into)] = _join(into, contact)
    return merged


def _same(contact: Contact, merged: list[Contact], full: list[Contact]) -> Contact | None:
    key = _fold(contact.name)
    for other in merged:
        if contact.email and other.email and contact.email.lower() == other.email.lower():
            return other
        if key and key == _fold(other.name):
            return other
    words = key.split()
    if len(words) == 1:
        namesakes = {_fold(c.name) for c in full if _fold(c.name).split()[0] == words[0]}
        if len(namesakes) == 1:
            return next((m for m in merged if _fold(m.name) in namesakes), None)
    return None


def _join(a: Contact, b: Contact) -> Contact:
    name = a.name if len(a.name.split()) >= len(b.name.split()) else b.name
    return Contact(
        person_name(name) or name,
        a.email or b.email,
        a.role if a.role is not ContactRole.UNKNOWN else b.role,
        (a.contactable or not a.email) and (b.contactable or not b.email),
    )


def _fold(name: str) -> str:
    return fold(person_name(name))


def _from_address(address: Address, signer: tuple[str, str] | None) -> Contact:
    """The contact an address gives: a person to write to only when a person's name
    goes with it (the display name, or the signer of mail from a shared mailbox such
    as careers@). A robot's address, or a mailbox with nobody named, reaches no one."""
    display = person_name(address.name or "")
    if display and company_key(display) == company_key(address.domain.split(".")[0]):
        display = ""  # "Acme <jobs@acme.example>" is the company writing
    if is_no_reply(address):
        return Contact(display or address.name or address.email, address.email, contactable=False)
    if signer and (not display or _same_person(signer[0], display)):
        return Contact(signer[0], address.email, role_from_title(signer[1]))
    if display and not company_from_display(address.name or ""):
        return Contact(display, address.email)
    return Contact(address.name or address.email, address.email, contactable=False)


def person_name(text: str) -> str:
    """`text` as a person's name ("Estrada, Lukas" -> "Lukas Estrada"), or "" when it
    is not one: a company, a team, a mailbox, an address or a single lower-case token."""
    text = " ".join(text.strip().strip("\"'").split())
    flipped = _LAST_FIRST.match(text)
    if flipped:
        text = f"{flipped['first'].strip()} {flipped['last'].strip()}"
    words = text.split()
    if not 1 <= len(words) <= 4 or "@" in text or any(c.isdigit() for c in text):
        return ""
    lowered = [w.lower().strip(".,") for w in words]
    if any(_not_a_name_word(w) for w in lowered) or words[0] in _NOT_NAMES:
        return ""
    if lowered[0] in PLATFORM_WORDS:  # "Greenhouse Notifications"; "Tom Ashby" is a person
        return ""
    if robot_word("-".join(lowered)) or robot_word("".join(lowered)):
        return ""  # "No Reply", "Automation Manager"
    for word in words:
        letters = word.replace("'", "").replace("’", "").replace("-", "").replace(".", "")
        if not letters.isalpha():
            return ""
        if not (word[0].isupper() or word.lower() in _PARTICLES):
            return ""
    return text


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


def _not_a_name_word(word: str) -> bool:
    """A team's, an organisation's or a robot's word: no person's name holds it."""
    return word in _ORG_WORDS or robot_word(word) is not None


def _is_person(name: str) -> bool:
    return bool(person_name(name))


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
