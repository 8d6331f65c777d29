"""IMAP accounts through the same scan pipeline as files, remembering their place.

`open_target` turns what the user typed (a path, an account name or an
``imap://`` URL) into a source. An account's source is an `ImapSource`
plus bookkeeping: it queues each `Position` the IMAP source reports, and
when `scan` says a batch is committed it moves the folder marks up to the
last stored message and records the skipped ones. A sync killed at any
point therefore re-reads at most one batch, which identities make harmless:
nothing is lost and nothing is doubled.

`watch` runs a sync, then waits for new mail (IDLE where the server has it,
else a poll interval), forever; Ctrl-C stops it between two commits.
"""

from __future__ import annotations

import contextlib
import time
from collections import deque
from collections.abc import Callable, Iterator

from gracefully.config import Settings
from gracefully.domain import Malformed
from gracefully.domain.accounts import Account, FolderMark
from gracefully.ingest import MailSource, RawMessage, SourceError
from gracefully.ingest import imap as imap_ingest
from gracefully.service import accounts
from gracefully.service.scan import ProgressFn, ScanError, ScanReport, open_mailbox, scan
from gracefully.store import accounts as account_store
from gracefully.store import mail as mail_store
from gracefully.store.db import Database
from gracefully.understand import Reader


class AccountSource:
    """One account's new mail, as a `MailSource` that `scan` tells what it stored."""

    def __init__(self, db: Database, settings: Settings, account: Account) -> None:
        self.account = account
        self.location = f"imap:{account.name}"
        self.problems: list[Malformed] = []
        """Messages and folders skipped so far (also recorded in the store)."""
        self._db = db
        self._pending: deque[imap_ingest.Position] = deque()
        with db.transaction() as session:
            marks = account_store.marks(session, account.name)
        self._imap = imap_ingest.ImapSource(
            account,
            lambda: accounts.connect(account, settings),
            marks=marks,
            on_position=self._pending.append,
            batch=settings.batch_size,
        )

    def estimate(self) -> int | None:
        try:
            return self._imap.estimate()
        except (SourceError, accounts.AccountError) as exc:
            raise ScanError(str(exc)) from exc

    def __iter__(self) -> Iterator[RawMessage]:
        try:
            yield from self._imap
        except (SourceError, accounts.AccountError) as exc:
            raise ScanError(str(exc)) from exc

    def committed(self, count: int) -> None:
        """The next `count` yielded messages are stored: move the marks past them
        and past any skipped messages or folder ends that follow them."""
        done: list[imap_ingest.Position] = []
        while self._pending and (count > 0 or not self._pending[0].yielded):
            position = self._pending.popleft()
            count -= position.yielded
            done.append(position)
        marks: dict[str, FolderMark] = {p.folder: p.mark for p in done if p.uidvalidity}
        problems = [p.problem for p in done if p.problem]
        if not marks and not problems:
            return
        self.problems.extend(problems)
        with self._db.transaction() as session:
            account_store.advance(session, self.account.name, marks.values())
            mail_store.record_skipped(session, problems)


def open_target(location: str, db: Database, settings: Settings) -> MailSource:
    """An imap:// URL, a configured account's name, or else a path to a mailbox."""
    try:
        if location.startswith("imap://"):
            return AccountSource(db, settings, accounts.account_from_url(db, location))
        with db.transaction() as session:
            account = account_store.get(session, location)
        if account is not None:  # names have no "/": "./work" still means the folder
            return AccountSource(db, settings, account)
    except accounts.AccountError as exc:
        raise ScanError(str(exc)) from exc
    return open_mailbox(location)


def watch(
    db: Database,
    settings: Settings,
    name: str,
    reader: Reader,
    *,
    interval: float = 300.0,
    on_report: Callable[[ScanReport], None],
    on_error: Callable[[str], None],
    progress: ProgressFn | None = None,
) -> None:
    """Sync, wait for mail, repeat until interrupted. A lost connection is
    reported and retried after `interval`: the marks make the retry resume."""
    account = accounts.get_account(db, name)
    while True:
        try:
            source = AccountSource(db, settings, account)
            on_report(scan(db, source, reader, settings, progress=progress))
            _wait(account, settings, interval)
        except (ScanError, SourceError, accounts.AccountError, OSError) as exc:
            on_error(str(exc))
            time.sleep(interval)


def _wait(account: Account, settings: Settings, interval: float) -> None:
    client = accounts.connect(account, settings)
    try:
        imap_ingest.wait_for_mail(client, account.folders[0], interval)
    finally:
        with contextlib.suppress(Exception):  # already closed after a Ctrl-C
            client.logout()
