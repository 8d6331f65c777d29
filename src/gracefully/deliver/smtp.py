"""Send one message over SMTP submission, encrypted unless the server is this machine."""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

from gracefully.deliver.transport import (
    DeliveryError,
    DeliveryInDoubt,
    DeliveryReceipt,
    Endpoint,
    Security,
    recipients,
    require_message_id,
)


class _MarksData:
    """Remembers that DATA began: from then on a lost connection may have delivered."""

    data_started = False

    def data(self, msg: Any) -> tuple[int, bytes]:
        self.data_started = True
        return super().data(msg)  # type: ignore[misc,no-any-return]


class _Smtp(_MarksData, smtplib.SMTP):
    pass


class _SmtpSsl(_MarksData, smtplib.SMTP_SSL):
    pass


@dataclass(frozen=True)
class SmtpDeliverer(Endpoint):
    """STARTTLS (usually port 587) by default, implicit TLS (usually 465) with
    ``security="tls"``, plain text only to this machine.

    A server's refusal (a reply code) or a failure before DATA is a
    `DeliveryError`; a lost connection once DATA began is `DeliveryInDoubt`;
    once the server took the message, errors saying goodbye are ignored."""

    def deliver(self, message: EmailMessage) -> DeliveryReceipt:
        message_id = require_message_id(message)
        to = recipients(message)
        if not to:
            raise DeliveryError("message has no recipient (To); nothing to send")
        sender = message["From"].addresses[0].addr_spec
        destination = f"smtp://{self.host}:{self.port}"
        try:
            smtp = self._connect()
        except (smtplib.SMTPException, OSError) as exc:
            raise DeliveryError(f"connecting to {destination} failed: {exc}") from exc
        try:
            if self.username:
                smtp.login(self.username, self.password or "")
            refused = smtp.send_message(message, from_addr=sender, to_addrs=list(to))
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryError(f"{destination} refused the login for {self.username}") from exc
        except (smtplib.SMTPResponseException, smtplib.SMTPRecipientsRefused) as exc:
            raise DeliveryError(f"{destination} refused the message: {exc}") from exc
        except (smtplib.SMTPException, OSError) as exc:
            if smtp.data_started:
                raise DeliveryInDoubt(
                    f"the connection to {destination} was lost while sending; "
                    f"the message may or may not have gone out: {exc}"
                ) from exc
            raise DeliveryError(f"sending to {destination} failed: {exc}") from exc
        finally:
            _close_quietly(smtp)
        accepted = tuple(addr for addr in to if addr not in refused)
        return DeliveryReceipt(message_id, "smtp", destination, accepted)

    def _connect(self) -> _Smtp | _SmtpSsl:
        if self.mode is Security.TLS:
            return _SmtpSsl(self.host, self.port, timeout=self.timeout, context=self.tls_context())
        smtp = _Smtp(self.host, self.port, timeout=self.timeout)
        if self.mode is Security.STARTTLS:
            try:
                smtp.ehlo()
                if not smtp.has_extn("starttls"):
                    raise DeliveryError(
                        f"{self.host}:{self.port} does not offer STARTTLS; refusing to send "
                        "in plain text (use security 'tls' if the port expects TLS)"
                    )
                smtp.starttls(context=self.tls_context())
                smtp.ehlo()
            except BaseException:
                smtp.close()
                raise
        return smtp


def _close_quietly(smtp: smtplib.SMTP) -> None:
    """Say goodbye; whatever goes wrong now cannot undo or redo the send."""
    try:
        smtp.quit()
    except (smtplib.SMTPException, OSError):
        smtp.close()
