"""Charts for where a person would rather look than read.

`charts(insights)` chooses what is worth drawing as plain `Chart` data; the
same charts are rendered as text bars for the terminal (`text`) and as a
hand-written SVG file (`svg`). Every label is escaped: an employer's
sentence or a company name is text in the picture, never markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from gracefully.learn.model import Days, Insights, Share, StageDays, label

PALETTE = ("#3d6a9e", "#d9734e", "#5a9a78", "#c9a03c", "#7a5c8f", "#4f8a9a")
"""One fixed colour per chart, in order (readable on white, distinct in grey)."""
TEXT_WIDTH = 28
_EIGHTHS = " ▏▎▍▌▋▊▉"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    note: str
    """What is printed after the bar, e.g. ``3 (27%)``."""
    detail: str = ""
    """Longer text for a tooltip, e.g. the sentences that stated a reason."""


@dataclass(frozen=True, slots=True)
class Chart:
    title: str
    bars: tuple[Bar, ...]
    maximum: float | None = None
    """The value of a full bar; None means the largest bar is full. A chart on a
    fixed scale (a rate) is drawn even when every bar is 0: silence is an answer."""

    @property
    def full(self) -> float:
        return self.maximum or max((b.value for b in self.bars), default=0.0) or 1.0


_RENAMED = {"none": "not mentioned"}
"""Labels that read wrong on their own (a feedback policy of `none`)."""


def _count_bars(shares: Sequence[Share]) -> tuple[Bar, ...]:
    return tuple(
        Bar(_RENAMED.get(s.label, label(s.label)), s.count, f"{s.count} ({s.share:.0%})")
        for s in shares
    )


def _day_bars(timed: Sequence[StageDays]) -> tuple[Bar, ...]:
    return tuple(Bar(label(t.stage), t.days.median or 0.0, _days_note(t.days)) for t in timed)


def _days_note(days: Days) -> str:
    if days.count == 1:
        return f"{days.median:g} days (1 application)"
    return f"{days.median:g} days ({days.shortest:g}–{days.longest:g}, {days.count} applications)"


def charts(insights: Insights) -> tuple[Chart, ...]:
    """The charts worth drawing: only those with something in them."""
    r, f = insights.rejections, insights.followups
    reasons = tuple(
        Bar(label(x.reason), x.count, f"{x.count} of {x.total}", " / ".join(x.examples))
        for x in r.reasons
    )
    moves = tuple(
        Bar(
            label(m.move or "all"),
            100 * (m.reply_rate or 0.0),
            f"{m.replied} of {m.replied + m.no_reply}"
            + (f" ({m.reply_rate:.0%})" if m.reply_rate is not None else "")
            + (f", {m.awaiting} awaiting" if m.awaiting else ""),
        )
        for m in f.by_move
    )
    found = (
        Chart("How far applications got", _count_bars(insights.funnel)),
        Chart("Where applications stand now", _count_bars(insights.statuses)),
        Chart("Where rejections came", _count_bars(r.by_stage)),
        Chart("Days from applying to the rejection (median)", _day_bars(r.time_to_rejection)),
        Chart("Reasons the rejections stated", reasons),
        Chart("Feedback the rejections offered", _count_bars(r.feedback)),
        Chart("Reply rate by move", moves, maximum=100.0),
        Chart("What follow-ups led to", _count_bars(f.outcomes)),
    )
    return tuple(c for c in found if c.bars and (c.maximum or any(b.value for b in c.bars)))


def bar_text(value: float, full: float, width: int = TEXT_WIDTH) -> str:
    """A bar of block characters, in eighths of a character."""
    eighths = round(8 * width * max(0.0, min(value / full, 1.0))) if full else 0
    whole, part = divmod(eighths, 8)
    return ("█" * whole + (_EIGHTHS[part] if part else "")).ljust(width)


def text(chart: Chart, width: int = TEXT_WIDTH) -> str:
    """One chart as lines of text: title, then label, bar and note per row."""
    pad = max((len(b.label) for b in chart.bars), default=0)
    rows = [
        f"  {b.label.ljust(pad)}  {bar_text(b.value, chart.full, width)}  {b.note}"
        for b in chart.bars
    ]
    return "\n".join([chart.title, *rows])


def text_charts(insights: Insights, width: int = TEXT_WIDTH) -> str:
    return "\n\n".join(text(c, width) for c in charts(insights))


# --- SVG ------------------------------------------------------------------

_W, _LABEL_W, _BAR_W = 840, 200, 300
_ROW, _TITLE, _GAP, _MARGIN = 24, 30, 18, 20
_LABEL_CHARS = 28


def _clean(value: str) -> str:
    """Text as XML allows it: no control characters, and markup escaped."""
    return escape(_NOT_XML.sub("", value))


def _short(value: str, limit: int = _LABEL_CHARS) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _svg_chart(chart: Chart, top: int, colour: str) -> tuple[list[str], int]:
    """The elements of one chart starting at `top`; returns them and the next top."""
    parts = [f'<text class="title" x="{_MARGIN}" y="{top + 20}">{_clean(chart.title)}</text>']
    y = top + _TITLE
    for bar in chart.bars:
        length = round(_BAR_W * max(0.0, min(bar.value / chart.full, 1.0)), 1)
        tip = f"<title>{_clean(bar.detail)}</title>" if bar.detail else ""
        parts += [
            f'<g class="row">{tip}',
            f'<text x="{_MARGIN + _LABEL_W - 8}" y="{y + 16}" text-anchor="end">'
            f"{_clean(_short(bar.label))}</text>",
            f'<rect x="{_MARGIN + _LABEL_W}" y="{y + 4}" width="{length}" height="{_ROW - 8}" '
            f'fill={quoteattr(colour)} rx="2"/>',
            f'<text class="note" x="{_MARGIN + _LABEL_W + length + 6}" y="{y + 16}">'
            f"{_clean(bar.note)}</text>",
            "</g>",
        ]
        y += _ROW
    return parts, y + _GAP


TITLE = "gracefully: what your job search says"


def svg(insights: Insights, title: str = TITLE) -> str:
    """The insights' charts as one standalone SVG document."""
    return svg_charts(charts(insights), title)


def svg_charts(drawn: Sequence[Chart], title: str = TITLE) -> str:
    """Charts as one standalone SVG document: no scripts, no external files,
    every piece of text escaped."""
    body: list[str] = []
    top = _MARGIN + 24
    for n, chart in enumerate(drawn):
        parts, top = _svg_chart(chart, top, PALETTE[n % len(PALETTE)])
        body += parts
    if not body:
        body.append(f'<text x="{_MARGIN}" y="{top + 20}">Nothing to chart yet.</text>')
        top += _TITLE + _GAP
    height = top + _MARGIN
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{_W}" height="{height}" '
            f'viewBox="0 0 {_W} {height}" font-family="sans-serif" font-size="13">',
            "<style>text{fill:#222}.title{font-size:15px;font-weight:bold}"
            ".note{fill:#555}.heading{font-size:18px;font-weight:bold}</style>",
            f'<rect width="{_W}" height="{height}" fill="#ffffff"/>',
            f'<text class="heading" x="{_MARGIN}" y="{_MARGIN + 12}">{_clean(title)}</text>',
            *body,
            "</svg>",
            "",
        ]
    )
