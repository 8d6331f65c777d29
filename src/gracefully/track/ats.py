"""Applicant tracking systems and other sending platforms: whose company they speak for.

An ATS address (no-reply@greenhouse.io) is shared by thousands of employers,
so it must never identify a company by itself. The company comes from the
display name ("Acme via Greenhouse"), the tenant in a host name or URL path
(acme.wd5.myworkdayjobs.com, jobs.lever.co/acme), or the local part some ATSs
use (acme@myworkday.com). Which platforms there are, their domains and where
they put the tenant are facts of `gracefully.knowledge`; this module reads
display names and applies the tenants to a sender.
"""

from __future__ import annotations

import re

from gracefully.domain import Address
from gracefully.knowledge import PLATFORM_WORDS, Platform, platform_for_domain, sender_tenant
from gracefully.knowledge import tenants_in as tenants_in

_DISPLAY_PATTERNS = (
    re.compile(r"^(?P<company>.+?)\s+(?:via|through|@)\s+\S.*$", re.IGNORECASE),
    re.compile(
        r"^(?:the\s+)?(?P<company>.+?)\s+(?:talent(?:\s+acquisition)?|recruit(?:ing|ment|ers?)|"
        r"careers?|hiring|jobs|hr|people(?:\s+ops)?|human\s+resources)"
        r"(?:\s+(?:team|department|dept\.?))?$",
        re.IGNORECASE,
    ),
)
_GENERIC_DISPLAY = frozenset(
    {"hiring team", "recruiting team", "talent team", "no reply", "noreply", "careers", "jobs"}
)
_NOT_COMPANIES = PLATFORM_WORDS | {"the", "our"}


def ats_for_domain(domain: str) -> Platform | None:
    """The sending platform a domain belongs to: an ATS, and as tracking goes also a job
    board, an assessment service or a bulk-mail sender. Shared by many employers, it
    names none of them, so the company comes from the display name or a tenant."""
    return platform_for_domain(domain) if domain else None


def is_ats_domain(domain: str) -> bool:
    return ats_for_domain(domain) is not None


def company_from_display(name: str) -> str | None:
    """The employer in a display name ("Acme via Greenhouse", "Acme Talent Team")."""
    text = name.strip().strip('"')
    if not text or text.lower() in _GENERIC_DISPLAY:
        return None
    for pattern in _DISPLAY_PATTERNS:
        m = pattern.match(text)
        if m and m.group("company").strip().lower() not in _NOT_COMPANIES:
            return m.group("company").strip(" ,-")
    return None


def tenant_of_sender(sender: Address, platform: Platform | None = None) -> tuple[str, str] | None:
    """(employer slug, why) from the sender address itself, for platforms that put it there."""
    platform = platform or ats_for_domain(sender.domain)
    if platform is None:
        return None
    host_tenants = tenants_in(sender.domain)
    if host_tenants:
        return host_tenants[0][1], f"tenant host {sender.domain}"
    slug = sender_tenant(sender.email)
    if slug is not None:
        return slug, f"{platform.name} tenant address {sender.email}"
    return None
