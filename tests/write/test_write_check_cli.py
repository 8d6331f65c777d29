"""`gracefully check` as a user runs it: text in, findings out, exit code 1 on a block."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from gracefully.cli.check import check

app = typer.Typer()
app.command()(check)
runner = CliRunner()

GOOD = (
    "Hi Maya,\n\nThank you for letting me know. Please keep me in mind for future roles.\n\nAlex\n"
)
BAD = "Hi Sarah,\n\nThanks. I think you made a mistake, please reconsider [Name].\n"
CURT = "Hi Maya,\n\nFine. Whatever you think is best.\n\nAlex\n"
FIELDS = {"code", "severity", "message", "trigger", "suggestion"}


def test_a_good_note_passes() -> None:
    result = runner.invoke(app, ["--to", "Maya Ortiz", "--company", "Northwind Labs"], input=GOOD)
    assert result.exit_code == 0, result.output
    assert "No findings" in result.output


def test_a_bad_note_blocks_with_triggers_and_fixes(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(BAD)
    result = runner.invoke(app, [str(note), "--to", "Maya Ortiz"])
    assert result.exit_code == 1
    for expected in (
        "BLOCK", "arguing", "reconsider", "wrong_name", "Hi Sarah", "[Name]",
        "missing_signature", "fix:",
    ):  # fmt: skip
        assert expected in result.output


def test_json_lists_the_findings() -> None:
    result = runner.invoke(app, ["--json", "--feedback-refused"], input="Any feedback for me?")
    assert result.exit_code == 1
    findings = json.loads(result.output)
    assert {(f["code"], f["severity"]) for f in findings} == {
        ("refused_feedback_ask", "block"),
        ("missing_signature", "block"),
        ("no_thanks", "advice"),
    }
    assert all(set(f) == FIELDS for f in findings)


def test_json_names_the_sentence_the_tone_model_weighs_most() -> None:
    result = runner.invoke(app, ["--json", "--to", "Maya Ortiz"], input=CURT)
    assert result.exit_code == 1
    [tone] = [f for f in json.loads(result.output) if f["code"] == "tone"]
    assert tone["severity"] == "block"
    assert "Fine." in tone["trigger"] or "Whatever you think is best." in tone["trigger"]
    assert "reads as" in tone["trigger"] and tone["suggestion"]


def test_advice_alone_does_not_fail() -> None:
    result = runner.invoke(app, ["--json"], input="Please keep me in mind.\n\nAlex")
    assert result.exit_code == 0
    assert [f["code"] for f in json.loads(result.output)] == ["no_thanks"]


def test_a_reply_is_judged_on_its_own_words_not_the_quoted_rejection() -> None:
    reply = (
        GOOD + "Data Analyst at Fabrikam\n\n"
        "On Tue, 4 Mar 2025 at 10:12, Maya Ortiz <maya@northwind.example> wrote:\n"
        "> Dear Alex, we will not reconsider and cannot give feedback.\n"
        "> Could you fill in our survey? Would you rate us?\n"
    )
    args = ["--to", "Maya Ortiz", "--company", "Northwind Labs", "--feedback-refused"]
    result = runner.invoke(app, [*args, "--json"], input=reply)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == []


def test_help_explains_every_option() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for option in (
        "--to",
        "--company",
        "--role",
        "--feedback-refused",
        "--json",
        "stdin",
        "quoted",
        "tone",
    ):
        assert option in result.output
