"""What linking knows: the applications so far, looked up by every signal in O(1).

The service builds a `TrackIndex` from the store once per scan and keeps adding
to it as it links thousands of emails, so a reply found later in the same scan
already sees the application its first email created.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from rapidfuzz.distance import DamerauLevenshtein

from gracefully.domain import Application, EventKind, Status
from gracefully.track.company import Aliases, canonical, company_key, registrable_domain

_NOT_ALNUM = re.compile(r"[^A-Z0-9]")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Near:
    """A known company whose name is close to an email's, and how."""

    key: str
    score: float
    typo: bool
    """Spelt almost alike ("Zephyr Insuracne"); else one name starts the other
    ("Harbor" and "Harbor Networks"), which may well be two companies."""


@dataclass(frozen=True, slots=True)
class Known:
    """The facts about one application that linking compares an email against."""

    id: int
    company: str
    role: str | None = None
    requisition_id: str | None = None
    company_domain: str | None = None
    status: Status = Status.APPLIED
    kinds: frozenset[EventKind] = frozenset()
    """The kinds of events seen so far: a second confirmation means another application."""
    people: frozenset[str] = frozenset()
    """Addresses of the people who wrote about it: a new thread from one of them
    continues this application."""
    last_seen: datetime | None = None
    """When it last had news."""

    @classmethod
    def of(cls, app: Application) -> Known:
        """The entry for a stored application (it must have its id)."""
        if app.id is None:
            raise ValueError(f"application {app.company!r} has no id yet")
        return cls(
            app.id,
            app.company,
            app.role,
            app.requisition_id,
            app.company_domain,
            app.status,
            frozenset(e.kind for e in app.events),
            frozenset(c.email.lower() for c in app.contacts if c.email and c.contactable),
            app.updated_at,
        )


def message_key(message_id: str) -> str:
    return message_id.strip().strip("<>").strip().lower()


def requisition_keys(req: str) -> tuple[str, ...]:
    """Forms a requisition id is matched under: "R-12345" ~ "r12345"; long digit runs alone."""
    full = _NOT_ALNUM.sub("", req.upper())
    digits = [d for d in _DIGITS.findall(full) if len(d) >= 5]
    return tuple(dict.fromkeys([full, *(f"#{d}" for d in digits)]))


