"""Measure `understand.details.extract` against the labelled dev corpus.

Usage: .venv/bin/python bench/eval_details.py [path/to/dev.jsonl] [--errors FIELD]

Scores the rejection details over the TRUE rejections (the category is given,
so these figures are the details alone), and company/role/contact exact match
(after case and whitespace folding) over every job email whose label has a
value; `<field>_null` is the share of null labels left null (false positives
lower it). The corpus
is only read here, to measure: nothing from it is kept.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from email.utils import parseaddr
from pathlib import Path

from gracefully.domain import Address, Category, Email
from gracefully.understand.details import Details, extract

DEFAULT = Path("/work/shared/corpus/dev.jsonl")
FLAGS = ("keep_on_file", "invite_reapply", "alt_role", "personal")
ENTITIES = ("company", "role", "contact")


def to_email(record: dict) -> Email:
    name, address = parseaddr(record.get("sender") or "")
    sender = Address(name, address.lower()) if (name or address) else None
    return Email(record["id"], record.get("subject") or "", sender, None, record.get("body") or "")


def fold(value: str | None) -> str:
    return " ".join((value or "").casefold().split())


def score(records: list[dict], show: str | None) -> dict[str, float]:
    counts: Counter[str] = Counter()
    tp = fp = fn = 0
    started = time.perf_counter()
    for record in records:
        label = record["label"]
        category = Category(label["category"])
        details = extract(to_email(record), category)
        _entities(label, details, counts, show, record)
        if category is not Category.REJECTION:
            continue
        truth, got = label["rejection"], details.rejection
        assert got is not None
        counts["rejections"] += 1
        checks = {
            "stage": (truth["stage"], got.stage.value),
            "feedback": (truth["feedback"], got.feedback.value),
        }
        checks |= {flag: (truth[flag], getattr(got, flag)) for flag in FLAGS}
        for name, (want, have) in checks.items():
            counts[name] += want == have
            if show == name and want != have:
                _show(record, name, want, have)
        want_r, have_r = set(truth["reasons"]), {r.value for r in got.reasons}
        tp, fp, fn = tp + len(want_r & have_r), fp + len(have_r - want_r), fn + len(want_r - have_r)
        if show == "reasons" and want_r != have_r:
            _show(record, "reasons", sorted(want_r), sorted(have_r))
    elapsed = time.perf_counter() - started
    n = counts["rejections"]
    result = {name: counts[name] / n for name in ("stage", "feedback", *FLAGS)}
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    result |= {
        "reasons_p": precision,
        "reasons_r": recall,
        "reasons_f1": 2 * precision * recall / max(1e-9, precision + recall),
    }
    result |= {e: counts[f"{e}_ok"] / max(1, counts[f"{e}_n"]) for e in ENTITIES}
    result |= {
        f"{e}_null": counts[f"{e}_null_ok"] / max(1, counts[f"{e}_null_n"]) for e in ENTITIES
    }
    result["emails_per_s"] = len(records) / elapsed
    return result


def _entities(
    label: dict, details: Details, counts: Counter[str], show: str | None, record: dict
) -> None:
    if not Category(label["category"]).is_job and label["category"] != "recruiter_outreach":
        return
    for name in ENTITIES:
        want, have = label[name], getattr(details, name)
        if want is None:
            counts[f"{name}_null_n"] += 1
            counts[f"{name}_null_ok"] += have is None
            if show == name and have is not None:
                _show(record, name, want, have)
            continue
        counts[f"{name}_n"] += 1
        counts[f"{name}_ok"] += fold(want) == fold(have)
        if show == name and fold(want) != fold(have):
            _show(record, name, want, have)


def _show(record: dict, name: str, want: object, have: object) -> None:
    print(f"--- {record['id']} {name}: want={want!r} have={have!r}")
    print(f"    subject={record.get('subject')!r} sender={record.get('sender')!r}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--errors", help="print the misses of one field")
    args = parser.parse_args()
    records = [json.loads(line) for line in args.path.read_text().splitlines() if line.strip()]
    for name, value in score(records, args.errors).items():
        print(f"{name:>15}: {value:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
