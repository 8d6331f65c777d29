"""Mail passwords, read at the edge (CLI or web) and handed to the deliverers.

Never the database, never a log line. The places, first match wins:
an environment variable the account names (for CI and containers), the
system keyring (the safe default on a desktop), and a 0600 JSON file in the
config directory (for headless machines without a keyring). A file that
others could read is refused rather than used, since using it would keep
the leak going silently.

The key that signs approvals is a secret of the same kind and lives beside
them, in its own 0600 file (`approval_key`), never in the database.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Mapping
from pathlib import Path
from secrets import token_hex

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError

SERVICE = "gracefully"
SECRETS_FILE = "secrets.json"
APPROVAL_KEY_FILE = "approval.key"
KEYRING = "keyring"
_KEY_BYTES = 32


class InsecureSecretsFile(PermissionError):
    """The secrets file is readable by others, or not the user's own."""


def get_secret(
    name: str,
    *,
    env_var: str | None,
    config_dir: Path,
    environ: Mapping[str, str] | None = None,
    backend: KeyringBackend | None = None,
) -> str | None:
    """The secret called `name` (e.g. ``"smtp:me@example.org"``), or None if it is
    nowhere. `environ` and `backend` default to the process's own."""
    env = os.environ if environ is None else environ
    if env_var and env.get(env_var):
        return env[env_var]
    ring = _usable_keyring(backend)
    if ring is not None:
        try:
            value = ring.get_password(SERVICE, name)
        except KeyringError:
            value = None
        if value is not None:
            return value
    return _read_file(config_dir / SECRETS_FILE).get(name)


def set_secret(
    name: str, value: str, config_dir: Path, *, backend: KeyringBackend | None = None
) -> str:
    """Store the secret in the keyring if one works, else in the 0600 file.
    Returns where it went: ``"keyring"`` or the file's path."""
    ring = _usable_keyring(backend)
    if ring is not None:
        try:
            ring.set_password(SERVICE, name, value)
            return KEYRING
        except KeyringError:
            pass
    path = config_dir / SECRETS_FILE
    secrets = _read_file(path)
    secrets[name] = value
    _write_private(path, json.dumps(secrets, indent=2, sort_keys=True).encode())
    return str(path)


def approval_key(config_dir: Path) -> bytes:
    """The key that signs approvals, from the 0600 file `approval.key` in the
    config directory, made (32 random bytes) on first use.

    It lives outside the database on purpose: whoever can write the database
    can change a draft, but cannot make an approval for the change. Two
    processes creating it at once agree on one key (the file appears whole,
    once, by a hard link)."""
    path = config_dir / APPROVAL_KEY_FILE
    try:
        return _read_key(path)
    except FileNotFoundError:
        _create_key(path)
    return _read_key(path)


def _read_key(path: Path) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InsecureSecretsFile(f"{path} is a symlink; refusing to follow it") from None
        raise
    with os.fdopen(fd, "rb") as handle:
        _check_private(path, os.fstat(handle.fileno()))
        raw = handle.read(4 * _KEY_BYTES).strip()
    try:
        key = bytes.fromhex(raw.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        key = b""
    if len(key) != _KEY_BYTES:
        raise ValueError(
            f"{path} is not a gracefully approval key; move it away (a new one is made, "
            "and every draft needs a new approval)"
        )
    return key


def _create_key(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(token_hex(_KEY_BYTES).encode("ascii") + b"\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.link(tmp, path)  # fails if another process made it first: its key stands
    except FileExistsError:
        pass
    finally:
        tmp.unlink(missing_ok=True)


def _usable_keyring(backend: KeyringBackend | None) -> KeyringBackend | None:
    """The backend, unless it is keyring's "none available" (fail, priority 0)
    or the null backend that silently forgets (priority < 0)."""
    ring = backend if backend is not None else keyring.get_keyring()
    try:
        return ring if ring.priority > 0 else None
    except KeyringError:
        return None


def _read_file(path: Path) -> dict[str, str]:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        return {}
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InsecureSecretsFile(f"{path} is a symlink; refusing to follow it") from None
        raise
    with os.fdopen(fd, "rb") as handle:
        _check_private(path, os.fstat(handle.fileno()))
        raw = handle.read()
    try:
        data = json.loads(raw or b"{}")
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path} is not valid JSON (line {exc.lineno})") from None
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise ValueError(f"{path} must hold a JSON object of name: secret strings")
    return data


def _check_private(path: Path, info: os.stat_result) -> None:
    if info.st_uid != os.geteuid():
        raise InsecureSecretsFile(f"{path} belongs to another user (uid {info.st_uid}); refusing")
    loose = stat.S_IMODE(info.st_mode) & 0o077
    if loose:
        raise InsecureSecretsFile(
            f"{path} can be read by others (mode {stat.S_IMODE(info.st_mode):04o}); "
            f"refusing to use it. Fix with: chmod 600 {path}"
        )


def _write_private(path: Path, data: bytes) -> None:
    """Replace `path` atomically with a file that is 0600 from its first byte."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
