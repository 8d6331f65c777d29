"""`gracefully insights`: what your rejections and follow-ups add up to."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.markup import escape

from gracefully.cli._common import console, opened, state
from gracefully.service.insights import Insights, gather_insights, text_charts, write_svg


def insights(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print the numbers as JSON instead."),
    svg: Path = typer.Option(
        None, "--svg", metavar="FILE", help="Also write the charts to FILE as an SVG image."
    ),
) -> None:
    """Show insights across your applications: funnel, stated reasons, feedback,
    follow-up reply rates and what worked."""
    with opened(state(ctx).settings()) as db:
        found = gather_insights(db)
    if as_json:
        typer.echo(json.dumps(found.to_dict(), indent=2, ensure_ascii=False))
    else:
        print_insights(found)
    if svg is not None:
        # with --json, stdout stays pure JSON: the note goes to stderr
        typer.echo(f"Wrote {write_svg(found, svg)}", err=as_json)


def print_insights(found: Insights) -> None:
    r, f = found.rejections, found.followups
    sent = f.overall.sent if f.overall else 0
    console.print(
        f"Applications: [bold]{found.applications}[/] · rejections: [bold]{r.total}[/] · "
        f"follow-ups sent: [bold]{sent}[/] · planned: [bold]{f.planned}[/]\n"
    )
    charts = text_charts(found)
    if charts:
        console.print(charts, markup=False, highlight=False)
    said = [(x.reason.value, s) for x in r.reasons for s in x.examples]
    if said:
        console.print("\n[bold]In the employers' words[/]")
    for reason, sentence in said:
        console.print(f"  [dim]{reason}:[/] “{escape(sentence)}”")
    console.print()
    for line in found.suggestions:
        console.print(f"• {escape(line)}")
