"""The employer's answer to a follow-up, found by a scan, becomes its outcome."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from tests.deliver.support import KEY, approve_as_read
from tests.service.followup_world import (
    EARLIER_ID,
    NOW,
    RECEIVED,
    REJECTION_ID,
    SETTINGS,
    USER,
    rejection_reading,
    seed,
    store_reply,
)

from gracefully.config import Settings
from gracefully.deliver import MemoryDeliverer
from gracefully.domain import (
    Address,
    Category,
    Email,
    Feedback,
    FollowUpStatus,
    Outcome,
    Reading,
    Reason,
    Rejection,
    Stage,
)
from gracefully.service.delivery import send
from gracefully.service.followups import draft, get_followup, plan_followups
from gracefully.service.profile import set_profile
from gracefully.service.replies import record_replies
from gracefully.service.scan import open_mailbox, scan
from gracefully.store import followups as fu_store
from gracefully.store.db import Database

SENT_AT = NOW + timedelta(days=1)
REPLY_AT = SENT_AT + timedelta(days=2)


@dataclass
class ScriptedReader:
    """Reads each email as the test says, so the scan's reply handling is what is tested."""

    readings: dict[str, Reading]

    def read_many(
        self, emails: Sequence[Email], own_addresses: frozenset[str] = frozenset()
    ) -> list[Reading]:
        return [replace(self.readings[e.message_id or ""], email_id=e.id) for e in emails]


def sent_followup(db: Database, **reading: object) -> tuple[int, str]:
    app_id = seed(db, reading=rejection_reading(**reading))  # type: ignore[arg-type]
    set_profile(db, name=USER.name, email=USER.email)
    (item,) = plan_followups(db, SETTINGS, NOW).items
    followup_id = item.followup.id
    assert followup_id is not None
    draft(db, followup_id)
    approve_as_read(db, followup_id)
    result = send(db, followup_id, MemoryDeliverer(), now=SENT_AT, key=KEY)
    assert result.followup.sent_message_id
    return app_id, result.followup.sent_message_id


def write_reply(folder: Path, in_reply_to: str, body: str) -> Path:
    message = EmailMessage()
    message["From"] = "Priya Okonkwo-Hale <priya.hale@lanternworks.example>"
    message["To"] = str(USER)
    message["Subject"] = "Re: Your application for Data Analyst"
    message["Date"] = format_datetime(REPLY_AT)
    message["Message-ID"] = "<answer-4471@mail.lanternworks.example>"
    message["In-Reply-To"] = in_reply_to
    message["References"] = f"{EARLIER_ID} {REJECTION_ID} {in_reply_to}"
    message.set_content(body)
    folder.mkdir(exist_ok=True)
    path = folder / "reply.eml"
    path.write_bytes(bytes(message))
    return path


def test_a_scanned_reply_with_feedback_records_it_and_cancels_the_checkin(
    db: Database, settings: Settings, tmp_path: Path
) -> None:
    app_id, sent_id = sent_followup(db, reasons=(Reason.POSITION_FILLED,))
    followup_id = get_followup_for(db, app_id)
    with db.transaction() as session:
        current = fu_store.get(session, followup_id)
        assert current is not None
        planned = replace(current.move, checkin_at=SENT_AT + timedelta(weeks=8))
        fu_store.save(session, replace(current, move=planned))
    write_reply(
        tmp_path / "mail",
        sent_id,
        "Hi Robin,\nHappy to share: the person we hired had more dbt experience.\nPriya",
    )
    feedback = Reading(
        email_id="",
        category=Category.REJECTION,
        confidence=0.9,
        rejection=Rejection(
            stage=Stage.SCREEN, reasons=(Reason.EXPERIENCE_GAP,), feedback=Feedback.GIVEN
        ),
        company="Lanternworks",
        contact="Priya Okonkwo-Hale",
    )
    reader = ScriptedReader({"<answer-4471@mail.lanternworks.example>": feedback})

    scan(db, open_mailbox(str(tmp_path / "mail")), reader, settings)  # type: ignore[arg-type]

    done = get_followup(db, followup_id)
    assert done.status is FollowUpStatus.SENT
    assert done.outcome is Outcome.FEEDBACK_GIVEN
    assert done.feedback == (Reason.EXPERIENCE_GAP,)
    assert done.reply_email_id == "<answer-4471@mail.lanternworks.example>"
    assert done.outcome_at == REPLY_AT
    assert done.move.checkin_at is None
    (item,) = plan_followups(db, SETTINGS, REPLY_AT).items
    assert item.followup.id == followup_id, "the reply is an outcome, not a new rejection"


def get_followup_for(db: Database, app_id: int) -> int:
    with db.transaction() as session:
        (followup,) = fu_store.for_application(session, app_id)
    assert followup.id is not None
    return followup.id


def test_silence_after_three_weeks_is_no_reply(db: Database, settings: Settings) -> None:
    app_id, _ = sent_followup(db)
    followup_id = get_followup_for(db, app_id)
    record_replies(db, settings, SENT_AT + timedelta(days=20))
    assert get_followup(db, followup_id).outcome is None
    record_replies(db, settings, SENT_AT + timedelta(days=22))
    assert get_followup(db, followup_id).outcome is Outcome.NO_REPLY


def test_the_silence_window_is_the_users_setting(db: Database, settings: Settings) -> None:
    app_id, _ = sent_followup(db)
    followup_id = get_followup_for(db, app_id)
    patient = replace(settings, no_reply_days=30)
    record_replies(db, patient, SENT_AT + timedelta(days=22))
    assert get_followup(db, followup_id).outcome is None
    record_replies(db, patient, SENT_AT + timedelta(days=31))
    assert get_followup(db, followup_id).outcome is Outcome.NO_REPLY


def test_a_follow_up_the_user_sent_by_hand_counts_as_sent(db: Database, settings: Settings) -> None:
    app_id = seed(db)
    set_profile(db, name=USER.name, email=USER.email)
    plan_followups(db, SETTINGS, NOW)
    own = Email(
        id="<by-hand@example.net>",
        subject="Re: Your application for Data Analyst",
        sender=Address(USER.name, USER.email),
        date=RECEIVED + timedelta(days=1),
        body="Hi Priya, thank you.",
        message_id="<by-hand@example.net>",
        in_reply_to=REJECTION_ID,
    )
    store_reply(db, app_id, own, Reading(own.id, Category.OTHER, 0.9))
    record_replies(db, settings, NOW + timedelta(days=2))
    followup = get_followup(db, get_followup_for(db, app_id))
    assert followup.status is FollowUpStatus.SENT
    assert (followup.sent_message_id, followup.sent_at) == (own.message_id, own.date)
