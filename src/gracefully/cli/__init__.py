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
    serve,
    settings,
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


# The panels follow the pipeline: read mail, keep applications right, follow up, learn.
_PANELS = {
    "Read your mail": [
        ("demo", demo.demo),
        ("scan", scan.scan),
        ("watch", watch.watch),
        ("understand", understand.understand),
    ],
    "Your applications": [
        ("applications", applications.applications),
        ("show", applications.show),
        ("review", review.review),
        ("retrain", review.retrain),
        ("add", manage.add),
        ("edit", manage.edit),
        ("note", manage.note),
        ("status", manage.status),
        ("merge", manage.merge),
        ("merge-company", manage.merge_company),
        ("split-company", manage.split_company),
        ("close-silent", manage.close_silent),
        ("not-a-job", manage.not_a_job),
        ("undo", manage.undo),
        ("export-applications", transfer.export_applications),
        ("import", transfer.import_applications),
    ],
    "Follow up": [
        ("plan", followups.plan),
        ("profile", profile.profile),
        ("draft", followups.draft_command),
        ("check", check.check),
        ("approve", followups.approve_command),
        ("send", followups.send_command),
        ("drafts", followups.drafts_command),
        ("export", followups.export_command),
        ("remind", followups.remind_command),
        ("config", settings.config),
    ],
    "Learn": [("insights", insights.insights), ("serve", serve.serve)],
}
for _panel, _commands in _PANELS.items():
    for _name, _function in _commands:
        app.command(_name, rich_help_panel=_panel)(_function)
app.add_typer(accounts.app, name="account", rich_help_panel="Read your mail")


def main() -> None:
    app()
