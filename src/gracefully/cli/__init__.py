"""The `gracefully` command. Each command parses options, calls one service
function and formats its result; nothing here touches SQL."""

from __future__ import annotations

import typer

from gracefully.cli import (
    accounts,
    applications,
    check,
    demo,
    followups,
    insights,
    manage,
    profile,
    review,
    scan,
    transfer,
    understand,
    watch,
)
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
app.add_typer(accounts.app, name="account")
app.command("watch")(watch.watch)
app.command("applications")(applications.applications)
app.command("show")(applications.show)
app.command("review")(review.review)
app.command("retrain")(review.retrain)
app.command("add")(manage.add)
app.command("edit")(manage.edit)
app.command("note")(manage.note)
app.command("status")(manage.status)
app.command("merge")(manage.merge)
app.command("merge-company")(manage.merge_company)
app.command("split-company")(manage.split_company)
app.command("close-silent")(manage.close_silent)
app.command("undo")(manage.undo)
app.command("export-applications")(transfer.export_applications)
app.command("import")(transfer.import_applications)
app.command("understand")(understand.understand)
app.command("check")(check.check)
app.command("demo")(demo.demo)
app.command("profile")(profile.profile)
app.command("plan")(followups.plan)
app.command("draft")(followups.draft_command)
app.command("approve")(followups.approve_command)
app.command("send")(followups.send_command)
app.command("drafts")(followups.drafts_command)
app.command("export")(followups.export_command)
app.command("remind")(followups.remind_command)
app.command("insights")(insights.insights)


def main() -> None:
    app()
