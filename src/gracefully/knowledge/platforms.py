"""Platforms that send mail for employers: applicant tracking systems, job boards,
assessment services and bulk-mail senders (data: `ats.toml`, `bulk.toml`).

An address at a platform is shared by thousands of employers: it never identifies a
company by itself, and nobody reads a reply to it. The employer comes from the
display name, from the tenant a platform puts in its host names and links
(acme.wd5.myworkdayjobs.com, jobs.lever.co/acme) or in the local part some use
(acme@myworkday.com).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any

from gracefully.knowledge._data import load
from gracefully.knowledge._local import role_word, strip_robot_words
from gracefully.knowledge.domains import registrable_domain


class Kind(StrEnum):
    ATS = "ats"
    """An applicant tracking system: the value of `Reading.ats`."""
    JOB_BOARD = "job_board"
    ASSESSMENT = "assessment"
    """Tests, recorded interviews and scheduling sent for an employer."""
    MAIL_SERVICE = "mail_service"
    """A bulk-mail sender relaying someone else's mail."""


@dataclass(frozen=True, slots=True)
class Platform:
    name: str
    """Stable id, stored in aliases ("greenhouse/acme") and readings: never renamed."""
    kind: Kind
    title: str
    domains: tuple[str, ...]
    """Domains it sends from or hosts pages on; a host under one is the platform's too."""
    addresses: tuple[str, ...] = ()
    """Whole addresses, for a service that sends from its owner's domain (Google Calendar)."""
    words: tuple[str, ...] = ()
    """Words that name the platform and never an employer ("workday", "myworkday")."""
    tenant_urls: tuple[str, ...] = ()
    """Regexes whose group 1 is the employer's slug, in links and host names."""
    local_tenant_domains: tuple[str, ...] = ()
    """Domains whose mail puts the employer in the local part (acme@myworkday.com)."""
    host_tenant_domains: tuple[str, ...] = ()
    """Domains whose mail comes from <employer>.<domain> (x@acme.taleo.net)."""


def _platform(row: dict[str, Any], kind: Kind) -> Platform:
    return Platform(
        name=row["name"],
        kind=kind,
        title=row["title"],
        domains=tuple(row["domains"]),
        addresses=tuple(a.lower() for a in row.get("addresses", ())),
        words=tuple(w.lower() for w in row.get("words", ())),
        tenant_urls=tuple(row.get("tenant_urls", ())),
        local_tenant_domains=tuple(row.get("local_tenant_domains", ())),
        host_tenant_domains=tuple(row.get("host_tenant_domains", ())),
    )


_ATS_DATA = load("ats")
_BULK_DATA = load("bulk")
PLATFORMS: tuple[Platform, ...] = tuple(_platform(r, Kind.ATS) for r in _ATS_DATA["ats"]) + tuple(
    _platform(row, Kind(kind))
    for kind in (Kind.JOB_BOARD, Kind.ASSESSMENT, Kind.MAIL_SERVICE)
    for row in _BULK_DATA[kind.value]
)
"""Every platform, applicant tracking systems first."""
ATS: tuple[Platform, ...] = tuple(p for p in PLATFORMS if p.kind is Kind.ATS)

PLATFORM_WORDS: frozenset[str] = frozenset(w for p in PLATFORMS for w in p.words)
"""Words that name a platform and no employer: not a company, not a person."""
NOT_TENANTS: frozenset[str] = frozenset(_ATS_DATA["not_tenants"])
"""Host labels and slugs that are a platform's own furniture (www, jobs, talent)."""

_BY_DOMAIN: dict[str, Platform] = {}
for _p in PLATFORMS:
    for _d in _p.domains:
        _BY_DOMAIN.setdefault(_d, _p)
_BY_ADDRESS = {address: p for p in PLATFORMS for address in p.addresses}
_BY_NAME = {p.name: p for p in PLATFORMS} | {w: p for p in reversed(PLATFORMS) for w in p.words}
_ATS_LABELS: dict[str, Platform] = {}
for _p in ATS:
    for _d in _p.domains:
        if registrable_domain(_d) == _d:  # a host (hire.lever.co) lends no label
            _ATS_LABELS.setdefault(_d.split(".")[0], _p)
