"""Cleaning captured names: what is a company, a role or a person, and what is not.

The regexes capture generously; these checks refuse the usual impostors
(job boards and ATS vendors for a company, team words and greetings for a
person) and trim what a capture drags along, so that the value is exactly
what the email wrote.
"""

from __future__ import annotations

import re

from gracefully.domain import Address
from gracefully.knowledge import fold, robot_word, role_word
from gracefully.understand.details.vocab import (
    FIRST_NOT_COMPANY,
    NOT_COMPANY,
    NOT_PERSON,
    PERSON_TITLES,
    ROLE_TITLE_WORDS,
    TITLE_WORDS,
)

_ORG_TAIL = re.compile(
    r"(?:\s+(?:University|Campus|Global|Corporate|Early))*(?:\s+[-|@]?\s*(?:Recruiting|Recruitment"
    r"|Talent|Acquisition|Attraction|Careers?|Hiring|HR|Human Resources|People|Jobs|Team|Workday"
    r"|Notifications?|Portal|Staffing|Calendar|Scheduling))+$"
)
_ABBREVIATED = re.compile(r"\b(?:(?i:inc|ltd|corp)|Co|NA|S\.A|B\.V|L\.P|Bros)\.$")
_TRAILING = re.compile(r"(?:[\s,.!:;|–—-]+|\s+(?:and|&|at|with|in|for|the|to|is|has))+$")
_PRONOUN = re.compile(r"\s+I$")
"""A run-on sentence drags the next one's "I" into a name ("Corvid Staffing I am writing")."""
_NOT_YEAR = r"(?!(?:19|20)\d\d\b)"
_LEVEL = r"(?i:senior|junior|sr|jr|lead|principal|associate|trainee)"
"""A level in brackets opens a title ("(Senior) Data Engineer"); another aside does not."""
_ROLE_TRIMS = (
    re.compile(r"[\s,]+(?:[A-Z]{1,3}-)?\d[\d-]{4,}$"),  # ", 210821" / " 2024-3246"
    re.compile(r"\s*\((?:[^()]*\b(?:ID|id|[Nn]umber|[Nn]o|[Rr]eq)\b[^()]*|[A-Z]{0,4}-?\d{4,})\)$"),
    re.compile(r"\s*\(\s*(?:[A-Z]{1,4}-?\d{3,}|\d{4}-\d+|\d{5,})\s*\)$"),  # "( R4420 )"
    re.compile(r"\s*\((?:Open|Closed|Filled)\)(?=\s|$)"),  # an ATS status, not the title
    re.compile(r",?\s*(?:Job|Req(?:uisition)?) ?(?:ID|#|Number)$"),
    re.compile(r"\s*[-–|]\s*\d{5,}$"),  # "-1336182": a bare number is an id
    re.compile(r"\s+[-–|]\s*[A-Z]{0,4}[ _-]?\d{4,}[A-Z0-9]*$"),  # " - IT 00001031" (glued: kept)
    re.compile(r"^" + _NOT_YEAR + r"[A-Z]{0,4}[-_]?\d{4,}[A-Z]{0,2}\b\s*(?:[-–]\s*)?"),  # ids ahead
    re.compile(r"^\d{1,3}[A-Z]{1,4}\d{4,}\s+"),  # "22WD64572 Analyst": a dated id ahead
    re.compile(
        r"^(?:\d{1,2}/\d{1,2}/\d{2,4}|\((?!" + _LEVEL + r"\))[^()]*\))\s+"
    ),  # a date, an aside
    re.compile(r"^(?!.{0,40}?(?i:bachelor|master)['’]s)[A-Z][\w&.\- ]{0,40}['’]s\s+(?=[A-Z])"),
    re.compile(r"^[^-–]{2,40}[-–]\s*(?=[A-Z]{0,4}\d{4,}\s)"),  # "Sam Lee - JR0211 Data Analyst"
    re.compile(r"\s+(?:Position|Role|Opening|Job|Req|Vacancy|Posting)$"),  # subject Title Case
    re.compile(r"^(?:Position|Role|Job|Post) (?:of|for)\s+"),
)
_TRIMMABLE = re.compile(r"[\d(’'–|-]|\b(?:Position|Role|Opening|Job|Req|Vacancy|Posting|Post)\b")
"""What every trim above needs: a title without any of it is trimmed by none of them."""
_ROLE_TRAILING = re.compile(
    r"(?:[\s,!:;|–—-]|(?<![A-Z]\.[A-Z])\.|\s+(?:&|(?:and|at|with|in|for|the|to|is|has)\b))+$"
)
"""What a title capture drags at its end, but not the last dot of an initialism ("U.S.")."""
_ROLE_CUT = re.compile(r"\s+(?:(?:and|in|at) (?:the|our)|at|with|here at|within|@)\s+(?=\S)")


