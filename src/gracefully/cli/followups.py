"""`gracefully plan`, `draft`, `approve`, `send`, `drafts`, `export` and `remind`."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from gracefully.cli._common import console, fail, opened, state
from gracefully.domain import FollowUp, Severity
from gracefully.service.delivery import (
    DeliveryError,
    export_eml,
    imap_drafts_deliverer,
    reminders_ics,
    save_to_imap_drafts,
    send,
    smtp_deliverer,
)
from gracefully.service.followups import (
    FollowUpError,
    Outgoing,
    Plan,
    PlanItem,
    StaleRevision,
    approval_key,
    approve,
    draft,
    edit_draft,
    llm_config,
    plan_followups,
    to_approve,
)
from gracefully.service.planning import plan_settings

_STYLE = {Severity.BLOCK: "bold red", Severity.ADVICE: "yellow"}
_ASK = {
    "learn": 'gracefully profile --learn {app} "what this job would have let you learn"',
    "alt_role": 'gracefully profile --other-role {app} "the role you want"',
}
_SECURITY_HELP = "starttls (default), tls, or plain-localhost (only to this machine)."


def plan(ctx: typer.Context) -> None:
    """List due and upcoming follow-ups with why each move was chosen."""
    settings = state(ctx).settings()
    with opened(settings) as db:
        result = plan_followups(db, plan_settings(settings), datetime.now(UTC))
    print_plan(result)


def print_plan(result: Plan) -> None:
    if not result.items:
        console.print("No rejections to follow up. Run [bold]gracefully scan PATH[/] first.")
        return
    for title, items in (("Due now", result.due()), ("Upcoming", result.upcoming())):
        if items:
            console.print(_table(title, items))
            for item in items:
                console.print(f"[bold]{item.followup.id}[/]: {escape(item.followup.move.why)}")
    for item in result.without_move():
        label = "needs review" if item.needs_review else "no move"
        console.print(f"[dim]{_who(item)}: {label}.[/] {escape(item.followup.move.why)}")
        if item.followup.move.advice:
            console.print(f"  [cyan]advice:[/] {escape(item.followup.move.advice)}")
    for item in result.done():
        f = item.followup
        outcome = f.outcome.value if f.outcome else "awaiting a reply"
        console.print(f"[green]{_who(item)}[/]: {f.status.value}; {outcome}")
    for item in result.items:
        for need in item.followup.move.needs:
            ask = _ASK.get(need, need).format(app=item.application.id)
            console.print(f"[yellow]needed[/] for {_who(item)}: run [bold]{escape(ask)}[/]")


def _who(item: PlanItem) -> str:
    app = item.application
    return f"{app.company} ({app.role})" if app.role else app.company


def _table(title: str, items: list[PlanItem]) -> Table:
    table = Table(title=title)
    for column in ("ID", "Application", "Move", "Due", "To", "Status"):
        table.add_column(column, overflow="fold")
    for item in items:
        f = item.followup
        due = f.move.due_at
        table.add_row(
            str(f.id),
            escape(_who(item)),
            f.move.kind.value,
            f"{due:%a %d %b %H:%M %Z}" if due else "",
            escape(item.contact.name if item.contact else "—"),
            f.status.value,
        )
    return table


def draft_command(
    ctx: typer.Context,
    followup_id: int = typer.Argument(..., metavar="ID", help="The follow-up's ID (see plan)."),
    regenerate: bool = typer.Option(False, "--regenerate", help="Write the draft again."),
    variant: int = typer.Option(None, "--variant", min=1, help="Another wording (1, 2, 3...)."),
    edit: bool = typer.Option(
        False, "--edit", help="Edit the text in $EDITOR (or give it on stdin)."
    ),
    llm: bool = typer.Option(
        False,
        "--llm",
        help="Let your LLM rewrite the draft in your voice (set GRACEFULLY_LLM_BASE_URL, "
        "GRACEFULLY_LLM_MODEL and GRACEFULLY_LLM_API_KEY); the grace check still guards it, "
        "and the template text stands if the rewrite fails it.",
    ),
) -> None:
    """Show a follow-up's draft with its grace check, writing it first if needed."""
    settings = state(ctx).settings()
    with opened(settings) as db:
        try:
            result = draft(
                db,
                followup_id,
                regenerate=regenerate or llm,
                variant=variant,
                llm=llm_config(settings) if llm else None,
            )
            if edit and result.draft is not None:
                body = _edited(result.draft.body)
                result = edit_draft(db, followup_id, body)
        except FollowUpError as exc:
            raise fail(str(exc)) from exc
    print_draft(result)


