"""`Database.exclusive` makes holders take turns, across connections, on both databases."""

from __future__ import annotations

import threading
import time

from gracefully.store.db import Database


def test_holders_take_turns(db: Database, db_url: str) -> None:
    other = Database(db_url, migrate_schema=False)
    trace: list[str] = []
    entered = threading.Event()

    def second() -> None:
        entered.wait(5)
        with other.exclusive("scan"):
            trace.append("second in")

    thread = threading.Thread(target=second)
    thread.start()
    with db.exclusive("scan"):
        trace.append("first in")
        entered.set()
        time.sleep(0.3)  # the other holder must still be waiting outside
        trace.append("first out")
    thread.join(10)
    other.close()
    assert trace == ["first in", "first out", "second in"]


def test_different_names_do_not_block(db: Database) -> None:
    with db.exclusive("scan"), db.exclusive("something-else"):
        pass
