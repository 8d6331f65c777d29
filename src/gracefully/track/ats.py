"""Applicant tracking systems: which senders are an ATS, and whose company they speak for.

An ATS address (no-reply@greenhouse.io) is shared by thousands of employers,
so it must never identify a company by itself. The company comes from the
display name ("Acme via Greenhouse"), the tenant in a host name or URL path
(acme.wd5.myworkdayjobs.com, jobs.lever.co/acme), or the local part some ATSs
use (acme@myworkday.com). Each ATS is one row of data; a new ATS is one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gracefully.domain import Address
from gracefully.track.company import registrable_domain


@dataclass(frozen=True, slots=True)
class Ats:
    name: str
    domains: tuple[str, ...]
    """Registrable domains the ATS sends from or hosts job pages on."""
    tenant_urls: tuple[str, ...] = ()
    """Regexes whose group 1 is the employer's slug, searched in the body and hosts."""
    tenant_local_part: bool = False
    """The sender's local part is the employer (Workday: acme@myworkday.com)."""


ATS_REGISTRY: tuple[Ats, ...] = (
    Ats("greenhouse", ("greenhouse.io", "greenhouse-mail.io"),
        (r"(?:job-)?boards(?:\.eu)?\.greenhouse\.io/([\w-]+)", r"\b([\w-]+)\.greenhouse\.io")),
    Ats("lever", ("lever.co", "hire.lever.co"), (r"jobs\.(?:eu\.)?lever\.co/([\w-]+)",)),
    Ats("workday", ("myworkday.com", "myworkdayjobs.com", "workday.com"),
        (r"\b([\w-]+)\.wd\d+\.myworkday(?:jobs|site)\.com", r"\b([\w-]+)\.myworkday\.com"),
        tenant_local_part=True),
    Ats("ashby", ("ashbyhq.com",), (r"jobs\.ashbyhq\.com/([\w-]+)",)),
    Ats("icims", ("icims.com",), (r"\b(?:careers-)?([\w-]+)\.icims\.com",)),
    Ats("smartrecruiters", ("smartrecruiters.com", "smartrecruitersmail.com"),
        (r"(?:jobs|careers)\.smartrecruiters\.com/([\w-]+)",)),
    Ats("taleo", ("taleo.net", "taleo.com"), (r"\b([\w-]+)\.taleo\.net",)),
    Ats("jobvite", ("jobvite.com",), (r"jobs\.jobvite\.com/([\w-]+)", r"\b([\w-]+)\.jobvite\.com")),
    Ats("workable", ("workable.com", "workablemail.com"),
        (r"apply\.workable\.com/([\w-]+)", r"\b([\w-]+)\.workable\.com")),
    Ats("bamboohr", ("bamboohr.com",), (r"\b([\w-]+)\.bamboohr\.com",)),
    Ats("recruitee", ("recruitee.com",), (r"\b([\w-]+)\.recruitee\.com",)),
    Ats("teamtailor", ("teamtailor.com", "teamtailor-mail.com"), (r"\b([\w-]+)\.teamtailor\.com",)),
    Ats("breezy", ("breezy.hr", "breezyhr.com"), (r"\b([\w-]+)\.breezy\.hr",)),
    Ats("jazzhr", ("applytojob.com", "jazzhr.com"), (r"\b([\w-]+)\.applytojob\.com",)),
    Ats("successfactors", ("successfactors.com", "successfactors.eu", "sapsf.com"), ()),
    Ats("personio", ("personio.de", "personio.com"), (r"\b([\w-]+)\.jobs\.personio\.(?:de|com)",)),
    Ats("pinpoint", ("pinpointhq.com",), (r"\b([\w-]+)\.pinpointhq\.com",)),
    Ats("comeet", ("comeet.co", "comeet.com"), (r"comeet\.com/jobs/([\w-]+)",)),
    Ats("avature", ("avature.net",), (r"\b([\w-]+)\.avature\.net",)),
    Ats("phenom", ("phenompeople.com",), ()),
    Ats("eightfold", ("eightfold.ai",), (r"\b([\w-]+)\.eightfold\.ai",)),
    Ats("brassring", ("brassring.com",), ()),
    Ats("oracle", ("oraclecloud.com", "taleo.oraclecloud.com"), ()),
    Ats("dayforce", ("dayforcehcm.com",), ()),
    Ats("ukg", ("ultipro.com", "ukg.com"), ()),
    Ats("paylocity", ("paylocity.com",), ()),
    Ats("zoho", ("zohorecruit.com", "zohorecruit.eu"), (r"\b([\w-]+)\.zohorecruit\.(?:com|eu)",)),
    Ats("freshteam", ("freshteam.com",), (r"\b([\w-]+)\.freshteam\.com",)),
    Ats("homerun", ("homerun.co",), (r"\b([\w-]+)\.homerun\.co",)),
)  # fmt: skip

