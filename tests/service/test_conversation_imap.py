"""A conversation on a real Dovecot: the rejection in INBOX, the user's feedback ask in
Sent, the employer's answer in INBOX. The answer is the outcome of the user's note, an
event of the application, never a second rejection to follow up."""

# ruff: noqa: F811  (pytest fixtures are imported, then requested by name)
from __future__ import annotations

from datetime import timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pytest
from tests.services.dovecot import DovecotServer, ImapAccount
from tests.services.imap_sync import (  # noqa: F401
    _START,
    dovecot,
    imap_account,
    make_account,
    reader,
    test_ca,
)
from tests.services.imap_sync import imap_settings as make_settings
from tests.services.tls import TestCA

from gracefully.domain import FollowUpStatus
from gracefully.plan import PlanSettings
from gracefully.service import accounts as account_service
from gracefully.service.followups import plan_followups
from gracefully.service.insights import gather_insights
from gracefully.service.scan import scan
from gracefully.service.sync import AccountSource
from gracefully.store.db import Database
from gracefully.understand import Reader

pytestmark = pytest.mark.services

USER = "Robin Quill <robin.quill@example.net>"
DANA = "Dana Whitfield <dana@lanternworks.example>"


def _mail(
    sender: str, to: str, subject: str, body: str, mid: str, minutes: int, **kw: str
) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, to, subject
    msg["Date"] = format_datetime(_START + _minutes(minutes))
    msg["Message-ID"] = mid
    for name, value in kw.items():
        msg[name.replace("_", "-")] = value
    msg.set_content(body)
    return msg.as_bytes()


def _minutes(n: int) -> timedelta:
    return timedelta(minutes=n)


REJECTION = _mail(
    DANA, USER, "Your interview for Data Analyst",
    "Hi Robin,\n\nThank you for interviewing with us for the Data Analyst role. After a lot "
    "of thought we have decided not to move forward with your application.\n\nBest,\n"
    "Dana Whitfield\nTalent Partner, Lanternworks", "<rej@lanternworks.example>", 0,
)  # fmt: skip
ASK = _mail(
    USER, DANA, "Re: Your interview for Data Analyst",
    "Hi Dana,\n\nThank you for letting me know. Would you share what would have made the "
    "difference? It would help me prepare.\n\nBest wishes,\nRobin",
    "<ask@example.net>", 60 * 26, In_Reply_To="<rej@lanternworks.example>",
    References="<rej@lanternworks.example>",
)  # fmt: skip
ANSWER = _mail(
    DANA, USER, "Re: Your interview for Data Analyst",
    "Hi Robin,\n\nHappy to help. The other finalists had more hands-on experience with "
    "forecasting models, and your case study stayed at a high level. Your communication was "
    "excellent.\n\nBest,\nDana", "<answer@lanternworks.example>", 60 * 50,
    In_Reply_To="<ask@example.net>", References="<rej@lanternworks.example> <ask@example.net>",
)  # fmt: skip


def test_the_employers_answer_is_the_outcome_of_the_users_ask(
    dovecot: DovecotServer,
    imap_account: ImapAccount,
    test_ca: TestCA,
    reader: Reader,
    tmp_path: Path,
) -> None:
    settings = make_settings(tmp_path, imap_account)
    db = Database(settings.database_url)
    account = make_account(imap_account, test_ca, folders=("INBOX", "Sent"))
    account_service.add_account(db, settings, account, None)
    dovecot.append(imap_account, "INBOX", [REJECTION, ANSWER])
    dovecot.append(imap_account, "Sent", [ASK])

    scan(db, AccountSource(db, settings, account), reader, settings)
    plan = plan_followups(db, PlanSettings(), _START + _minutes(60 * 24 * 5))

    assert len(plan.items) == 1  # one application, one follow-up: the answer is no new one
    (item,) = plan.items
    assert item.followup.status is FollowUpStatus.SENT  # sent by hand, from the Sent folder
    assert item.followup.sent_message_id == "<ask@example.net>"
    assert item.followup.outcome is not None
    assert item.followup.reply_email_id == "<answer@lanternworks.example>"
    assert gather_insights(db).rejections.total == 1
    db.close()
