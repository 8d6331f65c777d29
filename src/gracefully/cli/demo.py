"""`gracefully demo`: the whole job on a sample mailbox that ships with gracefully."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import typer
from rich.markup import escape

from gracefully.cli._common import console, opened, state
from gracefully.cli.applications import print_applications
from gracefully.cli.followups import print_draft, print_plan
from gracefully.cli.insights import print_insights
from gracefully.cli.scan import print_report, scan_with_progress
from gracefully.config import default_database_url
from gracefully.service.applications import list_applications
from gracefully.service.demo import demo_followups, rejections_overview, sample_mailbox
from gracefully.service.insights import gather_insights


def demo(
    ctx: typer.Context,
    keep: bool = typer.Option(
        False, "--keep", help="Use your real database (or --db) instead of a temporary one."
    ),
) -> None:
    """Scan the bundled sample mailbox of a fictional job seeker and show what gracefully finds."""
    settings = state(ctx).settings()
    with tempfile.TemporaryDirectory(prefix="gracefully-demo-") as tmp:
        if not (keep or state(ctx).db_url):
            settings = replace(settings, database_url=default_database_url(Path(tmp)))
        source = sample_mailbox()
        console.rule("[bold]gracefully demo")
        console.print(f"Sample mailbox: {source.location}\n")
        with opened(settings) as db:
            report = scan_with_progress(db, source, settings)
            print_report(report)
            print_applications(list_applications(db))
            console.rule("[bold]Rejections, understood")
            for application, summary in rejections_overview(db):
                console.print(f"[bold]{escape(application)}[/]: {escape(summary)}")
            plan, drafts = demo_followups(db, settings)
            found = gather_insights(db)
        console.rule("[bold]The follow-up plan")
        print_plan(plan)
        console.rule("[bold]The drafts")
        for followup in drafts:
            print_draft(followup)
        console.rule("[bold]What the numbers say")
        print_insights(found)
