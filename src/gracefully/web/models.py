"""The API's JSON shapes: pydantic models over the domain, so /openapi.json documents them.

Most are read straight from the domain dataclasses (`from_attributes`); the
few that need a choice (an address as text, approval as a yes/no) say so.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from gracefully.domain import (
    Category,
    ContactRole,
    Email,
    EventKind,
    Feedback,
    FollowUp,
    FollowUpStatus,
    LinkSignal,
    MoveKind,
    Outcome,
    Reason,
    Severity,
    Stage,
    Status,
)
from gracefully.service.applications import ApplicationDetail
from gracefully.service.followups import PlanItem
from gracefully.service.insights import Insights
from gracefully.service.review import (
    Accept,
    Decision,
    Fix,
    ItemKind,
    KeepApart,
    LinkTo,
    Merge,
    NotJob,
    ReviewError,
    ReviewItem,
    StartApplication,
)


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class EvidenceOut(_Out):
    field: str
    value: str
    rule: str
    sentence: str
    start: int
    end: int


class RejectionOut(_Out):
    stage: Stage
    reasons: list[Reason]
    feedback: Feedback
    keep_on_file: bool
    invite_reapply: bool
    alt_role: bool
    personal: bool
    alt_role_text: str | None


class ReadingOut(_Out):
    category: Category
    confidence: float
    rejection: RejectionOut | None
    company: str | None
    role: str | None
    contact: str | None
    no_reply: bool
    door_closed: bool
    corrected: bool
    evidence: list[EvidenceOut]


class EmailOut(BaseModel):
    id: str
    subject: str
    sender: str
    date: datetime | None
    text: str

    @classmethod
    def of(cls, email: Email) -> EmailOut:
        return cls(
            id=email.id,
            subject=email.subject,
            sender=str(email.sender or ""),
            date=email.date,
            text=email.text,
        )


class ContactOut(_Out):
    name: str
    email: str | None
    role: ContactRole
    contactable: bool


class EventOut(_Out):
    kind: EventKind
    at: datetime
    summary: str
    email_id: str | None
    stage: Stage | None


class ApplicationOut(_Out):
    id: int
    company: str
    role: str | None
    status: Status
    stage: Stage
    applied_on: date | None
    updated_at: datetime | None
    url: str | None
    requisition_id: str | None


class TimelineEntryOut(BaseModel):
    email: EmailOut
    reading: ReadingOut | None
    linked_by: LinkSignal
    link_evidence: str


class ApplicationDetailOut(BaseModel):
    application: ApplicationOut
    contacts: list[ContactOut]
    events: list[EventOut]
    timeline: list[TimelineEntryOut]

    @classmethod
    def of(cls, detail: ApplicationDetail) -> ApplicationDetailOut:
        app = detail.application
        return cls(
            application=ApplicationOut.model_validate(app),
            contacts=[ContactOut.model_validate(c) for c in app.contacts],
            events=[EventOut.model_validate(e) for e in app.events],
            timeline=[
                TimelineEntryOut(
                    email=EmailOut.of(t.email),
                    reading=ReadingOut.model_validate(t.reading) if t.reading else None,
                    linked_by=t.link.signal,
                    link_evidence=t.link.evidence,
                )
                for t in detail.timeline
            ],
        )


class ReviewItemOut(BaseModel):
    id: str
    kind: ItemKind
    confidence: float
    why: str
    email: EmailOut | None
    reading: ReadingOut | None
    candidates: list[ApplicationOut]

    @classmethod
    def of(cls, item: ReviewItem) -> ReviewItemOut:
        return cls(
            id=item.id,
            kind=item.kind,
            confidence=item.confidence,
            why=item.why,
            email=EmailOut.of(item.email) if item.email else None,
            reading=ReadingOut.model_validate(item.reading) if item.reading else None,
            candidates=[ApplicationOut.model_validate(a) for a in item.candidates],
        )


Action = Literal["accept", "fix", "link", "new", "not_job", "merge", "keep_apart"]


class ResolveIn(BaseModel):
    """One answer to a review item. `fix` changes only the fields given;
    `link` needs `application_id`; `merge` keeps `keep` (default: the older)."""

    item_id: str
    action: Action
    category: Category | None = None
    stage: Stage | None = None
    reasons: list[Reason] | None = None
    application_id: int | None = None
    keep: int | None = None

    def decision(self) -> Decision:
        if self.action == "fix":
            reasons = tuple(self.reasons) if self.reasons is not None else None
            return Fix(self.category, self.stage, reasons)
        if self.action == "link":
            if self.application_id is None:
                raise ReviewError("linking needs application_id: the application to link to")
            return LinkTo(self.application_id)
        if self.action == "merge":
            return Merge(self.keep)
        return _PLAIN[self.action]


_PLAIN: dict[str, Decision] = {
    "accept": Accept(),
    "new": StartApplication(),
    "not_job": NotJob(),
    "keep_apart": KeepApart(),
}


class ResolveOut(BaseModel):
    item_id: str
    done: str
    """What was done, in a sentence."""


class FindingOut(_Out):
    code: str
    severity: Severity
    message: str
    trigger: str
    suggestion: str


class DraftOut(_Out):
    to_name: str
    to_email: str | None
    subject: str
    body: str
    move: MoveKind
    in_reply_to: str | None
    references: list[str]
    findings: list[FindingOut]
    blocked: bool
    note: str


class MoveOut(_Out):
    kind: MoveKind
    why: str
    due_at: datetime | None
    checkin_at: datetime | None
    advice: str
    needs: list[str]


class FollowUpOut(BaseModel):
    id: int
    application_id: int
    status: FollowUpStatus
    move: MoveOut
    draft: DraftOut | None
    revision: int
    """Changes with any change to what would be sent; approving names the one read."""
    approved: bool
    """True when the approval was given for this revision (sending checks it in full)."""
    outcome: Outcome | None
    sent_at: datetime | None

    @classmethod
    def of(cls, followup: FollowUp) -> FollowUpOut:
        return cls(
            id=followup.id or 0,
            application_id=followup.application_id,
            status=followup.status,
            move=MoveOut.model_validate(followup.move),
            draft=DraftOut.model_validate(followup.draft) if followup.draft else None,
            revision=followup.revision,
            approved=followup.approval_current,
            outcome=followup.outcome,
            sent_at=followup.sent_at,
        )


class PlanItemOut(BaseModel):
    followup: FollowUpOut
    company: str
    role: str | None
    contact: str | None
    rejection_subject: str

    @classmethod
    def of(cls, item: PlanItem) -> PlanItemOut:
        return cls(
            followup=FollowUpOut.of(item.followup),
            company=item.application.company,
            role=item.application.role,
            contact=item.contact.name if item.contact else None,
            rejection_subject=item.rejection_subject,
        )


class EditIn(BaseModel):
    body: str
    subject: str | None = None


class ApproveIn(BaseModel):
    revision: int | None = None
    """The revision the person read (FollowUpOut.revision). Without it, or with
    any but the current one, nothing is approved (409)."""


class DraftIn(BaseModel):
    regenerate: bool = False
    variant: int | None = None


class InsightsOut(BaseModel):
    insights: Insights
    svg: str
    """The charts as one standalone SVG document (every label escaped)."""


class ErrorOut(BaseModel):
    detail: str


class StaleOut(BaseModel):
    """A 409 from approve: what is wrong, and the follow-up as it is now, when
    the revision read was not the current one."""

    detail: str
    followup: FollowUpOut | None = None
    """What went wrong and what to do instead."""
