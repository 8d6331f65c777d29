"""A live IMAP mailbox as a `MailSource`: read-only, incremental, headers first.

Every folder is opened with EXAMINE (`readonly=True`) and every fetch is a
PEEK, so the server's flags never change. Only UIDs above the folder's
`FolderMark` are fetched (all of them when UIDVALIDITY changed). Headers and
sizes come first, in batches; a body is fetched only when the header
pre-filter cannot rule the message out and the size is under the limit.
A ruled-out message is still yielded, header only, so the store remembers
it (by identity) and the next sync never asks for it again.

The source never decides what is stored: it reports each `Position` (a
message about to be yielded, or one skipped) to `on_position`, in UID
order, and the caller moves its marks once what came before is committed.
"""

from __future__ import annotations

import contextlib
import ssl
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError, LoginError

from gracefully.domain import Malformed, SkipKind
from gracefully.domain.accounts import Account, FolderMark, Security, is_loopback
from gracefully.ingest._types import RawMessage, SourceError
from gracefully.ingest.prefilter import needs_body

HEADER = b"BODY[HEADER]"
BODY = b"BODY[]"
SIZE = b"RFC822.SIZE"
_HEADER_FETCH = [b"BODY.PEEK[HEADER]", SIZE]
_BODY_FETCH = [b"BODY.PEEK[]"]
_BODY_BYTES_PER_FETCH = 8 * 1024 * 1024


class ImapError(SourceError):
    """The account cannot be read; the message names the cause and the fix."""


class ImapAuthError(ImapError):
    pass


class ImapTlsError(ImapError):
    pass


class ImapUnreachable(ImapError):
    pass


class ImapFolderMissing(ImapError):
    pass


class ImapConnectionLost(ImapError):
    pass


@dataclass(frozen=True, slots=True)
class Position:
    """Where the source is in a folder. `yielded` positions match the messages
    yielded one to one; the others are skipped messages (with the `problem`)
    or the end of a folder (no problem), which stores nothing."""

    folder: str
    uidvalidity: int
    uid: int
    yielded: bool
    problem: Malformed | None = None

    @property
    def mark(self) -> FolderMark:
        return FolderMark(self.folder, self.uidvalidity, self.uid)


def tls_context(account: Account) -> ssl.SSLContext:
    """The system's trust store, or only the account's own CA when it names one."""
    return ssl.create_default_context(cafile=account.ca_file)


def connect(
    account: Account,
    password: str,
    *,
    ssl_context: ssl.SSLContext | None = None,
    timeout: float = 60.0,
) -> IMAPClient:
    """A logged-in client, or an `ImapError` that says what went wrong."""
    where = f"{account.host}:{account.port}"
    if account.security is Security.PLAIN_LOCALHOST and not is_loopback(account.host):
        raise ImapTlsError(f"refusing to log in to {where} without TLS: only localhost may")
    context = ssl_context or tls_context(account)
    implicit = account.security is Security.TLS
    try:
        client = IMAPClient(
            account.host,
            account.port,
            ssl=implicit,
            ssl_context=context if implicit else None,
            timeout=timeout,
        )
    except ssl.SSLError as exc:
        raise ImapTlsError(
            f"TLS with {where} failed ({exc.reason or exc}); if the port expects STARTTLS, "
            "add the account with --security starttls"
        ) from exc
    except OSError as exc:
        raise ImapUnreachable(
            f"cannot reach {where} ({exc.strerror or exc}); check the host, port and network"
        ) from exc
    try:
        if account.security is Security.STARTTLS:
            _starttls(client, context, where)
        client.login(account.username, password)
    except LoginError as exc:
        _close(client)
        raise ImapAuthError(
            f"{where} refused the login for {account.username}: check the password "
            "(Gmail, Outlook and Fastmail need an app password)"
        ) from exc
    except IMAPClientError as exc:
        _close(client)
        raise ImapConnectionLost(f"{where} dropped the connection at login ({exc})") from exc
    except BaseException:
        _close(client)
        raise
    return client


def _starttls(client: IMAPClient, context: ssl.SSLContext, where: str) -> None:
    if not client.has_capability("STARTTLS"):
        raise ImapTlsError(
            f"{where} does not offer STARTTLS; refusing to send the password in plain text "
            "(use --security tls if the port expects TLS from the start)"
        )
    try:
        client.starttls(context)
    except ssl.SSLError as exc:
        raise ImapTlsError(f"STARTTLS with {where} failed ({exc.reason or exc})") from exc


