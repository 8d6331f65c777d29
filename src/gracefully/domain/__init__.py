"""The vocabulary every stage speaks: plain dataclasses and enums, no I/O."""

from gracefully.domain.followup import (
    Draft,
    Finding,
    FollowUp,
    FollowUpStatus,
    Move,
    MoveKind,
    Outcome,
    Profile,
    Severity,
)
from gracefully.domain.identity import AddressTally
from gracefully.domain.mail import Address, Email, Malformed, SkipKind
from gracefully.domain.reading import (
    Category,
    Evidence,
    Feedback,
    Reading,
    Reason,
    Rejection,
    Stage,
)
from gracefully.domain.tracking import (
    Application,
    Contact,
    ContactRole,
    Event,
    EventKind,
    Link,
    LinkSignal,
    Status,
)

__all__ = [
    "Address",
    "AddressTally",
    "Application",
    "Category",
    "Contact",
    "ContactRole",
    "Draft",
    "Email",
    "Event",
    "EventKind",
    "Evidence",
    "Feedback",
    "Finding",
    "FollowUp",
    "FollowUpStatus",
    "Link",
    "LinkSignal",
    "Malformed",
    "Move",
    "MoveKind",
    "Outcome",
    "Profile",
    "Reading",
    "Reason",
    "Rejection",
    "Severity",
    "SkipKind",
    "Stage",
    "Status",
]
