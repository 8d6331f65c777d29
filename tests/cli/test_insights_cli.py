"""`gracefully insights` through Typer's runner: the summary, --json and --svg."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from tests.cli.conftest import Invoke

from gracefully.samples import demo_mailbox


@pytest.fixture
def scanned(invoke: Invoke) -> Invoke:
    assert invoke("scan", str(demo_mailbox())).exit_code == 0
    return invoke


def test_an_empty_database_says_there_is_nothing_yet(invoke: Invoke) -> None:
    result = invoke("insights")
    assert result.exit_code == 0
    assert "Applications: 0 · rejections: 0 · follow-ups sent: 0" in result.stdout
    assert "No applications yet" in result.stdout


def test_the_summary_shows_charts_evidence_and_suggestions(scanned: Invoke) -> None:
    result = scanned("insights")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for title in ("How far applications got", "Where rejections came", "Reasons the rejections"):
        assert title in out
    assert "█" in out and "•" in out
    assert "“" in out, "each reason shows a sentence that stated it"


def test_json_is_pure_json_on_stdout_even_with_svg(scanned: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "charts.svg"
    result = scanned("insights", "--json", "--svg", str(target))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["applications"] > 0 and data["rejections"]["total"] > 0
    assert [s["label"] for s in data["funnel"]] == [
        "application",
        "screen",
        "assessment",
        "interview",
        "offer",
    ]
    assert f"Wrote {target}" in result.stderr
    assert ET.parse(target).getroot().tag.endswith("svg")


def test_svg_alone_prints_the_summary_and_where_it_wrote(scanned: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "out.svg"
    result = scanned("insights", "--svg", str(target))
    assert result.exit_code == 0, result.output
    assert "How far applications got" in result.stdout and f"Wrote {target}" in result.stdout
    assert target.read_text(encoding="utf-8").startswith("<?xml")


@pytest.mark.slow
def test_the_demo_ends_with_the_insights(invoke: Invoke) -> None:
    result = invoke("demo")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.index("The drafts") < out.index("What the numbers say")
    assert "How far applications got" in out.split("What the numbers say")[1]
