"""The details of a job email: for a rejection its stage, reasons and policies,
and for every job email the company, role, contact, sender kind and requisition id.

Every value comes from a declarative rule table (one module per subject) run
by one engine, and every value carries the `Evidence` that set it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from gracefully.domain import Category, Email, Evidence, Feedback, Reason, Rejection, Stage
from gracefully.knowledge import is_freemail, platform_for_address, sender_tenant
from gracefully.understand.details import entities, policy, reasons, senders, stage
from gracefully.understand.details.engine import Doc, Hit, Rule, Table, Where
from gracefully.understand.details.names import (
    clean_company,
    clean_person,
    clean_role,
    domain_company,
    is_title,
    recurring_prefix,
    sender_org,
    sender_person,
)

__all__ = ["Details", "Rule", "Where", "extract"]


@dataclass(frozen=True, slots=True)
class Details:
    rejection: Rejection | None
    """Only when the category is REJECTION."""
    company: str | None
    role: str | None
    contact: str | None
    no_reply: bool
    ats: str | None
    door_closed: bool
    requisition_id: str | None
    evidence: tuple[Evidence, ...]


_ENTITY_CATEGORIES = frozenset(
    {
        Category.REJECTION,
        Category.CONFIRMATION,
        Category.INTERVIEW,
        Category.ASSESSMENT,
        Category.OFFER,
        Category.RECRUITER_OUTREACH,
        Category.JOB_ALERT,
    }
)
_PERSONAL_CATEGORIES = _ENTITY_CATEGORIES - {Category.JOB_ALERT}
"""A digest or a posting is no one's letter: it has no contact, and its ids are the board's."""
_POSTING_CATEGORIES = frozenset({Category.RECRUITER_OUTREACH, Category.JOB_ALERT})
"""Postings and approaches, not replies to an application: their own company rules go first."""
_STAGE = Table(stage.RULES)
_REASONS = Table(reasons.RULES)
_FEEDBACK = Table(policy.FEEDBACK)
_KEEP = Table(policy.KEEP_ON_FILE)
_REAPPLY = Table(policy.INVITE_REAPPLY)
_ALT_ROLE = Table(policy.ALT_ROLE)
_DOOR = Table(policy.DOOR_CLOSED)
_PERSONAL = Table(policy.PERSONAL)
_TEMPLATED = Table(policy.TEMPLATED)
_NO_REPLY = Table(senders.NO_REPLY_TEXT)
_ATS = Table(senders.ATS_TEXT)
_COMPANY = Table(entities.COMPANY)
_POSTING_COMPANY = Table(entities.POSTING + entities.COMPANY)
_ROLE = Table(entities.ROLE)
_CONTACT = Table(entities.CONTACT)
_REQUISITION = Table(entities.REQUISITION)
_DOMAIN_RULES = frozenset({"ats-tenant", "sender-domain"})
_FURTHEST_FIRST = tuple(sorted(Stage, key=lambda stage: -stage.rank))
_GREETING = re.compile(
    r"\b(?:(?:Hi|Hello|Dear|Hey|Greetings)[ \t,]+|(?:Thank you|Thanks),[ \t]+)([A-Z][\w'’-]+)"
)
"""The addressee: a sign-off with the addressee's name is the candidate's own."""


def extract(email: Email, category: Category) -> Details:
    """Read the details of one email; `category` decides which details apply."""
    doc = Doc(email)
    found: list[Evidence] = []
    no_reply = _no_reply(email, doc, found)
    ats = _ats(email, doc, found)
    door_closed = _first(_DOOR, doc, found) is not None
    company = role = contact = requisition = None
    if category in _ENTITY_CATEGORIES:
        table = _POSTING_COMPANY if category in _POSTING_CATEGORIES else _COMPANY
        company = _company(table, email, doc, found)
        role = _role(doc, company, found)
    if category in _PERSONAL_CATEGORIES:
        contact = _contact(email, doc, company, found)
        requisition = _first(_REQUISITION, doc, found)
    rejection = None
    if category is Category.REJECTION:
        rejection = _rejection(doc, role, contact, found)
    return Details(
        rejection=rejection,
        company=company,
        role=role,
        contact=contact,
        no_reply=no_reply,
        ats=ats,
        door_closed=door_closed,
        requisition_id=requisition,
        evidence=tuple(found),
    )


def _no_reply(email: Email, doc: Doc, found: list[Evidence]) -> bool:
    """The sender is a robot (`gracefully.knowledge`), or the text says nobody reads replies."""
    evidence = senders.sender_no_reply(email.sender)
    if evidence is not None:
        found.append(evidence)
        return True
    return _first(_NO_REPLY, doc, found) is not None


def _ats(email: Email, doc: Doc, found: list[Evidence]) -> str | None:
    """The ATS of the sender's domain, else the one the text links to or is powered by."""
    by_sender = senders.sender_ats(email.sender)
    if by_sender is not None:
        found.append(by_sender[1])
        return by_sender[0]
    return _first(_ATS, doc, found, senders.ats_name)


