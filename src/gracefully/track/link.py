"""Attach one email to an application, strongest signal first, or say it is unsure.

The order is the issue's: thread headers, requisition ids, the ATS sender's
company, the company's own domain, then the reading's company and role. Each
step either decides (with a confidence and the evidence), or passes. A link
that is ambiguous or weak carries `needs_review`, never a silent guess: a
rejection on the wrong role is the error users forgive least.
"""

from __future__ import annotations

from dataclasses import dataclass

from gracefully.domain import Category, Email, Link, LinkSignal, Reading
from gracefully.track.clues import Clues, CompanyClue, clues_for
from gracefully.track.index import Known, TrackIndex, requisition_keys
from gracefully.track.roles import Mention, compare_roles, find_role, only_seniority_missing

REVIEW_BELOW = 0.8
"""Default threshold: links less sure than this go to the review queue."""

_THREAD = 0.98
_CHANNEL = {LinkSignal.ATS_SENDER: 0.97, LinkSignal.COMPANY_DOMAIN: 0.97, LinkSignal.FUZZY: 0.95}
_NEW = 0.9
_UNSURE = 0.5


@dataclass(frozen=True, slots=True)
class _Decision:
    app_id: int | None
    signal: LinkSignal
    confidence: float
    why: str
    ambiguous: bool = False
    """Several applications fit: review, whatever the threshold."""


@dataclass(frozen=True, slots=True)
class _Company:
    key: str
    apps: list[Known]
    clue: CompanyClue
    confidence: float
    why: str


def link(
    email: Email, reading: Reading, index: TrackIndex, *, review_below: float = REVIEW_BELOW
) -> Link | None:
    """The link for `email`, or None when it is not about an application and is in no thread.

    `application_id=None` with `signal=NEW` proposes a new application (see
    `new_application`); `application_id=None` with another signal means several
    applications fit, and the evidence names them.
    """
    decision = _by_thread(email, index)
    if decision is None and reading.category.is_job:
        decision = _decide(clues_for(email, reading), reading, index)
    if decision is None:
        return None
    return Link(
        email_id=email.id,
        application_id=decision.app_id,
        signal=decision.signal,
        confidence=round(decision.confidence, 3),
        evidence=decision.why,
        needs_review=decision.ambiguous or decision.confidence < review_below,
    )


def _by_thread(email: Email, index: TrackIndex) -> _Decision | None:
    if email.message_id and (known := index.by_message(email.message_id)) is not None:
        return _Decision(known, LinkSignal.THREAD, 1.0, "this message is already linked")
    ids = [email.in_reply_to] if email.in_reply_to else []
    ids += reversed(email.references)
    hits = {mid: app for mid in ids if (app := index.by_message(mid)) is not None}
    if not hits:
        return None
    first_mid, first_app = next(iter(hits.items()))
    others = sorted(set(hits.values()) - {first_app})
    if others:
        why = f"thread touches applications {first_app} and {others}: which one?"
        return _Decision(first_app, LinkSignal.THREAD, _UNSURE, why, ambiguous=True)
    return _Decision(first_app, LinkSignal.THREAD, _THREAD, f"replies to {first_mid}")


def _decide(clues: Clues, reading: Reading, index: TrackIndex) -> _Decision:
    company = _resolve_company(clues, index)
    if isinstance(company, _Decision):
        return company
    by_req = _by_requisition(clues, company, index)
    if by_req is not None:
        return by_req
    if company is None:
        return _unknown_company(clues, reading, index)
    return _by_role(company, clues, reading.category)


def _resolve_company(clues: Clues, index: TrackIndex) -> _Company | _Decision | None:
    """The one known company the clues point to; clues naming two known companies are review."""
    found: dict[str, tuple[CompanyClue, list[Known]]] = {}
    for clue in clues.companies:
        apps = (index.by_domain(clue.domain) if clue.domain else []) or index.by_company(clue.key)
        if not apps and not clue.readable:
            apps = index.by_company_prefix(clue.key)
        for app in apps:
            found.setdefault(index.key_of(app), (clue, []))[1].append(app)
    if not found:
        return None
    if len(found) > 1:
        named = "; ".join(f"{k} ({clue.why})" for k, (clue, _) in found.items())
        return _Decision(None, LinkSignal.FUZZY, _UNSURE, f"clues disagree: {named}", True)
    key, (clue, _) = next(iter(found.items()))
    confidence, why = _CHANNEL[clue.signal], f"{key}: {clue.why}"
    apps = list({a.id: a for a in [*found[key][1], *index.by_company(key)]}.values())
    return _Company(key, apps, clue, confidence, why)


def _by_requisition(clues: Clues, company: _Company | None, index: TrackIndex) -> _Decision | None:
    for req in clues.requisition_ids:
        apps = index.by_requisition(req)
        if company is not None:
            apps = [a for a in apps if index.key_of(a) == company.key]
        if len(apps) != 1:
            continue
        app, why = apps[0], f"requisition {req} is application {apps[0].id}"
        if clues.role and app.role and compare_roles(clues.role, app.role).score == 0:
            return _Decision(
                app.id,
                LinkSignal.REQUISITION,
                0.6,
                f"{why}, but the role {clues.role!r} is not {app.role!r}",
            )
        unconfirmed = company is None and any(not c.weak for c in clues.companies)
        if unconfirmed:
            return _Decision(
                app.id,
                LinkSignal.REQUISITION,
                0.6,
                f"{why}, but the company clues do not name {app.company!r}",
            )
        return _Decision(app.id, LinkSignal.REQUISITION, 0.96, why)
    return None


