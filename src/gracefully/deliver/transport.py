"""What every way of delivering shares: the `Deliverer` seam, its receipt, and
the rule that credentials only travel in the clear to the local machine."""

from __future__ import annotations

import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from enum import StrEnum
from typing import Protocol

from gracefully.domain.accounts import is_loopback


class Security(StrEnum):
    STARTTLS = "starttls"
    TLS = "tls"
    PLAIN_LOCALHOST = "plain-localhost"


class DeliveryError(RuntimeError):
    """Delivery failed; the message says why in words a user can act on."""


class DeliveryInDoubt(DeliveryError):
    """The connection was lost after the message was handed over: it may have
    gone out, so sending it again could send it twice."""


class InsecureTransportError(DeliveryError, ValueError):
    """Plain text was asked for a host that is not this machine."""


@dataclass(frozen=True, slots=True)
class DeliveryReceipt:
    """Proof of one delivery. `message_id` lets the caller record what went
    out so a second send of the same draft can be refused."""

    message_id: str
    channel: str
    destination: str
    recipients: tuple[str, ...] = ()
    uid: int | None = None
    """The IMAP UID the server gave the saved draft (UIDPLUS), when it said."""


class Deliverer(Protocol):
    def deliver(self, message: EmailMessage) -> DeliveryReceipt: ...


@dataclass(frozen=True)
class Endpoint:
    """A mail server and how to reach it. The password never shows in repr."""

    host: str
    port: int
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    security: Security | str = Security.STARTTLS
    ssl_context: ssl.SSLContext | None = field(default=None, repr=False, compare=False)
    timeout: float = 30.0

    def __post_init__(self) -> None:
        mode = Security(self.security)
        if mode is Security.PLAIN_LOCALHOST and not is_loopback(self.host):
            raise InsecureTransportError(
                f"refusing plain-text mail to {self.host}: plain text is only allowed to "
                "localhost; use security 'starttls' or 'tls'"
            )

    @property
    def mode(self) -> Security:
        return Security(self.security)

    def tls_context(self) -> ssl.SSLContext:
        """The caller's context (e.g. one trusting a private CA), else the system's."""
        return self.ssl_context or ssl.create_default_context()


def require_message_id(message: EmailMessage) -> str:
    message_id = message.get("Message-ID")
    if not message_id:
        raise DeliveryError("message has no Message-ID; build it with build_message()")
    return str(message_id).strip()


def recipients(message: EmailMessage) -> tuple[str, ...]:
    """Envelope recipients: every address in To and Cc (build_message never sets Bcc)."""
    found: list[str] = []
    for name in ("To", "Cc"):
        for header in message.get_all(name, []):
            found.extend(addr.addr_spec for addr in header.addresses)
    return tuple(found)
