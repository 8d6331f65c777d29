"""`gracefully understand`: the batch interface the evaluation and other tools use."""

from __future__ import annotations

from pathlib import Path

import typer

from gracefully.cli._common import console, fail, state
from gracefully.service.understanding import UnderstandError, understand_file


def understand(
    ctx: typer.Context,
    jsonl: Path = typer.Option(
        ...,
        "--jsonl",
        metavar="IN.jsonl",
        help="One JSON object per line with id, subject, sender, date, body.",
    ),
    out: Path = typer.Option(
        ..., "--out", metavar="OUT.jsonl", help="Where to write one reading per line."
    ),
) -> None:
    """Read emails from JSONL and write readings in the labelled format, with evidence."""
    try:
        count = understand_file(state(ctx).settings(), jsonl, out)
    except UnderstandError as exc:
        raise fail(str(exc)) from exc
    console.print(f"wrote {count} readings to {out}")
