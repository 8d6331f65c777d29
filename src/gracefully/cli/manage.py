"""Changing applications by hand: add, edit, note, status, merge, companies, silence,
not a job, undo."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

import typer
from rich.markup import escape

from gracefully.cli._common import console, fail, opened, state
from gracefully.cli.applications import print_applications
from gracefully.domain import Status
from gracefully.service import Database
from gracefully.service import manage as svc
from gracefully.service import not_a_job as not_job_svc


@contextmanager
def _managing(ctx: typer.Context) -> Iterator[Database]:
    """The database, with a refused change shown as a clean error."""
    with opened(state(ctx).settings()) as db:
        try:
            yield db
        except svc.ManageError as exc:
            raise fail(str(exc)) from exc


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


def add(
    ctx: typer.Context,
    company: str = typer.Option(..., "--company", help="The employer."),
    role: str = typer.Option(None, "--role", help="The job title."),
    applied: datetime = typer.Option(None, "--applied", formats=["%Y-%m-%d"], help="YYYY-MM-DD."),
    url: str = typer.Option(None, "--url", help="The job posting."),
    contact: str = typer.Option(None, "--contact", help='"Name <email>" of your contact.'),
    notes: str = typer.Option("", "--notes", help="Anything worth remembering about it."),
) -> None:
    """Add an application by hand. What you enter is never overwritten by a scan."""
    new = svc.NewApplication(company, role, _day(applied), url, contact, notes)
    with _managing(ctx) as db:
        app_id = svc.add_application(db, new)
    console.print(f"Added application #{app_id}: {company}{f' — {role}' if role else ''}")


def edit(
    ctx: typer.Context,
    app_id: int = typer.Argument(..., metavar="ID"),
    company: str = typer.Option(None, "--company", help="The employer, as you want it shown."),
    role: str = typer.Option(None, "--role", help="The job title."),
    applied: datetime = typer.Option(None, "--applied", formats=["%Y-%m-%d"], help="YYYY-MM-DD."),
    url: str = typer.Option(None, "--url", help="The job posting."),
    requisition: str = typer.Option(None, "--requisition", help="The job's requisition id."),
    notes: str = typer.Option(None, "--notes", help="Replace the notes (`note` appends)."),
) -> None:
    """Fix an application's fields. Fields you set are never overwritten by a scan."""
    given = {
        "company": company,
        "role": role,
        "applied_on": _day(applied),
        "url": url,
        "requisition_id": requisition,
        "notes": notes,
    }
    with _managing(ctx) as db:
        app = svc.edit_application(db, app_id, {k: v for k, v in given.items() if v is not None})
    console.print(f"#{app.id} {app.company} — {app.role or 'role unknown'}: saved.")


def note(
    ctx: typer.Context,
    app_id: int = typer.Argument(..., metavar="ID"),
    text: str = typer.Argument(..., metavar="TEXT"),
) -> None:
    """Add a note to an application's notes and timeline."""
    with _managing(ctx) as db:
        svc.add_note(db, app_id, text)
    console.print(f"Noted on #{app_id}.")


def status(
    ctx: typer.Context,
    app_id: int = typer.Argument(..., metavar="ID"),
    value: Status = typer.Argument(..., metavar="STATUS", help="One of: " + ", ".join(Status)),
) -> None:
    """Set an application's status by hand; scans keep it from then on."""
    with _managing(ctx) as db:
        app = svc.set_status(db, app_id, value)
    console.print(f"#{app.id} {app.company} is now [bold]{app.status.value}[/].")


def merge(
    ctx: typer.Context,
    keep: int = typer.Argument(..., metavar="KEEP_ID"),
    absorb: int = typer.Argument(..., metavar="ABSORB_ID"),
) -> None:
    """Merge two applications that are one job. `gracefully undo` reverses it."""
    settings = state(ctx).settings()
    with _managing(ctx) as db:
        plan = svc.merge_applications(db, settings, keep, absorb)
    console.print(f"Merged #{absorb} into #{keep}: {plan.events} events, {plan.contacts} contacts.")
    for name, (mine, theirs) in plan.conflicts.items():
        console.print(f"  kept {name} {mine!r} (#{absorb} had {theirs!r})")


def merge_company(
    ctx: typer.Context,
    keep: str = typer.Argument(..., metavar="KEEP"),
    absorb: str = typer.Argument(..., metavar="ABSORB"),
) -> None:
    """Say that two names are one company (e.g. after a rename). Reversible with undo."""
    with _managing(ctx) as db:
        svc.merge_company(db, keep, absorb)
    console.print(f"{absorb!r} is now known as {keep!r}.")


def split_company(ctx: typer.Context, name: str = typer.Argument(..., metavar="NAME")) -> None:
    """Say that a name is a company of its own, not another's alias. Reversible with undo."""
    with _managing(ctx) as db:
        svc.split_company(db, name)
    console.print(f"{name!r} is now a company of its own.")


def close_silent(
    ctx: typer.Context,
    days: int = typer.Option(None, "--days", help="No news for this many days (default 30)."),
    yes: bool = typer.Option(False, "--yes", help="Close without asking."),
) -> None:
    """Close the applications with no news for N days, in one step that undo reverses."""
    settings = state(ctx).settings()
    with _managing(ctx) as db:
        silent = svc.silent_applications(db, settings, days=days)
        if not silent:
            console.print("No silent applications.")
            return
        print_applications(silent)
        if not yes and not typer.confirm(f"Close these {len(silent)}?", default=False):
            console.print("Nothing closed.")
            return
        closed = svc.close_silent(db, settings, days=days)
    console.print(f"Closed {len(closed)} application(s). `gracefully undo` reopens them.")


def not_a_job(
    ctx: typer.Context,
    app_id: int = typer.Argument(
        None, metavar="ID", help="The application's ID (`gracefully applications` lists them)."
    ),
    email: str = typer.Option(
        None,
        "--email",
        metavar="EMAIL_ID",
        help="Mark one email instead: its ID as `gracefully show ID` or `review --list` shows it.",
    ),
) -> None:
    """Say an application, or one email, is not about a job: a landlord's no for a flat,
    a scholarship or bursary decision, a club, a neighbour's post.

    However sure the reading was, the email reads as other from now on: a re-scan never
    starts an application from it, and `gracefully retrain` learns from it. The email
    leaves its application, and an application left with no email disappears from every
    list, the plan and the insights. Nothing is deleted: `gracefully undo` brings it back.
    """
    if (app_id is None) == (email is None):
        raise fail("give an application ID or --email EMAIL_ID (one of them)")
    settings = state(ctx).settings()
    with _managing(ctx) as db:
        if email is not None:
            done = not_job_svc.not_a_job_email(db, email, settings=settings)
        else:
            done = not_job_svc.not_a_job_application(db, app_id, settings=settings)
    console.print(f"Done: {escape(done.summary())}. `gracefully undo` reverses it.")


def undo(ctx: typer.Context) -> None:
    """Undo the last change: a merge, a split, a bulk close, an edit, a status, a note, or
    mail marked not a job."""
    with _managing(ctx) as db:
        change = svc.undo(db)
    if change is None:
        console.print("Nothing to undo.")
        return
    console.print(f"Undone: {change.summary} ({change.created_at:%Y-%m-%d %H:%M}).")
