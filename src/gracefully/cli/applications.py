"""`gracefully applications` and `gracefully show`."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from gracefully.cli._common import console, fail, opened, state
from gracefully.cli.review import evidence_line
from gracefully.domain import Application, Reading
from gracefully.service.applications import NotFound, application_detail, list_applications

_STATUS_STYLE = {"rejected": "red", "offer": "green", "in_process": "cyan", "no_response": "dim"}


def applications(ctx: typer.Context) -> None:
    """List your applications: company, role, stage reached, latest status and date."""
    with opened(state(ctx).settings()) as db:
        print_applications(list_applications(db))


def print_applications(apps: list[Application]) -> None:
    if not apps:
        console.print("No applications yet. Run [bold]gracefully scan PATH[/] first.")
        return
    table = Table(title=f"{len(apps)} applications")
    for column in ("ID", "Company", "Role", "Stage reached", "Status", "Updated"):
        table.add_column(column)
    for app in apps:
        style = _STATUS_STYLE.get(app.status.value, "")
        table.add_row(
            str(app.id),
            escape(app.company),
            escape(app.role) if app.role else "[dim]–[/]",
            app.stage.value,
            f"[{style}]{app.status.value}[/]" if style else app.status.value,
            app.updated_at.date().isoformat() if app.updated_at else "",
        )
    console.print(table)


def show(
    ctx: typer.Context,
    app_id: int = typer.Argument(..., metavar="ID", help="The application's ID."),
) -> None:
    """Show one application's timeline and, for each rejection, why gracefully read it so."""
    with opened(state(ctx).settings()) as db:
        try:
            detail = application_detail(db, app_id)
        except NotFound as exc:
            raise fail(str(exc)) from exc
    app = detail.application
    console.rule(f"[bold]{escape(app.company)}[/] — {escape(app.role or 'role unknown')}")
    console.print(
        f"stage reached: [bold]{app.stage.value}[/]   status: [bold]{app.status.value}[/]"
    )
    if detail.not_a_job:
        console.print("[yellow]marked not a job[/]: no list shows it; `gracefully undo` if wrong")
    for contact in app.contacts:
        reach = "" if contact.contactable else " [dim](not contactable)[/]"
        console.print(
            escape(f"contact: {contact.name} <{contact.email or '?'}> {contact.role.value}") + reach
        )
    for entry in detail.timeline:
        when = entry.email.date.date().isoformat() if entry.email.date else "?"
        category = entry.reading.category.value if entry.reading else "?"
        console.print(f"\n[bold]{when}[/]  {category:<12} {escape(entry.email.subject)}")
        sender = escape(str(entry.email.sender))
        linked = f"linked by {entry.link.signal.value}; email {escape(entry.email.id)}"
        console.print(f"  [dim]from {sender}; {linked}[/]")
        if entry.reading and entry.reading.rejection:
            _print_rejection(entry.reading)


def _print_rejection(reading: Reading) -> None:
    rej = reading.rejection
    assert rej is not None
    facts = [
        ("stage", rej.stage.value),
        ("reasons", ", ".join(r.value for r in rej.reasons) or "none stated"),
        ("feedback", rej.feedback.value),
        ("keep on file", "yes" if rej.keep_on_file else "no"),
        ("invite to reapply", "yes" if rej.invite_reapply else "no"),
        ("other role", rej.alt_role_text or ("yes" if rej.alt_role else "no")),
        ("personal", "yes" if rej.personal else "templated"),
        ("no-reply sender", "yes" if reading.no_reply else "no"),
    ]
    console.print(
        f"  confidence {reading.confidence:.0%}" + (" (corrected)" if reading.corrected else "")
    )
    for name, value in facts:
        console.print(f"  [bold]{name}[/]: {escape(value)}")
    for ev in reading.evidence:
        console.print(evidence_line(ev, indent="    "))
