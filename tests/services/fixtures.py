"""Pytest fixtures for the real test services. Load them from tests/conftest.py:

    pytest_plugins = ["tests.services.fixtures"]

`dovecot` is one server per session (it starts in well under a second, but a
fresh user per test keeps tests independent); SMTP servers are per test so
each test sees only its own mail.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.services.dovecot import DovecotServer, ImapAccount
from tests.services.smtp import SmtpServer
from tests.services.tls import TestCA


@pytest.fixture(scope="session")
def test_ca(tmp_path_factory: pytest.TempPathFactory) -> TestCA:
    """A private CA whose certificate the test servers present for localhost."""
    return TestCA(tmp_path_factory.mktemp("test-ca"))


@pytest.fixture(scope="session")
def dovecot(test_ca: TestCA) -> Iterator[DovecotServer]:
    """Dovecot on 127.0.0.1: plain + STARTTLS on `.port`, IMAPS on `.tls_port`."""
    with DovecotServer(ca=test_ca) as server:
        yield server


@pytest.fixture
def imap_account(dovecot: DovecotServer) -> ImapAccount:
    """A fresh user with INBOX, Drafts, Sent, Archive and Trash."""
    return dovecot.add_user()


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """Plain-text SMTP with AUTH on 127.0.0.1 (what `plain-localhost` talks to)."""
    with SmtpServer("plain") as server:
        yield server


@pytest.fixture
def smtp_starttls_server(test_ca: TestCA) -> Iterator[SmtpServer]:
    """SMTP that requires STARTTLS before AUTH or MAIL, with the test CA's certificate."""
    with SmtpServer("starttls", test_ca) as server:
        yield server


@pytest.fixture
def smtp_tls_server(test_ca: TestCA) -> Iterator[SmtpServer]:
    """SMTP over implicit TLS (like port 465), with the test CA's certificate."""
    with SmtpServer("tls", test_ca) as server:
        yield server
