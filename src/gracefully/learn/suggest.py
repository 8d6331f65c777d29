"""Plain-language lines on what the numbers suggest, honest about small numbers.

Each rule is a small function of the insights that returns zero or more
lines; `RULES` lists them in the order they are read. Under `FEW` cases a
rule says the numbers are anecdotes rather than drawing a conclusion.
"""

from __future__ import annotations

from collections.abc import Callable

from gracefully.domain import Reason, Stage
from gracefully.learn.model import Insights, MoveRate, Share, label

FEW = 5
"""Fewer cases than this are too few to call a pattern or compare groups."""

_ABOUT_THE_POOL = "that is about who else applied, not something wrong with you"
_ABOUT_THE_ROLE = "that is about the role, not about you; nothing to fix on your side"
_A_CONSTRAINT = "a practical constraint worth checking before applying"
MEANING = {
    Reason.OTHER_CANDIDATE: _ABOUT_THE_POOL,
    Reason.POSITION_FILLED: _ABOUT_THE_POOL,
    Reason.INTERNAL_CANDIDATE: _ABOUT_THE_POOL,
    Reason.ROLE_CHANGED: _ABOUT_THE_ROLE,
    Reason.ROLE_CLOSED: _ABOUT_THE_ROLE,
    Reason.TIMING: _ABOUT_THE_ROLE,
    Reason.COMPENSATION: "pay expectations did not meet; worth checking ranges early",
    Reason.EXPERIENCE_GAP: "a concrete gap you could work on, or address up front",
    Reason.OVERQUALIFIED: "worth saying plainly why the role fits you, in the letter too",
    Reason.BETTER_FIT_ELSEWHERE: "they see you elsewhere; their other openings may be worth a look",
    Reason.LOCATION: _A_CONSTRAINT,
    Reason.WORK_AUTHORIZATION: _A_CONSTRAINT,
    Reason.LANGUAGE: _A_CONSTRAINT,
}
WHERE_IT_STOPS = {
    Stage.APPLICATION: "the CV and cover letter are where a change would show first",
    Stage.SCREEN: "the first conversation is where a change would show first",
    Stage.ASSESSMENT: "the take-home or test is where a change would show first",
    Stage.INTERVIEW: "you get through the door; interview feedback is where there is most to learn",
    Stage.OFFER: "you get to the very end; the last step is about fit and timing as much as you",
}

Rule = Callable[[Insights], list[str]]


def _plural(count: int, word: str, many: str = "") -> str:
    return f"{count} {word if count == 1 else many or word + 's'}"


def _percent(value: float) -> str:
    return f"{value:.0%}"


def _nothing_yet(i: Insights) -> list[str]:
    if i.applications == 0:
        return ["No applications yet, so nothing to learn from so far."]
    if i.rejections.total == 0:
        return ["No rejections so far."]
    return []


def _few_rejections(i: Insights) -> list[str]:
    n = i.rejections.total
    if 0 < n < FEW:
        return [f"Only {_plural(n, 'rejection')} so far: read them as anecdotes, not a pattern."]
    return []


def _top_reason(i: Insights) -> list[str]:
    r = i.rejections
    if not r.reasons:
        return []
    top = r.reasons[0]
    tied = [x for x in r.reasons if x.count == top.count]
    if len(tied) > 1:
        names = ", ".join(f"“{label(x.reason)}”" for x in tied)
        return [f"No single reason stands out: {names} ({top.count} of {r.total} each)."]
    line = f"The reason given most often: “{label(top.reason)}” ({top.count} of {r.total}"
    line += f", {_percent(top.share)})" if r.total >= FEW else ")"
    return [f"{line}; {MEANING[top.reason]}."]


def _silent_reasons(i: Insights) -> list[str]:
    r = i.rejections
    if not r.no_reason:
        return []
    return [
        f"{r.no_reason} of {r.total} rejections gave no reason at all; "
        "common for templated emails, and it says nothing about you."
    ]


