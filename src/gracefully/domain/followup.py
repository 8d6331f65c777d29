"""Follow-up moves, drafts, approval and outcomes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from gracefully.domain.reading import Reason


class MoveKind(StrEnum):
    ASK_FEEDBACK = "ask_feedback"
    CORRECT_ASSUMPTION = "correct_assumption"
    OTHER_ROLE = "other_role"
    STAY_ON_RADAR = "stay_on_radar"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Move:
    """What to do after a rejection and when, with why.

    `needs` lists what the user must supply first (e.g. what the job would
    have taught them); the playbook asks rather than invents.
    """

    kind: MoveKind
    why: str
    due_at: datetime | None = None
    checkin_at: datetime | None = None
    advice: str = ""
    needs: tuple[str, ...] = ()
    rule: str = ""
    """The name of the playbook rule that chose this move."""


class FollowUpStatus(StrEnum):
    PLANNED = "planned"
    DRAFTED = "drafted"
    APPROVED = "approved"
    SENT = "sent"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"


class Outcome(StrEnum):
    REPLIED = "replied"
    FEEDBACK_GIVEN = "feedback_given"
    INTERVIEW = "interview"
    OFFER = "offer"
    NO_REPLY = "no_reply"


class Severity(StrEnum):
    BLOCK = "block"
    ADVICE = "advice"


@dataclass(frozen=True, slots=True)
class Finding:
    """One etiquette finding of the grace check."""

    code: str
    severity: Severity
    message: str
    trigger: str = ""
    suggestion: str = ""


@dataclass(frozen=True, slots=True)
class Draft:
    to_name: str
    to_email: str | None
    subject: str
    body: str
    move: MoveKind
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    template: str = ""
    findings: tuple[Finding, ...] = ()
    note: str = ""
    """Why this text stands, e.g. an LLM rewrite was refused by the grace check."""

    @property
    def blocked(self) -> bool:
        return any(f.severity is Severity.BLOCK for f in self.findings)


@dataclass(frozen=True, slots=True)
class Profile:
    """The user, as the drafts need them. Per-application "what this job would
    have let me learn" lives in `learn`, keyed by application id."""

    name: str = ""
    email: str = ""
    signature: str = ""
    strengths: tuple[str, ...] = ()
    tone: str = "warm"
    learn: dict[int, str] = field(default_factory=dict)


@dataclass(slots=True)
class FollowUp:
    application_id: int
    move: Move
    id: int | None = None
    status: FollowUpStatus = FollowUpStatus.PLANNED
    draft: Draft | None = None
    approved_hash: str | None = None
    """The approval record: an HMAC-SHA256, keyed with a secret kept outside the
    database, over everything that would be sent (From, To, Subject, threading,
    body) and `revision`. Sending recomputes it and refuses on any difference."""
    revision: int = 1
    """Goes up with any change to what would be sent: the text, subject or
    recipient, the sender (the profile's From) or the threading. An approval
    names the revision the person read, so a text that changed meanwhile is
    never approved unseen."""
    approved_revision: int | None = None
    """The revision the approval was given for."""
    sent_message_id: str | None = None
    sent_at: datetime | None = None
    outcome: Outcome | None = None
    rejection_email_id: str | None = None
    """The rejection this follow-up answers."""
    outcome_at: datetime | None = None
    reply_email_id: str | None = None
    """The employer's reply that set `outcome`."""
    feedback: tuple[Reason, ...] = ()
    """The reasons the employer's reply gave, when it gave feedback."""

    @property
    def approval_current(self) -> bool:
        """Approved, and nothing to be sent has changed since as far as the
        revision tells. (Only `send`, which holds the key, can prove it.)"""
        return (
            self.status is FollowUpStatus.APPROVED
            and self.approved_hash is not None
            and self.approved_revision == self.revision
        )