def _close(client: IMAPClient) -> None:
    with contextlib.suppress(Exception):
        client.shutdown()


def folder_counts(client: IMAPClient, folders: tuple[str, ...]) -> dict[str, int]:
    """Messages per folder, read-only; `ImapFolderMissing` names a folder that is not there."""
    counts = {}
    for folder in folders:
        if not client.folder_exists(folder):
            raise ImapFolderMissing(
                f"the folder {folder!r} does not exist; folders there: "
                + ", ".join(sorted(name for _, _, name in client.list_folders()))
            )
        counts[folder] = int(client.folder_status(folder, [b"MESSAGES"])[b"MESSAGES"])
    return counts


def wait_for_mail(client: IMAPClient, folder: str, seconds: float) -> bool:
    """Block until the folder gets mail (IDLE) or `seconds` pass; True if mail came.
    Without IDLE it just waits, and the caller polls. A server that drops or kicks
    the connection is `ImapConnectionLost`, which a watcher retries."""
    try:
        client.select_folder(folder, readonly=True)
        if not client.has_capability("IDLE"):
            time.sleep(seconds)
            return True
        client.idle()
        responses = client.idle_check(timeout=seconds)
        client.idle_done()
    except (IMAPClientError, OSError) as exc:
        _close(client)
        raise ImapConnectionLost(f"the connection was lost while waiting for mail ({exc})") from exc
    except BaseException:
        _close(client)  # Ctrl-C: no goodbye owed to the server
        raise
    return any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in responses)


Connector = Callable[[], IMAPClient]


