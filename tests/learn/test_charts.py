"""Text bars for the terminal and a hand-written SVG: well-formed, escaped, honest scales."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from tests.learn.learn_world import app, event, followup, rejection

from gracefully.domain import Application, EventKind, Feedback, MoveKind, Outcome, Reason, Stage
from gracefully.learn import Bar, Chart, charts, insights, svg, svg_charts, text_charts
from gracefully.learn.charts import PALETTE, bar_text, text

NS = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert("x")</script> & "Co" \x07'


def _world():  # type: ignore[no-untyped-def]
    readings = [
        rejection(
            "<1@x.example>",
            stage=Stage.SCREEN,
            reasons=(Reason.OTHER_CANDIDATE,),
            said=((Reason.OTHER_CANDIDATE, "We chose someone else."),),
            feedback=Feedback.OFFERED,
        ),
        rejection("<2@x.example>", reasons=(Reason.OTHER_CANDIDATE, Reason.TIMING)),
    ]
    sent = [followup(MoveKind.ASK_FEEDBACK, outcome=Outcome.NO_REPLY)]
    return insights([app(Stage.SCREEN), app()], readings, sent)


@pytest.mark.parametrize(
    ("value", "full", "width", "expected"),
    [
        (0, 10, 4, "    "),
        (10, 10, 4, "████"),
        (5, 10, 4, "██  "),
        (1, 8, 1, "▏"),
        (3, 8, 1, "▍"),
        (50, 10, 3, "███"),  # never past the full width
        (-1, 10, 2, "  "),
        (5, 0, 2, "  "),
    ],
)
def test_bar_text(value: float, full: float, width: int, expected: str) -> None:
    assert bar_text(value, full, width) == expected


def test_a_text_chart_lines_up_labels_bars_and_notes() -> None:
    chart = Chart("Reasons", (Bar("timing", 2, "2 of 4"), Bar("other candidate", 4, "4 of 4")))
    assert text(chart, width=4).splitlines() == [
        "Reasons",
        "  timing           ██    2 of 4",
        "  other candidate  ████  4 of 4",
    ]


def test_charts_shown_are_the_ones_with_something_in_them() -> None:
    titles = [c.title for c in charts(_world())]
    assert titles == [
        "How far applications got",
        "Where applications stand now",
        "Where rejections came",
        "Reasons the rejections stated",
        "Feedback the rejections offered",
        "Reply rate by move",  # 0% is still worth seeing
        "What follow-ups led to",
    ]
    assert charts(insights([], [], [])) == ()
    assert text_charts(insights([], [], [])) == ""


def test_the_reply_rate_chart_is_on_a_fixed_scale_of_100() -> None:
    (moves,) = [c for c in charts(_world()) if c.title == "Reply rate by move"]
    assert moves.full == 100.0
    rows = [(b.label, b.value, b.note) for b in moves.bars]
    assert rows == [("ask feedback", 0.0, "0 of 1 (0%)")]


def test_text_charts_name_every_stage_reason_and_policy() -> None:
    out = text_charts(_world())
    for word in ("screen", "applied", "other candidate", "timing", "not mentioned", "no reply"):
        assert word in out


def _parse(document: str) -> ET.Element:
    return ET.fromstring(document.encode("utf-8"))


def test_svg_is_well_formed_with_one_bar_per_row_in_the_palette() -> None:
    found = _world()
    root = _parse(svg(found))
    assert root.tag == f"{NS}svg"
    bars = [r for r in root.iter(f"{NS}rect") if r.get("fill") != "#ffffff"]
    assert len(bars) == sum(len(c.bars) for c in charts(found))
    assert {b.get("fill") for b in bars} <= set(PALETTE)
    widths = [float(b.get("width", "-1")) for b in bars]
    assert max(widths) == 300.0 and min(widths) >= 0.0
    assert int(root.get("height", "0")) > max(float(r.get("y", "0")) for r in bars)


def test_svg_keeps_hostile_text_as_text() -> None:
    chart = Chart("Companies", (Bar(HOSTILE, 1, HOSTILE, detail=HOSTILE),))
    root = _parse(svg_charts([chart], title=HOSTILE))
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    texts = ["".join(e.itertext()) for e in root.iter(f"{NS}text")]
    clean = HOSTILE.replace("\x07", "")
    assert clean in texts  # the heading, whole
    assert clean[:27] + "…" in texts  # the label, shortened for its column
    assert [t.text for t in root.iter(f"{NS}title")] == [clean]


def test_an_employer_sentence_becomes_a_tooltip_not_markup() -> None:
    reading = rejection(
        reasons=(Reason.TIMING,), said=((Reason.TIMING, "Timing </title><script>x</script>"),)
    )
    root = _parse(svg(insights([app()], [reading], [])))
    assert [t.text for t in root.iter(f"{NS}title")] == ["Timing </title><script>x</script>"]
    assert not [e for e in root.iter() if e.tag.endswith("script")]


def test_an_empty_svg_says_so() -> None:
    root = _parse(svg(insights([], [], [])))
    assert "Nothing to chart yet." in ["".join(e.itertext()) for e in root.iter(f"{NS}text")]


def test_days_to_rejection_chart_by_stage() -> None:
    def rejected_after(days: float) -> Application:
        applied, rejected = (
            event(EventKind.APPLIED, 0),
            event(EventKind.REJECTION, days, Stage.SCREEN),
        )
        return app(events=(applied, rejected))

    apps = [rejected_after(4), rejected_after(10), rejected_after(6)]
    (days,) = [c for c in charts(insights(apps, [], [])) if c.title.startswith("Days from")]
    assert [(b.label, b.value, b.note) for b in days.bars] == [
        ("screen", 6.0, "6 days (4–10, 3 applications)")
    ]
    (one,) = [c for c in charts(insights(apps[:1], [], [])) if c.title.startswith("Days from")]
    assert one.bars[0].note == "4 days (1 application)"
