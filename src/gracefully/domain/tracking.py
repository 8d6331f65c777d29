"""Applications, their timelines, contacts and the links from emails to them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from gracefully.domain.reading import Stage


class Status(StrEnum):
    """Where an application stands now (as opposed to `Stage`, how far it got)."""

    APPLIED = "applied"
    IN_PROCESS = "in_process"
    OFFER = "offer"
    REJECTED = "rejected"
    NO_RESPONSE = "no_response"
    WITHDRAWN = "withdrawn"
    CLOSED = "closed"


class EventKind(StrEnum):
    APPLIED = "applied"
    CONFIRMED = "confirmed"
    SCREEN = "screen"
    ASSESSMENT = "assessment"
    INTERVIEW = "interview"
    OFFER = "offer"
    REJECTION = "rejection"
    FOLLOW_UP = "follow_up"
    REPLY = "reply"
    NOTE = "note"
    STATUS = "status"


class LinkSignal(StrEnum):
    """How an email was tied to an application, strongest first."""

    THREAD = "thread"
    REQUISITION = "requisition"
    ATS_SENDER = "ats_sender"
    COMPANY_DOMAIN = "company_domain"
    FUZZY = "fuzzy"
    NEW = "new"
    """No existing application matched; the email starts one."""
    MANUAL = "manual"


class ContactRole(StrEnum):
    RECRUITER = "recruiter"
    INTERVIEWER = "interviewer"
    HIRING_MANAGER = "hiring_manager"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    email: str | None = None
    role: ContactRole = ContactRole.UNKNOWN
    contactable: bool = True
    """False for no-reply and ATS system addresses."""


@dataclass(frozen=True, slots=True)
class Event:
    kind: EventKind
    at: datetime
    summary: str = ""
    email_id: str | None = None
    stage: Stage | None = None
    """For a rejection, the stage it came at (an interview-stage rejection proves
    the interview happened even when its invitation was never seen)."""


@dataclass(slots=True)
class Application:
    """One job applied for. Fields the user set by hand are listed in `manual`
    and a scan never overwrites them."""

    company: str
    role: str | None = None
    id: int | None = None
    status: Status = Status.APPLIED
    stage: Stage = Stage.APPLICATION
    applied_on: date | None = None
    updated_at: datetime | None = None
    url: str | None = None
    notes: str = ""
    requisition_id: str | None = None
    company_domain: str | None = None
    contacts: list[Contact] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    manual: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Link:
    """The decision to attach an email to an application, with its reason.

    `application_id` is None when the link proposes a new application; a link
    below the confidence threshold goes to review instead of being applied.
    """

    email_id: str
    application_id: int | None
    signal: LinkSignal
    confidence: float
    evidence: str = ""
    needs_review: bool = False
    candidates: tuple[int, ...] = ()
    """The applications a link waiting for review hesitated between, for the reviewer."""
