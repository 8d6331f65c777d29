"""A first scan of a new mailbox learns whose it is: the user's mail is theirs from the start."""

from __future__ import annotations

from tests.service.review_world import demo_reader

from gracefully import ingest
from gracefully.config import Settings
from gracefully.domain import Category
from gracefully.service.identity import user_identity
from gracefully.service.scan import scan
from gracefully.store import applications as app_store
from gracefully.store import identity as identity_store
from gracefully.store import mail as mail_store
from gracefully.store.db import Database
from gracefully.understand import Reader

__all__ = ["demo_reader"]

USER = "Noor Halvorsen <noor@postbox.example>"


def _inbound(n: int, company: str) -> bytes:
    return (
        f"From: Dana Whitfield <dana@{company}.example>\nTo: {USER}\n"
        f"Subject: Your application for Analyst {n}\nMessage-ID: <in-{n}@{company}.example>\n"
        f"Date: Tue, 05 Mar 2024 10:0{n}:00 +0000\n\n"
        f"Hi Noor,\n\nThank you for interviewing with us for the Analyst {n} role. We have "
        "decided not to move forward with your application.\n\nBest,\nDana Whitfield\n"
    ).encode()


OWN_FOLLOWUP = (
    f"From: {USER}\nTo: Dana Whitfield <dana@acme.example>\nSubject: Re: Your application\n"
    "Message-ID: <own-1@postbox.example>\nIn-Reply-To: <in-1@acme.example>\n"
    "Date: Wed, 06 Mar 2024 10:00:00 +0000\n\n"
    "Hi Dana,\n\nThank you for letting me know. Unfortunately it was not to be, but I "
    "would welcome any feedback on why my application was rejected.\n\nNoor\n"
).encode()


def test_a_new_mailbox_teaches_who_the_user_is(
    db: Database, settings: Settings, demo_reader: Reader
) -> None:
    messages = [_inbound(n, c) for n, c in enumerate(["acme", "globex", "initech", "umbrella"], 1)]
    scan(db, ingest.MemorySource([*messages, OWN_FOLLOWUP]), demo_reader, settings)
    with db.transaction() as session:
        assert user_identity(session).addresses == {"noor@postbox.example"}
        stored = mail_store.get(session, "<own-1@postbox.example>")
        assert stored is not None and stored[1] is not None
        assert stored[1].category is Category.OTHER  # the user's own mail, never a rejection
        people = {
            c.email or c.name for a in app_store.list_all(session) for c in
            app_store.contacts(session, a.id or 0)
        }  # fmt: skip
        tally, _, _ = identity_store.load(session)
    assert "noor@postbox.example" not in people and "Noor Halvorsen" not in people
    assert tally.received["noor@postbox.example"] == 4


def test_an_address_the_user_rules_out_is_not_theirs(
    db: Database, settings: Settings, demo_reader: Reader
) -> None:
    with db.transaction() as session:
        identity_store.say(session, "noor@postbox.example", "not_mine")
    messages = [_inbound(n, c) for n, c in enumerate(["acme", "globex", "initech"], 1)]
    scan(db, ingest.MemorySource(messages), demo_reader, settings)
    with db.transaction() as session:
        assert user_identity(session).addresses == frozenset()


def test_an_absurd_address_is_not_counted_and_costs_no_mail(
    db: Database, settings: Settings, demo_reader: Reader
) -> None:
    absurd = "x" * 400 + "@example.org"
    messages = [
        _inbound(n, c).replace(USER.encode(), absurd.encode())
        for n, c in enumerate(["acme", "globex", "initech", "umbrella"], 1)
    ]
    for message in messages:  # one batch after another, each counting the same address
        report = scan(db, ingest.MemorySource([message]), demo_reader, settings)
        assert (report.new, report.skipped_messages) == (1, 0)
    with db.transaction() as session:
        tally, _, _ = identity_store.load(session)
    assert not any(len(a) > 320 for a in tally.received)