class ImapSource:
    """New messages of an account's folders, in folder then UID order.

    `connector` opens a logged-in client (see `connect`); `marks` say where
    each folder's last sync stopped; `wants_body` is the header pre-filter.
    """

    def __init__(
        self,
        account: Account,
        connector: Connector,
        *,
        marks: Mapping[str, FolderMark] | None = None,
        wants_body: Callable[[bytes], bool] = needs_body,
        on_position: Callable[[Position], None] | None = None,
        batch: int = 500,
    ) -> None:
        self.account = account
        self.location = f"imap:{account.name}"
        self._connector = connector
        self._marks = dict(marks or {})
        self._wants_body = wants_body
        self._on_position = on_position or (lambda _: None)
        self._batch = batch
        self._client: IMAPClient | None = None
        self._plan: dict[str, tuple[int, list[int]]] = {}

    def __enter__(self) -> ImapSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            with contextlib.suppress(Exception):
                client.logout()

    def estimate(self) -> int | None:
        """New messages in all folders (one SEARCH each); folders missing count 0."""
        total = 0
        for folder in self.account.folders:
            with contextlib.suppress(ImapFolderMissing):
                total += len(self._planned(folder, self._select(folder)))
        return total

    def __iter__(self) -> Iterator[RawMessage]:
        try:
            for folder in self.account.folders:
                yield from self._folder(folder)
        finally:
            self.close()

    def ref(self, folder: str, uidvalidity: int, uid: int) -> str:
        return f"imap:{self.account.name}/{folder}/{uidvalidity}/{uid}"

    @property
    def client(self) -> IMAPClient:
        if self._client is None:
            self._client = self._connector()
        return self._client

    def _select(self, folder: str) -> int:
        """EXAMINE the folder; its UIDVALIDITY."""
        try:
            info = self.client.select_folder(folder, readonly=True)
        except IMAPClientError as exc:
            if isinstance(exc, IMAPClientAbortError) or self.client.folder_exists(folder):
                raise self._connection_lost(exc) from exc
            raise ImapFolderMissing(f"the folder {folder!r} does not exist") from exc
        except OSError as exc:
            raise self._connection_lost(exc) from exc
        return int(info[b"UIDVALIDITY"])

    def _planned(self, folder: str, uidvalidity: int) -> list[int]:
        """The UIDs to read, searched once per UIDVALIDITY."""
        cached = self._plan.get(folder)
        if cached and cached[0] == uidvalidity:
            return cached[1]
        start = self._start(folder, uidvalidity)
        try:
            found = self.client.search(["UID", f"{start}:*"])
        except (IMAPClientError, OSError) as exc:
            raise self._connection_lost(exc) from exc
        uids = sorted(u for u in found if u >= start)
        self._plan[folder] = (uidvalidity, uids)
        return uids

    def _start(self, folder: str, uidvalidity: int) -> int:
        mark = self._marks.get(folder)
        return mark.last_uid + 1 if mark and mark.uidvalidity == uidvalidity else 1

    def _folder(self, folder: str) -> Iterator[RawMessage]:
        try:
            uidvalidity = self._select(folder)
            uids = self._planned(folder, uidvalidity)
        except ImapFolderMissing as exc:
            self._on_position(
                Position(
                    folder, 0, 0, False, Malformed(self._where(folder), str(exc), SkipKind.FOLDER)
                )
            )
            return
        try:
            for chunk in _chunks(uids, self._batch):
                yield from self._chunk(folder, uidvalidity, chunk)
        except (IMAPClientError, OSError) as exc:
            if self._vanished(folder):
                problem = Malformed(
                    self._where(folder), f"the folder disappeared mid-sync: {exc}", SkipKind.FOLDER
                )
                self._on_position(Position(folder, 0, 0, False, problem))
                return
            raise self._connection_lost(exc) from exc
        end = uids[-1] if uids else self._start(folder, uidvalidity) - 1
        self._on_position(Position(folder, uidvalidity, end, False))

    def _chunk(self, folder: str, uidvalidity: int, uids: list[int]) -> Iterator[RawMessage]:
        heads = self.client.fetch(uids, _HEADER_FETCH)
        group: list[tuple[int, bytes | None]] = []
        group_bytes = 0
        for uid in uids:
            item = heads.get(uid)
            problem = self._problem(item)
            if problem:
                if group:
                    yield from self._emit(folder, uidvalidity, group)
                    group, group_bytes = [], 0
                where = self.ref(folder, uidvalidity, uid)
                size = int(item.get(SIZE, 0)) if item else None  # type: ignore[call-overload]
                skip = Malformed(where, problem[1], problem[0], size)
                self._on_position(Position(folder, uidvalidity, uid, False, skip))
                continue
            assert item is not None
            head = bytes(item[HEADER])
            wants = self._wants_body(head)
            group.append((uid, None if wants else head))
            group_bytes += int(item.get(SIZE, 0)) if wants else 0
            if group_bytes >= _BODY_BYTES_PER_FETCH:
                yield from self._emit(folder, uidvalidity, group)
                group, group_bytes = [], 0
        if group:
            yield from self._emit(folder, uidvalidity, group)

    def _problem(self, item: Mapping[bytes, object] | None) -> tuple[SkipKind, str] | None:
        if item is None:
            return SkipKind.SOURCE, "expunged while the sync ran"
        if not item.get(HEADER):
            return SkipKind.SOURCE, "the server returned no header for this message"
        size = int(item.get(SIZE, 0))  # type: ignore[call-overload]
        if size > self.account.max_message_bytes:
            return SkipKind.TOO_LARGE, (
                f"too large: {size:,} bytes, over the {self.account.max_message_bytes:,} byte "
                "limit; not downloaded"
            )
        return None

    def _emit(
        self, folder: str, uidvalidity: int, group: list[tuple[int, bytes | None]]
    ) -> Iterator[RawMessage]:
        """Yield a run of messages in UID order, fetching the bodies it needs at once."""
        wanted = [uid for uid, head in group if head is None]
        bodies = self.client.fetch(wanted, _BODY_FETCH) if wanted else {}
        for uid, head in group:
            ref = self.ref(folder, uidvalidity, uid)
            data = head if head is not None else bodies.get(uid, {}).get(BODY)
            if data is None:
                problem = Malformed(
                    ref, "the server returned no body for this message", SkipKind.SOURCE
                )
                self._on_position(Position(folder, uidvalidity, uid, False, problem))
                continue
            self._on_position(Position(folder, uidvalidity, uid, True))
            yield RawMessage(ref, bytes(data))

    def _where(self, folder: str) -> str:
        return f"imap:{self.account.name}/{folder}"

    def _vanished(self, folder: str) -> bool:
        """After an error mid-folder: True if the folder is gone (checked on a fresh connection)."""
        self._drop()
        try:
            return not self.client.folder_exists(folder)
        except (IMAPClientError, OSError):
            return False

    def _drop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            _close(client)

    def _connection_lost(self, exc: BaseException) -> ImapConnectionLost:
        self._drop()
        return ImapConnectionLost(
            f"the connection to {self.account.host} was lost ({exc}); what was read is "
            "stored: run the sync again to resume"
        )


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk
