"""What the IMAP sync tests share: written test mail, an account on the test
Dovecot, settings that know its password, and one trained reader per session.

Load with ``from tests.services.imap_sync import *  # noqa: F403`` in a test module.
"""

# ruff: noqa: F811  (pytest fixtures are imported, then requested by name)
from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pytest

from gracefully.config import Settings, load_settings
from gracefully.domain.accounts import Account, Security
from gracefully.service import accounts as account_service
from gracefully.store.db import Database
from gracefully.understand import Reader, load_reader
from tests.services.dovecot import ImapAccount
from tests.services.fixtures import dovecot, imap_account, test_ca  # noqa: F401
from tests.services.tls import TestCA

PASSWORD_VAR = "GRACEFULLY_TEST_IMAP_PASSWORD"
_START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def job_mail(i: int, *, with_id: bool = True) -> bytes:
    """A rejection from a fictional company: the pre-filter must let it through."""
    msg = EmailMessage()
    msg["From"] = "Harbor & Vale Recruiting <jobs@harborvale.example>"
    msg["To"] = "robin.quill@example.net"
    msg["Subject"] = f"Your application for Data Analyst #{i}"
    msg["Date"] = format_datetime(_START + timedelta(minutes=i))
    if with_id:
        msg["Message-ID"] = f"<job-{i}@harborvale.example>"
    msg.set_content(
        "Dear Robin,\n\nThank you for applying to Harbor & Vale. After careful review we "
        "have decided to move forward with other candidates for this role.\n\n"
        "Best wishes,\nMara Lindqvist\nTalent Team"
    )
    return msg.as_bytes()


def everyday_mail(i: int) -> bytes:
    """A receipt with an unsubscribe header: the pre-filter skips its body."""
    msg = EmailMessage()
    msg["From"] = "Pebble Street Books <orders@pebblestreet.example>"
    msg["To"] = "robin.quill@example.net"
    msg["Subject"] = f"Your order {1000 + i} has shipped"
    msg["Date"] = format_datetime(_START + timedelta(minutes=i, seconds=30))
    msg["Message-ID"] = f"<order-{i}@pebblestreet.example>"
    msg["List-Unsubscribe"] = "<mailto:leave@pebblestreet.example>"
    msg.set_content(f"Your parcel with order {1000 + i} is on its way. Track it online.")
    return msg.as_bytes()


def mixed_mail(count: int, start: int = 0) -> list[bytes]:
    """Every fourth message is job mail, the rest receipts."""
    return [job_mail(i) if i % 4 == 0 else everyday_mail(i) for i in range(start, start + count)]


@pytest.fixture(scope="session")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Reader:
    return load_reader(cache_dir=tmp_path_factory.mktemp("models"))


def make_account(imap: ImapAccount, ca: TestCA, name: str = "work", **changes: object) -> Account:
    fields: dict[str, object] = {
        "name": name,
        "host": imap.host,
        "port": imap.tls_port,
        "username": imap.username,
        "security": Security.TLS,
        "folders": ("INBOX",),
        "password_env": PASSWORD_VAR,
        "ca_file": str(ca.ca_file),
    }
    fields.update(changes)
    return Account(**fields)  # type: ignore[arg-type]


def imap_settings(tmp: Path, imap: ImapAccount) -> Settings:
    return load_settings(
        db=f"sqlite:///{tmp / 'gracefully.db'}",
        env={
            "GRACEFULLY_DATA_DIR": str(tmp / "data"),
            "GRACEFULLY_CONFIG_DIR": str(tmp / "config"),
            "GRACEFULLY_BATCH_SIZE": "50",
            PASSWORD_VAR: imap.password,
        },
    )


@pytest.fixture
def imap_settings_db(
    tmp_path: Path,
    imap_account: ImapAccount,
    test_ca: TestCA,
) -> Iterator[tuple[Settings, Database, Account]]:
    """Settings, a migrated SQLite store, and the account 'work' (IMAPS, test CA) saved in it."""
    settings = imap_settings(tmp_path, imap_account)
    db = Database(settings.database_url)
    account = make_account(imap_account, test_ca)
    account_service.add_account(db, settings, account, None)
    yield settings, db, account
    db.close()
