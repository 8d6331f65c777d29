"""`gracefully export-applications` and `gracefully import`."""

from __future__ import annotations

from pathlib import Path

import typer

from gracefully.cli._common import console, fail, opened, state
from gracefully.service import transfer as svc


def export_applications(
    ctx: typer.Context,
    csv_file: Path = typer.Option(None, "--csv", metavar="FILE", help="One row per application."),
    json_file: Path = typer.Option(
        None, "--json", metavar="FILE", help="Everything: timelines, contacts, emails, readings."
    ),
) -> None:
    """Export your applications with their timelines, contacts and readings."""
    if (csv_file is None) == (json_file is None):
        raise fail("give exactly one of --csv FILE or --json FILE")
    with opened(state(ctx).settings()) as db:
        if json_file is not None:
            count, target = svc.export_json(db, json_file), json_file
        else:
            assert csv_file is not None
            count, target = svc.export_csv(db, csv_file), csv_file
    console.print(f"Exported {count} application(s) to {target}.")


def import_applications(
    ctx: typer.Context,
    csv_file: Path = typer.Option(
        None, "--csv", metavar="FILE", exists=True, help="A tracker's CSV export."
    ),
    json_file: Path = typer.Option(
        None, "--json", metavar="FILE", exists=True, help="A gracefully JSON export."
    ),
) -> None:
    """Import applications from a tracker's CSV or a gracefully JSON export.

    CSV columns are matched by name (Company, Position, Status, Date Applied,
    URL, Notes and their usual variants); bad rows are reported and skipped.
    """
    if (csv_file is None) == (json_file is None):
        raise fail("give exactly one of --csv FILE or --json FILE")
    with opened(state(ctx).settings()) as db:
        try:
            if json_file is not None:
                report = svc.import_json(db, json_file)
            else:
                assert csv_file is not None
                report = svc.import_csv(db, csv_file)
        except svc.TransferError as exc:
            raise fail(str(exc)) from exc
    print_import(report)


def print_import(report: svc.ImportReport) -> None:
    if report.used:
        used = ", ".join(f"{name} → {field}" for name, field in report.used.items())
        console.print(f"Columns used: {used}")
    if report.ignored:
        console.print(f"Columns ignored: {', '.join(report.ignored)}")
    for notice in report.notices:
        console.print(f"[yellow]note:[/] {notice}")
    for line, why in report.skipped:
        console.print(f"[red]line {line}:[/] {why}; skipped")
    console.print(
        f"Imported [bold]{report.imported}[/] application(s); skipped {len(report.skipped)}."
    )