_NUMBER_TAIL = re.compile(r"(?:\s+#?\d{3,})+$")
"""A requisition number that follows the name in a subject ("... with Lumora 204518")."""
_SENIORITY = frozenset({"sr", "senior", "jr", "junior"})
_TITLE_ANYWHERE = TITLE_WORDS - {"lead", "program", "programme"}
"""A company may be "Lead Edge" or "Program Partners"; it is not "Data Analyst Intern"."""


def clean_company(value: str) -> str | None:
    """The company as written, or None when the capture is a job title, a team or an id."""
    value = re.split(r"['’]s\s", value.strip(), maxsplit=1)[0]
    value = _NUMBER_TAIL.sub("", _ORG_TAIL.sub("", value))
    kept = value if _ABBREVIATED.search(value) else None
    value = kept or _TRAILING.sub("", _PRONOUN.sub("", value)).strip()
    words = value.lower().split()
    if not words or len(value) < 2 or len(words) > 6 or not re.search(r"[^\W\d_]", value):
        return None
    bare = {word.strip(".,()") for word in words}
    if words[-1] in TITLE_WORDS or bare & (_TITLE_ANYWHERE | _SENIORITY):
        return None
    if re.fullmatch(r"[\d\W_]+", words[0]):
        return None
    if value.lower() in NOT_COMPANY or words[0] in FIRST_NOT_COMPANY:
        return None
    if all(word in NOT_COMPANY for word in re.split(r"[\s,&]+", value.lower()) if word):
        return None
    return value


def clean_role(value: str, company: str | None = None) -> str | None:
    value = _ROLE_CUT.split(" ".join(value.split()), maxsplit=1)[0].strip(" \"'“”")
    if company:
        value = _without_company(value, company)
    trimmable = _TRIMMABLE.search(value) is not None
    for _ in range(2):
        for trim in _ROLE_TRIMS if trimmable else ():
            value = trim.sub("", value)
        value = _ROLE_TRAILING.sub("", value).strip(" \"'“”")
    value = _unrepeated(value)
    lowered = value.lower()
    if (
        len(value) < 2
        or len(value) > 120
        or lowered in NOT_COMPANY
        or not re.search("[A-Za-z]", value)
    ):
        return None
    if lowered.split()[0] in {"your", "our", "this", "that", "my", "we", "you", "it", "all", "any"}:
        return None
    return value


