"""credentials: environment, then keyring, then a 0600 file that is refused when loose."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import PasswordSetError

from gracefully.credentials import (
    KEYRING,
    SECRETS_FILE,
    SERVICE,
    InsecureSecretsFile,
    get_secret,
    set_secret,
)

NAME = "smtp:robin.quill@example.net"


class MemoryKeyring(KeyringBackend):
    """A working keyring that lives in a dict (this machine has no system keyring)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


class LockedKeyring(MemoryKeyring):
    """A keyring that exists but refuses to store (e.g. a locked wallet)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError("wallet is locked")


def lookup(config_dir: Path, environ: dict[str, str], backend: KeyringBackend) -> str | None:
    return get_secret(
        NAME,
        env_var="GRACEFULLY_SMTP_PASSWORD",
        config_dir=config_dir,
        environ=environ,
        backend=backend,
    )


def test_lookup_order_is_environment_then_keyring_then_file(tmp_path: Path) -> None:
    ring = MemoryKeyring()
    assert set_secret(NAME, "from-file", tmp_path, backend=fail.Keyring()) == str(
        tmp_path / SECRETS_FILE
    )
    assert lookup(tmp_path, {}, ring) == "from-file"

    assert set_secret(NAME, "from-keyring", tmp_path, backend=ring) == KEYRING
    assert ring.store[(SERVICE, NAME)] == "from-keyring"
    assert lookup(tmp_path, {}, ring) == "from-keyring"

    assert lookup(tmp_path, {"GRACEFULLY_SMTP_PASSWORD": "from-env"}, ring) == "from-env"
    assert lookup(tmp_path, {"GRACEFULLY_SMTP_PASSWORD": ""}, ring) == "from-keyring"


def test_missing_everywhere_is_none(tmp_path: Path) -> None:
    assert lookup(tmp_path, {}, MemoryKeyring()) is None
    assert get_secret(NAME, env_var=None, config_dir=tmp_path, environ={}) is None


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(), LockedKeyring()])
def test_without_a_usable_keyring_the_secret_goes_to_a_0600_file(
    tmp_path: Path, backend: KeyringBackend
) -> None:
    config_dir = tmp_path / "config"
    where = set_secret(NAME, "s3cret", config_dir, backend=backend)
    path = config_dir / SECRETS_FILE
    assert where == str(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text()) == {NAME: "s3cret"}
    assert get_secret(NAME, env_var=None, config_dir=config_dir, environ={}, backend=backend) == (
        "s3cret"
    )


def test_the_file_keeps_other_secrets_and_stays_0600_under_a_loose_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        set_secret("imap:work", "one", tmp_path, backend=fail.Keyring())
        set_secret(NAME, "two", tmp_path, backend=fail.Keyring())
    finally:
        os.umask(old)
    path = tmp_path / SECRETS_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text()) == {"imap:work": "one", NAME: "two"}
    assert [p.name for p in tmp_path.iterdir()] == [SECRETS_FILE]


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o644, 0o660])
def test_a_file_others_can_read_is_refused_with_the_fix(tmp_path: Path, mode: int) -> None:
    set_secret(NAME, "s3cret", tmp_path, backend=fail.Keyring())
    path = tmp_path / SECRETS_FILE
    path.chmod(mode)
    with pytest.raises(InsecureSecretsFile, match=f"chmod 600 {path}"):
        lookup(tmp_path, {}, fail.Keyring())
    with pytest.raises(InsecureSecretsFile):
        set_secret("other", "x", tmp_path, backend=fail.Keyring())


def test_the_environment_still_works_when_the_file_is_loose(tmp_path: Path) -> None:
    (tmp_path / SECRETS_FILE).write_text("{}")
    (tmp_path / SECRETS_FILE).chmod(0o644)
    assert lookup(tmp_path, {"GRACEFULLY_SMTP_PASSWORD": "env"}, fail.Keyring()) == "env"


def test_a_symlinked_secrets_file_is_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.json"
    target.write_text(json.dumps({NAME: "planted"}))
    target.chmod(0o600)
    (tmp_path / SECRETS_FILE).symlink_to(target)
    with pytest.raises(InsecureSecretsFile, match="symlink"):
        lookup(tmp_path, {}, fail.Keyring())


def test_a_corrupt_file_says_so_without_echoing_it(tmp_path: Path) -> None:
    path = tmp_path / SECRETS_FILE
    path.write_text('{"smtp": "half-a-secret')
    path.chmod(0o600)
    with pytest.raises(ValueError, match="not valid JSON") as caught:
        lookup(tmp_path, {}, fail.Keyring())
    assert "half-a-secret" not in str(caught.value)
