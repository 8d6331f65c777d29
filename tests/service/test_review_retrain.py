"""`retrain` folds the user's category corrections into the model and re-reads the rest."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from tests.service.review_world import NOW, demo_reader, retrain_dir, seed_lookalikes

from gracefully.config import Settings
from gracefully.domain import Category
from gracefully.service import review
from gracefully.store import mail as mail_store
from gracefully.store.db import Database
from gracefully.understand import Reader

__all__ = ["demo_reader", "retrain_dir"]


@pytest.mark.slow
def test_retraining_with_corrections_changes_a_prediction(
    db: Database, settings: Settings, demo_reader: Reader, retrain_dir: Path
) -> None:
    settings = replace(settings, data_dir=retrain_dir)
    ids = seed_lookalikes(db, demo_reader)
    with db.transaction() as session:
        first = {i: mail_store.get(session, i)[1] for i in ids}  # type: ignore[index]
    assert all(r is not None and r.category is not Category.REJECTION for r in first.values())
    for email_id in ids[:3]:
        fix = review.Fix(category=Category.REJECTION)
        review.resolve(db, settings, f"reading:{email_id}", fix, now=NOW)
    report = review.retrain(db, settings, now=NOW)
    assert report.corrections == 3
    assert report.changed >= 1
    with db.transaction() as session:
        after = {i: mail_store.get(session, i)[1] for i in ids}  # type: ignore[index]
    last = after[ids[3]]
    assert last is not None and last.category is Category.REJECTION and not last.corrected
    assert all(r is not None and r.corrected for i, r in after.items() if i != ids[3])
