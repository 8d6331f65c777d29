"""Accounts and per-folder IMAP sync marks: domain <-> rows."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from gracefully.domain.accounts import Account, FolderMark, Security
from gracefully.store.tables import AccountRow, ImapFolderRow


def _account(row: AccountRow) -> Account:
    return Account(
        name=row.name,
        host=row.host,
        port=row.port,
        username=row.username,
        security=Security(row.security),
        folders=tuple(row.folders),
        password_env=row.password_env,
        ca_file=row.ca_file,
        max_message_bytes=row.max_message_bytes,
    )


def save(session: Session, account: Account) -> None:
    """Add the account, or replace its settings (its folder marks stay)."""
    row = session.get(AccountRow, account.name) or AccountRow(
        name=account.name, created_at=datetime.now(UTC)
    )
    row.host = account.host
    row.port = account.port
    row.username = account.username
    row.security = account.security.value
    row.folders = list(account.folders)
    row.password_env = account.password_env
    row.ca_file = account.ca_file
    row.max_message_bytes = account.max_message_bytes
    session.add(row)


def get(session: Session, name: str) -> Account | None:
    row = session.get(AccountRow, name)
    return _account(row) if row else None


def all_accounts(session: Session) -> list[Account]:
    return [_account(r) for r in session.scalars(select(AccountRow).order_by(AccountRow.name))]


def marks(session: Session, account: str) -> dict[str, FolderMark]:
    rows = session.scalars(select(ImapFolderRow).where(ImapFolderRow.account == account))
    return {r.folder: FolderMark(r.folder, r.uidvalidity, r.last_uid) for r in rows}


def advance(session: Session, account: str, moved: Iterable[FolderMark]) -> None:
    """Record how far each folder is stored. A new UIDVALIDITY replaces the old mark."""
    now = datetime.now(UTC)
    for mark in moved:
        row = session.get(ImapFolderRow, (account, mark.folder))
        if row is None:
            row = ImapFolderRow(account=account, folder=mark.folder)
            session.add(row)
        elif row.uidvalidity == mark.uidvalidity and row.last_uid >= mark.last_uid:
            continue
        row.uidvalidity = mark.uidvalidity
        row.last_uid = mark.last_uid
        row.synced_at = now
