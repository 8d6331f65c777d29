"""`gracefully account add|list|test` and `gracefully watch`, run as a user would."""

# ruff: noqa: F811  (pytest fixtures are imported, then requested by name)
from __future__ import annotations

import os
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.services.dovecot import DovecotServer, ImapAccount
from tests.services.imap_sync import (  # noqa: F401
    PASSWORD_VAR,
    dovecot,
    imap_account,
    mixed_mail,
    test_ca,
)
from tests.services.tls import TestCA

pytestmark = pytest.mark.services
GRACEFULLY = str(Path(sys.executable).parent / "gracefully")


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Shared, so the understanding model is trained once for these tests."""
    return tmp_path_factory.mktemp("data")


def _env(tmp: Path, data: Path, password: str) -> dict[str, str]:
    return dict(
        os.environ,
        GRACEFULLY_DATA_DIR=str(data),
        GRACEFULLY_CONFIG_DIR=str(tmp / "config"),
        GRACEFULLY_DATABASE_URL=f"sqlite:///{tmp / 'g.db'}",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        COLUMNS="200",
        **{PASSWORD_VAR: password},
    )


def _run(env: dict[str, str], *args: str, input: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [GRACEFULLY, *args], env=env, input=input, capture_output=True, text=True, timeout=180
    )


def _add(env: dict[str, str], imap: ImapAccount, ca: TestCA, *extra: str) -> None:
    added = _run(
        env,
        "account", "add", "work", "--imap", imap.host, "--port", str(imap.tls_port),
        "--user", imap.username, "--ca-file", str(ca.ca_file), *extra,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr


def test_add_list_test_with_password_in_the_secrets_file(
    tmp_path: Path, data_dir: Path, imap_account: ImapAccount, test_ca: TestCA
) -> None:
    env = _env(tmp_path, data_dir, "")
    added = _run(
        env,
        "account", "add", "work", "--imap", imap_account.host, "--port",
        str(imap_account.tls_port), "--user", imap_account.username, "--ca-file",
        str(test_ca.ca_file), "--folders", "INBOX,Archive",
    input=imap_account.password + "\n")  # fmt: skip
    assert added.returncode == 0, added.stderr
    secrets = tmp_path / "config" / "secrets.json"
    assert oct(secrets.stat().st_mode & 0o777) == "0o600"
    with sqlite3.connect(tmp_path / "g.db") as conn:
        dump = "\n".join(conn.iterdump())
    assert imap_account.password not in dump  # never in the database
    listed = _run(env, "account", "list")
    assert "work" in listed.stdout and "INBOX, Archive" in listed.stdout
    assert imap_account.password not in listed.stdout
    tested = _run(env, "account", "test", "work")
    assert tested.returncode == 0, tested.stderr
    assert "ok INBOX: 0 messages" in tested.stdout and "ok Archive" in tested.stdout


def test_bad_credentials_and_missing_folder_are_clear_errors(
    tmp_path: Path, data_dir: Path, imap_account: ImapAccount, test_ca: TestCA
) -> None:
    env = _env(tmp_path, data_dir, "wrong-password")
    _add(env, imap_account, test_ca, "--password-env", PASSWORD_VAR, "--folders", "INBOX,Jobs")
    bad = _run(env, "account", "test", "work")
    assert bad.returncode == 1
    assert "refused the login" in bad.stderr and "wrong-password" not in bad.stderr + bad.stdout
    env[PASSWORD_VAR] = imap_account.password
    missing = _run(env, "account", "test", "work")
    assert missing.returncode == 1 and "'Jobs' does not exist" in missing.stderr


def test_insecure_only_for_localhost(tmp_path: Path, data_dir: Path) -> None:
    env = _env(tmp_path, data_dir, "x")
    refused = _run(
        env, "account", "add", "far", "--imap", "mail.example.org", "--user", "me",
        "--password-env", PASSWORD_VAR, "--insecure-localhost",
    )  # fmt: skip
    assert refused.returncode == 1 and "only works for this machine" in refused.stderr


def test_scan_an_account_then_watch_picks_up_new_mail_and_stops_on_ctrl_c(
    tmp_path: Path,
    data_dir: Path,
    dovecot: DovecotServer,
    imap_account: ImapAccount,
    test_ca: TestCA,
) -> None:
    env = _env(tmp_path, data_dir, imap_account.password)
    _add(env, imap_account, test_ca, "--password-env", PASSWORD_VAR)
    dovecot.append(imap_account, "INBOX", mixed_mail(12))
    scanned = _run(env, "scan", "work")
    assert scanned.returncode == 0, scanned.stderr
    assert _emails(tmp_path) == 12
    watcher = subprocess.Popen(
        [GRACEFULLY, "watch", "work", "--interval", "30"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for(lambda: "0 new" in _peek(watcher), watcher)
        dovecot.append(imap_account, "INBOX", mixed_mail(4, start=12))
        _wait_for(lambda: _emails(tmp_path) == 16, watcher)  # IDLE woke it up
    finally:
        watcher.send_signal(signal.SIGINT)
        out, err = watcher.communicate(timeout=60)
    assert watcher.returncode == 0, err
    assert "Stopped" in out and "Traceback" not in err


_seen: dict[int, str] = {}


def _peek(proc: subprocess.Popen) -> str:
    """What the watcher printed so far (its stdout is line-buffered by Rich)."""
    assert proc.stdout is not None
    while select.select([proc.stdout], [], [], 0)[0]:
        line = proc.stdout.readline()
        if not line:
            break
        _seen[proc.pid] = _seen.get(proc.pid, "") + line
    return _seen.get(proc.pid, "")


def _wait_for(condition, proc: subprocess.Popen, timeout: float = 120) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def _emails(tmp: Path) -> int:
    with sqlite3.connect(tmp / "g.db", timeout=5) as conn:
        return conn.execute("SELECT count(*) FROM emails").fetchone()[0]
