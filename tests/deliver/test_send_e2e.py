"""Follow-ups from the store to a real aiosmtpd and a real Dovecot, through the service.

What arrives must be exactly the approved draft, threaded under the
rejection; nothing goes out without an approval of that exact text, and
nothing goes out twice.
"""

from __future__ import annotations

from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import text as sql

from gracefully import track
from gracefully.deliver import (
    DeliveryError,
    DeliveryReceipt,
    ImapDraftsDeliverer,
    MemoryDeliverer,
    SmtpDeliverer,
)
from gracefully.domain import Email, FollowUpStatus
from gracefully.ingest import RawMessage, decode
from gracefully.service.delivery import SendInDoubt, export_eml, save_to_imap_drafts, send
from gracefully.service.followups import (
    FollowUpError,
    NotApproved,
    draft,
    edit_draft,
    get_followup,
    plan_followups,
)
from gracefully.service.profile import set_profile
from gracefully.store.db import Database
from tests.deliver.faulty_smtp import faulty_smtp
from tests.deliver.support import KEY, approve_as_read, header_names, parse, text
from tests.service.followup_world import (
    EARLIER_ID,
    NOW,
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
    approved = approve_as_read(db, followup_id)

    first = send(db, followup_id, smtp(smtp_server), key=KEY)
    again = send(db, followup_id, smtp(smtp_server), key=KEY)

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
        send(db, followup_id, smtp(smtp_server), key=KEY)
    assert smtp_server.received == []


def test_an_edit_after_approval_needs_a_new_approval(db: Database, smtp_server: SmtpServer) -> None:
    followup_id = drafted(db)
    approve_as_read(db, followup_id)
    body = "Hi Priya,\n\nThank you for the call last week. I enjoyed it.\n\nRobin\n"
    edit_draft(db, followup_id, body)
    with pytest.raises(NotApproved):
        send(db, followup_id, smtp(smtp_server), key=KEY)
    assert smtp_server.received == []

    approve_as_read(db, followup_id)
    send(db, followup_id, smtp(smtp_server), key=KEY)
    (mail,) = smtp_server.received
    assert text(mail.message()) == body


def test_header_injection_from_a_contact_name_and_a_subject_is_neutralised(
    db: Database, smtp_server: SmtpServer
) -> None:
    """The subject comes from the employer's mail; the tracker no longer takes such a
    name for a person, so the name is written into the draft as a database writer
    (or an older version) could have: the person approves it, and still no header
    is added."""
    email = rejection_email(subject="Your application\r\nBcc: spy@evil.example")
    followup_id = drafted(db, email=email)
    with db.engine.begin() as conn:
        conn.execute(
            sql("UPDATE followups SET draft_to_name = :n WHERE id = :i"),
            {"n": "Priya\r\nBcc: spy@evil.example", "i": followup_id},
        )
    approve_as_read(db, followup_id)

    send(db, followup_id, smtp(smtp_server), key=KEY)

    (mail,) = smtp_server.received
    assert mail.rcpt_tos == ("priya.hale@lanternworks.example",)
    names = header_names(mail.data)
    assert "bcc" not in names and names.count("to") == 1 and names.count("subject") == 1
    arrived = mail.message()
    assert "\n" not in arrived["Subject"] and "\r" not in arrived["To"]
    assert arrived["To"].addresses[0].addr_spec == "priya.hale@lanternworks.example"


HOSTILE_NAME = (
    b"=?utf-8?q?Priya_Okonkwo-Hale=0D=0A_Senior_Talent_Partner=2C_Lanternworks_Harbour"
    b"_Systems_=3Cspy=40evil=2Eexample=3E?="
)


def test_an_encoded_crlf_in_the_display_name_never_changes_the_recipient(
    db: Database, smtp_server: SmtpServer, tmp_path: Path
) -> None:
    """The rejection arrives through the real reader of mail, its sender's name
    hiding a line break and another address; the draft (addressed to the person
    who signed), the envelope and the To that a mail client reads from the bytes
    all name the parsed address only."""
    raw = (
        b"From: " + HOSTILE_NAME + b" <priya.hale@lanternworks.example>\r\n"
        b"To: Robin Quill <robin.quill@example.net>\r\n"
        b"Subject: Your application for Data Analyst\r\n"
        b"Message-ID: " + REJECTION_ID.encode() + b"\r\n"
        b"In-Reply-To: " + EARLIER_ID.encode() + b"\r\n"
        b"Date: Tue, 03 Mar 2026 10:15:00 +0000\r\n\r\n"
        b"Hi Robin,\r\n\r\nThank you for your time. We have decided to move forward "
        b"with other candidates.\r\n\r\nBest,\r\nPriya Okonkwo-Hale\r\n"
    )
    email = decode(RawMessage("hostile.eml", raw))
    assert isinstance(email, Email)
    reading = rejection_reading(email.id, contact=None)
    contacts = tuple(track.contacts_for(email, reading))
    followup_id = drafted(db, email=email, reading=reading, contacts=contacts)
    written = get_followup(db, followup_id).draft
    assert written is not None and written.to_email == "priya.hale@lanternworks.example"
    assert "spy" not in written.to_name
    approve_as_read(db, followup_id)

    send(db, followup_id, smtp(smtp_server), key=KEY)

    (mail,) = smtp_server.received
    assert mail.rcpt_tos == ("priya.hale@lanternworks.example",)
    exported = parse(export_eml(db, followup_id, tmp_path / "sent.eml").read_bytes())
    for arrived in (mail.message(), exported):
        assert [a.addr_spec for a in arrived["To"].addresses] == ["priya.hale@lanternworks.example"]
        assert "spy" not in str(arrived["To"])


def test_a_failed_send_retries_with_the_message_id_it_recorded(
    db: Database, smtp_server: SmtpServer
) -> None:
    followup_id = drafted(db)
    approve_as_read(db, followup_id)
    with pytest.raises(DeliveryError):
        send(db, followup_id, smtp(smtp_server, password="wrong-password"), key=KEY)
    allocated = get_followup(db, followup_id).sent_message_id
    assert allocated and smtp_server.received == []

    send(db, followup_id, smtp(smtp_server), key=KEY)
    (mail,) = smtp_server.received
    assert mail.message()["Message-ID"] == allocated


class _CrashMidSend(MemoryDeliverer):
    """Stands for an interrupt (Ctrl-C) after the server took the message. (A
    process that dies outright is tested in test_send_race.)"""

    def deliver(self, message: EmailMessage) -> DeliveryReceipt:
        super().deliver(message)
        raise KeyboardInterrupt


def test_a_send_that_never_reported_back_is_not_repeated_unless_asked(db: Database) -> None:
    followup_id = drafted(db)
    approve_as_read(db, followup_id)
    crashed = _CrashMidSend()
    with pytest.raises(KeyboardInterrupt):
        send(db, followup_id, crashed, key=KEY)
    memory = MemoryDeliverer()
    with pytest.raises(SendInDoubt, match="--retry"):
        send(db, followup_id, memory, key=KEY)
    assert memory.delivered == []

    send(db, followup_id, memory, retry=True, key=KEY)
    (message,) = memory.delivered
    assert message["Message-ID"] == crashed.delivered[0]["Message-ID"]


def test_a_draft_in_doubt_cannot_be_edited_or_rewritten(db: Database) -> None:
    followup_id = drafted(db)
    approve_as_read(db, followup_id)
    with pytest.raises(KeyboardInterrupt):
        send(db, followup_id, _CrashMidSend(), key=KEY)
    with pytest.raises(FollowUpError, match="--retry"):
        edit_draft(db, followup_id, "Hi Priya,\n\nThank you again.\n\nRobin\n")
    with pytest.raises(FollowUpError, match="--retry"):
        draft(db, followup_id, regenerate=True)
    memory = MemoryDeliverer()
    with pytest.raises(SendInDoubt):
        send(db, followup_id, memory, key=KEY)
    assert memory.delivered == []


def test_a_connection_lost_after_the_data_keeps_the_send_in_doubt(db: Database) -> None:
    followup_id = drafted(db)
    approve_as_read(db, followup_id)
    with faulty_smtp(drop_after_data=True) as server:
        dropping = SmtpDeliverer(server.host, server.port, None, None, "plain-localhost")
        with pytest.raises(SendInDoubt, match="--retry"):
            send(db, followup_id, dropping, key=KEY)
    memory = MemoryDeliverer()
    with pytest.raises(SendInDoubt, match="never finished"):
        send(db, followup_id, memory, key=KEY)
    assert memory.delivered == []

    send(db, followup_id, memory, retry=True, key=KEY)
    (message,) = memory.delivered
    assert message["Message-ID"].encode() in server.messages[0]


def test_approved_drafts_are_saved_to_the_dovecot_drafts_folder_once(
    db: Database, imap_account: ImapAccount
) -> None:
    followup_id = drafted(db)
    approved = approve_as_read(db, followup_id)
    saver = ImapDraftsDeliverer(
        imap_account.host,
        imap_account.port,
        imap_account.username,
        imap_account.password,
        "plain-localhost",
    )

    (first,) = save_to_imap_drafts(db, saver, key=KEY)
    (second,) = save_to_imap_drafts(db, saver, key=KEY)

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
        save_to_imap_drafts(db, MemoryDeliverer(), ids=[followup_id], key=KEY)
    assert save_to_imap_drafts(db, MemoryDeliverer(), key=KEY) == []


def test_a_cancelled_follow_up_keeps_nothing_ready_to_send(db: Database) -> None:
    followup_id = drafted(db)
    approve_as_read(db, followup_id)
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
        send(db, followup_id, memory, key=KEY)
    with pytest.raises(NotApproved, match="cancelled"):
        save_to_imap_drafts(db, memory, ids=[followup_id], key=KEY)
    assert memory.delivered == []
