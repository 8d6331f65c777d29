"""A mail account to read, and where its folders were last read up to.

The password is never part of an account: only where to find it.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from enum import StrEnum

DEFAULT_MAX_MESSAGE_BYTES = 25 * 1024 * 1024


class Security(StrEnum):
    TLS = "tls"
    """Implicit TLS from the first byte (IMAPS, usually port 993)."""
    STARTTLS = "starttls"
    PLAIN_LOCALHOST = "plain-localhost"
    """No TLS; only ever allowed to this machine, and only when asked for."""


def is_loopback(host: str) -> bool:
    """True for names of this machine only: the one place plain text may go."""
    name = host.strip().strip("[]").lower()
    if name in {"localhost", "localhost."}:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class Account:
    name: str
    host: str
    port: int
    username: str
    security: Security = Security.TLS
    folders: tuple[str, ...] = ("INBOX",)
    password_env: str | None = None
    """An environment variable holding the password, instead of the keyring."""
    ca_file: str | None = None
    """Extra certificate authority to trust (a self-hosted server's own CA)."""
    max_message_bytes: int = DEFAULT_MAX_MESSAGE_BYTES

    @property
    def secret_name(self) -> str:
        return f"imap:{self.name}"


@dataclass(frozen=True, slots=True)
class FolderMark:
    """Messages up to `last_uid` under this `uidvalidity` are stored.

    A server that changes UIDVALIDITY voids every UID: the folder is read
    again from the start, and identities keep that from duplicating mail.
    """

    folder: str
    uidvalidity: int
    last_uid: int = 0
