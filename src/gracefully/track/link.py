"""Attach one email to an application, strongest signal first, or say it is unsure.

The order is the issue's: thread headers, requisition ids, the ATS sender's
company, the company's own domain, then the reading's company and role. Each
step either decides (with a confidence and the evidence), or passes. A link
that is ambiguous or weak carries `needs_review`, never a silent guess: a
rejection on the wrong role is the error users forgive least.
"""

from __future__ import annotations

from dataclasses import dataclass

from gracefully.domain import Category, Email, EventKind, Link, LinkSignal, Reading, Status
from gracefully.track.clues import Clues, CompanyClue, clues_for
from gracefully.track.index import Known, TrackIndex, requisition_keys
from gracefully.track.roles import Mention, compare_roles, find_role, only_seniority_missing

REVIEW_BELOW = 0.8
"""Default threshold: links less sure than this go to the review queue."""

_THREAD = 0.98
_CHANNEL = {LinkSignal.ATS_SENDER: 0.97, LinkSignal.COMPANY_DOMAIN: 0.97, LinkSignal.FUZZY: 0.95}
_NEW = 0.9
_UNSURE = 0.5
_CLOSED = frozenset({Status.REJECTED, Status.OFFER, Status.WITHDRAWN, Status.CLOSED})


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
        for app in apps:
            found.setdefault(index.key_of(app), (clue, []))[1].append(app)
    if not found:
        found = _by_prefix(clues, index)
    if not found:
        return None
    if len(found) > 1:
        named = "; ".join(f"{k} ({clue.why})" for k, (clue, _) in found.items())
        return _Decision(None, LinkSignal.FUZZY, _UNSURE, f"clues disagree: {named}", True)
    key, (clue, _) = next(iter(found.items()))
    confidence, why = _CHANNEL[clue.signal], f"{key}: {clue.why}"
    apps = list({a.id: a for a in [*found[key][1], *index.by_company(key)]}.values())
    return _Company(key, apps, clue, confidence, why)


def _by_prefix(clues: Clues, index: TrackIndex) -> dict[str, tuple[CompanyClue, list[Known]]]:
    """A slug or domain that shortens a known name ("northwind" for Northwind Traders).

    Only when no name written by a person says otherwise: the shortened form may
    belong to a company not seen yet.
    """
    named = {c.key for c in clues.companies if c.readable and not c.weak}
    for clue in clues.companies:
        if clue.readable:
            continue
        apps = index.by_company_prefix(clue.key)
        if apps and named <= {index.key_of(apps[0])}:
            return {index.key_of(apps[0]): (clue, apps)}
    return {}


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
    """No known company: a new application, unless the name is a near-miss of a known one.

    A written name decides over a slug or domain: "cobalt" is a prefix of the
    known Cobalt Labs, but an email signed "Cobalt Health" is another company.
    """
    named = [c for c in clues.companies if not c.weak]
    if not named:
        return _Decision(None, LinkSignal.NEW, 0.3, "no company found in the email or its reading")
    readable = [c for c in named if c.readable]
    for clue in readable or named:
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
        return _match_role(company, apps, clues.role, clues.text)
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


def _match_role(company: _Company, apps: list[Known], role: str, text: str) -> _Decision:
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
    near = [a for _, a in scored if a.role and only_seniority_missing(role, a.role)]
    if roleless:
        return _ambiguous(company, f"role {role!r}: an application without a role yet?", roleless)
    if near and not _text_shows_level(text, role, near):
        return _ambiguous(company, f"role {role!r} may be one of theirs without its level", near)
    differs = "; ".join(f"{a.role!r}: {m.why}" for m, a in scored)
    return _new_role(company, f"role {role!r} is none of theirs ({differs})")


def _text_shows_level(text: str, role: str, near: list[Known]) -> bool:
    """The email itself writes `role` as it is, and none of the `near` titles: another job."""
    return find_role(text, role) is Mention.SAME and all(
        a.role and find_role(text, a.role) is not Mention.SAME for a in near
    )


def _match_text(company: _Company, apps: list[Known], clues: Clues, cat: Category) -> _Decision:
    """No role in the reading: look for an application's title, then any title, in the email."""
    mentions = {a.id: find_role(clues.text, a.role) for a in apps if a.role}
    same = [a for a in apps if mentions.get(a.id) is Mention.SAME]
    if len(same) == 1:
        return _link(company, same[0], 0.95, f"{company.why}; the email names {same[0].role!r}")
    if len(same) > 1:
        return _ambiguous(company, "the email names several of their roles", same)
    if clues.text_role:
        return _match_role(company, apps, clues.text_role, clues.text)
    other = [a for a in apps if mentions.get(a.id) is Mention.OTHER_LEVEL]
    if other:
        return _new_role(company, f"the email names another level of {other[0].role!r}")
    if cat is Category.CONFIRMATION:
        return _confirmation(company, apps)
    open_apps = [a for a in apps if a.status not in _CLOSED]
    if not open_apps:
        return _ambiguous(company, "no role named, and every application there is closed", apps)
    if len(open_apps) > 1:
        return _ambiguous(company, "the email does not say which role", open_apps)
    if len(apps) == 1:
        return _link(company, apps[0], 0.9, f"{company.why}; their only application")
    return _link(company, open_apps[0], 0.8, f"{company.why}; their only open application")


def _confirmation(company: _Company, apps: list[Known]) -> _Decision:
    """A confirmation names no role: it confirms an application not yet confirmed, or a new one."""
    waiting = [a for a in apps if EventKind.CONFIRMED not in a.kinds]
    if not waiting:
        why = "a confirmation, and every application there is confirmed already"
        return _new_role(company, why, 0.88)
    if len(waiting) == len(apps) == 1:
        return _link(company, apps[0], 0.75, f"{company.why}; confirms their only application?")
    return _ambiguous(company, "a confirmation without a role: which application?", waiting)


def _link(company: _Company, app: Known, role_confidence: float, why: str) -> _Decision:
    return _Decision(app.id, company.clue.signal, company.confidence * role_confidence, why)


def _ambiguous(company: _Company, why: str, candidates: list[Known] | None = None) -> _Decision:
    shown = candidates if candidates is not None else company.apps
    listed = ", ".join(f"#{a.id} {a.role or '(no role)'}" for a in shown)
    guess = shown[0].id if len(shown) == 1 else None
    return _Decision(guess, company.clue.signal, _UNSURE, f"{company.why}; {why} [{listed}]", True)


def _new_role(company: _Company, why: str, confidence: float = _NEW) -> _Decision:
    return _Decision(
        None,
        LinkSignal.NEW,
        company.confidence * confidence / 0.97,
        f"new application at {company.key}: {why}",
    )
