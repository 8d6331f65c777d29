"""Company identity: one key for "Acme", "ACME Corp." and "acme.io", plus aliases.

Trackers lose trust when one employer shows up twice, so every company name,
domain or ATS slug is reduced to the same compact key before any lookup. What
normalisation cannot see (a rename, a parent brand) lives in an alias mapping
that the user and confirmed links grow; these functions return a new mapping
and the service persists it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from gracefully.knowledge import fold, is_freemail, registrable_domain

Aliases = Mapping[str, str]
"""alias key -> canonical company key (flat: a canonical never maps further)."""

LEGAL_SUFFIXES = frozenset(
    {
        "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "gmbh", "ag", "corp",
        "corporation", "co", "company", "plc", "sa", "sas", "sarl", "bv", "nv", "srl", "spa",
        "pty", "pte", "oy", "ab", "as", "kk", "kg", "se", "group", "holdings",
    }
)  # fmt: skip
_LEADING = frozenset({"the"})
_DOMAIN_NOISE = frozenset({"hq", "careers", "jobs", "inc"})
_DOMAIN_PREFIXES = ("get", "join", "try", "use", "go", "hello", "meet", "with")
"""Marketing prefixes of company domains: getacme.com, joinacme.com."""
_WORD = re.compile(r"[a-z0-9]+")
_DOMAIN = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")


def _domain_label(domain: str) -> str:
    """The organisation label of a domain: careers.acme-hq.io -> acme."""
    reg = registrable_domain(domain)
    label = reg.split(".")[0]
    parts = [p for p in label.split("-") if p not in _DOMAIN_NOISE]
    return "".join(parts) or label


def is_domain(text: str) -> bool:
    return bool(_DOMAIN.match(text.strip().lower())) and "." in text


def name_words(name: str) -> list[str]:
    """The words that identify a company: no leading "The", no trailing legal suffix."""
    words = _WORD.findall(fold(name).replace("&", " and "))
    while words and words[0] in _LEADING:
        words = words[1:]
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words = words[:-1]
    return words


def company_key(name_or_domain: str) -> str:
    """The compact key every lookup uses, so spellings of one company meet.

    Case, accents, punctuation, spaces, a leading "The" and trailing legal
    suffixes are dropped; a domain becomes its organisation label. "Acme
    Robotics, Inc.", "acme-robotics" and "acmerobotics.com" all give "acmerobotics".
    """
    text = name_or_domain.strip().lower()
    if is_domain(text):
        return _domain_label(text)
    return "".join(name_words(text))


def spells(short: str, name: str) -> bool:
    """Whether a machine-made key (an ATS slug, a domain label) can be `name` written short.

    Words are taken in order, each whole, cut short or as an initial, and
    trailing ones may be left out: "tidewatercu" spells Tidewater Credit
    Union, "fernhill" spells Fernhill Energy, "getacme" spells Acme. A person's
    name ("tomasrueda") spells no company, which keeps it from naming one.
    """
    words = tuple(name_words(name))
    if len(short) < 2 or not words:
        return False
    forms = [short] + [short[len(p) :] for p in _DOMAIN_PREFIXES if short.startswith(p)]
    return any(_spelled(form, words) for form in forms if len(form) >= 2)


@lru_cache(maxsize=4096)
def _spelled(short: str, words: tuple[str, ...]) -> bool:
    if short == "".join(w[0] for w in words):
        return len(words) > 1
    first = words[0]
    shortest = min(len(first), 3)
    return any(
        short.startswith(first[:k]) and _rest_spelled(short[k:], words[1:])
        for k in range(len(first), shortest - 1, -1)
    )


def _rest_spelled(short: str, words: tuple[str, ...]) -> bool:
    if not short:
        return True
    if not words:
        return False
    word, rest = words[0], words[1:]
    if _rest_spelled(short, rest):
        return True
    return any(
        short.startswith(word[:k]) and _rest_spelled(short[k:], rest)
        for k in range(len(word), 0, -1)
    )


_CAP_WORD = r"[A-Z](?:[\w'’&-]|\.(?=\w))*"
_NAME_RUN = re.compile(
    rf"(?<![\w@/.-]){_CAP_WORD}(?:(?:[ \t]+(?:&|and|of|de|du|von)[ \t]+|[ \t]+){_CAP_WORD})*"
)
_NAME_STOPS = frozenset(
    {
        "hi", "hello", "dear", "hey", "thanks", "thank", "best", "regards", "sincerely", "cheers",
        "kind", "warm", "we", "our", "your", "you", "i", "re", "fwd", "fw", "subject", "from", "to",
        "recruiting", "recruitment", "recruiter", "talent", "team", "careers", "career", "hiring",
        "hr", "people", "acquisition", "jobs", "job", "application", "interview", "update", "via",
        "powered", "by",
    }
)  # fmt: skip


def names_in(text: str, stops: frozenset[str] = frozenset()) -> list[str]:
    """Runs of capitalised words in `text` that could be a company's name.

    Greetings, team words ("Recruiting", "Talent Team") and the caller's
    `stops` (role words) end a run, so "The Fernhill Energy Recruiting Team"
    gives "Fernhill Energy". Many runs name nothing; callers keep those that a
    slug, a domain or a known company agrees with.
    """
    found: list[str] = []
    for m in _NAME_RUN.finditer(text):
        run: list[str] = []
        for word in m.group(0).split():
            if fold(word.strip(".")) in _NAME_STOPS or fold(word.strip(".")) in stops:
                _close(run, found)
                run = []
            else:
                run.append(word)
        _close(run, found)
    return found


def _close(run: list[str], found: list[str]) -> None:
    """Keep a run without the connectors it starts or ends on ("of", "&")."""
    while run and not run[-1][:1].isupper():
        run.pop()
    while run and (not run[0][:1].isupper() or fold(run[0]) in _LEADING):
        run.pop(0)
    if run:
        found.append(" ".join(run).rstrip(".,"))


def canonical(aliases: Aliases, key: str) -> str:
    return aliases.get(key, key)


def learn_alias(aliases: Aliases, observed: str, company: str) -> dict[str, str]:
    """Record that `observed` (a name or domain seen on a confirmed link) is `company`.

    Keys that normalisation already unifies, and keys that name no one (an ATS
    or freemail domain), are not recorded: an alias there would merge strangers.
    """
    new = dict(aliases)
    key, target = company_key(observed), canonical(aliases, company_key(company))
    if not key or not target or key == target or canonical(aliases, key) == target:
        return new
    if is_domain(observed) and is_freemail(observed):
        return new
    new[key] = target
    return _flatten(new)


def merge_companies(aliases: Aliases, keep: str, absorb: str) -> dict[str, str]:
    """The user says two names are one company: everything under `absorb` moves to `keep`."""
    target = canonical(aliases, company_key(keep))
    gone = canonical(aliases, company_key(absorb))
    new = {alias: (target if canon == gone else canon) for alias, canon in aliases.items()}
    if gone != target:
        new[gone] = target
    new.pop(target, None)
    return _flatten(new)


def split_company(aliases: Aliases, name: str) -> dict[str, str]:
    """The user says `name` is its own company: it stops being an alias of anything."""
    key = company_key(name)
    return {alias: canon for alias, canon in aliases.items() if alias != key}


def _flatten(aliases: dict[str, str]) -> dict[str, str]:
    """Keep the mapping one hop deep so lookups never chase chains or loop."""
    flat: dict[str, str] = {}
    for alias in aliases:
        seen, target = {alias}, aliases[alias]
        while target in aliases and target not in seen:
            seen.add(target)
            target = aliases[target]
        if target != alias:
            flat[alias] = target
    return flat
