"""Domains: what an organisation registers, and which domains are free-mail providers.

An address at a free-mail provider is a person's own and names no employer, so no
company is read from it and no alias is learnt from it (data: `freemail.toml`).
"""

from __future__ import annotations

from functools import lru_cache

from gracefully.knowledge._data import load

TWO_LEVEL_SUFFIXES: frozenset[str] = frozenset(load("suffixes")["two_level"])
"""Public suffixes of two labels (co.uk, com.au): the organisation is the label before."""

_PROVIDERS = load("freemail")["provider"]
FREEMAIL: frozenset[str] = frozenset(
    d for row in _PROVIDERS for d in row["domains"] if not d.endswith(".*")
)
"""Free-mail domains written out in full (gmail.com, web.de)."""
FREEMAIL_LABELS: frozenset[str] = frozenset(
    d[:-2] for row in _PROVIDERS for d in row["domains"] if d.endswith(".*")
)
"""Free-mail providers on every public suffix, by label (yahoo: yahoo.com, yahoo.co.uk)."""


def registrable_domain(domain: str) -> str:
    """The part of a host name an organisation registers: mail.acme.co.uk -> acme.co.uk."""
    labels = domain.lower().strip().strip(".").split(".")
    take = 3 if ".".join(labels[-2:]) in TWO_LEVEL_SUFFIXES else 2
    return ".".join(labels[-take:])


@lru_cache(maxsize=8192)
def is_freemail(domain: str) -> bool:
    """Whether `domain` (or the organisation it belongs to) is a free-mail provider."""
    if not domain:
        return False
    registrable = registrable_domain(domain.rpartition("@")[2])
    return registrable in FREEMAIL or registrable.split(".")[0] in FREEMAIL_LABELS
