"""Mail the user sent is never read as an employer's: the scan knows their address."""

from __future__ import annotations

from tests.service.review_world import demo_reader, scan_demo

from gracefully.config import Settings
from gracefully.domain import Category
from gracefully.samples import demo_expected
from gracefully.service.profile import set_profile
from gracefully.store import mail as mail_store
from gracefully.store.db import Database
from gracefully.understand import Reader

__all__ = ["demo_reader"]


def test_the_users_own_mail_is_read_as_theirs(
    db: Database, settings: Settings, demo_reader: Reader
) -> None:
    own = [mid for mid, m in demo_expected()["messages"].items() if m.get("from_user")]
    assert own, "the sample mailbox should hold a message the user sent"
    set_profile(db, email="Sam.Rivera@example.net ")
    scan_demo(db, settings, demo_reader)
    with db.transaction() as session:
        for message_id in own:
            stored = mail_store.get(session, message_id)
            assert stored is not None and stored[1] is not None
            reading = stored[1]
            assert reading.category is Category.OTHER
            assert reading.confidence == 1.0
            assert any("sent by you" in e.sentence for e in reading.evidence_for("category"))
