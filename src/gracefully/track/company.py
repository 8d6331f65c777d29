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
_TWO_LEVEL_SUFFIXES = frozenset(
    {"co.uk", "org.uk", "ac.uk", "com.au", "co.jp", "co.nz", "com.br", "co.in", "com.sg"}
)
_DOMAIN_NOISE = frozenset({"hq", "careers", "jobs", "inc"})
_WORD = re.compile(r"[a-z0-9]+")
_DOMAIN = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")

FREEMAIL = frozenset(
    {
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "hotmail.com", "outlook.com",
        "live.com", "msn.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me",
        "protonmail.com", "gmx.com", "gmx.de", "gmx.net", "web.de", "mail.com", "yandex.com",
        "zoho.com", "fastmail.com", "hey.com", "pm.me", "tutanota.com", "qq.com", "163.com",
    }
)  # fmt: skip


def registrable_domain(domain: str) -> str:
    """The part of a host name an organisation registers: mail.acme.co.uk -> acme.co.uk."""
    labels = domain.lower().strip(".").split(".")
    take = 3 if ".".join(labels[-2:]) in _TWO_LEVEL_SUFFIXES else 2
    return ".".join(labels[-take:])


def _domain_label(domain: str) -> str:
    """The organisation label of a domain: careers.acme-hq.io -> acme."""
    reg = registrable_domain(domain)
    label = reg.split(".")[0]
    parts = [p for p in label.split("-") if p not in _DOMAIN_NOISE]
    return "".join(parts) or label


def is_domain(text: str) -> bool:
    return bool(_DOMAIN.match(text.strip().lower())) and "." in text


def company_key(name_or_domain: str) -> str:
    """The compact key every lookup uses, so spellings of one company meet.

    Case, punctuation, spaces, a leading "The" and trailing legal suffixes are
    dropped; a domain becomes its organisation label. "Acme Robotics, Inc.",
    "acme-robotics" and "acmerobotics.com" all give "acmerobotics".
    """
    text = name_or_domain.strip().lower()
    if is_domain(text):
        return _domain_label(text)
    words = _WORD.findall(text.replace("&", " and "))
    while words and words[0] in _LEADING:
        words = words[1:]
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words = words[:-1]
    return "".join(words)


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
    if is_domain(observed) and registrable_domain(observed) in FREEMAIL:
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
