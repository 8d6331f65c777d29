"""An approval is bound to what the person read and to what is sent, on both databases.

The revision names the text read; the keyed record (its key in a 0600 file,
not in the database) covers From, To, Subject, threading, body and revision,
so a change made after approval, or an approval written into the database by
anyone without the key, never goes out. Sends go to a real aiosmtpd.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import text as sql
from tests.deliver.support import KEY, approve_as_read
from tests.service.followup_world import NOW, SETTINGS, USER, seed
from tests.services.smtp import SmtpServer

from gracefully.config import Settings
from gracefully.deliver import SmtpDeliverer
from gracefully.domain import FollowUpStatus
from gracefully.service.delivery import save_to_imap_drafts, send
from gracefully.service.followups import (
    FollowUpError,
    NotApproved,
    StaleRevision,
    approval_key,
    approval_record,
    approve,
    draft,
    edit_draft,
    get_followup,
    plan_followups,
    to_approve,
)
from gracefully.service.profile import set_profile
from gracefully.store.db import Database

pytestmark = pytest.mark.services
OTHER_TEXT = "Hi Priya,\n\nThank you for letting me know. I wish the team well.\n\nRobin\n"


def drafted(db: Database) -> int:
    seed(db)
    set_profile(db, name=USER.name, email=USER.email)
    (item,) = plan_followups(db, SETTINGS, NOW).items
    draft(db, item.followup.id)  # type: ignore[arg-type]
    return item.followup.id  # type: ignore[return-value]


def smtp(server: SmtpServer) -> SmtpDeliverer:
    return SmtpDeliverer(
        server.host, server.port, server.username, server.password, "plain-localhost"
    )


def test_each_change_to_what_would_be_sent_is_a_new_revision(db: Database) -> None:
    followup_id = drafted(db)
    first = get_followup(db, followup_id).revision
    draft(db, followup_id)  # nothing asked, nothing changes
    assert get_followup(db, followup_id).revision == first
    edit_draft(db, followup_id, OTHER_TEXT)
    assert get_followup(db, followup_id).revision == first + 1
    set_profile(db, signature="R.")  # not part of the message: no new revision
    assert get_followup(db, followup_id).revision == first + 1
    set_profile(db, email="robin@quill.example")  # the From changes
    assert get_followup(db, followup_id).revision == first + 2
    set_profile(db, name="Robin Q.")
    assert get_followup(db, followup_id).revision == first + 3
    draft(db, followup_id, regenerate=True)
    assert get_followup(db, followup_id).revision == first + 4


def test_a_stale_or_missing_revision_approves_nothing(db: Database) -> None:
    followup_id = drafted(db)
    read = get_followup(db, followup_id).revision
    edit_draft(db, followup_id, OTHER_TEXT)  # another process, while the person reads

    with pytest.raises(StaleRevision, match=f"you read revision {read}") as refused:
        approve(db, followup_id, revision=read, key=KEY)
    assert refused.value.current.draft.body == OTHER_TEXT  # type: ignore[union-attr]
    assert refused.value.current.revision == read + 1
    with pytest.raises(StaleRevision, match="did not say which revision"):
        approve(db, followup_id, revision=None, key=KEY)
    stored = get_followup(db, followup_id)
    assert (stored.status, stored.approved_hash) == (FollowUpStatus.DRAFTED, None)

    approved = approve(db, followup_id, revision=read + 1, key=KEY)
    assert approved.approval_current and approved.draft.body == OTHER_TEXT  # type: ignore[union-attr]


def test_the_text_shown_must_be_the_text_now(db: Database) -> None:
    """A database writer can change the text without a new revision; the
    fingerprint of what the person was shown still tells."""
    followup_id = drafted(db)
    shown = to_approve(db, followup_id)
    with db.engine.begin() as conn:
        conn.execute(
            sql("UPDATE followups SET draft_body = :b WHERE id = :i"),
            {"b": OTHER_TEXT, "i": followup_id},
        )
    with pytest.raises(StaleRevision, match="the text you read is not the text now"):
        approve(
            db,
            followup_id,
            revision=shown.followup.revision,
            key=KEY,
            seen=shown.fingerprint,
        )
    assert get_followup(db, followup_id).approved_hash is None


def test_approving_needs_the_from_address(db: Database) -> None:
    seed(db)
    set_profile(db, name="Robin Quill")
    (item,) = plan_followups(db, SETTINGS, NOW).items
    written = draft(db, item.followup.id)  # type: ignore[arg-type]
    with pytest.raises(FollowUpError, match="your address is unknown"):
        approve(db, written.id, revision=written.revision, key=KEY)  # type: ignore[arg-type]


def test_approving_needs_a_name_the_user_set(db: Database) -> None:
    seed(db)
    set_profile(db, email="robin.quill@example.net")
    (item,) = plan_followups(db, SETTINGS, NOW).items
    written = draft(db, item.followup.id)  # type: ignore[arg-type]
    with pytest.raises(FollowUpError, match="your name is not set"):
        approve(db, written.id, revision=written.revision, key=KEY)  # type: ignore[arg-type]
    assert get_followup(db, written.id).approved_hash is None  # type: ignore[arg-type]


def test_a_from_change_after_approval_blocks_the_send(
    db: Database, smtp_server: SmtpServer
) -> None:
    followup_id = drafted(db)
    approve_as_read(db, followup_id)
    set_profile(db, email="robin.quill@elsewhere.example")
    assert not get_followup(db, followup_id).approval_current
    with pytest.raises(NotApproved, match=r"changed since approval.*approve again"):
        send(db, followup_id, smtp(smtp_server), key=KEY)
    assert smtp_server.received == []

    approve_as_read(db, followup_id)
    send(db, followup_id, smtp(smtp_server), key=KEY)
    (mail,) = smtp_server.received
    assert mail.mail_from == "robin.quill@elsewhere.example"


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("draft_in_reply_to", "<other-thread@mail.lanternworks.example>"),
        ("draft_references", '["<other-thread@mail.lanternworks.example>"]'),
        ("draft_to_email", "spy@evil.example"),
        ("draft_subject", "Re: something else"),
        ("draft_body", OTHER_TEXT),
    ],
)
def test_a_change_written_straight_into_the_database_after_approval_is_not_sent(
    db: Database, smtp_server: SmtpServer, column: str, value: str
) -> None:
    """No new revision, status still approved: only the keyed record tells."""
    followup_id = drafted(db)
    approve_as_read(db, followup_id)
    with db.engine.begin() as conn:
        conn.execute(
            sql(f"UPDATE followups SET {column} = :v WHERE id = :i"), {"v": value, "i": followup_id}
        )
    assert get_followup(db, followup_id).status is FollowUpStatus.APPROVED
    with pytest.raises(NotApproved, match="changed since approval"):
        send(db, followup_id, smtp(smtp_server), key=KEY)
    with pytest.raises(NotApproved, match="changed since approval"):
        save_to_imap_drafts(db, smtp(smtp_server), ids=[followup_id], key=KEY)
    assert smtp_server.received == []


def test_a_from_written_straight_into_the_profile_is_not_sent(
    db: Database, smtp_server: SmtpServer
) -> None:
    followup_id = drafted(db)
    approve_as_read(db, followup_id)
    with db.engine.begin() as conn:
        conn.execute(sql("UPDATE profile SET name = 'Robin Quill, via HR'"))
    with pytest.raises(NotApproved, match="changed since approval"):
        send(db, followup_id, smtp(smtp_server), key=KEY)
    assert smtp_server.received == []


def _forge(db: Database, followup_id: int, record: str) -> None:
    revision = get_followup(db, followup_id).revision
    with db.engine.begin() as conn:
        conn.execute(
            sql(
                "UPDATE followups SET status = 'approved', approved_hash = :h,"
                " approved_revision = :r WHERE id = :i"
            ),
            {"h": record, "r": revision, "i": followup_id},
        )


def test_an_approval_forged_in_the_database_is_refused(
    db: Database, smtp_server: SmtpServer
) -> None:
    followup_id = drafted(db)
    shown = to_approve(db, followup_id)
    written = shown.draft
    unkeyed = json.dumps([written.to_name, written.to_email or "", written.subject, written.body])
    forgeries = [
        hashlib.sha256(unkeyed.encode()).hexdigest(),  # the old, unkeyed approval
        shown.fingerprint,  # what anyone can compute from the rows
        approval_record(b"\0" * 32, followup_id, shown.followup.revision, written, shown.sender),
    ]
    for forged in forgeries:
        _forge(db, followup_id, forged)
        assert get_followup(db, followup_id).approval_current, "it looks approved"
        with pytest.raises(NotApproved, match="changed since approval"):
            send(db, followup_id, smtp(smtp_server), key=KEY)
    assert smtp_server.received == []

    _forge(
        db,
        followup_id,
        approval_record(KEY, followup_id, shown.followup.revision, written, shown.sender),
    )
    send(db, followup_id, smtp(smtp_server), key=KEY)  # the one made with the key goes
    assert len(smtp_server.received) == 1


def test_an_approval_made_with_another_key_does_not_send(
    db: Database, smtp_server: SmtpServer
) -> None:
    followup_id = drafted(db)
    approve_as_read(db, followup_id, key=bytes(32))
    with pytest.raises(NotApproved, match="changed since approval"):
        send(db, followup_id, smtp(smtp_server), key=KEY)
    assert smtp_server.received == []


def test_the_key_is_a_private_file_made_once(settings: Settings) -> None:
    first = approval_key(settings)
    path = settings.config_dir / "approval.key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert approval_key(settings) == first and len(first) == 32
    assert first.hex() not in repr(settings)
    os.chmod(path, 0o644)
    with pytest.raises(FollowUpError, match="chmod 600"):
        approval_key(settings)


def test_a_key_file_that_is_not_a_key_is_refused(settings: Settings) -> None:
    settings.config_dir.mkdir(parents=True)
    path: Path = settings.config_dir / "approval.key"
    path.write_text("not a key\n")
    path.chmod(0o600)
    with pytest.raises(FollowUpError, match="not a gracefully approval key"):
        approval_key(settings)


def test_the_key_never_reaches_the_database(db: Database, settings: Settings) -> None:
    followup_id = drafted(db)
    key = approval_key(settings)
    approve_as_read(db, followup_id, key=key)
    with db.engine.connect() as conn:
        rows = conn.execute(sql("SELECT * FROM followups")).all()
    assert key.hex() not in repr(rows) and key.hex().encode() not in repr(rows).encode()
