"""gracefully.plan: the playbook that chooses the move after a rejection, and when."""

from gracefully.plan.playbook import (
    CHECKIN_KINDS,
    MISJUDGEMENTS,
    NOT_ABOUT_YOU,
    RULES,
    Rule,
    Situation,
    choose_move,
)
from gracefully.plan.replies import on_reply, outcome_from_reply
from gracefully.plan.settings import PlanSettings
from gracefully.plan.timing import checkin_at, due_window, next_business_slot

__all__ = [
    "CHECKIN_KINDS",
    "MISJUDGEMENTS",
    "NOT_ABOUT_YOU",
    "RULES",
    "PlanSettings",
    "Rule",
    "Situation",
    "checkin_at",
    "choose_move",
    "due_window",
    "next_business_slot",
    "on_reply",
    "outcome_from_reply",
]