class TrackIndex:
    """A snapshot of applications, thread Message-IDs and company aliases.

    Adding is cheap and lookups are dictionary hits, so linking a whole mailbox
    stays linear. Applications sit under their canonical company key and under
    the key of their own domain, so "acme.io" finds "Acme" before any alias exists.
    """

    def __init__(self, aliases: Aliases | None = None) -> None:
        self._aliases: dict[str, str] = dict(aliases or {})
        self._apps: dict[int, Known] = {}
        self._messages: dict[str, int] = {}
        self._by_key: dict[str, list[int]] = defaultdict(list)
        self._by_req: dict[str, list[int]] = defaultdict(list)
        self._by_domain: dict[str, list[int]] = defaultdict(list)
        self._keys: list[str] = []
        self._names: dict[str, int] = defaultdict(int)
        """Company-name keys (not domain labels) and how many applications carry each."""

    @classmethod
    def build(
        cls,
        applications: Iterable[Application],
        messages: Mapping[str, int] | None = None,
        aliases: Aliases | None = None,
    ) -> TrackIndex:
        """The index the service starts a scan with: stored applications and linked emails."""
        index = cls(aliases)
        for app in applications:
            index.add_application(Known.of(app))
        for message_id, app_id in (messages or {}).items():
            index.add_message(message_id, app_id)
        return index

    @property
    def aliases(self) -> dict[str, str]:
        return dict(self._aliases)

    def key(self, name_or_domain: str) -> str:
        """The canonical company key, aliases applied."""
        return canonical(self._aliases, company_key(name_or_domain))

    def add_application(self, app: Known) -> None:
        """Add an application, or replace it when the id is known (its role was learnt)."""
        if app.id in self._apps:
            self._unindex(self._apps[app.id])
        self._apps[app.id] = app
        for key in self._keys_of(app):
            if key not in self._by_key:
                self._keys.append(key)
            self._by_key[key].append(app.id)
        self._names[self.key_of(app)] += 1
        for req in requisition_keys(app.requisition_id or ""):
            if req:
                self._by_req[req].append(app.id)
        if app.company_domain:
            self._by_domain[registrable_domain(app.company_domain)].append(app.id)

    def add_message(self, message_id: str, application_id: int) -> None:
        """Remember that a message belongs to an application, for later replies in its thread."""
        if application_id not in self._apps:
            raise KeyError(f"unknown application {application_id}")
        self._messages[message_key(message_id)] = application_id

    def set_aliases(self, aliases: Aliases) -> None:
        """Re-key every application after a merge, split or learnt alias (rare, so O(n))."""
        apps = list(self._apps.values())
        for table in (self._apps, self._by_key, self._by_req, self._by_domain, self._names):
            table.clear()
        self._keys.clear()
        self._aliases = dict(aliases)
        for app in apps:
            self.add_application(app)

    def add_scoped(self, aliases: Aliases) -> None:
        """Learn tenant and domain aliases ("greenhouse/acme", "acme-hq.io"). They are
        never a company's own key, so no application moves and nothing is re-keyed."""
        for scope, target in aliases.items():
            if "/" not in scope and "." not in scope:
                raise ValueError(f"{scope!r} is a company key, not a tenant or domain")
            self._aliases[scope] = canonical(self._aliases, target) if target else target

    def application(self, app_id: int) -> Known:
        return self._apps[app_id]

    def __len__(self) -> int:
        return len(self._apps)

    def by_message(self, message_id: str) -> int | None:
        return self._messages.get(message_key(message_id))

    def by_requisition(self, req: str) -> list[Known]:
        for form in requisition_keys(req):
            if self._by_req.get(form):
                return self._known(self._by_req[form])
        return []

    def by_company(self, name_or_domain: str) -> list[Known]:
        return self._known(self._by_key.get(self.key(name_or_domain), ()))

    def by_domain(self, domain: str) -> list[Known]:
        return self._known(self._by_domain.get(registrable_domain(domain), ()))

    def by_company_prefix(self, prefix: str, min_length: int = 4) -> list[Known]:
        """The applications of the one company whose key starts with `prefix`.

        ATS slugs and domains shorten names ("northwind" for Northwind Traders);
        when two companies share the prefix, nothing is returned.
        """
        if len(prefix) < min_length:
            return []
        matching = (k for k in self._keys if k.startswith(prefix))
        keys = {self.key_of(self._apps[i]) for k in matching for i in self._by_key.get(k, ())}
        return self.by_company(next(iter(keys))) if len(keys) == 1 else []

    def by_scope(self, scope: str) -> list[Known]:
        """Applications under a learnt scoped alias: an ATS tenant ("greenhouse/acme")
        or a domain ("acme-hq.io"), which name one company only within their scope."""
        target = self._aliases.get(scope)
        return self._known(self._by_key.get(target, ())) if target else []

    def near_companies(self, key: str) -> list[Near]:
        """Known company names close to `key`, best first: spelt almost alike
        ("acmee" ~ "acme"), or one the start of the other ("driftwood" ~
        "driftwoodrobotics"). Domain labels are left out: acme.com says nothing
        about a company called "Acme Networks"."""
        found: dict[str, Near] = {}
        for name in (k for k, n in self._names.items() if n and k != key):
            if len(key) >= 6 and len(name) >= 6:
                allowed = 2 if min(len(key), len(name)) >= 12 else 1
                distance = DamerauLevenshtein.distance(key, name, score_cutoff=allowed)
                if distance <= allowed:
                    score = 1 - distance / max(len(key), len(name))
                    found[name] = Near(name, score, typo=True)
                    continue
            if len(key) >= 4 and len(name) >= 4 and (name.startswith(key) or key.startswith(name)):
                found[name] = Near(name, min(len(key), len(name)) / max(len(key), len(name)), False)
        return sorted(found.values(), key=lambda n: (-n.typo, -n.score))

    def similar_companies(self, key: str) -> list[tuple[str, float]]:
        """(key, closeness) of the known companies near `key`, for a reviewer to choose from."""
        return [(near.key, near.score) for near in self.near_companies(key)]

    def mentioned(self, names: Iterable[str]) -> list[str]:
        """The known companies that `names` (runs of capitalised words) spell out in full."""
        keys = (self.key(name) for name in names)
        return list(dict.fromkeys(k for k in keys if self._names.get(k)))

    def key_of(self, app: Known) -> str:
        return self.key(app.company)

    def _keys_of(self, app: Known) -> set[str]:
        keys = {self.key(app.company)}
        if app.company_domain:
            keys.add(self.key(app.company_domain))
        return {k for k in keys if k}

    def _unindex(self, app: Known) -> None:
        buckets = [self._by_key[k] for k in self._keys_of(app)]
        buckets += [self._by_req[r] for r in requisition_keys(app.requisition_id or "") if r]
        if app.company_domain:
            buckets.append(self._by_domain[registrable_domain(app.company_domain)])
        self._names[self.key_of(app)] -= 1
        for bucket in buckets:
            if app.id in bucket:
                bucket.remove(app.id)

    def _known(self, ids: Iterable[int]) -> list[Known]:
        """In id order: the order the store loads applications in must not change a link."""
        return [self._apps[i] for i in sorted(set(ids))]
