"""Follow-ups from the store to a real aiosmtpd and a real Dovecot, through the service.

What arrives must be exactly the approved draft, threaded under the
rejection; nothing goes out without an approval of that exact text, and
nothing goes out twice.
"""

from __future__ import annotations

from datetime import timedelta
from email.message import EmailMessage

import pytest

from gracefully.deliver import (
    DeliveryError,
    DeliveryReceipt,
    ImapDraftsDeliverer,
    MemoryDeliverer,
    SmtpDeliverer,
)
from gracefully.domain import Contact, ContactRole, FollowUpStatus
from gracefully.service.delivery import SendInDoubt, save_to_imap_drafts, send
from gracefully.service.followups import (
    FollowUpError,
    NotApproved,
    approve,
    draft,
    edit_draft,
    get_followup,
    plan_followups,
)
from gracefully.service.profile import set_profile
from gracefully.store.db import Database
from tests.deliver.faulty_smtp import faulty_smtp
from tests.deliver.support import header_names, parse, text
from tests.service.followup_world import (
    EARLIER_ID,
    NOW,
    RECRUITER,
    REJECTION_ID,
    SETTINGS,
    rejection_email,
    rejection_reading,
    seed,
    store_reply,
)
from tests.services.dovecot import ImapAccount
from tests.services.smtp import SmtpServer

pytestmark = pytest.mark.services


def smtp(server: SmtpServer, password: str | None = None) -> SmtpDeliverer:
    return SmtpDeliverer(
        server.host, server.port, server.username, password or server.password, "plain-localhost"
    )


def drafted(db: Database, **seeded: object) -> int:
    seed(db, **seeded)  # type: ignore[arg-type]
    set_profile(db, name="Robin Quill", email="robin.quill@example.net", signature="Robin")
    (item,) = plan_followups(db, SETTINGS, NOW).items
    draft(db, item.followup.id)  # type: ignore[arg-type]
    return item.followup.id  # type: ignore[return-value]


def test_the_approved_draft_arrives_exactly_threaded_and_only_once(
    db: Database, smtp_server: SmtpServer
) -> None:
    followup_id = drafted(db)
    approved = approve(db, followup_id)

    first = send(db, followup_id, smtp(smtp_server))
    again = send(db, followup_id, smtp(smtp_server))

    (mail,) = smtp_server.received
    assert again.receipt is None and again.followup.status is FollowUpStatus.SENT
    assert mail.mail_from == "robin.quill@example.net"
    assert mail.rcpt_tos == ("priya.hale@lanternworks.example",)
    arrived = mail.message()
    assert arrived["From"] == "Robin Quill <robin.quill@example.net>"
    assert arrived["To"] == "Priya Okonkwo-Hale <priya.hale@lanternworks.example>"
    assert arrived["Subject"] == "Re: Your application for Data Analyst"
    assert arrived["In-Reply-To"] == REJECTION_ID
    assert arrived["References"].split() == [EARLIER_ID, REJECTION_ID]
    assert arrived["Message-ID"] == first.followup.sent_message_id
    assert text(arrived) == approved.draft.body  # type: ignore[union-attr]
    assert text(arrived).startswith("Hi Priya,\n")
    stored = get_followup(db, followup_id)
    assert (stored.status, stored.sent_message_id) == (FollowUpStatus.SENT, arrived["Message-ID"])


def test_nothing_is_sent_without_an_approval(db: Database, smtp_server: SmtpServer) -> None:
    followup_id = drafted(db)
    with pytest.raises(NotApproved, match="not approved"):
        send(db, followup_id, smtp(smtp_server))
    assert smtp_server.received == []


def test_an_edit_after_approval_needs_a_new_approval(db: Database, smtp_server: SmtpServer) -> None:
    followup_id = drafted(db)
    approve(db, followup_id)
    body = "Hi Priya,\n\nThank you for the call last week. I enjoyed it.\n\nRobin\n"
    edit_draft(db, followup_id, body)
    with pytest.raises(NotApproved):
        send(db, followup_id, smtp(smtp_server))
    assert smtp_server.received == []

    approve(db, followup_id)
    send(db, followup_id, smtp(smtp_server))
    (mail,) = smtp_server.received
    assert text(mail.message()) == body


def test_header_injection_from_a_contact_name_and_a_subject_is_neutralised(
    db: Database, smtp_server: SmtpServer
) -> None:
    hostile = Contact("Priya\r\nBcc: spy@evil.example", RECRUITER.email, ContactRole.RECRUITER)
    email = rejection_email(subject="Your application\r\nBcc: spy@evil.example")
    followup_id = drafted(db, email=email, contacts=(hostile,))
    approve(db, followup_id)

    send(db, followup_id, smtp(smtp_server))

    (mail,) = smtp_server.received
    assert mail.rcpt_tos == ("priya.hale@lanternworks.example",)
    names = header_names(mail.data)
    assert "bcc" not in names and names.count("to") == 1 and names.count("subject") == 1
    arrived = mail.message()
    assert "\n" not in arrived["Subject"] and "\r" not in arrived["To"]
    assert arrived["To"].addresses[0].addr_spec == "priya.hale@lanternworks.example"


