"""gracefully.learn: what the applications, rejections and follow-ups add up to.

A functional core (DESIGN.md): `insights` turns domain objects into
`Insights`; `charts` draws them as text bars or a standalone SVG.
"""

from gracefully.learn.charts import Bar, Chart, charts, svg, svg_charts, text_charts
from gracefully.learn.compute import insights
from gracefully.learn.model import (
    Days,
    FollowUps,
    Insights,
    MoveRate,
    ReasonShare,
    Rejections,
    Share,
    StageDays,
    label,
)
from gracefully.learn.suggest import FEW

__all__ = [
    "FEW",
    "Bar",
    "Chart",
    "Days",
    "FollowUps",
    "Insights",
    "MoveRate",
    "ReasonShare",
    "Rejections",
    "Share",
    "StageDays",
    "charts",
    "insights",
    "label",
    "svg",
    "svg_charts",
    "text_charts",
]