_MAIL_LABEL = re.compile(r"^(?P<label>[a-z0-9-]+?)-?(?:e?mail|mailer|notifications?)$")
"""An ATS's own mail domain: smartrecruitersmail.com, greenhouse-mail.io, lever-mail.example."""
_TENANT_PATTERNS = tuple(
    (p, re.compile(pattern, re.IGNORECASE)) for p in PLATFORMS for pattern in p.tenant_urls
)
_TENANT_SHAPE = re.compile(r"[a-z][a-z0-9-]{2,}")


@lru_cache(maxsize=16384)
def _match(domain: str) -> tuple[Platform, str] | None:
    """(platform, the data domain that matched) for a host, walking up its labels."""
    host = domain.lower().strip().strip(".").rpartition("@")[2]
    labels = host.split(".")
    for i in range(len(labels) - 1):
        suffix = ".".join(labels[i:])
        platform = _BY_DOMAIN.get(suffix)
        if platform is not None:
            return platform, suffix
    if len(labels) < 2:
        return None
    registrable = registrable_domain(host)
    mail = _MAIL_LABEL.match(registrable.split(".")[0])
    platform = _ATS_LABELS.get(mail.group("label")) if mail else None
    return (platform, registrable) if platform else None


def platform_for_domain(domain: str) -> Platform | None:
    """The platform a domain (or a host under it) belongs to, of any kind."""
    found = _match(domain) if domain else None
    return found[0] if found else None


def platform_for_address(address: str) -> Platform | None:
    """The platform an address belongs to: one of its own addresses, else its domain's."""
    email = address.strip().lower()
    return _BY_ADDRESS.get(email) or platform_for_domain(email.rpartition("@")[2])


def ats_for_domain(domain: str) -> Platform | None:
    """The applicant tracking system a domain belongs to, its mail domains included."""
    platform = platform_for_domain(domain)
    return platform if platform is not None and platform.kind is Kind.ATS else None


def is_platform_domain(domain: str) -> bool:
    return platform_for_domain(domain) is not None


def is_ats_domain(domain: str) -> bool:
    return ats_for_domain(domain) is not None


def platform_named(word: str) -> Platform | None:
    """The platform a word names: its id or one of its words ("Powered by Greenhouse")."""
    return _BY_NAME.get(word.strip().lower())


def tenants_in(text: str) -> list[tuple[str, str, str]]:
    """(platform name, employer slug, matched text) for every tenant URL or host in `text`."""
    found = []
    for platform, pattern in _TENANT_PATTERNS:
        for m in pattern.finditer(text):
            slug = m.group(1).lower()
            if slug not in NOT_TENANTS and slug not in _BY_NAME:
                found.append((platform.name, slug, m.group(0)))
    return found


def sender_tenant(address: str) -> str | None:
    """The employer's slug in a platform's sender address, for platforms that put it there.

    acme@acme.taleo.net and x@acme.tal.net give "acme" from the host; acme@myworkday.com,
    acme+autoreply@talent.icims.com and acme-notifications@talent.icims.com give it from
    the local part, without the tag and the robot words. A robot or team mailbox
    (no-reply@, careers@) gives None.
    """
    local, _, domain = address.lower().strip().rpartition("@")
    found = _match(domain) if domain else None
    if found is None:
        return None
    platform, matched = found
    if matched in platform.host_tenant_domains and domain != matched:
        label = domain[: -len(matched) - 1].rpartition(".")[2]
        if _is_tenant(label):
            return label
    if matched in platform.local_tenant_domains:
        base = strip_robot_words(local.partition("+")[0])
        slug = re.sub(r"[._]+", "-", base)
        if _is_tenant(slug) and role_word(slug) is None:
            return slug
    return None


def _is_tenant(slug: str) -> bool:
    return bool(_TENANT_SHAPE.fullmatch(slug)) and slug not in NOT_TENANTS and slug not in _BY_NAME