def _unknown_company(clues: Clues, reading: Reading, index: TrackIndex) -> _Decision:
    """No known company: a new application, unless the name is a near-miss of a known one."""
    named = [c for c in clues.companies if not c.weak]
    if not named:
        return _Decision(None, LinkSignal.NEW, 0.3, "no company found in the email or its reading")
    for clue in named:
        similar = index.similar_companies(clue.key)
        if similar:
            key, score = similar[0]
            apps = index.by_company(key)
            guess = apps[0].id if len(apps) == 1 else None
            why = f"{clue.name!r} looks like known company {key!r} ({score:.2f}); {clue.why}"
            return _Decision(guess, LinkSignal.FUZZY, _UNSURE + 0.2 * (score - 0.88), why, True)
    clue = named[0]
    role = f" for {reading.role!r}" if reading.role else ""
    why = f"new application at {clue.name}{role}: {clue.why}"
    return _Decision(None, LinkSignal.NEW, _NEW, why)


def _by_role(company: _Company, clues: Clues, category: Category) -> _Decision:
    apps = _without_other_requisitions(company.apps, clues)
    if not apps:
        return _new_role(company, "its requisition id is new")
    if clues.role:
        return _match_role(company, apps, clues.role)
    return _match_text(company, apps, clues, category)


def _without_other_requisitions(apps: list[Known], clues: Clues) -> list[Known]:
    """Applications whose requisition id differs from the email's are other jobs."""
    if not clues.requisition_ids:
        return apps
    email_reqs = {k for r in clues.requisition_ids for k in requisition_keys(r)}
    return [
        a
        for a in apps
        if not a.requisition_id or email_reqs & set(requisition_keys(a.requisition_id))
    ]


def _match_role(company: _Company, apps: list[Known], role: str) -> _Decision:
    scored = sorted(
        ((compare_roles(role, a.role), a) for a in apps if a.role),
        key=lambda pair: -pair[0].score,
    )
    good = [(m, a) for m, a in scored if m.score > 0]
    if good:
        (best, app), rest = good[0], good[1:]
        if rest and rest[0][0].score >= best.score - 0.05:
            names = ", ".join(repr(a.role) for _, a in good)
            return _ambiguous(company, f"role {role!r} fits several applications: {names}")
        why = f"{company.why}; role {role!r} ~ {app.role!r} ({best.why})"
        return _link(company, app, best.score, why)
    roleless = [a for a in apps if not a.role]
    if len(apps) == 1 and roleless:
        why = f"{company.why}; the only application there has no role yet"
        return _link(company, roleless[0], 0.88, why)
    near = [a for _, a in scored if a.role and only_seniority_missing(role, a.role)]
    if near or roleless:
        shown = ", ".join(repr(a.role) for a in apps)
        return _ambiguous(company, f"role {role!r} may be one of {shown}", near)
    differs = "; ".join(f"{a.role!r}: {m.why}" for m, a in scored)
    return _new_role(company, f"role {role!r} is none of theirs ({differs})")


def _match_text(company: _Company, apps: list[Known], clues: Clues, cat: Category) -> _Decision:
    """No role in the reading: look for an application's title in the email itself."""
    mentions = {a.id: find_role(clues.text, a.role) for a in apps if a.role}
    same = [a for a in apps if mentions.get(a.id) is Mention.SAME]
    if len(same) == 1:
        return _link(company, same[0], 0.95, f"{company.why}; the email names {same[0].role!r}")
    if len(same) > 1:
        return _ambiguous(company, "the email names several of their roles", same)
    other = [a for a in apps if mentions.get(a.id) is Mention.OTHER_LEVEL]
    if other:
        return _new_role(company, f"the email names another level of {other[0].role!r}")
    if cat is Category.CONFIRMATION:
        return _ambiguous(company, "a confirmation without a role: a new application?", apps)
    if len(apps) == 1:
        return _link(company, apps[0], 0.9, f"{company.why}; their only application")
    return _ambiguous(company, "the email does not say which role", apps)


def _link(company: _Company, app: Known, role_confidence: float, why: str) -> _Decision:
    return _Decision(app.id, company.clue.signal, company.confidence * role_confidence, why)


def _ambiguous(company: _Company, why: str, candidates: list[Known] | None = None) -> _Decision:
    shown = candidates if candidates is not None else company.apps
    listed = ", ".join(f"#{a.id} {a.role or '(no role)'}" for a in shown)
    guess = shown[0].id if len(shown) == 1 else None
    return _Decision(guess, company.clue.signal, _UNSURE, f"{company.why}; {why} [{listed}]", True)


def _new_role(company: _Company, why: str) -> _Decision:
    return _Decision(
        None,
        LinkSignal.NEW,
        company.confidence * _NEW / 0.97,
        f"new application at {company.key}: {why}",
    )
