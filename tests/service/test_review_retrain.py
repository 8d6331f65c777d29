"""`retrain` folds the user's category corrections into the model and re-reads the rest.

The look-alikes are stored as misread (recruiter outreach) by construction, so
the test does not rest on what the shipped model makes of them; what it rests
on is the point of retraining: corrections teach the model jargon that only
they contain.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from tests.service.review_world import NOW, demo_reader, retrain_dir, seed_lookalikes

from gracefully.config import Settings
from gracefully.domain import Category, Reading
from gracefully.service import review
from gracefully.service.profile import set_profile
from gracefully.store import mail as mail_store
from gracefully.store.db import Database
from gracefully.understand import Reader

__all__ = ["demo_reader", "retrain_dir"]


def _readings(db: Database, ids: list[str]) -> dict[str, Reading]:
    with db.transaction() as session:
        found = {i: mail_store.get(session, i) for i in ids}
    return {i: f[1] for i, f in found.items() if f is not None and f[1] is not None}


def _three_corrected(db: Database, settings: Settings, reader: Reader) -> list[str]:
    """The look-alikes stored, the first three corrected to rejections; returns all ids."""
    ids = seed_lookalikes(db, reader)
    for email_id in ids[:3]:
        fix = review.Fix(category=Category.REJECTION)
        review.resolve(db, settings, f"reading:{email_id}", fix, now=NOW)
    return ids


@pytest.mark.slow
def test_retraining_with_corrections_changes_a_prediction(
    db: Database, settings: Settings, demo_reader: Reader, retrain_dir: Path
) -> None:
    settings = replace(settings, data_dir=retrain_dir)
    ids = _three_corrected(db, settings, demo_reader)
    report = review.retrain(db, settings, now=NOW)
    assert report == review.RetrainReport(corrections=3, reread=1, changed=1)
    after = _readings(db, ids)
    corrected, last = [after[i] for i in ids[:3]], after[ids[3]]
    assert all(r.corrected and r.category is Category.REJECTION for r in corrected)
    assert last.category is Category.REJECTION and not last.corrected
    assert last.model_version != demo_reader.classifier.version
    assert {r.model_version for r in corrected} == {demo_reader.classifier.version}


@pytest.mark.slow
def test_retrain_reads_the_users_own_mail_as_scan_does(
    db: Database, settings: Settings, demo_reader: Reader, retrain_dir: Path
) -> None:
    """Mail from the profile's address (any case) is the user's own, never an employer's."""
    settings = replace(settings, data_dir=retrain_dir)
    ids = _three_corrected(db, settings, demo_reader)
    set_profile(db, email=" Ori@QuillFeather.example ")
    review.retrain(db, settings, now=NOW)
    last = _readings(db, ids)[ids[3]]
    assert (last.category, last.confidence) == (Category.OTHER, 1.0)
