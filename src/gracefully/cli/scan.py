"""`gracefully scan`."""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from gracefully.cli._common import console, err_console, fail, opened, state
from gracefully.service.reading import make_reader
from gracefully.service.scan import ScanError, ScanReport, gauge
from gracefully.service.scan import scan as run_scan
from gracefully.service.sync import open_target

_LISTED = 20
"""Skipped messages listed one by one; the rest are counted."""


def scan(
    ctx: typer.Context,
    location: str = typer.Argument(
        ...,
        metavar="PATH|ACCOUNT|URL",
        help="An mbox file, a Maildir, a folder of .eml files, an account added with "
        "`gracefully account add`, or imap://user@host/FOLDER.",
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Read and understand everything, but store nothing."
    ),
    as_json: bool = typer.Option(
        False,
        "--json",
        help="Print the summary as one JSON object (read, new, known, skipped, conflicts, "
        "skipped_reasons, ...) instead of a table; progress goes to stderr.",
    ),
) -> None:
    """Read a mailbox, understand each job email, and update your applications.

    Re-scanning is cheap and safe: messages already seen are skipped, so only
    new mail is read, and an interrupted scan can simply be run again. A message
    that cannot be read is recorded as skipped, with why, and never stops a scan.
    """
    settings = state(ctx).settings()
    shown = err_console if as_json else console
    with opened(settings) as db:
        try:
            source = open_target(location, db, settings)
            report = scan_with_progress(db, source, settings, dry_run=dry_run, shown=shown)
        except ScanError as exc:
            raise fail(str(exc)) from exc
        except KeyboardInterrupt:
            raise fail(
                "interrupted. Every batch finished before the interruption is saved; "
                f"run `gracefully scan {location}` again to go on from there.",
                code=130,
            ) from None
    if as_json:
        typer.echo(json.dumps(report.summary()))
    else:
        print_report(report)


def scan_with_progress(  # type: ignore[no-untyped-def]
    db, source, settings, *, dry_run: bool = False, shown: Console = console
) -> ScanReport:
    """Run a scan under a progress bar (shared by `scan` and `demo`)."""
    with shown.status("Loading the understanding model…"):
        reader = make_reader(db, settings)
    measure = gauge(source)
    count = MofNCompleteColumn() if measure.done is None else TaskProgressColumn()
    columns = (
        TextColumn("[bold]Scanning"),
        BarColumn(),
        count,
        TextColumn("{task.fields[messages]} messages"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=shown, transient=True) as bar:
        task = bar.add_task("scan", total=measure.total, messages=0)
        seen = 0

        def advance(n: int) -> None:
            nonlocal seen
            seen += n
            done = measure.done() if measure.done else seen
            bar.update(task, completed=done, messages=seen)

        return run_scan(db, source, reader, settings, dry_run=dry_run, progress=advance)


def print_report(report: ScanReport) -> None:
    console.print(f"[bold]Scanned[/] {escape(report.location)}")
    table = Table(show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("emails read", str(report.read))
    table.add_row("new since last scan", str(report.new))
    table.add_row("job emails (new)", str(report.job))
    table.add_row("rejections (new)", str(report.rejections))
    table.add_row("applications created", str(report.applications_created))
    table.add_row("links waiting for review", str(report.to_review))
    table.add_row("skipped (unreadable)", str(report.skipped_messages))
    if report.conflicts:
        table.add_row("kept under a content id", str(report.conflicts))
    console.print(table)
    for item in report.skipped[:_LISTED]:
        console.print(f"  [yellow]skipped[/] {escape(item.source)}: {escape(item.reason)}")
    if len(report.skipped) > _LISTED:
        console.print(f"  … and {len(report.skipped) - _LISTED} more (`gracefully scan --json`)")
    if report.conflicts:
        console.print(
            f"  [dim]{report.conflicts} message(s) reused a Message-ID that another message "
            "already had; each is kept under an id made from its content.[/]"
        )
    if report.dry_run:
        console.print("[dim]--dry-run: nothing was stored.[/]")
