"""The playbook: an ordered table of rules, the first that matches chooses the move.

Each rule is data: a name, a test over the `Situation`, the move, and a `why`
template. The hard gates (door closed, opted out, cap, nobody to write to)
come first, so no later rule and no user choice can get around them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from gracefully.domain import (
    Application,
    Category,
    Contact,
    EventKind,
    Feedback,
    FollowUp,
    FollowUpStatus,
    Move,
    MoveKind,
    Profile,
    Reading,
    Reason,
    Rejection,
    Stage,
)
from gracefully.plan.settings import PlanSettings
from gracefully.plan.timing import (
    as_aware,
    checkin_at,
    due_window,
    resolve_tz,
    window_passed,
)

MISJUDGEMENTS = (
    Reason.OVERQUALIFIED,
    Reason.EXPERIENCE_GAP,
    Reason.LOCATION,
    Reason.COMPENSATION,
)
"""Reasons that are often an assumption the candidate can correct in one sentence."""

NOT_ABOUT_YOU = (
    Reason.INTERNAL_CANDIDATE,
    Reason.POSITION_FILLED,
    Reason.ROLE_CHANGED,
    Reason.ROLE_CLOSED,
    Reason.TIMING,
)
"""Reasons about the job, not the candidate: a feedback ask would learn little."""

CHECKIN_KINDS = frozenset({MoveKind.STAY_ON_RADAR, MoveKind.OTHER_ROLE})
_INACTIVE = frozenset({FollowUpStatus.SKIPPED, FollowUpStatus.CANCELLED})


@dataclass(frozen=True, slots=True)
class Situation:
    """Everything the rules look at, computed once so each rule is a one-liner."""

    company: str
    role: str
    is_rejection: bool
    needs_review: bool
    confidence: float
    threshold: float
    door_closed: bool
    opted_out: bool
    user_choice: MoveKind | None
    sent: int
    cap: int
    has_human: bool
    no_reply: bool
    feedback: Feedback
    stage: Stage
    misjudged: tuple[Reason, ...]
    reasons: tuple[Reason, ...]
    learn_known: bool
    alt_role: bool
    alt_role_text: str
    app_id: int = 0

    @property
    def fields(self) -> dict[str, object]:
        """What a `why` template may mention."""
        return {
            "company": self.company,
            "role": self.role,
            "confidence": self.confidence,
            "threshold": self.threshold,
            "sent": self.sent,
            "cap": self.cap,
            "stage": self.stage.value,
            "reasons": _names(self.misjudged or self.reasons),
            "alt_role": self.alt_role_text or "another role",
            "choice": self.user_choice.value if self.user_choice else "",
            "app_id": self.app_id,
        }


def _names(reasons: tuple[Reason, ...]) -> str:
    return ", ".join(r.value.replace("_", " ") for r in reasons)


@dataclass(frozen=True, slots=True)
class Rule:
    """One line of the playbook. `kind=None` means: the move the user chose."""

    name: str
    when: Callable[[Situation], bool]
    kind: MoveKind | None
    why: str
    advice: str = ""
    needs: tuple[str, ...] = ()


NO_HUMAN_ADVICE = (
    "To reach a person instead: search LinkedIn for a recruiter or the hiring manager "
    "for {role} at {company}; look for a recruiting contact on the careers page of {company}; "
    "or write to someone you met during the process."
)


LEARN_ADVICE = (
    "To answer the assumption instead, say what this job would have let you learn "
    "(`gracefully profile --learn {app_id} TEXT`, or on the follow-up's page) and draft again."
)


RULES: tuple[Rule, ...] = (
    Rule(
        "not_a_rejection",
        lambda s: not s.is_rejection,
        MoveKind.NONE,
        "This email is not a rejection, so there is nothing to follow up.",
    ),
    Rule(
        "needs_review",
        lambda s: s.needs_review,
        MoveKind.NONE,
        "The reading needs review (confidence {confidence:.2f} is below {threshold:.2f}); "
        "confirm it before anything is planned.",
    ),
    Rule(
        "door_closed",
        lambda s: s.door_closed,
        MoveKind.NONE,
        "{company} asked not to be contacted or ruled out future applications; "
        "a reply would not be welcome.",
    ),
    Rule("opted_out", lambda s: s.opted_out, MoveKind.NONE, "You opted out of following up."),
    Rule(
        "user_declined",
        lambda s: s.user_choice is MoveKind.NONE,
        MoveKind.NONE,
        "You chose not to follow up.",
    ),
    Rule(
        "cap_reached",
        lambda s: s.sent >= s.cap,
        MoveKind.NONE,
        "You have already followed up with {company} {sent} time(s), the cap is {cap}; "
        "another note would crowd them.",
    ),
    Rule(
        "no_human",
        lambda s: not s.has_human,
        MoveKind.NONE,
        "Nobody at {company} can be reached: the rejection came from an automated or shared "
        "address, and no person with an address of their own is named.",
        advice=NO_HUMAN_ADVICE,
    ),
    Rule(
        "feedback_refused_choice",
        lambda s: s.user_choice is MoveKind.ASK_FEEDBACK and s.feedback is Feedback.REFUSED,
        MoveKind.STAY_ON_RADAR,
        "You wanted to ask for feedback, but {company} said it does not give any; "
        "staying on their radar instead.",
    ),
    Rule(
        "learn_missing",
        lambda s: s.user_choice is MoveKind.CORRECT_ASSUMPTION and not s.learn_known,
        MoveKind.CORRECT_ASSUMPTION,
        "You want to correct the assumption ({reasons}); the draft needs what this job "
        "would have let you learn: please add it.",
        needs=("learn",),
    ),
    Rule(
        "alt_role_missing",
        lambda s: s.user_choice is MoveKind.OTHER_ROLE and not s.alt_role,
        MoveKind.OTHER_ROLE,
        "You want to show interest in another role at {company}; please name it.",
        needs=("alt_role",),
    ),
    Rule("user_choice", lambda s: s.user_choice is not None, None, "You chose {choice}."),
    Rule(
        "misjudgement",
        lambda s: bool(s.misjudged) and s.learn_known,
        MoveKind.CORRECT_ASSUMPTION,
        "The likely reason ({reasons}) looks like a misjudgement; one sentence of "
        "substance can correct it.",
    ),
    Rule(
        "misjudgement_untold",
        lambda s: bool(s.misjudged),
        MoveKind.STAY_ON_RADAR,
        "The likely reason ({reasons}) may be a misjudgement, but only you know what this "
        "job would have let you learn; until you say, a gracious thank-you keeps the door open.",
        advice=LEARN_ADVICE,
    ),
    Rule(
        "other_role",
        lambda s: s.alt_role,
        MoveKind.OTHER_ROLE,
        "{company} suggested {alt_role}; showing interest in it specifically.",
    ),
    Rule(
        "feedback_refused",
        lambda s: s.feedback is Feedback.REFUSED,
        MoveKind.STAY_ON_RADAR,
        "{company} said it does not give feedback, so no feedback ask; "
        "a short thank-you keeps the door open.",
    ),
    Rule(
        "feedback_offered",
        lambda s: s.feedback is Feedback.OFFERED,
        MoveKind.ASK_FEEDBACK,
        "{company} offered feedback; a brief ask takes them up on it.",
    ),
    Rule(
        "not_about_you",
        lambda s: bool(s.reasons) and all(r in NOT_ABOUT_YOU for r in s.reasons),
        MoveKind.STAY_ON_RADAR,
        "The stated reason ({reasons}) is about the job, not you, so a feedback ask "
        "would learn little; thank them and ask to be considered for future roles.",
    ),
    Rule(
        "later_stage",
        lambda s: s.stage.rank >= Stage.SCREEN.rank and s.feedback is not Feedback.GIVEN,
        MoveKind.ASK_FEEDBACK,
        "You reached the {stage} stage, so they have seen your work; "
        "asking briefly what would have made the difference is fair.",
    ),
    Rule(
        "stay_on_radar",
        lambda s: True,
        MoveKind.STAY_ON_RADAR,
        "A rejection at the {stage} stage with nothing to correct or ask: thank them "
        "and ask to be considered for future roles.",
    ),
)


def choose_move(
    application: Application,
    reading: Reading,
    *,
    profile: Profile,
    history: Sequence[FollowUp],
    now: datetime,
    settings: PlanSettings,
    user_choice: MoveKind | None = None,
    opted_out: bool = False,
    contact: Contact | None = None,
    received_at: datetime | None = None,
    recipient_tz: str | None = None,
    checkin: bool = False,
) -> Move:
    """The move a good career coach would suggest, when it is due, and why.

    `history` holds the follow-ups to the same company (any application), for
    the cap. `received_at` defaults to the rejection's event on the
    application; `recipient_tz` to the user's zone; `checkin=True` is the
    user asking for a later check-in up front.
    """
    situation = _situation(
        application, reading, profile, history, settings, user_choice, opted_out, contact
    )
    rule = next(r for r in RULES if r.when(situation))
    kind = rule.kind or user_choice or MoveKind.NONE
    fields = situation.fields
    move = Move(
        kind=kind,
        why=rule.why.format(**fields),
        advice=rule.advice.format(**fields),
        needs=rule.needs,
        rule=rule.name,
    )
    if kind is MoveKind.NONE:
        return move
    received = received_at or _received_at(application, reading) or now
    return _timed(move, received, now, settings, recipient_tz, checkin, application.id or 0)


def _timed(
    move: Move,
    received: datetime,
    now: datetime,
    settings: PlanSettings,
    recipient_tz: str | None,
    checkin: bool,
    key: int,
) -> Move:
    tz = resolve_tz(recipient_tz, settings)
    due = due_window(received, now, settings, tz, key)
    low, high = settings.first_window_hours
    when = f"{due:%a %d %b %H:%M} {due.tzname()}"
    if window_passed(received, now, settings):
        note = f"The {low}–{high} h window has passed; due at the next business slot, {when}."
    elif due - as_aware(received) > timedelta(hours=high):
        note = f"Due {when}: the {low}–{high} h window falls outside business days and hours."
    else:
        note = f"Due {when}, {low}–{high} h after the rejection, in business hours."
    later = checkin_at(due, settings, tz) if checkin and move.kind in CHECKIN_KINDS else None
    if later:
        note += f" A check-in follows on {later:%a %d %b}."
    return Move(
        kind=move.kind,
        why=f"{move.why} {note}",
        due_at=due,
        checkin_at=later,
        advice=move.advice,
        needs=move.needs,
        rule=move.rule,
    )


def _situation(
    application: Application,
    reading: Reading,
    profile: Profile,
    history: Sequence[FollowUp],
    settings: PlanSettings,
    user_choice: MoveKind | None,
    opted_out: bool,
    contact: Contact | None,
) -> Situation:
    rejection = reading.rejection or Rejection()
    stage = rejection.stage if rejection.stage is not Stage.UNKNOWN else application.stage
    return Situation(
        company=reading.company or application.company,
        role=reading.role or application.role or "the role",
        is_rejection=reading.category is Category.REJECTION,
        needs_review=reading.confidence < settings.review_below and not reading.corrected,
        confidence=reading.confidence,
        threshold=settings.review_below,
        door_closed=reading.door_closed,
        opted_out=opted_out,
        user_choice=user_choice,
        sent=_sent_count(history, application.id),
        cap=settings.cap_per_company,
        has_human=_has_human(contact, application),
        no_reply=reading.no_reply,
        feedback=rejection.feedback,
        stage=stage,
        misjudged=tuple(r for r in rejection.reasons if r in MISJUDGEMENTS),
        reasons=rejection.reasons,
        learn_known=bool(profile.learn.get(application.id or -1, "").strip()),
        alt_role=rejection.alt_role or bool(rejection.alt_role_text),
        alt_role_text=rejection.alt_role_text or "",
        app_id=application.id or 0,
    )


def _sent_count(history: Sequence[FollowUp], application_id: int | None) -> int:
    """Follow-ups that count toward the cap: real moves, not dropped, and not this
    application's own unsent plan (re-planning must not count itself)."""
    return sum(
        1
        for f in history
        if f.move.kind is not MoveKind.NONE
        and f.status not in _INACTIVE
        and (f.application_id != application_id or f.status is FollowUpStatus.SENT)
    )


def _has_human(contact: Contact | None, application: Application) -> bool:
    candidates = [contact] if contact else application.contacts
    return any(c.contactable and c.email for c in candidates)


def _received_at(application: Application, reading: Reading) -> datetime | None:
    rejections = [e for e in application.events if e.kind is EventKind.REJECTION]
    exact = [e.at for e in rejections if e.email_id == reading.email_id]
    return (exact or sorted(e.at for e in rejections))[-1] if rejections else None
