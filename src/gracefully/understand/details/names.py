"""Cleaning captured names: what is a company, a role or a person, and what is not.

The regexes capture generously; these checks refuse the usual impostors
(job boards and ATS vendors for a company, team words and greetings for a
person) and trim what a capture drags along, so that the value is exactly
what the email wrote.
"""

from __future__ import annotations

import re

from gracefully.domain import Address

NOT_COMPANY = frozenset(
    [
        "a",
        "an",
        "the",
        "our",
        "your",
        "my",
        "this",
        "that",
        "these",
        "you",
        "we",
        "us",
        "it",
        "hi",
        "hello",
        "dear",
        "re",
        "fw",
        "fwd",
        "thank",
        "thanks",
        "application",
        "applications",
        "update",
        "status",
        "important",
        "regarding",
        "following",
        "follow",
        "note",
        "interest",
        "position",
        "role",
        "job",
        "jobs",
        "career",
        "careers",
        "team",
        "company",
        "recruiting",
        "recruitment",
        "hiring",
        "talent",
        "candidate",
        "candidates",
        "hr",
        "people",
        "notification",
        "notifications",
        "no-reply",
        "noreply",
        "workday",
        "greenhouse",
        "lever",
        "icims",
        "smartrecruiters",
        "taleo",
        "jobvite",
        "workable",
        "rippling",
        "bamboohr",
        "ashby",
        "linkedin",
        "indeed",
        "glassdoor",
        "ziprecruiter",
        "monster",
        "dice",
        "handshake",
        "wellfound",
        "hired",
        "otta",
        "google",
        "gmail",
        "outlook",
        "yahoo",
        "hotmail",
        "mail",
        "email",
        "congratulations",
        "action",
        "required",
        "reminder",
        "next",
        "steps",
        "interview",
        "offer",
        "confirmation",
        "received",
        "submitted",
        "thank-you",
        "please",
        "welcome",
        "good",
        "great",
        "new",
        "summer",
        "fall",
        "spring",
        "winter",
        "internship",
        "intern",
        "data",
        "software",
        "senior",
        "junior",
        "we've",
        "we're",
        "i",
        "am",
        "i'm",
        "mr",
        "ms",
        "mrs",
        "dr",
        "avature",
        "successfactors",
        "brassring",
        "oraclecloud",
        "myworkday",
        "myworkdayjobs",
        "us",
        "tal",
        "invalidemail",
        "adp",
        "csodmail",
        "applytojob",
        "ultipro",
        "ukg",
        "jazzhr",
        "breezy",
        "oleeo",
        "teamtailor",
        "personio",
        "recruitee",
        "dayforce",
        "pinpoint",
        "comeet",
        "eightfold",
        "paylocity",
        "phenom",
    ]
)
_FIRST_NOT_COMPANY = frozenset(
    [
        "your",
        "our",
        "thank",
        "thanks",
        "re",
        "fw",
        "fwd",
        "update",
        "important",
        "application",
        "regarding",
        "following",
    ]
)
FREEMAIL = frozenset(
    [
        "gmail",
        "googlemail",
        "yahoo",
        "hotmail",
        "outlook",
        "live",
        "aol",
        "icloud",
        "me",
        "mail",
        "gmx",
        "web",
        "protonmail",
        "proton",
        "yandex",
        "zoho",
        "qq",
        "163",
        "msn",
        "comcast",
    ]
)
NOT_PERSON = frozenset(
    [
        "team",
        "recruiting",
        "recruitment",
        "talent",
        "acquisition",
        "hiring",
        "careers",
        "career",
        "hr",
        "human",
        "resources",
        "people",
        "the",
        "your",
        "our",
        "best",
        "regards",
        "thanks",
        "thank",
        "sincerely",
        "cheers",
        "manager",
        "recruiter",
        "department",
        "office",
        "services",
        "service",
        "notification",
        "notifications",
        "no",
        "reply",
        "noreply",
        "workday",
        "linkedin",
        "indeed",
        "support",
        "admin",
        "info",
        "jobs",
        "job",
        "company",
        "group",
        "inc",
        "llc",
        "ltd",
        "global",
        "campus",
        "university",
        "coordinator",
        "director",
        "partner",
        "lead",
        "specialist",
        "sent",
        "from",
        "via",
        "at",
        "and",
    ]
)
_ORG_TAIL = re.compile(
    r"(?:\s+(?:University|Campus|Global|Corporate|Early))*(?:\s+[-|@]?\s*(?:Recruiting|Recruitment"
    r"|Talent|Acquisition|Attraction|Careers?|Hiring|HR|Human Resources|People|Jobs|Team|Workday"
    r"|Notifications?|Portal|Staffing))+$"
)
_ABBREVIATED = re.compile(r"\b(?:Inc|Ltd|Co|Corp|NA|S\.A|B\.V|L\.P|Bros)\.$")
_TITLE_WORDS = frozenset(
    [
        "analyst",
        "engineer",
        "intern",
        "internship",
        "developer",
        "manager",
        "scientist",
        "program",
        "programme",
        "associate",
        "specialist",
        "designer",
        "researcher",
        "coordinator",
        "consultant",
        "director",
        "lead",
        "architect",
        "administrator",
        "technician",
        "representative",
        "assistant",
        "officer",
    ]
)
_TRAILING = re.compile(r"(?:[\s,.!:;|–—-]+|\s+(?:and|&|at|with|in|for|the|to|is|has))+$")
_REQ_SUFFIX = re.compile(
    r"\s*[-–]\s*(?:[A-Z]{0,4}[-_]?\d{4,}[\w-]*)$|\s*\((?:[A-Z]{0,4}-?\d{4,})\)$"
)
_REQ_PREFIX = re.compile(r"^(?:[A-Z]{0,4}[-_]?\d{4,})\s+(?:[-–]\s*)?")
_ROLE_CUT = re.compile(r"\s+(?:(?:and|in|at) (?:the|our)|at|with|here at|within)\s+(?=\S)")


