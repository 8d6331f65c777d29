"""What understanding says about one email, with the evidence for each finding."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Category(StrEnum):
    REJECTION = "rejection"
    CONFIRMATION = "confirmation"
    INTERVIEW = "interview"
    ASSESSMENT = "assessment"
    OFFER = "offer"
    RECRUITER_OUTREACH = "recruiter_outreach"
    JOB_ALERT = "job_alert"
    OTHER = "other"

    @property
    def is_job(self) -> bool:
        """Mail about one of the user's own applications (alerts and outreach are not)."""
        return self in _APPLICATION_CATEGORIES


_APPLICATION_CATEGORIES = frozenset(
    {
        Category.REJECTION,
        Category.CONFIRMATION,
        Category.INTERVIEW,
        Category.ASSESSMENT,
        Category.OFFER,
    }
)


class Stage(StrEnum):
    """The furthest step of a process; ordered, so stages compare with `rank`."""

    APPLICATION = "application"
    SCREEN = "screen"
    ASSESSMENT = "assessment"
    INTERVIEW = "interview"
    OFFER = "offer"
    UNKNOWN = "unknown"

    @property
    def rank(self) -> int:
        return _STAGE_RANK[self]


_STAGE_RANK = {
    Stage.UNKNOWN: 0,
    Stage.APPLICATION: 1,
    Stage.SCREEN: 2,
    Stage.ASSESSMENT: 3,
    Stage.INTERVIEW: 4,
    Stage.OFFER: 5,
}


class Reason(StrEnum):
    """A reason the email states for the rejection (see shared SCHEMA.md)."""

    OTHER_CANDIDATE = "other_candidate"
    POSITION_FILLED = "position_filled"
    INTERNAL_CANDIDATE = "internal_candidate"
    ROLE_CHANGED = "role_changed"
    ROLE_CLOSED = "role_closed"
    BETTER_FIT_ELSEWHERE = "better_fit_elsewhere"
    OVERQUALIFIED = "overqualified"
    EXPERIENCE_GAP = "experience_gap"
    LOCATION = "location"
    WORK_AUTHORIZATION = "work_authorization"
    TIMING = "timing"
    LANGUAGE = "language"
    COMPENSATION = "compensation"


class Feedback(StrEnum):
    REFUSED = "refused"
    OFFERED = "offered"
    GIVEN = "given"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a finding was made: the rule that fired and the sentence it fired on.

    `start`/`end` index into the text the rule read (the email's `text`), so a
    UI can highlight it, and a test can check the sentence really is there.
    """

    field: str
    value: str
    rule: str
    sentence: str
    start: int = -1
    end: int = -1


@dataclass(frozen=True, slots=True)
class Rejection:
    stage: Stage = Stage.UNKNOWN
    reasons: tuple[Reason, ...] = ()
    feedback: Feedback = Feedback.NONE
    keep_on_file: bool = False
    invite_reapply: bool = False
    alt_role: bool = False
    personal: bool = False
    alt_role_text: str | None = None
    """The other role or team named, when the email names one."""


@dataclass(frozen=True, slots=True)
class Reading:
    """The understanding of one email.

    `confidence` is the calibrated probability of `category`; a rejection
    below the review threshold is never acted on before a person confirms it.
    """

    email_id: str
    category: Category
    confidence: float
    rejection: Rejection | None = None
    company: str | None = None
    role: str | None = None
    contact: str | None = None
    no_reply: bool = False
    """The sender cannot be replied to (no-reply or ATS system address)."""
    ats: str | None = None
    """The applicant tracking system that sent it, when recognised (greenhouse, workday...)."""
    door_closed: bool = False
    """The email asks not to reply or rules out future applications."""
    requisition_id: str | None = None
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    model_version: str = ""
    corrected: bool = False
    """A person set or confirmed this reading; a later scan never overwrites it."""

    def evidence_for(self, field_name: str) -> list[Evidence]:
        return [e for e in self.evidence if e.field == field_name]
