"""The test Dovecot itself: what the IMAP tests (deliver, ingest sync) rely on."""

from __future__ import annotations

import pytest
from imapclient import IMAPClient
from imapclient.exceptions import LoginError

from tests.services.dovecot import DovecotServer, ImapAccount

pytestmark = pytest.mark.services


def numbered(count: int, start: int = 0) -> list[bytes]:
    return [
        (
            f"From: Harbour Jobs <jobs{i}@harbour.example>\r\nTo: robin@example.net\r\n"
            f"Subject: Update {i}\r\nMessage-ID: <n{i}@harbour.example>\r\n\r\nBody {i}\r\n"
        ).encode()
        for i in range(start, start + count)
    ]


def subjects(account: ImapAccount, folder: str) -> list[str]:
    with account.connect() as client:
        client.select_folder(folder, readonly=True)
        fetched = client.fetch(client.search("ALL"), ["BODY.PEEK[HEADER.FIELDS (SUBJECT)]"])
    return [
        fetched[uid][b"BODY[HEADER.FIELDS (SUBJECT)]"].decode().strip() for uid in sorted(fetched)
    ]


def test_new_users_can_log_in_at_once_and_have_special_folders(dovecot: DovecotServer) -> None:
    accounts = [dovecot.add_user() for _ in range(3)]
    for account in accounts:
        with account.connect() as client:
            flags = {name: set(f) for f, _, name in client.list_folders()}
            assert b"IDLE" in client.capabilities()
        assert b"\\Drafts" in flags["Drafts"] and b"\\Archive" in flags["Archive"]


def test_bulk_files_keep_their_order_and_flags(
    dovecot: DovecotServer, imap_account: ImapAccount
) -> None:
    assert dovecot.load_files(imap_account.username, "Archive", numbered(50), flags="S") == 50
    assert subjects(imap_account, "Archive") == [f"Subject: Update {i}" for i in range(50)]
    with imap_account.connect() as client:
        client.select_folder("Archive", readonly=True)
        flags = client.get_flags(client.search("ALL"))
    assert all(b"\\Seen" in f for f in flags.values())


def test_append_adds_after_what_is_there(dovecot: DovecotServer, imap_account: ImapAccount) -> None:
    dovecot.load_files(imap_account.username, "INBOX", numbered(5))
    assert dovecot.append(imap_account, "INBOX", numbered(7, start=5), batch=3) == 7
    assert subjects(imap_account, "INBOX") == [f"Subject: Update {i}" for i in range(12)]


def test_uidvalidity_reset_is_seen_by_the_next_session(
    dovecot: DovecotServer, imap_account: ImapAccount
) -> None:
    dovecot.append(imap_account, "INBOX", numbered(3))
    with imap_account.connect() as client:
        before = client.folder_status("INBOX", ["UIDVALIDITY"])[b"UIDVALIDITY"]
    new = dovecot.reset_uidvalidity(imap_account.username, "INBOX")
    with imap_account.connect() as client:
        after = client.select_folder("INBOX", readonly=True)
    assert new != before
    assert after[b"UIDVALIDITY"] == new
    assert after[b"EXISTS"] == 3


def test_a_wrong_password_is_refused_and_the_right_one_still_works(
    imap_account: ImapAccount,
) -> None:
    client = IMAPClient(imap_account.host, imap_account.port, ssl=False, timeout=30)
    with client, pytest.raises(LoginError):
        client.login(imap_account.username, "wrong")
    with imap_account.connect() as again:
        assert again.select_folder("INBOX")[b"EXISTS"] == 0


def test_stop_leaves_nothing_behind() -> None:
    server = DovecotServer()
    server.start()
    process = server._process
    assert process is not None and process.poll() is None
    server.stop()
    assert process.poll() is not None
    assert not server.root.exists()
