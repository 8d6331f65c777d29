"""Save a message as a draft in the user's own mail account, for them to send.

The folder is the one the server marks ``\\Drafts`` (RFC 6154 SPECIAL-USE), so
it shows up in the user's mail client whatever the folder is called in their
language; imapclient falls back to a folder named Drafts.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import parsedate_to_datetime

from imapclient import DRAFT, IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError
from imapclient.imapclient import DRAFTS

from gracefully.deliver.message import message_bytes
from gracefully.deliver.transport import (
    DeliveryError,
    DeliveryReceipt,
    Endpoint,
    Security,
    recipients,
    require_message_id,
)

_APPENDUID = re.compile(rb"\[APPENDUID \d+ (\d+)\]")


@dataclass(frozen=True)
class ImapDraftsDeliverer(Endpoint):
    """APPENDs with the ``\\Draft`` flag; `folder` overrides the special-use lookup."""

    folder: str | None = None

    def deliver(self, message: EmailMessage) -> DeliveryReceipt:
        message_id = require_message_id(message)
        raw = message_bytes(message)
        where = f"imap://{self.host}:{self.port}"
        try:
            with self._connect() as client:
                client.login(self.username or "", self.password or "")
                folder = self.folder or client.find_special_folder(DRAFTS)
                if folder is None:
                    raise DeliveryError(f"{where} has no Drafts folder (none marked \\Drafts)")
                response = client.append(folder, raw, flags=(DRAFT,), msg_time=_date(message))
        except LoginError as exc:
            raise DeliveryError(f"{where} refused the login for {self.username}") from exc
        except (IMAPClientError, OSError) as exc:
            raise DeliveryError(f"saving the draft to {where} failed: {exc}") from exc
        uid = _APPENDUID.search(response or b"")
        return DeliveryReceipt(
            message_id,
            "imap",
            f"{where}/{folder}",
            recipients(message),
            int(uid.group(1)) if uid else None,
        )

    def _connect(self) -> IMAPClient:
        implicit = self.mode is Security.TLS
        context = self.tls_context() if implicit else None
        client = IMAPClient(
            self.host, self.port, ssl=implicit, ssl_context=context, timeout=self.timeout
        )
        if self.mode is Security.STARTTLS:
            try:
                if not client.has_capability("STARTTLS"):
                    raise DeliveryError(
                        f"{self.host}:{self.port} does not offer STARTTLS; refusing to log in "
                        "in plain text (use security 'tls' if the port expects TLS)"
                    )
                client.starttls(self.tls_context())
            except BaseException:
                with contextlib.suppress(OSError):
                    client.shutdown()
                raise
        return client


def _date(message: EmailMessage) -> datetime | None:
    value = message.get("Date")
    return parsedate_to_datetime(str(value)) if value else None