def _rejection(doc: Doc, role: str | None, contact: str | None, found: list[Evidence]) -> Rejection:
    furthest = _best(_STAGE, doc, _FURTHEST_FIRST)
    if furthest is not None:
        found.append(furthest.evidence)
    stated = _unique(_REASONS.hits(doc, once=True), found)
    feedback = _feedback(doc, found)
    alt_role = _first(_ALT_ROLE, doc, found, lambda text: _other_role(text, role))
    personal = (  # individual feedback is written to this candidate by someone who read them
        contact is not None
        and (feedback is Feedback.GIVEN or _first(_PERSONAL, doc, found) is not None)
        and _first(_TEMPLATED, doc, []) is None
    )
    return Rejection(
        stage=Stage(furthest.value) if furthest else Stage.UNKNOWN,
        reasons=tuple(reason for reason in Reason if reason in stated),
        feedback=feedback,
        keep_on_file=_first(_KEEP, doc, found) is not None,
        invite_reapply=_first(_REAPPLY, doc, found) is not None,
        alt_role=alt_role is not None,
        personal=personal,
        alt_role_text=alt_role,
    )


_ROLE_NOUN = re.compile(
    r"^(?:our|the|a|an)\s+|\s+(?:team|role|position|opening|department|group|track|program"
    r"|programme|job|vacancy)$",
    re.IGNORECASE,
)


def _other_role(text: str, role: str | None) -> str | None:
    """A suggested role is another role: the one applied for does not count, but a
    "Senior Associate track" is another role than the "Associate" applied for."""
    if role and _ROLE_NOUN.sub("", text).casefold() == _ROLE_NOUN.sub("", role).casefold():
        return None
    return text


def _feedback(doc: Doc, found: list[Evidence]) -> Feedback:
    best = _best(_FEEDBACK, doc, policy.FEEDBACK_ORDER)
    if best is None:
        return Feedback.NONE
    found.append(best.evidence)
    return Feedback(best.value)


def _best(table: Table, doc: Doc, order: Sequence[str]) -> Hit | None:
    """The first hit of the best value found, `order` naming values best first.

    Values outside `order` never win. A value no better than one already found
    cannot win, so its rules are not scanned, and the best value ends the search.
    """
    best, best_rank = None, len(order)
    skip: set[str] = set()
    for hit in table.hits(doc, once=True, skip=skip):
        rank = order.index(hit.value) if hit.value in order else len(order)
        if rank < best_rank:
            best, best_rank = hit, rank
            if rank == 0:
                break
            skip.update(order[rank:])
    return best


def _company(table: Table, email: Email, doc: Doc, found: list[Evidence]) -> str | None:
    skip = {"sender-org-name"} if sender_person(email.sender) else set()
    for hit in table.hits(doc):
        if hit.rule.name in skip:
            continue
        value: str | None = hit.value
        if hit.rule.name == "ats-tenant":
            tenant = sender_tenant(hit.value)
            value = domain_company(tenant, _subject_text(doc)) if tenant else None
        elif hit.rule.name == "sender-domain":
            value = None if _shared(email) else domain_company(hit.value, _subject_text(doc))
        elif hit.rule.name in entities.RECURRING_RULES:
            value = recurring_prefix(hit.value, doc.text)
        if value and hit.rule.name not in _DOMAIN_RULES:
            value = clean_company(value)
        if value:
            found.append(_with_value(hit, value))
            return value
    return None


def _subject_text(doc: Doc) -> str:
    return doc.subject + "\n" + doc.text


def _shared(email: Email) -> bool:
    """The sender's domain is a free-mail provider's or a platform's: it names no employer."""
    if email.sender is None:
        return False
    return is_freemail(email.sender.domain) or platform_for_address(email.sender.email) is not None


def _role(doc: Doc, company: str | None, found: list[Evidence]) -> str | None:
    for hit in _ROLE.hits(doc):
        value = clean_role(hit.value, company)
        if value and (hit.rule.name not in entities.WEAK_ROLE_RULES or is_title(value, company)):
            found.append(_with_value(hit, value))
            return value
    return None


def _contact(email: Email, doc: Doc, company: str | None, found: list[Evidence]) -> str | None:
    org = sender_org(email.sender)
    greeted = _GREETING.search(doc.text, 0, 300)
    greeted_name = greeted.group(1) if greeted else None
    value = _first(
        _CONTACT, doc, found, lambda name: clean_person(name, company, org, greeted_name)
    )
    if value is None and (value := sender_person(email.sender, company)):
        sender = str(email.sender)
        found.append(Evidence("contact", value, "sender-person", sender))
    return value


def _first(
    table: Table, doc: Doc, found: list[Evidence], clean: Callable[[str], str | None] | None = None
) -> str | None:
    """The first hit of the table (in priority order) whose value survives `clean`."""
    for hit in table.hits(doc):
        value = clean(hit.value) if clean else hit.value
        if value:
            found.append(_with_value(hit, value))
            return value
    return None


def _unique(hits: Iterable[Hit], found: list[Evidence]) -> set[str]:
    values: set[str] = set()
    for hit in hits:
        if hit.value not in values:
            values.add(hit.value)
            found.append(hit.evidence)
    return values


def _with_value(hit: Hit, value: str) -> Evidence:
    evidence = hit.evidence
    if evidence.value == value:
        return evidence
    return Evidence(
        evidence.field, value, evidence.rule, evidence.sentence, evidence.start, evidence.end
    )
