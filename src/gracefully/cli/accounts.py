"""`gracefully account add|list|test`: the mail accounts gracefully reads."""

from __future__ import annotations

import typer
from rich.table import Table

from gracefully.cli._common import console, fail, opened, state
from gracefully.domain.accounts import DEFAULT_MAX_MESSAGE_BYTES, Account, Security
from gracefully.service import accounts as service

app = typer.Typer(help="The IMAP accounts gracefully reads (read-only).", no_args_is_help=True)


@app.command("add")
def add(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="A short name for the account, e.g. 'work'."),
    host: str = typer.Option(..., "--imap", help="The IMAP server, e.g. imap.fastmail.com."),
    user: str = typer.Option(..., "--user", help="The login, usually your address."),
    port: int = typer.Option(None, "--port", help="Default: 993 (TLS), 143 (STARTTLS)."),
    folders: str = typer.Option("INBOX", "--folders", help="Comma-separated, e.g. INBOX,Archive"),
    security: Security = typer.Option(
        Security.TLS, "--security", help="tls (IMAPS) or starttls.", case_sensitive=False
    ),
    password_env: str = typer.Option(
        None, "--password-env", metavar="VAR", help="Read the password from this variable."
    ),
    insecure_localhost: bool = typer.Option(
        False, "--insecure-localhost", help="No TLS; only for a server on this machine."
    ),
    ca_file: str = typer.Option(None, "--ca-file", help="Trust this CA (a self-hosted server)."),
    max_mb: float = typer.Option(
        DEFAULT_MAX_MESSAGE_BYTES / 2**20, "--max-message-mb", help="Skip larger messages."
    ),
) -> None:
    """Add (or update) an account. The password goes to your keyring, or a
    0600 file when there is none; never to the database."""
    mode = Security.PLAIN_LOCALHOST if insecure_localhost else security
    account = Account(
        name=name,
        host=host,
        port=port or (993 if mode is Security.TLS else 143),
        username=user,
        security=mode,
        folders=tuple(f.strip() for f in folders.split(",") if f.strip()),
        password_env=password_env,
        ca_file=ca_file,
        max_message_bytes=int(max_mb * 2**20),
    )
    secret = None if password_env else typer.prompt(f"Password for {user}", hide_input=True)
    settings = state(ctx).settings()
    with opened(settings) as db:
        try:
            where = service.add_account(db, settings, account, secret)
        except service.AccountError as exc:
            raise fail(str(exc)) from exc
    console.print(f"Added [bold]{name}[/]; the password is kept in {where}.")
    console.print(f"Check it with: gracefully account test {name}")


@app.command("list")
def list_(ctx: typer.Context) -> None:
    """The accounts, without passwords."""
    settings = state(ctx).settings()
    with opened(settings) as db:
        found = service.list_accounts(db)
    if not found:
        console.print("No accounts yet: gracefully account add NAME --imap HOST --user USER")
        return
    table = Table("name", "server", "user", "security", "folders")
    for a in found:
        table.add_row(a.name, f"{a.host}:{a.port}", a.username, a.security, ", ".join(a.folders))
    console.print(table)


@app.command("test")
def test(ctx: typer.Context, name: str = typer.Argument(..., help="The account's name.")) -> None:
    """Log in and open each folder read-only; say clearly what is wrong if anything is."""
    settings = state(ctx).settings()
    with opened(settings) as db:
        try:
            counts = service.test_account(db, settings, name)
        except service.AccountError as exc:
            raise fail(str(exc)) from exc
    for folder, count in counts.items():
        console.print(f"[green]ok[/] {folder}: {count} messages")
