"""`gracefully watch NAME`: keep an account's new mail flowing into the pipeline."""

from __future__ import annotations

import typer

from gracefully.cli._common import console, err_console, fail, opened, state
from gracefully.service.accounts import AccountError
from gracefully.service.reading import make_reader
from gracefully.service.scan import ScanReport
from gracefully.service.sync import watch as run_watch


def watch(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="A configured account (see `gracefully account`)."),
    interval: float = typer.Option(
        300.0, "--interval", min=1.0, help="Seconds between checks when the server lacks IDLE."
    ),
) -> None:
    """Sync the account now, then wait for new mail (IDLE, or polling) and sync
    again as it arrives. Read-only. Stop with Ctrl-C."""
    settings = state(ctx).settings()
    with opened(settings) as db:
        reader = make_reader(db, settings)
        console.print(f"Watching [bold]{name}[/]; Ctrl-C to stop.")
        try:
            run_watch(
                db,
                settings,
                name,
                reader,
                interval=interval,
                on_report=_print,
                on_error=lambda m: err_console.print(f"[yellow]will retry:[/] {m}"),
            )
        except AccountError as exc:
            raise fail(str(exc)) from exc
        except KeyboardInterrupt:
            console.print("Stopped; everything read so far is stored.")


def _print(report: ScanReport) -> None:
    console.print(
        f"{report.new} new, {report.job} job emails, {report.rejections} rejections "
        f"({report.read} read)",
        highlight=False,
    )