def _where_it_stops(i: Insights) -> list[str]:
    r = i.rejections
    known = [s for s in r.by_stage if s.label != Stage.UNKNOWN.value]
    if r.total < FEW or not known:
        return []
    top = max(known, key=lambda s: s.count)
    if top.count * 2 <= r.total:
        return ["Rejections are spread across the stages; no single step stands out."]
    stage = Stage(top.label)
    return [
        f"Most rejections come at the {stage.value} stage ({top.count} of {r.total}): "
        f"{WHERE_IT_STOPS[stage]}."
    ]


def _feedback_policy(i: Insights) -> list[str]:
    counts = {s.label: s.count for s in i.rejections.feedback}
    lines = []
    if counts.get("offered"):
        who = _plural(counts["offered"], "employer")
        lines.append(f"{who} offered feedback: ask, it is welcome.")
    if counts.get("refused"):
        n = counts["refused"]
        lines.append(f"{n} said they give no individual feedback; gracefully never asks them.")
    return lines


def _doors_open(i: Insights) -> list[str]:
    r = i.rejections
    parts = [
        text
        for count, text in (
            (r.keep_on_file, f"{r.keep_on_file} kept your CV on file"),
            (r.invite_reapply, f"{r.invite_reapply} invited you to apply again"),
            (r.alt_role, f"{r.alt_role} pointed to another role"),
        )
        if count
    ]
    if not parts:
        return []
    return [f"Doors left open: {', '.join(parts)}. A later check-in there is welcome."]


def _followups(i: Insights) -> list[str]:
    f = i.followups
    if f.overall is None:
        if i.rejections.total == 0:
            return []
        planned = f" ({f.planned} planned)" if f.planned else ""
        return [f"No follow-ups sent yet{planned}, so there is no reply rate yet."]
    o = f.overall
    waiting = [f"{o.awaiting} still awaiting an answer."] if o.awaiting else []
    if o.sent < FEW:
        return [
            f"Only {_plural(o.sent, 'follow-up')} sent so far, {o.replied} answered: "
            "too few to compare moves.",
            *waiting,
        ]
    if o.reply_rate is None:
        return [f"{o.sent} follow-ups sent; none answered or given up on yet.", *waiting]
    decided = o.replied + o.no_reply
    rate = f"{o.replied} of {decided} decided follow-ups got a reply ({_percent(o.reply_rate)})."
    return [rate, *_compare_moves(f.by_move), *waiting]


def _compare_moves(by_move: tuple[MoveRate, ...]) -> list[str]:
    enough = [m for m in by_move if m.reply_rate is not None and m.replied + m.no_reply >= FEW]
    if len(enough) < 2:
        return [f"Too few follow-ups of each kind (under {FEW}) to say which move works best."]
    best = max(enough, key=lambda m: m.reply_rate or 0.0)
    worst = min(enough, key=lambda m: m.reply_rate or 0.0)
    if best.reply_rate == worst.reply_rate:
        return ["Every kind of move got answers about equally often."]
    return [
        f"“{label(best.move)}” got answers {_percent(best.reply_rate or 0.0)} of the time, "
        f"“{label(worst.move)}” {_percent(worst.reply_rate or 0.0)}."
    ]


def _reply_time(i: Insights) -> list[str]:
    t = i.followups.time_to_reply
    if not t.count:
        return []
    few = _plural(t.count, "reply", "replies")
    caveat = f", from only {few}: a rough guide" if t.count < FEW else ""
    return [f"Answers came after {t.median:g} days (median){caveat}."]


def _feedback_heard(i: Insights) -> list[str]:
    heard: tuple[Share, ...] = i.followups.feedback_reasons
    if not heard:
        return []
    said = ", ".join(f"“{label(s.label)}” ({s.count})" for s in heard)
    return [f"When employers answered with feedback, they mentioned: {said}."]


RULES: tuple[Rule, ...] = (
    _nothing_yet,
    _few_rejections,
    _top_reason,
    _silent_reasons,
    _where_it_stops,
    _feedback_policy,
    _doors_open,
    _followups,
    _reply_time,
    _feedback_heard,
)


def suggestions(insights: Insights) -> tuple[str, ...]:
    return tuple(line for rule in RULES for line in rule(insights))
