"""What the insights say, as plain frozen dataclasses.

Every number comes with the count it was taken from, so a reader (and the
"what the numbers suggest" lines) can tell 2 of 3 from 200 of 300. Durations
are in days (floats), so `to_dict()` is JSON-ready as it stands.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from gracefully.domain import MoveKind, Reason, Stage


def label(value: str) -> str:
    """A readable label for an enum value: `other_candidate` -> `other candidate`."""
    return str(value).replace("_", " ")


@dataclass(frozen=True, slots=True)
class Share:
    """`count` of a whole of `total`; `share` is 0.0 when the whole is empty."""

    label: str
    count: int
    total: int
    share: float


@dataclass(frozen=True, slots=True)
class ReasonShare:
    """A stated reason: how many rejections gave it, and sentences that said it."""

    reason: Reason
    count: int
    total: int
    share: float
    examples: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Days:
    """A spread of durations in days; the middle values are None with no data."""

    count: int
    median: float | None = None
    shortest: float | None = None
    longest: float | None = None


@dataclass(frozen=True, slots=True)
class StageDays:
    """How long rejections at one stage took, counted from the application."""

    stage: Stage
    days: Days


@dataclass(frozen=True, slots=True)
class Rejections:
    """Everything the rejection emails themselves said."""

    total: int
    by_stage: tuple[Share, ...]
    reasons: tuple[ReasonShare, ...]
    no_reason: int
    """Rejections that stated no reason at all (most templated ones)."""
    feedback: tuple[Share, ...]
    """The feedback policy: refused, offered, given, or none said."""
    keep_on_file: int
    invite_reapply: int
    alt_role: int
    personal: int
    door_closed: int
    time_to_rejection: tuple[StageDays, ...]


@dataclass(frozen=True, slots=True)
class MoveRate:
    """Follow-ups of one move kind: sent, answered, and the reply rate.

    `reply_rate` is replied / (replied + no reply): a follow-up still awaiting
    an answer is not counted either way. It is None until one is decided.
    """

    move: MoveKind | None
    """None for all the follow-ups together."""
    sent: int
    replied: int
    no_reply: int
    awaiting: int
    reply_rate: float | None


@dataclass(frozen=True, slots=True)
class FollowUps:
    """What the user's follow-ups led to."""

    planned: int
    """Still to send: planned, drafted or approved."""
    overall: MoveRate | None
    """Every sent follow-up together; None until one is sent."""
    by_move: tuple[MoveRate, ...]
    outcomes: tuple[Share, ...]
    """Of the sent follow-ups: feedback given, interview, offer, replied, no reply, awaiting."""
    time_to_reply: Days
    feedback_reasons: tuple[Share, ...]
    """The reasons employers gave when they answered with feedback."""


@dataclass(frozen=True, slots=True)
class Insights:
    applications: int
    funnel: tuple[Share, ...]
    """How many applications reached each stage (share of all applications)."""
    statuses: tuple[Share, ...]
    """Where the applications stand now."""
    rejections: Rejections
    followups: FollowUps
    suggestions: tuple[str, ...]
    """Plain-language lines on what the numbers suggest, honest about small numbers."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