def _edited(body: str) -> str:
    if not sys.stdin.isatty():
        return sys.stdin.read()
    changed = typer.edit(body, extension=".txt")
    return body if changed is None else changed


def print_draft(followup: FollowUp) -> None:
    text = followup.draft
    assert text is not None
    console.rule(f"[bold]follow-up {followup.id}[/] — {followup.move.kind.value}")
    console.print(f"[bold]To:[/] {escape(text.to_name)} <{escape(text.to_email or 'no address')}>")
    console.print(f"[bold]Subject:[/] {escape(text.subject)}\n")
    console.print(escape(text.body))
    if text.note:
        console.print(f"[dim]{escape(text.note)}[/]")
    for f in text.findings:
        label = f"[{_STYLE[f.severity]}]{f.severity.value.upper()}[/]"
        console.print(f"{label} [bold]{f.code}[/]: {escape(f.message)} ({escape(f.trigger)})")
        console.print(f"  fix: {escape(f.suggestion)}")
    if not text.findings:
        console.print("[green]Grace check: no findings.[/]")
    console.print(f"[dim]Revision {followup.revision}.[/]")
    if followup.approval_current:
        console.print("[green]Approved.[/]")
    else:
        if followup.approved_hash:
            console.print("[yellow]Changed since you approved it.[/]")
        console.print(f"Approve it with [bold]gracefully approve {followup.id}[/].")


def print_outgoing(outgoing: Outgoing) -> None:
    """Exactly what would be sent: headers and body as the message carries them,
    printed as plain text (no markup, emoji or wrapping can change a word)."""
    headers, body = outgoing.preview()
    followup = outgoing.followup
    console.rule(f"follow-up {followup.id}, revision {followup.revision}")
    for name, value in headers:
        console.print(f"{name}: {value}", markup=False, emoji=False, soft_wrap=True)
    console.print()
    console.print(body.rstrip("\n"), markup=False, emoji=False, soft_wrap=True)
    console.rule()
    if outgoing.draft.blocked:
        console.print("[bold red]The grace check blocks this text[/]: see `gracefully draft`.")


def approve_command(
    ctx: typer.Context,
    followup_id: int = typer.Argument(..., metavar="ID", help="The follow-up's ID."),
    revision: int = typer.Option(
        None,
        "--revision",
        metavar="N",
        help="Approve without asking, if N is still the draft's revision (`gracefully "
        "draft ID` shows it); refused if the draft changed since you read it.",
    ),
) -> None:
    """Show exactly what would be sent (From, To, Subject, text) and approve it
    once you confirm; any later change needs a new approval."""
    settings = state(ctx).settings()
    with opened(settings) as db:
        try:
            key = approval_key(settings)
            if revision is None:
                shown = to_approve(db, followup_id)
                print_outgoing(shown)
                asked = f"Approve exactly this text (revision {shown.followup.revision})?"
                if not typer.confirm(asked, default=False):
                    raise fail("not approved.")
                revision, seen = shown.followup.revision, shown.fingerprint
            else:
                seen = None
            approved = approve(db, followup_id, revision=revision, key=key, seen=seen)
        except StaleRevision as exc:
            raise fail(f"{exc} (`gracefully approve {followup_id}` shows it)") from exc
        except (FollowUpError, ValueError) as exc:
            raise fail(str(exc)) from exc
    console.print(
        f"Approved follow-up {approved.id}, revision {approved.revision} "
        f"({approved.move.kind.value})."
    )


