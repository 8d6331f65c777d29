"""Application numbers are what the user types (`gracefully show 3`): no gaps, on either store."""

from __future__ import annotations

import pytest

from gracefully.domain import Application
from gracefully.store import applications as app_store
from gracefully.store.db import Database


def test_a_rolled_back_application_leaves_no_gap_in_the_numbers(db: Database) -> None:
    with db.transaction() as session:
        first = app_store.create(session, Application(company="Northwind"), "northwind")
    with pytest.raises(RuntimeError), db.transaction() as session:
        app_store.create(session, Application(company="Quarry Games"), "quarrygames")
        raise RuntimeError("the scan was killed here")
    with db.transaction() as session:
        second = app_store.create(session, Application(company="Quarry Games"), "quarrygames")
    assert (first, second) == (1, 2)