def clean_company(value: str) -> str | None:
    value = re.split(r"['’]s\s", value.strip(), maxsplit=1)[0]
    value = _ORG_TAIL.sub("", value)
    kept = value if _ABBREVIATED.search(value) else None
    value = kept or _TRAILING.sub("", value).strip()
    words = value.lower().split()
    if not words or len(value) < 2 or len(words) > 6:
        return None
    if words[-1] in _TITLE_WORDS or re.match(r"(?:19|20)\d\d\b", value):
        return None
    if value.lower() in NOT_COMPANY or words[0] in _FIRST_NOT_COMPANY:
        return None
    if all(word in NOT_COMPANY for word in re.split(r"[\s,&]+", value.lower()) if word):
        return None
    return value


def clean_role(value: str) -> str | None:
    value = _ROLE_CUT.split(value.strip(), maxsplit=1)[0]
    value = _REQ_PREFIX.sub("", _REQ_SUFFIX.sub("", value))
    value = _TRAILING.sub("", value).strip(" \"'“”")
    lowered = value.lower()
    if len(value) < 2 or len(value) > 120 or lowered in NOT_COMPANY:
        return None
    if lowered.split()[0] in {"your", "our", "this", "that", "my", "we", "you", "it", "all", "any"}:
        return None
    return value


def clean_person(value: str, company: str | None) -> str | None:
    value = " ".join(value.split()).strip(" ,.-|")
    words = value.lower().split()
    if not words or len(words) > 4 or any(word in NOT_PERSON for word in words):
        return None
    if company and value.lower() in company.lower():
        return None
    if value.isupper():
        value = value.title()
    return value


def sender_person(sender: Address | None) -> str | None:
    """The display name when it is a person's own address (a name part is in the mailbox)."""
    if sender is None or not sender.name:
        return None
    name = " ".join(sender.name.split()).strip("\"' ")
    local = sender.email.partition("@")[0].lower()
    parts = [p.lower() for p in re.findall(r"[A-Za-z]{3,}", name)]
    if len(name.split()) < 2 or not any(part in local for part in parts):
        return None
    if re.search(r"no-?reply|notif|auto|system|careers|jobs|talent|recruit|hr\b", local):
        return None
    return clean_person(name, None)


def domain_company(value: str, text: str) -> str | None:
    """A name taken from an address is lower case: copy the email's own spelling when it has one."""
    if value in FREEMAIL or value in NOT_COMPANY:
        return None
    found = re.search(r"\b" + re.escape(value) + r"\b", text, re.IGNORECASE)
    return found.group(0) if found else value.capitalize()
