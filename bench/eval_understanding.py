"""Measure the understand stage against a labelled JSON Lines file (SCHEMA.md labels).

Usage: python bench/eval_understanding.py [--data PATH] [--json]

Definitions (so the numbers can be compared across runs):
- rejection P/R/F1: "rejection" as the positive category.
- category accuracy and macro-F1: macro over the categories present in the gold labels.
- stage accuracy, and the accuracy of feedback / keep_on_file / invite_reapply /
  alt_role / personal: over the TRUE rejections; a missed rejection counts as wrong.
- reasons micro-F1 and per-reason F1: over every email, gold reasons of a non-rejection
  are empty and so are the predicted reasons of a predicted non-rejection, so reasons
  on a false rejection count as false positives.
- company / role / contact: exact match after case and whitespace folding, over the
  emails where the field is labelled (a predicted null is wrong).
- calibration: readings binned by confidence; per bin the count, mean confidence and
  accuracy, and the expected calibration error (count-weighted |accuracy - confidence|).
  Low confidence must mean "needs review", so low bins should be visibly less accurate.
- throughput: emails/s of `Reader.read_many` on one thread after a warm-up pass.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from itertools import pairwise  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from gracefully.domain import Reading  # noqa: E402
from gracefully.understand.batch import reading_to_record, record_to_email  # noqa: E402
from gracefully.understand.reader import Reader, load_reader  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev.jsonl"
BINS = (0.0, 0.5, 0.7, 0.9, 1.0)
FLAGS = ("feedback", "keep_on_file", "invite_reapply", "alt_role", "personal")
ENTITIES = ("company", "role", "contact")


def _f1(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _fold(value: str | None) -> str | None:
    return " ".join(value.casefold().split()) if value else None


def _categories(gold: list[dict], pred: list[dict]) -> dict[str, Any]:
    pairs = [(g["category"], p["category"]) for g, p in zip(gold, pred, strict=True)]
    per = {}
    for cat in sorted({g for g, _ in pairs}):
        tp = sum(g == cat and p == cat for g, p in pairs)
        fp = sum(g != cat and p == cat for g, p in pairs)
        fn = sum(g == cat and p != cat for g, p in pairs)
        per[cat] = _f1(tp, fp, fn)["f1"]
    confusion = Counter(f"{g}->{p}" for g, p in pairs if g != p)
    return {
        "accuracy": sum(g == p for g, p in pairs) / len(pairs),
        "macro_f1": sum(per.values()) / len(per),
        "per_category_f1": per,
        "confusions": dict(confusion.most_common(12)),
    }


def _rejection(gold: list[dict], pred: list[dict]) -> dict[str, float]:
    g = [x["category"] == "rejection" for x in gold]
    p = [x["category"] == "rejection" for x in pred]
    tp = sum(a and b for a, b in zip(g, p, strict=True))
    return _f1(tp, sum(b and not a for a, b in zip(g, p, strict=True)), sum(g) - tp)


def _reasons(gold: list[dict], pred: list[dict]) -> dict[str, Any]:
    def reasons(x: dict) -> set[str]:
        return set(x["rejection"]["reasons"]) if x.get("rejection") else set()

    counts: dict[str, list[int]] = {}
    for g, p in zip(gold, pred, strict=True):
        gs, ps = reasons(g), reasons(p)
        for r in gs | ps:
            c = counts.setdefault(r, [0, 0, 0])
            c[0] += r in gs and r in ps
            c[1] += r in ps and r not in gs
            c[2] += r in gs and r not in ps
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    per = {r: round(_f1(*c)["f1"], 3) for r, c in sorted(counts.items())}
    return {"micro_f1": _f1(*total)["f1"], "per_reason_f1": per}


def _rejection_fields(gold: list[dict], pred: list[dict]) -> dict[str, float]:
    true = [(g["rejection"], p.get("rejection")) for g, p in zip(gold, pred, strict=True)]
    true = [(g, p) for g, p in true if g]
    if not true:
        return {}
    out = {"stage_accuracy": sum(bool(p) and p["stage"] == g["stage"] for g, p in true)}
    for flag in FLAGS:
        out[f"{flag}_accuracy"] = sum(bool(p) and p[flag] == g[flag] for g, p in true)
    return {k: v / len(true) for k, v in out.items()}


def _entities(gold: list[dict], pred: list[dict]) -> dict[str, float]:
    out = {}
    for name in ENTITIES:
        labelled = [(g[name], p.get(name)) for g, p in zip(gold, pred, strict=True) if g[name]]
        if labelled:
            hits = sum(_fold(g) == _fold(p) for g, p in labelled)
            out[f"{name}_exact"] = hits / len(labelled)
    return out


def evaluate(gold: list[dict], pred: list[dict]) -> dict[str, Any]:
    """All figures for gold labels and predicted records, aligned by position."""
    return {
        "n": len(gold),
        "rejection": _rejection(gold, pred),
        "category": _categories(gold, pred),
        "reasons": _reasons(gold, pred),
        **_rejection_fields(gold, pred),
        **_entities(gold, pred),
    }


def calibration(gold: list[str], readings: list[Reading]) -> dict[str, Any]:
    """Reliability of `Reading.confidence` for the category, in `BINS`."""
    rows = [(r.confidence, r.category.value == g) for g, r in zip(gold, readings, strict=True)]
    bins, gap = [], 0.0
    for low, high in pairwise(BINS):
        inside = [(c, ok) for c, ok in rows if low <= c < high or (high == 1.0 and c == 1.0)]
        if inside:
            conf = sum(c for c, _ in inside) / len(inside)
            acc = sum(ok for _, ok in inside) / len(inside)
            bins.append(
                {
                    "range": f"{low:.1f}-{high:.1f}",
                    "n": len(inside),
                    "confidence": conf,
                    "accuracy": acc,
                }
            )
            gap += len(inside) * abs(acc - conf)
    return {"bins": bins, "ece": gap / len(rows) if rows else 0.0}


def throughput(reader: Reader, records: list[dict], repeats: int = 3) -> float:
    emails = [record_to_email(r) for r in records]
    reader.read_many(emails[:50])  # warm-up: caches, lazy imports, compiled patterns
    start = time.perf_counter()
    for _ in range(repeats):
        reader.read_many(emails)
    return repeats * len(emails) / (time.perf_counter() - start)


def run(data: Path, reader: Reader | None = None, timing: bool = True) -> dict[str, Any]:
    records = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line]
    reader = reader or load_reader()
    readings = reader.read_many([record_to_email(r) for r in records])
    pred = [reading_to_record(r, include_evidence=False) for r in readings]
    result = evaluate([r["label"] for r in records], pred)
    result["calibration"] = calibration([r["label"]["category"] for r in records], readings)
    if timing:
        result["emails_per_second"] = throughput(reader, records)
    return result


def report(result: dict[str, Any]) -> str:
    lines = [f"emails: {result['n']}"]
    rej = result["rejection"]
    lines.append("rejection  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}".format(**rej))
    cat = result["category"]
    lines.append(f"category   accuracy {cat['accuracy']:.3f}  macro-F1 {cat['macro_f1']:.3f}")
    lines += [f"  {c:<20} F1 {f:.3f}" for c, f in cat["per_category_f1"].items()]
    lines.append("  confusions (gold->pred): " + json.dumps(cat["confusions"]))
    lines.append(f"reasons    micro-F1 {result['reasons']['micro_f1']:.3f}")
    lines.append("  per reason: " + json.dumps(result["reasons"]["per_reason_f1"]))
    for key in ("stage", *FLAGS):
        if f"{key}_accuracy" in result:
            lines.append(f"{key + ' accuracy':<26} {result[f'{key}_accuracy']:.3f}")
    for name in ENTITIES:
        if f"{name}_exact" in result:
            lines.append(f"{name + ' exact match':<26} {result[f'{name}_exact']:.3f}")
    if "calibration" in result:
        lines.append(f"calibration ECE {result['calibration']['ece']:.3f}")
        lines += [
            "  confidence {range}: n {n:>4}  mean {confidence:.3f}  accuracy {accuracy:.3f}".format(
                **b
            )
            for b in result["calibration"]["bins"]
        ]
    if "emails_per_second" in result:
        lines.append(f"throughput (1 thread)      {result['emails_per_second']:.0f} emails/s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)
    result = run(args.data)
    print(json.dumps(result) if args.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
