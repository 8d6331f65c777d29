"""The `gracefully` command. Each command parses options, calls one service
function and formats its result; nothing here touches SQL."""

from __future__ import annotations

import typer

from gracefully.cli import applications, check, demo, scan, understand
from gracefully.cli._common import State

app = typer.Typer(
    name="gracefully",
    help="Follow up gracefully after a job rejection, and learn from it. Local and private.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(
    ctx: typer.Context,
    db: str = typer.Option(
        None,
        "--db",
        metavar="URL",
        help="Database URL (default: SQLite in your data folder; or set GRACEFULLY_DATABASE_URL). "
        "Example: postgresql://user@host/gracefully",
    ),
) -> None:
    ctx.obj = State(db_url=db)


app.command("scan")(scan.scan)
app.command("applications")(applications.applications)
app.command("show")(applications.show)
app.command("understand")(understand.understand)
app.command("check")(check.check)
app.command("demo")(demo.demo)


def main() -> None:
    app()