def _unrepeated(value: str) -> str:
    """The title once, when its last words come twice in a row: a table flattened to text
    says a cell twice ("... - San Francisco San Francisco")."""
    words = value.split()
    for count in range(len(words) // 2, 0, -1):
        if words[-count:] == words[-2 * count : -count]:
            return " ".join(words[:-count])
    return value


_JOIN_END = re.compile(r"\s*(?:[-–|@]|\bat|\bwith)\s*$", re.IGNORECASE)
_JOIN_START = re.compile(r"^\s*[-–|:]\s*")


def _without_company(value: str, company: str) -> str:
    """Cut "... - Lumora" / "... at Lumora" / "Lumora - ..." where the company rides along."""
    name = company.lower()
    core = value.rstrip(" .,;:!?)")
    if core.lower().endswith(name) and _JOIN_END.search(head := core[: len(core) - len(name)]):
        return _JOIN_END.sub("", head)
    rest = value[len(name) :]
    if value.lower().startswith(name) and _JOIN_START.match(rest):
        return _JOIN_START.sub("", rest, count=1)
    return value


def is_title(value: str, company: str | None) -> bool:
    """Whether a capture names a job (a title word), not a company or a team."""
    if company and value.lower() == company.lower():
        return False
    return any(word in ROLE_TITLE_WORDS for word in re.split(r"[^a-z-]+", value.lower()))


_UPPER = "A-ZÀ-ÖØ-ÞĀ-ž"
_LOWER = "a-zß-öø-ÿĀ-ž"
"""Latin letters with their accents (Latin Extended-A pairs each capital with its small
letter, so its whole block counts as both): "Amélie", "Łucja", "Çelik"."""
NAME_WORD = (
    rf"(?:[{_UPPER}](?:[{_LOWER}'’]+(?:-?[{_UPPER}][{_LOWER}'’]+)?|[{_UPPER}]?\.?)"
    rf"|[{_UPPER}]{{2,}}(?:-[{_UPPER}]{{2,}})?)"
)
"""One word of a person's name as written: capitalised, hyphenated, an initial or in capitals."""
PARTICLE = r"(?:van|von|de|der|den|da|di|du|le|la|del|dos|das|ten|ter|bin|al|el)"
"""A lower-case particle inside a surname ("Pieter de Boer", "Ana van der Berg")."""
_NAME_SHAPE = re.compile(NAME_WORD)
_PARTICLE = re.compile(PARTICLE)
_MAILBOX_NAME = re.compile(rf"[{_UPPER}][{_LOWER}]+\.[{_UPPER}][{_LOWER}]+")
_SENDER_WORD = re.compile(rf"[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}][{_LOWER}'’]+)?|[A-Z]\.?")
"""A display name's word: capitalised (hyphenated) or an initial, never in capitals."""


def clean_person(
    value: str, company: str | None, org: str = "", greeted: str | None = None
) -> str | None:
    """The name as written, cut before a job title; None for teams, companies and the addressee.

    A mailbox that spells its owner ("Ana.Lima@") gives the name with a space."""
    if _MAILBOX_NAME.fullmatch(value):
        value = value.replace(".", " ")
    words = value.split()
    kept: list[str] = []
    for word in words:
        lowered = word.lower().strip(".,")
        if kept and lowered in PERSON_TITLES:
            break
        if kept and (word == "&" or _PARTICLE.fullmatch(word)):
            kept.append(word)
            continue
        if lowered in NOT_PERSON or not _NAME_SHAPE.fullmatch(word):
            return None
        kept.append(word)
    value = " ".join(kept)
    lowered = value.lower()
    if not kept or len(kept) > 5 or len(value) < 2 or not _NAME_SHAPE.fullmatch(kept[-1]):
        return None
    if company and (lowered in company.lower() or company.lower() in lowered):
        return None
    if "".join(lowered.split()) in org or (greeted and kept[0].lower() == greeted.lower()):
        return None
    return value.title() if value.isupper() and len(value) > 2 else value


def sender_person(sender: Address | None, company: str | None = None) -> str | None:
    """The display name when it is a person's own address: name-shaped, and a name part is in
    the mailbox (team, company and system names are refused)."""
    if sender is None or not sender.name:
        return None
    words = " ".join(sender.name.split()).strip("\"' ").split()
    local = sender.email.partition("@")[0].lower()
    parts = [fold(word) for word in words if len(word) > 2]
    if not 2 <= len(words) <= 4 or not any(part in local for part in parts):
        return None
    if robot_word(local) or role_word(local):  # a robot's or a team's mailbox is no one's own
        return None
    if not all(_SENDER_WORD.fullmatch(word) for word in words):
        return None
    return clean_person(" ".join(words), company, sender_org(sender))


def sender_org(sender: Address | None) -> str:
    """The parts of an address that name an organisation: the domain, and a tagged mailbox
    ("lumora+autoreply@...") whose base is the company's name."""
    if sender is None:
        return ""
    local, _, domain = sender.email.lower().partition("@")
    base, tagged, _ = local.partition("+")
    return f"{base} {domain}" if tagged else domain


_SECTOR_WORDS = (
    r"Insurance|Pharmaceuticals|Pharma|Logistics|Robotics|Health|Healthcare|Analytics|Labs"
    r"|Technologies|Systems|Software|Bank|Capital|Consulting|Solutions|Media|Energy|Foundation"
    r"|Institute|University|College|Schools|Hospital|Couriers|Motors|Networks|Biosciences"
    r"|Therapeutics|Engineering|Studios|Games|Foods|Logistik"
)
"""Words that say what a firm does; after a name taken from its address they are its name."""


def domain_company(value: str, text: str) -> str | None:
    """A name taken from an address is lower case: copy the email's own spelling when it has one.

    The address may run the words together ("pinecrestschools", "brightwater-analytics"),
    and the email may follow the name with what the firm does ("Wexley Pharmaceuticals").
    """
    if value in NOT_COMPANY:
        return None
    letters = [re.escape(char) for char in value if char.isalnum()]
    if not letters:
        return value.capitalize()
    spelled = r"(?<![\w&])" + r"[ .&-]{0,3}".join(letters) + r"(?![\w])"
    sector = r"[ ](?:" + _SECTOR_WORDS + r")(?![\w])"
    written = re.search(spelled + sector, text, re.IGNORECASE) or re.search(
        spelled, text, re.IGNORECASE
    )
    if written is None:
        return value.capitalize()
    name = written.group(0)
    return name if not name.islower() else value.capitalize()


def recurring_prefix(value: str, text: str) -> str | None:
    """The longest run of `value`'s leading words that `text` says again later (any case).

    A posting that opens with its employer names it again further down; the words
    that follow the opening name (a title, a sentence) are not repeated with it.
    """
    low = text.lower()
    start = low.find(value.lower())
    words = value.split()
    for count in range(len(words), 0, -1):
        name = " ".join(words[:count]).lower()
        if re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", low[start + len(name) :]):
            return " ".join(words[:count])
    return None