_BY_DOMAIN = {domain: ats for ats in ATS_REGISTRY for domain in ats.domains}
_BY_LABEL = {domain.split(".")[0]: ats for domain, ats in _BY_DOMAIN.items()}
_MAIL_LABEL = re.compile(r"^(?P<ats>[a-z0-9-]+?)-?(?:e?mail|mailer|notifications?)$")
"""An ATS's own mail domain: smartrecruitersmail.com, greenhouse-mail.io, workablemail.com."""
_TENANT_PATTERNS = tuple(
    (ats, re.compile(p, re.IGNORECASE)) for ats in ATS_REGISTRY for p in ats.tenant_urls
)
_NOT_TENANTS = frozenset(
    {
        "www", "boards", "job-boards", "jobs", "app", "apply", "careers", "mail", "email", "em",
        "no-reply", "noreply", "notifications", "notification", "us", "eu", "api", "hire",
        "talent", "recruiting", "support", "help", "info", "candidates", "candidate",
        "do-not-reply", "donotreply", "system", "alerts", "mailer", "bounce", "reply",
    }
)  # fmt: skip
_ATS_NAMES = frozenset(a.name for a in ATS_REGISTRY)
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


def ats_for_domain(domain: str) -> Ats | None:
    """The ATS a domain belongs to, its mail domains included: those name no employer."""
    if not domain:
        return None
    registrable = registrable_domain(domain)
    if registrable in _BY_DOMAIN:
        return _BY_DOMAIN[registrable]
    mail = _MAIL_LABEL.match(registrable.split(".")[0])
    return _BY_LABEL.get(mail.group("ats")) if mail else None


def is_ats_domain(domain: str) -> bool:
    return ats_for_domain(domain) is not None


def company_from_display(name: str) -> str | None:
    """The employer in a display name ("Acme via Greenhouse", "Acme Talent Team")."""
    text = name.strip().strip('"')
    if not text or text.lower() in _GENERIC_DISPLAY:
        return None
    for pattern in _DISPLAY_PATTERNS:
        m = pattern.match(text)
        if m and m.group("company").strip().lower() not in _ATS_NAMES | {"the", "our"}:
            return m.group("company").strip(" ,-")
    return None


def tenants_in(text: str) -> list[tuple[str, str, str]]:
    """(ats name, employer slug, matched text) for every ATS tenant URL or host in `text`."""
    found = []
    for ats, pattern in _TENANT_PATTERNS:
        for m in pattern.finditer(text):
            slug = m.group(1).lower()
            if slug not in _NOT_TENANTS and slug not in _ATS_NAMES:
                found.append((ats.name, slug, m.group(0)))
    return found


def tenant_of_sender(sender: Address) -> tuple[str, str] | None:
    """(employer slug, why) from the sender address itself, for ATSs that put it there."""
    ats = ats_for_domain(sender.domain)
    if ats is None:
        return None
    host_tenants = tenants_in(sender.domain)
    if host_tenants:
        return host_tenants[0][1], f"tenant host {sender.domain}"
    local = sender.email.partition("@")[0].lower()
    if ats.tenant_local_part and local not in _NOT_TENANTS and "reply" not in local:
        return local, f"{ats.name} tenant address {sender.email}"
    return None