def test_a_failed_send_retries_with_the_message_id_it_recorded(
    db: Database, smtp_server: SmtpServer
) -> None:
    followup_id = drafted(db)
    approve(db, followup_id)
    with pytest.raises(DeliveryError):
        send(db, followup_id, smtp(smtp_server, password="wrong-password"))
    allocated = get_followup(db, followup_id).sent_message_id
    assert allocated and smtp_server.received == []

    send(db, followup_id, smtp(smtp_server))
    (mail,) = smtp_server.received
    assert mail.message()["Message-ID"] == allocated


class _CrashMidSend(MemoryDeliverer):
    """Stands for the process dying after the server took the message."""

    def deliver(self, message: EmailMessage) -> DeliveryReceipt:
        super().deliver(message)
        raise KeyboardInterrupt


def test_a_send_that_never_reported_back_is_not_repeated_unless_asked(db: Database) -> None:
    followup_id = drafted(db)
    approve(db, followup_id)
    crashed = _CrashMidSend()
    with pytest.raises(KeyboardInterrupt):
        send(db, followup_id, crashed)
    memory = MemoryDeliverer()
    with pytest.raises(SendInDoubt, match="--retry"):
        send(db, followup_id, memory)
    assert memory.delivered == []

    send(db, followup_id, memory, retry=True)
    (message,) = memory.delivered
    assert message["Message-ID"] == crashed.delivered[0]["Message-ID"]


def test_a_draft_in_doubt_cannot_be_edited_or_rewritten(db: Database) -> None:
    followup_id = drafted(db)
    approve(db, followup_id)
    with pytest.raises(KeyboardInterrupt):
        send(db, followup_id, _CrashMidSend())
    with pytest.raises(FollowUpError, match="--retry"):
        edit_draft(db, followup_id, "Hi Priya,\n\nThank you again.\n\nRobin\n")
    with pytest.raises(FollowUpError, match="--retry"):
        draft(db, followup_id, regenerate=True)
    memory = MemoryDeliverer()
    with pytest.raises(SendInDoubt):
        send(db, followup_id, memory)
    assert memory.delivered == []


def test_a_connection_lost_after_the_data_keeps_the_send_in_doubt(db: Database) -> None:
    followup_id = drafted(db)
    approve(db, followup_id)
    with faulty_smtp(drop_after_data=True) as server:
        dropping = SmtpDeliverer(server.host, server.port, None, None, "plain-localhost")
        with pytest.raises(SendInDoubt, match="--retry"):
            send(db, followup_id, dropping)
    memory = MemoryDeliverer()
    with pytest.raises(SendInDoubt, match="never finished"):
        send(db, followup_id, memory)
    assert memory.delivered == []

    send(db, followup_id, memory, retry=True)
    (message,) = memory.delivered
    assert message["Message-ID"].encode() in server.messages[0]


def test_approved_drafts_are_saved_to_the_dovecot_drafts_folder_once(
    db: Database, imap_account: ImapAccount
) -> None:
    followup_id = drafted(db)
    approved = approve(db, followup_id)
    saver = ImapDraftsDeliverer(
        imap_account.host,
        imap_account.port,
        imap_account.username,
        imap_account.password,
        "plain-localhost",
    )

    (first,) = save_to_imap_drafts(db, saver)
    (second,) = save_to_imap_drafts(db, saver)

    assert first[1] is not None and second[1] is None
    with imap_account.connect() as client:
        client.select_folder("Drafts", readonly=True)
        fetched = client.fetch(client.search("ALL"), ["FLAGS", "BODY.PEEK[]"])
    ((_uid, item),) = fetched.items()
    assert b"\\Draft" in item[b"FLAGS"]
    saved = parse(item[b"BODY[]"])
    assert saved["In-Reply-To"] == REJECTION_ID
    assert saved["Message-ID"] == first[1].message_id
    assert text(saved) == approved.draft.body  # type: ignore[union-attr]


def test_only_approved_drafts_go_to_imap(db: Database) -> None:
    followup_id = drafted(db)
    with pytest.raises(NotApproved):
        save_to_imap_drafts(db, MemoryDeliverer(), ids=[followup_id])
    assert save_to_imap_drafts(db, MemoryDeliverer()) == []


def test_a_cancelled_follow_up_keeps_nothing_ready_to_send(db: Database) -> None:
    followup_id = drafted(db)
    approve(db, followup_id)
    newer = rejection_email(
        message_id="<rej-4472@mail.lanternworks.example>", when=NOW + timedelta(days=1)
    )
    store_reply(
        db, get_followup(db, followup_id).application_id, newer, rejection_reading(newer.id)
    )
    plan_followups(db, SETTINGS, NOW + timedelta(days=2))
    assert get_followup(db, followup_id).status is FollowUpStatus.CANCELLED

    memory = MemoryDeliverer()
    with pytest.raises(NotApproved, match="cancelled"):
        send(db, followup_id, memory)
    with pytest.raises(NotApproved, match="cancelled"):
        save_to_imap_drafts(db, memory, ids=[followup_id])
    assert memory.delivered == []
