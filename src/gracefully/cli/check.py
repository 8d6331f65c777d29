"""`gracefully check`: the grace check on any text, a draft or your own."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import typer
from rich.markup import escape

from gracefully.cli._common import console
from gracefully.domain import Finding, Severity
from gracefully.service.grace import check_text

_STYLE = {Severity.BLOCK: "bold red", Severity.ADVICE: "yellow"}


def check(
    file: Path | None = typer.Argument(
        None,
        exists=True,
        dir_okay=False,
        readable=True,
        help="The text to check (default: read from stdin).",
    ),
    to: str = typer.Option("", "--to", metavar="NAME", help="The person it is addressed to."),
    company: str = typer.Option("", "--company", metavar="NAME", help="The company written to."),
    role: str = typer.Option("", "--role", metavar="TITLE", help="The role applied for."),
    feedback_refused: bool = typer.Option(
        False, "--feedback-refused", help="The employer said it does not give feedback."
    ),
    json_out: bool = typer.Option(False, "--json", help="Print the findings as a JSON list."),
) -> None:
    """Check a follow-up's etiquette before you send it.

    Blocks (exit code 1) what would hurt you once read: a rude, bitter, curt,
    sarcastic or arguing tone (named phrases, and a tone model that names the
    sentences that weigh most), pleading, a feedback ask after feedback was
    refused, a wrong name or company, a greeting to a mailbox or to nobody when a
    person wrote, a placeholder, no name at the end, three or more asks, and more
    than about 250 words. Gives advice on a missing thank-you, two asks and a
    note over 150 words. The options give the context a draft would have;
    without them, names are not checked. Only your own words are judged: paste
    a reply with the rejection quoted below it ("On ... wrote:", "> " lines,
    "From: ... Sent:") and your signature as is.
    """
    text = file.read_text() if file else sys.stdin.read()
    findings = check_text(
        text, to=to, company=company, role=role, feedback_refused=feedback_refused
    )
    if json_out:
        typer.echo(json.dumps([dataclasses.asdict(f) for f in findings], indent=2))
    else:
        _print(findings)
    if any(f.severity is Severity.BLOCK for f in findings):
        raise typer.Exit(1)


def _print(findings: list[Finding]) -> None:
    if not findings:
        console.print("[green]No findings:[/] this note reads well.")
        return
    for f in findings:
        label = f"[{_STYLE[f.severity]}]{f.severity.value.upper()}[/]"
        console.print(f"{label} [bold]{f.code}[/]: {escape(f.message)}")
        console.print(f"  triggered by: {escape(f.trigger)}")
        console.print(f"  fix: {escape(f.suggestion)}")
