"""A real SMTP server (aiosmtpd) on 127.0.0.1 that keeps what it receives.

It checks a login like a submission server would, and can require STARTTLS
or speak implicit TLS with a `TestCA` certificate.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.services.net import free_port
from tests.services.tls import TestCA


@dataclass(frozen=True)
class ReceivedMail:
    """One message as it arrived: envelope, exact bytes, and how the session went."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    data: bytes
    encrypted: bool
    login: str | None

    def message(self) -> EmailMessage:
        parsed = BytesParser(policy=policy.default).parsebytes(self.data)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class _Handler:
    received: list[ReceivedMail] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        login = session.auth_data.login.decode() if session.authenticated else None
        self.received.append(
            ReceivedMail(
                mail_from=envelope.mail_from,
                rcpt_tos=tuple(envelope.rcpt_tos),
                data=envelope.original_content,
                encrypted=server.transport.get_extra_info("ssl_object") is not None,
                login=login,
            )
        )
        return "250 Message accepted for delivery"


class SmtpServer:
    """`mode` is "plain" (AUTH allowed without TLS, localhost only), "starttls"
    (STARTTLS required before AUTH or MAIL) or "tls" (implicit TLS)."""

    host = "127.0.0.1"

    def __init__(self, mode: str = "plain", ca: TestCA | None = None) -> None:
        if mode != "plain" and ca is None:
            raise ValueError(f"SMTP mode {mode!r} needs a TestCA")
        self.mode = mode
        self.username = f"sender-{secrets.token_hex(4)}"
        self.password = secrets.token_urlsafe(16)
        self._handler = _Handler()
        self._tls: dict[str, Any] = {}
        if mode == "starttls" and ca is not None:
            self._tls = {"tls_context": ca.server_context(), "require_starttls": True}
        elif mode == "tls" and ca is not None:
            self._tls = {"ssl_context": ca.server_context()}
        self._controller = self._listen_on(free_port())

    def _listen_on(self, port: int) -> Controller:
        self.port = port
        return Controller(
            self._handler,
            hostname=self.host,
            port=port,
            authenticator=self._authenticate,
            # aiosmtpd only knows about STARTTLS; under implicit TLS it would hide AUTH.
            auth_require_tls=self.mode == "starttls",
            **self._tls,
        )

    @property
    def received(self) -> list[ReceivedMail]:
        return self._handler.received

    def start(self) -> SmtpServer:
        for attempt in range(3):
            try:
                self._controller.start()
                return self
            except OSError:  # the probed port was taken before the server bound it
                if attempt == 2:
                    raise
                self._controller = self._listen_on(free_port())
        return self

    def stop(self) -> None:
        self._controller.stop()

    def __enter__(self) -> SmtpServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == self.username
            and auth_data.password.decode() == self.password
        )
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)
