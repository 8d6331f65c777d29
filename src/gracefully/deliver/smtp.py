"""Send one message over SMTP submission, encrypted unless the server is this machine."""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from email.message import EmailMessage

from gracefully.deliver.transport import (
    DeliveryError,
    DeliveryReceipt,
    Endpoint,
    Security,
    recipients,
    require_message_id,
)


@dataclass(frozen=True)
class SmtpDeliverer(Endpoint):
    """STARTTLS (usually port 587) by default, implicit TLS (usually 465) with
    ``security="tls"``, plain text only to this machine."""

    def deliver(self, message: EmailMessage) -> DeliveryReceipt:
        message_id = require_message_id(message)
        to = recipients(message)
        if not to:
            raise DeliveryError("message has no recipient (To); nothing to send")
        sender = message["From"].addresses[0].addr_spec
        destination = f"smtp://{self.host}:{self.port}"
        try:
            with self._connect() as smtp:
                if self.username:
                    smtp.login(self.username, self.password or "")
                refused = smtp.send_message(message, from_addr=sender, to_addrs=list(to))
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryError(f"{destination} refused the login for {self.username}") from exc
        except (smtplib.SMTPException, OSError) as exc:
            raise DeliveryError(f"sending to {destination} failed: {exc}") from exc
        accepted = tuple(addr for addr in to if addr not in refused)
        return DeliveryReceipt(message_id, "smtp", destination, accepted)

    def _connect(self) -> smtplib.SMTP:
        if self.mode is Security.TLS:
            return smtplib.SMTP_SSL(
                self.host, self.port, timeout=self.timeout, context=self.tls_context()
            )
        smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
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
