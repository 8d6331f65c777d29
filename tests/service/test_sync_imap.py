"""The IMAP sync end to end against the real Dovecot: first and incremental
syncs, UIDVALIDITY reset, a killed connection, bad input, and flags untouched."""

# ruff: noqa: F811  (pytest fixtures are imported, then requested by name)
from __future__ import annotations

import sqlite3
from collections import Counter

import pytest
from tests.services.dovecot import DovecotServer, ImapAccount
from tests.services.imap_sync import (  # noqa: F401
    dovecot,
    everyday_mail,
    imap_account,
    imap_settings_db,
    job_mail,
    mixed_mail,
    reader,
    test_ca,
)

from gracefully.config import Settings
from gracefully.domain.accounts import Account
from gracefully.service.scan import ScanError, ScanReport, scan
from gracefully.service.sync import AccountSource, open_target
from gracefully.store import accounts as account_store
from gracefully.store.db import Database
from gracefully.understand import Reader

pytestmark = pytest.mark.services

Env = tuple[Settings, Database, Account]


def _sync(env: Env, reader: Reader, **kw: object) -> tuple[ScanReport, AccountSource]:
    settings, db, account = env
    source = AccountSource(db, settings, account)
    return scan(db, source, reader, settings, **kw), source  # type: ignore[arg-type]


def _rows(env: Env) -> dict[str, object]:
    settings, _, _ = env
    path = settings.database_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM emails")]
        bodies = dict(conn.execute("SELECT id, body IS NOT NULL FROM emails"))
        skipped = dict(conn.execute("SELECT ref, reason FROM skipped"))
    return {"ids": ids, "bodies": bodies, "skipped": skipped}


def _mark(env: Env, folder: str = "INBOX") -> tuple[int, int]:
    _, db, account = env
    with db.transaction() as session:
        mark = account_store.marks(session, account.name)[folder]
    return mark.uidvalidity, mark.last_uid


def _flags(imap: ImapAccount, folder: str = "INBOX") -> dict[int, tuple[bytes, ...]]:
    with imap.connect() as client:
        client.select_folder(folder, readonly=True)
        found = client.fetch(client.search("ALL"), ["FLAGS"])
        return {uid: tuple(sorted(v[b"FLAGS"])) for uid, v in found.items()}


def test_first_sync_then_incremental_after_append(
    dovecot: DovecotServer, imap_account: ImapAccount, imap_settings_db: Env, reader: Reader
) -> None:
    dovecot.append(imap_account, "INBOX", mixed_mail(120))
    first, _ = _sync(imap_settings_db, reader)
    assert (first.read, first.new) == (120, 120)
    rows = _rows(imap_settings_db)
    assert len(rows["ids"]) == 120
    kept = {i for i, body in rows["bodies"].items() if body}
    assert {f"<job-{i}@harborvale.example>" for i in range(0, 120, 4)} <= kept
    assert not any(i.startswith("<order-") for i in kept)  # pre-filtered: no body stored
    assert _mark(imap_settings_db)[1] == 120

    dovecot.append(imap_account, "INBOX", mixed_mail(8, start=120))
    second, _ = _sync(imap_settings_db, reader)
    assert (second.read, second.new) == (8, 8)  # only the new UIDs were fetched
    assert len(_rows(imap_settings_db)["ids"]) == 128
    third, _ = _sync(imap_settings_db, reader)
    assert third.read == 0


def test_flags_are_unchanged_by_a_sync(
    dovecot: DovecotServer, imap_account: ImapAccount, imap_settings_db: Env, reader: Reader
) -> None:
    dovecot.append(imap_account, "INBOX", mixed_mail(40))
    with imap_account.connect() as client:  # some read, some flagged, most unseen
        client.select_folder("INBOX")
        client.add_flags([1, 2, 3], [b"\\Seen"])
        client.add_flags([5], [b"\\Flagged"])
    before = _flags(imap_account)
    _sync(imap_settings_db, reader)
    after = _flags(imap_account)
    assert after == before
    assert sum(b"\\Seen" in f for f in after.values()) == 3


def test_uidvalidity_reset_resyncs_without_duplicates(
    dovecot: DovecotServer, imap_account: ImapAccount, imap_settings_db: Env, reader: Reader
) -> None:
    dovecot.append(imap_account, "INBOX", mixed_mail(30))
    _sync(imap_settings_db, reader)
    old_validity, _ = _mark(imap_settings_db)
    new_validity = dovecot.reset_uidvalidity(imap_account.username, "INBOX")
    dovecot.append(imap_account, "INBOX", mixed_mail(5, start=30))
    report, _ = _sync(imap_settings_db, reader)
    assert report.read == 35  # everything re-read under the new UIDVALIDITY
    assert report.new == 5
    ids = _rows(imap_settings_db)["ids"]
    assert len(ids) == len(set(ids)) == 35
    assert _mark(imap_settings_db) == (new_validity, 35) != (old_validity, 35)


