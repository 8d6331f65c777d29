"""Attach one email to an application, strongest signal first, or say it is unsure.

The order is the issue's: thread headers, requisition ids, the ATS sender's
company, the company's own domain, then the reading's company and role. Each
step either decides (with a confidence and the evidence), or passes. A link
that is ambiguous or weak carries `needs_review`, never a silent guess: a
rejection on the wrong role is the error users forgive least.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from gracefully.domain import Category, Email, EventKind, Link, LinkSignal, Reading, Status
from gracefully.track.clues import Clues, CompanyClue, clues_for
from gracefully.track.company import spells
from gracefully.track.index import Known, Near, TrackIndex, requisition_keys
from gracefully.track.roles import Mention, compare_roles, find_role, only_seniority_missing
from gracefully.track.timeline import SILENCE_DAYS

REVIEW_BELOW = 0.8
"""Default threshold: links less sure than this go to the review queue."""

_THREAD = 0.98
_CHANNEL = {LinkSignal.ATS_SENDER: 0.97, LinkSignal.COMPANY_DOMAIN: 0.97, LinkSignal.FUZZY: 0.95}
_MENTION = 0.9
_NEAR = {True: 0.88, False: 0.87}
"""A name spelt almost like a known one (True), or starting or ending it (False): the
role must then agree for a link to be sure enough."""
_NEW = 0.9
_UNSURE = 0.5
_ROLELESS = 0.86
_CLOSED = frozenset({Status.REJECTED, Status.OFFER, Status.WITHDRAWN, Status.CLOSED})
_BY_HAND = frozenset({EventKind.APPLIED, EventKind.NOTE, EventKind.STATUS})
_INTERVIEWED = frozenset({EventKind.SCREEN, EventKind.INTERVIEW})
_INVITATIONS = frozenset({Category.INTERVIEW, Category.ASSESSMENT})
_NEW_VOICE = "an invitation naming none of their roles, in a new thread: their next step?"


@dataclass(frozen=True, slots=True)
class _Decision:
    app_id: int | None
    signal: LinkSignal
    confidence: float
    why: str
    ambiguous: bool = False
    """Several applications fit: review, whatever the threshold."""
    candidates: tuple[int, ...] = ()
    """The applications it hesitated between, or the one its evidence is about."""


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
        candidates=decision.candidates,
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
        return _Decision(first_app, LinkSignal.THREAD, _UNSURE, why, True, (first_app, *others))
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
        for app in _apps_of(clue, index):
            found.setdefault(index.key_of(app), (clue, []))[1].append(app)
    if not found:
        found = _by_prefix(clues, index)
    if not found:
        return _by_mention(clues, index)
    if len(found) > 1:
        named = "; ".join(f"{k} ({clue.why})" for k, (clue, _) in found.items())
        return _Decision(None, LinkSignal.FUZZY, _UNSURE, f"clues disagree: {named}", True)
    key, (clue, _) = next(iter(found.items()))
    confidence, why = _CHANNEL[clue.signal], f"{key}: {clue.why}"
    apps = list({a.id: a for a in [*found[key][1], *index.by_company(key)]}.values())
    return _Company(key, apps, clue, confidence, why)


def _apps_of(clue: CompanyClue, index: TrackIndex) -> list[Known]:
    """The applications a clue names: by their domain, a learnt tenant or domain, or name."""
    if clue.domain and (apps := index.by_domain(clue.domain)):
        return apps
    if clue.scope and (apps := index.by_scope(clue.scope)):
        return apps
    return index.by_company(clue.key)


def _by_mention(clues: Clues, index: TrackIndex) -> _Company | None:
    """The one known company the email writes out in full ("a recruiter with Tidewater
    Credit Union"), when nothing else names it: the reading may have missed it.

    A written name of another company, or a slug or domain that cannot be that
    company's name written short, leaves it unsure, and so does a second name.
    """
    mentioned = index.mentioned(clues.names)
    if len(mentioned) != 1:
        return None
    key = mentioned[0]
    apps = index.by_company(key)
    name = apps[0].company
    if any(c.readable and not c.weak and c.key != key for c in clues.companies):
        return None
    derived = [c for c in clues.companies if not c.readable]
    if any(not spells(c.key, name) for c in derived):
        return None
    clue = derived[0] if derived else CompanyClue(name, key, LinkSignal.FUZZY, "")
    why = f"{key}: the email names {name!r}" + (f" and {clue.why} spells it" if derived else "")
    confidence = _CHANNEL[clue.signal] if derived else _MENTION
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
        near = _near(clue, clues, index)
        if near:
            return _near_miss(clue, near, clues, reading.category, index)
    clue = named[0]
    role = f" for {reading.role!r}" if reading.role else ""
    why = f"new application at {clue.name}{role}: {clue.why}"
    return _Decision(None, LinkSignal.NEW, _NEW, why)


def _near(clue: CompanyClue, clues: Clues, index: TrackIndex) -> list[Near]:
    """Known companies `clue` may be a misspelling or a longer or shorter form of.

    A spelling that a second clue repeats is deliberate, not a typo: "Umber
    Analytics" from umberanalytics.com is not Ember Analytics.
    """
    repeated = any(c is not clue and not c.weak and c.key == clue.key for c in clues.companies)
    return [n for n in index.near_companies(clue.key) if not (n.typo and repeated)]


def _near_miss(
    clue: CompanyClue, near: list[Near], clues: Clues, category: Category, index: TrackIndex
) -> _Decision:
    """A name close to a known company's: the same company only if the role agrees.

    A role none of theirs is a new application, wherever it belongs; an email
    without a role, or two close companies, is a question for the user.
    """
    best = near[0]
    why = f"{clue.name!r} looks like known company {best.key!r} ({best.score:.2f}); {clue.why}"
    rivals = [n for n in near[1:] if n.typo == best.typo]
    if rivals:
        names = ", ".join(repr(n.key) for n in near)
        ids = tuple(k.id for n in near for k in index.by_company(n.key))
        return _Decision(None, LinkSignal.FUZZY, _UNSURE, f"{why}; also {names}", True, ids)
    apps = index.by_company(best.key)
    company = _Company(
        best.key, apps, replace(clue, signal=LinkSignal.FUZZY), _NEAR[best.typo], why
    )
    decision = _by_role(company, clues, category)
    if decision.signal is LinkSignal.NEW and not (clues.role or clues.text_role):
        ids = decision.candidates or tuple(k.id for k in apps)
        return _Decision(None, LinkSignal.FUZZY, _UNSURE, decision.why, True, ids)
    return decision


def _by_role(company: _Company, clues: Clues, category: Category) -> _Decision:
    apps = _without_other_requisitions(company.apps, clues)
    if not apps:
        return _new_role(company, "its requisition id is new")
    in_subject = _named_in_subject(apps, clues)
    if in_subject is not None:
        why = f"{company.why}; the subject names {in_subject.role!r}"
        return _link(company, in_subject, 0.95, why)
    if clues.role:
        return _match_role(company, apps, clues.role, clues, category)
    return _match_text(company, apps, clues, category)


def _named_in_subject(apps: list[Known], clues: Clues) -> Known | None:
    """The one application whose title the subject writes, level and all.

    The subject says what an email is about; the reading's role may come from a
    passing mention ("... since we're already talking about the Data Analyst
    position too") or lose its level. When the subject also writes the
    reading's own title, the reading decides as usual.
    """
    named = [a for a in apps if a.role and find_role(clues.subject, a.role) is Mention.SAME]
    if len(named) != 1:
        return None
    if clues.role and find_role(clues.subject, clues.role) is Mention.SAME:
        return None if compare_roles(clues.role, named[0].role or "").score == 0 else named[0]
    return named[0]


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


def _match_role(
    company: _Company, apps: list[Known], role: str, clues: Clues, category: Category
) -> _Decision:
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
        return _roleless(company, roleless, role, clues, category)
    if near and not _text_shows_level(clues.text, role, near):
        return _ambiguous(company, f"role {role!r} may be one of theirs without its level", near)
    differs = "; ".join(f"{a.role!r}: {m.why}" for m, a in scored)
    return _new_role(company, f"role {role!r} is none of theirs ({differs})")


def _roleless(
    company: _Company, roleless: list[Known], role: str, clues: Clues, category: Category
) -> _Decision:
    """An application whose role is not known yet, and an email naming a role none of
    the others have: most often that application's role, seen for the first time.

    It is another application when the email starts one (a confirmation, once
    that application has mail) or when that application is already over.
    """
    if len(roleless) > 1:
        why = f"role {role!r}: which of the applications without a role yet?"
        return _ambiguous(company, why, roleless)
    app = roleless[0]
    if not _continues(app, clues, category):
        return _ambiguous(company, _NEW_VOICE, roleless)
    if category is Category.CONFIRMATION and _has_mail(app):
        return _new_role(
            company, f"a confirmation for {role!r}, after mail about #{app.id}", near=app
        )
    if app.status in _CLOSED:
        if category is Category.REJECTION:
            why = f"role {role!r}: #{app.id}, which is over already, without a role yet?"
            return _ambiguous(company, why, roleless)
        return _new_role(company, f"{role!r}, while #{app.id} is over already", near=app)
    why = f"{company.why}; role {role!r} is likely that of #{app.id}, whose role was not known"
    return _link(company, app, _ROLELESS, why)


def _continues(app: Known, clues: Clues, category: Category) -> bool:
    """Whether an invitation in a new thread, naming no role of theirs, can be this
    application's next step rather than another application's first news.

    It can when it comes from someone who wrote about the application before.
    Otherwise not after a screen or an interview (the next round comes from
    someone the user has met), nor after a silence that would mark it unanswered.
    """
    if category not in _INVITATIONS:
        return True
    if clues.sender is not None and clues.sender.email in app.people:
        return True
    if category is Category.INTERVIEW and app.kinds & _INTERVIEWED:
        return False
    return not _silent_since(app.last_seen, clues.date)


def _silent_since(last: datetime | None, now: datetime | None) -> bool:
    if last is None or now is None:
        return False
    if (last.tzinfo is None) != (now.tzinfo is None):
        last, now = last.replace(tzinfo=UTC), now.replace(tzinfo=UTC)
    return now - last > timedelta(days=SILENCE_DAYS)


def _has_mail(app: Known) -> bool:
    """Mail from the employer is linked to it (not only what the user entered)."""
    return bool(app.kinds - _BY_HAND)


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
        return _match_role(company, apps, clues.text_role, clues, cat)
    other = [a for a in apps if mentions.get(a.id) is Mention.OTHER_LEVEL]
    if other:
        return _new_role(company, f"the email names another level of {other[0].role!r}")
    if cat is Category.CONFIRMATION:
        return _confirmation(company, apps)
    open_apps = [a for a in apps if a.status not in _CLOSED]
    if not open_apps and cat is not Category.REJECTION:
        return _new_role(company, f"a {cat.value} without a role, and every application is over")
    if not open_apps:
        return _ambiguous(company, "no role named, and every application there is closed", apps)
    if len(open_apps) > 1:
        return _ambiguous(company, "the email does not say which role", open_apps)
    if not _continues(open_apps[0], clues, cat):
        return _ambiguous(company, _NEW_VOICE, open_apps)
    if len(apps) == 1:
        return _link(company, apps[0], 0.9, f"{company.why}; their only application")
    return _link(company, open_apps[0], 0.8, f"{company.why}; their only open application")


def _confirmation(company: _Company, apps: list[Known]) -> _Decision:
    """A confirmation names no role: it confirms an application that has no mail yet
    (one the user entered), or it starts a new one, since it comes before any other mail."""
    waiting = [a for a in apps if EventKind.CONFIRMED not in a.kinds and not _has_mail(a)]
    if not waiting:
        why = "a confirmation, and every application there has mail already"
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
    why = f"{company.why}; {why} [{listed}]"
    return _Decision(guess, company.clue.signal, _UNSURE, why, True, tuple(a.id for a in shown))


def _new_role(
    company: _Company, why: str, confidence: float = _NEW, near: Known | None = None
) -> _Decision:
    return _Decision(
        None,
        LinkSignal.NEW,
        company.confidence * confidence / 0.97,
        f"new application at {company.key}: {why}",
        candidates=(near.id,) if near is not None else (),
    )
