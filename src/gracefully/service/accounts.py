"""Mail accounts: add, list, test, and open a logged-in connection.

The password goes to `credentials` (keyring, else a 0600 file) or stays in
an environment variable the account names; the database only ever holds
where to find it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import unquote, urlsplit

from imapclient import IMAPClient

from gracefully.config import Settings
from gracefully.credentials import get_secret, set_secret
from gracefully.domain.accounts import Account, Security, is_loopback
from gracefully.ingest import SourceError, imap
from gracefully.store import accounts as account_store
from gracefully.store.db import Database

URL_PASSWORD_ENV = "GRACEFULLY_IMAP_PASSWORD"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$")


class AccountError(Exception):
    """An account cannot be added or used; the message says what to do."""


def add_account(db: Database, settings: Settings, account: Account, password: str | None) -> str:
    """Save the account and its password; returns where the password went."""
    if not _NAME.match(account.name) or "://" in account.name:
        raise AccountError(
            f"{account.name!r} is not a usable account name: use letters, digits, . _ @ + -"
        )
    if account.security is Security.PLAIN_LOCALHOST and not is_loopback(account.host):
        raise AccountError(
            f"--insecure-localhost only works for this machine, not {account.host}: "
            "other servers need TLS (IMAPS or STARTTLS)"
        )
    if not account.folders:
        raise AccountError("give at least one folder, e.g. --folders INBOX")
    if password is None and not account.password_env:
        raise AccountError("give the password when asked, or name a variable with --password-env")
    with db.transaction() as session:
        account_store.save(session, account)
    if password is None:
        return f"the environment variable {account.password_env}"
    return set_secret(account.secret_name, password, settings.config_dir)


def list_accounts(db: Database) -> list[Account]:
    with db.transaction() as session:
        return account_store.all_accounts(session)


def get_account(db: Database, name: str) -> Account:
    with db.transaction() as session:
        account = account_store.get(session, name)
    if account is None:
        raise AccountError(
            f"no account named {name!r}; add it with `gracefully account add {name} --imap HOST "
            "--user USER`"
        )
    return account


def account_from_url(db: Database, url: str) -> Account:
    """An ``imap://user@host[:port]/FOLDER`` URL as an account named ``user@host``,
    saved so that the next scan of the same URL resumes where this one stopped.
    The password comes from GRACEFULLY_IMAP_PASSWORD or the keyring."""
    parts = urlsplit(url)
    if parts.password is not None:
        raise AccountError(
            "the URL holds a password; leave it out (it would stay in your shell history) and "
            f"set ${URL_PASSWORD_ENV}, or save it once with `gracefully account add`"
        )
    if parts.scheme != "imap" or not parts.hostname or not parts.username:
        raise AccountError(f"{url!r} is not an IMAP URL like imap://me@mail.example.org/INBOX")
    port = parts.port or 993
    account = Account(
        name=f"{unquote(parts.username)}@{parts.hostname}"[:64],
        host=parts.hostname,
        port=port,
        username=unquote(parts.username),
        security=Security.TLS if port == 993 else Security.STARTTLS,
        folders=(unquote(parts.path.strip("/")) or "INBOX",),
        password_env=URL_PASSWORD_ENV,
    )
    with db.transaction() as session:
        known = account_store.get(session, account.name)
        if known is not None:  # keep its CA and limits; scan the folder the URL names
            account = replace(known, folders=account.folders)
        account_store.save(session, account)
    return account


def password(account: Account, settings: Settings) -> str:
    secret = get_secret(
        account.secret_name,
        env_var=account.password_env,
        config_dir=settings.config_dir,
        environ=settings.env,
    )
    if not secret:
        where = f"${account.password_env} or " if account.password_env else ""
        raise AccountError(
            f"no password for {account.name} in {where}the keyring or secrets file; "
            f"add it again with `gracefully account add {account.name} ...`"
        )
    return secret


def connect(account: Account, settings: Settings) -> IMAPClient:
    """A logged-in client, or an `imap.ImapError` in words a user can act on."""
    return imap.connect(account, password(account, settings))


def test_account(db: Database, settings: Settings, name: str) -> dict[str, int]:
    """Log in and look at every folder, read-only; messages per folder.

    Every way this can fail (credentials, TLS, a missing folder, no answer)
    comes back as an `AccountError` whose message says which.
    """
    account = get_account(db, name)
    try:
        client = connect(account, settings)
        try:
            return imap.folder_counts(client, account.folders)
        finally:
            client.logout()
    except SourceError as exc:
        raise AccountError(str(exc)) from exc
