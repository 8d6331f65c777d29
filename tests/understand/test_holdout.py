"""The reader on an own-written holdout (tests/fixtures/understand/holdout.jsonl).

The holdout was written without looking at how the reader reads mail and is never
used as training data. Its first score was an honest check; since then its errors
have guided new rules and examples (in other words), so it is now a regression
guard: a change that undoes a general fix shows here. The floors sit a little under
the figures in docs/benchmarks.md ("Own-written holdout").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gracefully.understand.batch import reading_to_record, record_to_email
from gracefully.understand.reader import Reader

HOLDOUT = Path(__file__).parents[1] / "fixtures" / "understand" / "holdout.jsonl"


@pytest.fixture(scope="module")
def pairs(reader: Reader) -> list[tuple[dict, dict]]:
    records = [json.loads(line) for line in HOLDOUT.read_text(encoding="utf-8").splitlines()]
    readings = reader.read_many([record_to_email(r) for r in records])
    return [(r["label"], reading_to_record(x)) for r, x in zip(records, readings, strict=True)]


def _rejected(pairs: list[tuple[dict, dict]]) -> list[tuple[dict, dict]]:
    return [(g, p) for g, p in pairs if g["category"] == "rejection"]


def test_the_holdout_is_large_and_varied(pairs: list[tuple[dict, dict]]) -> None:
    assert len(pairs) >= 120
    assert {g["category"] for g, _ in pairs} == {
        "rejection", "confirmation", "interview", "assessment", "offer",
        "recruiter_outreach", "job_alert", "other",
    }  # fmt: skip


def test_rejections_are_found(pairs: list[tuple[dict, dict]]) -> None:
    tp = sum(g["category"] == p["category"] == "rejection" for g, p in pairs)
    fp = sum(g["category"] != "rejection" == p["category"] for g, p in pairs)
    fn = sum(g["category"] == "rejection" != p["category"] for g, p in pairs)
    assert 2 * tp / (2 * tp + fp + fn) >= 0.94
    assert sum(g["category"] == p["category"] for g, p in pairs) / len(pairs) >= 0.90


def test_stated_reasons_are_read(pairs: list[tuple[dict, dict]]) -> None:
    tp = fp = fn = 0
    for gold, pred in pairs:
        g = set((gold["rejection"] or {}).get("reasons", []))
        p = set((pred.get("rejection") or {}).get("reasons", []))
        tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
    assert 2 * tp / (2 * tp + fp + fn) >= 0.86


@pytest.mark.parametrize(
    ("field", "floor"),
    [
        ("stage", 0.92),
        ("feedback", 0.92),
        ("keep_on_file", 0.90),
        ("invite_reapply", 0.92),
        ("alt_role", 0.86),
        ("personal", 0.87),
    ],
)
def test_rejection_details_are_read(
    pairs: list[tuple[dict, dict]], field: str, floor: float
) -> None:
    rejected = _rejected(pairs)
    right = sum(g["rejection"][field] == (p.get("rejection") or {}).get(field) for g, p in rejected)
    assert right / len(rejected) >= floor
