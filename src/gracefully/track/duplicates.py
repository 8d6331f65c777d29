"""Suspected duplicate applications, and what merging two would change.

Only suggestions: a "clean-up" that deleted real rows is what users of other
trackers remember. The review queue shows each pair with its reason, the
service merges only on the user's word and keeps a log to undo it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from gracefully.domain import Application
from gracefully.track.company import Aliases, canonical, company_key
from gracefully.track.index import requisition_keys
from gracefully.track.roles import compare_roles

DUPLICATE_AT = 0.9
_MERGEABLE = ("role", "applied_on", "url", "requisition_id", "company_domain")


@dataclass(frozen=True, slots=True)
class Suspect:
    a_id: int
    b_id: int
    score: float
    why: str


@dataclass(frozen=True, slots=True)
class MergePlan:
    """What merging `absorb` into `keep` would do; the service applies it and logs it."""

    keep: int
    absorb: int
    fill: dict[str, object]
    """Fields empty on `keep` that take `absorb`'s value."""
    conflicts: dict[str, tuple[object, object]]
    """Fields set differently on both: `keep`'s value stays, the other is shown."""
    events: int
    contacts: int
    notes: str


def suspected_duplicates(
    applications: Sequence[Application],
    aliases: Aliases | None = None,
    *,
    threshold: float = DUPLICATE_AT,
) -> list[Suspect]:
    """Pairs at one company whose roles are one job, or that share a requisition id.

    Applications are grouped by company first, so the pairwise comparison stays
    within a company and the whole run is near-linear.
    """
    groups: dict[str, list[tuple[int, Application]]] = defaultdict(list)
    for app in applications:
        if app.id is not None:
            groups[canonical(aliases or {}, company_key(app.company))].append((app.id, app))
    found = []
    for apps in groups.values():
        for i, (a_id, a) in enumerate(apps):
            for b_id, b in apps[i + 1 :]:
                score, why = _pair_score(a, b)
                if score >= threshold:
                    found.append(Suspect(a_id, b_id, score, why))
    return sorted(found, key=lambda s: -s.score)


def _pair_score(a: Application, b: Application) -> tuple[float, str]:
    if a.requisition_id and b.requisition_id:
        same = set(requisition_keys(a.requisition_id)) & set(requisition_keys(b.requisition_id))
        if same:
            return 1.0, f"same requisition id {a.requisition_id}"
        return 0.0, "different requisition ids"
    if a.role and b.role:
        match = compare_roles(a.role, b.role)
        return match.score, f"same company, roles {a.role!r} ~ {b.role!r}: {match.why}"
    missing = a if not a.role else b
    return 0.9, f"same company, no role on #{missing.id} ({missing.company})"


def merge_plan(keep: Application, absorb: Application) -> MergePlan:
    """The changes of a merge, computed before anything happens (and shown to the user)."""
    if keep.id is None or absorb.id is None:
        raise ValueError("only stored applications (with ids) can be merged")
    fill: dict[str, object] = {}
    conflicts: dict[str, tuple[object, object]] = {}
    for name in _MERGEABLE:
        mine, theirs = getattr(keep, name), getattr(absorb, name)
        if theirs in (None, ""):
            continue
        if mine in (None, ""):
            if name not in keep.manual:
                fill[name] = theirs
        elif mine != theirs:
            conflicts[name] = (mine, theirs)
    known = {(c.name.lower(), c.email) for c in keep.contacts}
    new_contacts = [c for c in absorb.contacts if (c.name.lower(), c.email) not in known]
    notes = "\n".join(n for n in (keep.notes, absorb.notes) if n)
    return MergePlan(
        keep=keep.id,
        absorb=absorb.id,
        fill=fill,
        conflicts=conflicts,
        events=len(absorb.events),
        contacts=len(new_contacts),
        notes=notes,
    )