def send_command(
    ctx: typer.Context,
    followup_id: int = typer.Argument(..., metavar="ID", help="The follow-up's ID."),
    smtp_host: str = typer.Option(
        ..., "--smtp-host", envvar="GRACEFULLY_SMTP_HOST", help="Your SMTP submission server."
    ),
    smtp_port: int = typer.Option(
        587, "--smtp-port", envvar="GRACEFULLY_SMTP_PORT", help="587 for STARTTLS, 465 for TLS."
    ),
    smtp_user: str = typer.Option(
        None,
        "--smtp-user",
        envvar="GRACEFULLY_SMTP_USER",
        help="Login; its password comes from $GRACEFULLY_SMTP_PASSWORD, the keyring "
        "(name smtp:USER@HOST) or the 0600 secrets file.",
    ),
    security: str = typer.Option("starttls", "--security", help=_SECURITY_HELP),
    retry: bool = typer.Option(
        False,
        "--retry",
        help="Send again after an earlier send never reported back (it may have arrived: "
        "check your Sent folder first). Refused while that send may still be running.",
    ),
) -> None:
    """Send an approved follow-up over SMTP, once."""
    settings = state(ctx).settings()
    with opened(settings) as db:
        try:
            deliverer = smtp_deliverer(settings, smtp_host, smtp_port, smtp_user, security)
            result = send(db, followup_id, deliverer, key=approval_key(settings), retry=retry)
        except (FollowUpError, DeliveryError, ValueError) as exc:
            raise fail(str(exc)) from exc
    earlier = result.retried
    if earlier is not None and earlier.sending_since is not None:
        console.print(
            f"Retried: the send that started at {earlier.sending_since:%Y-%m-%d %H:%M:%S %Z} "
            f"never reported back, so follow-up {followup_id} went out again with the same "
            f"Message-ID {escape(earlier.message_id or '')} (many mail clients show the two "
            "as one, if both arrive)."
        )
    if result.receipt is None:
        console.print(f"Follow-up {followup_id} was already sent; nothing sent again.")
    else:
        to = ", ".join(result.receipt.recipients)
        console.print(f"Sent follow-up {followup_id} to {to} ({result.receipt.message_id}).")


def drafts_command(
    ctx: typer.Context,
    to_imap: str = typer.Option(
        ..., "--to-imap", metavar="ACCOUNT_OR_HOST", help="An account name, or an IMAP host."
    ),
    ids: list[int] = typer.Argument(None, metavar="[ID]...", help="Default: every approved one."),
    imap_port: int = typer.Option(993, "--imap-port", help="For a host: 993 (TLS) or 143."),
    imap_user: str = typer.Option(
        None,
        "--imap-user",
        help="Login for a host; its password comes from $GRACEFULLY_IMAP_PASSWORD, the "
        "keyring (name imap:USER@HOST) or the 0600 secrets file.",
    ),
    security: str = typer.Option("tls", "--security", help=_SECURITY_HELP),
) -> None:
    """Save approved drafts into your mail account's Drafts folder, to send yourself."""
    settings = state(ctx).settings()
    with opened(settings) as db:
        try:
            deliverer = imap_drafts_deliverer(
                db, settings, to_imap, port=imap_port, user=imap_user, security=security
            )
            saved = save_to_imap_drafts(db, deliverer, ids=ids or None, key=approval_key(settings))
        except (FollowUpError, DeliveryError, ValueError) as exc:
            raise fail(str(exc)) from exc
    if not saved:
        console.print("No approved drafts to save.")
    for followup, receipt in saved:
        where = receipt.destination if receipt else "already there (same text)"
        console.print(f"Follow-up {followup.id}: {where}")


def export_command(
    ctx: typer.Context,
    followup_id: int = typer.Argument(..., metavar="ID", help="The follow-up's ID."),
    eml: bool = typer.Option(False, "--eml", help="Export as an .eml file."),
    out: Path = typer.Option(None, "--out", help="Where to write (default: followup-ID.eml)."),
) -> None:
    """Export a draft as an .eml file that any mail client opens."""
    if not eml:
        raise fail("choose a format: --eml")
    with opened(state(ctx).settings()) as db:
        try:
            path = export_eml(db, followup_id, out or Path(f"followup-{followup_id}.eml"))
        except (FollowUpError, ValueError) as exc:
            raise fail(str(exc)) from exc
    console.print(f"Wrote {path}")


def remind_command(
    ctx: typer.Context,
    ics: Path = typer.Option(..., "--ics", metavar="FILE", help="The calendar file to write."),
) -> None:
    """Write follow-up due dates and check-ins as an .ics calendar."""
    with opened(state(ctx).settings()) as db:
        count = reminders_ics(db, ics)
    console.print(f"Wrote {count} reminder(s) to {ics}")