def test_connection_killed_mid_sync_resumes_without_gaps_or_duplicates(
    dovecot: DovecotServer, imap_account: ImapAccount, imap_settings_db: Env, reader: Reader
) -> None:
    dovecot.append(imap_account, "INBOX", mixed_mail(300))
    batches = []

    def kick_after_two_batches(n: int) -> None:
        batches.append(n)
        if len(batches) == 2:
            dovecot.doveadm("kick", imap_account.username)

    with pytest.raises(ScanError, match="run the sync again to resume"):
        _sync(imap_settings_db, reader, progress=kick_after_two_batches)
    _, stopped_at = _mark(imap_settings_db)
    stored = len(_rows(imap_settings_db)["ids"])
    assert 100 <= stopped_at <= stored < 300
    resumed, _ = _sync(imap_settings_db, reader)
    assert resumed.read == 300 - stopped_at  # picked up at the mark, not from the start
    ids = _rows(imap_settings_db)["ids"]
    assert len(ids) == len(set(ids)) == 300
    assert Counter(i.split("-")[0] for i in ids) == {"<job": 75, "<order": 225}
    assert _mark(imap_settings_db)[1] == 300


def test_broken_and_oversized_messages_are_recorded_and_skipped(
    dovecot: DovecotServer, imap_account: ImapAccount, imap_settings_db: Env, reader: Reader
) -> None:
    settings, db, account = imap_settings_db
    big = job_mail(7).replace(b"Best wishes", b"x" * 4000 + b"\nBest wishes")
    garbage = b"\x00\x01 this is not an email at all\r\n"
    dovecot.append(imap_account, "INBOX", [job_mail(1), big, garbage, everyday_mail(2)])
    small = Account(**{**_fields(account), "max_message_bytes": 3000})
    report = scan(db, AccountSource(db, settings, small), reader, settings)
    skipped = _rows(imap_settings_db)["skipped"]
    assert "too large" in skipped[f"imap:work/INBOX/{_mark(imap_settings_db)[0]}/2"]
    assert any(ref.endswith("/3") for ref in skipped)  # the garbage, as Malformed
    assert report.new == 2
    assert _mark(imap_settings_db)[1] == 4


def test_missing_folder_is_recorded_and_the_other_folders_sync(
    dovecot: DovecotServer, imap_account: ImapAccount, imap_settings_db: Env, reader: Reader
) -> None:
    settings, db, account = imap_settings_db
    dovecot.append(imap_account, "INBOX", mixed_mail(6))
    dovecot.append(imap_account, "Archive", mixed_mail(4, start=100))
    both = Account(**{**_fields(account), "folders": ("Gone", "INBOX", "Archive")})
    source = AccountSource(db, settings, both)
    report = scan(db, source, reader, settings)
    assert report.new == 10
    assert "'Gone' does not exist" in _rows(imap_settings_db)["skipped"]["imap:work/Gone"]
    assert _mark(imap_settings_db, "Archive")[1] == 4


def test_open_target_knows_accounts_urls_and_paths(imap_settings_db: Env) -> None:
    settings, db, _ = imap_settings_db
    assert isinstance(open_target("work", db, settings), AccountSource)
    url = open_target("imap://robin@imap.example.org/Jobs", db, settings)
    assert isinstance(url, AccountSource)
    assert (url.account.port, url.account.folders) == (993, ("Jobs",))
    with pytest.raises(ScanError, match="Nothing exists"):
        open_target("no-such-account-or-file", db, settings)


def _fields(account: Account) -> dict[str, object]:
    return {name: getattr(account, name) for name in Account.__slots__}


def test_folder_deleted_mid_sync_is_recorded_and_the_sync_goes_on(
    dovecot: DovecotServer, imap_account: ImapAccount, imap_settings_db: Env, reader: Reader
) -> None:
    settings, db, account = imap_settings_db
    with imap_account.connect() as client:
        client.create_folder("Old")
    dovecot.append(imap_account, "Old", mixed_mail(200))
    dovecot.append(imap_account, "INBOX", mixed_mail(6, start=500))

    def delete_old_after_first_batch(n: int) -> None:
        if n and "Old" in dovecot.doveadm("mailbox", "list", "-u", imap_account.username):
            dovecot.doveadm("mailbox", "delete", "-u", imap_account.username, "Old")

    both = Account(**{**_fields(account), "folders": ("Old", "INBOX")})
    report = scan(
        db,
        AccountSource(db, settings, both),
        reader,
        settings,
        progress=delete_old_after_first_batch,
    )
    skipped = _rows(imap_settings_db)["skipped"]
    assert "disappeared mid-sync" in skipped["imap:work/Old"]
    assert 50 <= report.new < 206
    assert _mark(imap_settings_db, "INBOX")[1] == 6  # the next folder was read in full
