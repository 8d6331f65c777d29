"""Measure the grace check against hand-written follow-up notes.

Usage: .venv/bin/python bench/eval_grace.py [path/to/notes.jsonl] [--json] [--errors]

Each note carries the findings it should produce (rule code -> severity).
Half are gracious (they must get no block), half are bad in one realistic way.
Per rule: precision and recall of the findings; overall: gracious notes that
got a false block, and bad notes that missed a labelled block, since those two
are what a user feels (a good note held back, a harmful one let through).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from gracefully.domain import Severity
from gracefully.write.grace import GraceContext, check
from gracefully.write.grace_rules import GRACE_RULES

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "grace" / "notes.jsonl"


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def found(note: dict) -> dict[str, str]:
    """The findings the check gives for a note, as code -> severity."""
    findings = check(note["text"], GraceContext(**note["context"]))
    return {f.code: f.severity.value for f in findings}


def score(notes: list[dict]) -> tuple[dict, list[str]]:
    counts: Counter[str] = Counter()
    errors = []
    for note in notes:
        want, got = note["expect"], found(note)
        for code in want.keys() | got.keys():
            hit = want.get(code) is not None and want.get(code) == got.get(code)
            counts[f"{code}:{'tp' if hit else ('fn' if code in want else 'fp')}"] += 1
            if code in want and code in got and not hit:
                counts[f"{code}:fp"] += 1
        blocks = {c for c, s in got.items() if s == Severity.BLOCK}
        wanted_blocks = {c for c, s in want.items() if s == Severity.BLOCK}
        if note["kind"] == "gracious" and blocks:
            counts["gracious_false_block"] += 1
        if note["kind"] == "bad" and wanted_blocks - blocks:
            counts["bad_missed_block"] += 1
        counts["exact"] += want == got
        if want != got:
            errors.append(f"{note['id']}: want {sorted(want)} got {sorted(got)}")
    return _report(notes, counts), errors


def _report(notes: list[dict], counts: Counter[str]) -> dict:
    rules = {}
    for rule in GRACE_RULES:
        tp, fp, fn = (counts[f"{rule.code}:{k}"] for k in ("tp", "fp", "fn"))
        rules[rule.code] = {
            "precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "recall": round(tp / (tp + fn), 3) if tp + fn else None,
            "tp": tp,
            "fp": fp,
            "fn": fn,
        }
    return {
        "notes": len(notes),
        "gracious": sum(n["kind"] == "gracious" for n in notes),
        "bad": sum(n["kind"] == "bad" for n in notes),
        "gracious_false_block": counts["gracious_false_block"],
        "bad_missed_block": counts["bad_missed_block"],
        "exact": counts["exact"],
        "rules": rules,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list notes not matched exactly")
    args = parser.parse_args()
    report, errors = score(load(args.path))
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        _print(report)
    if args.errors:
        print("\n".join(errors))


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def _print(report: dict) -> None:
    print(f"{'rule':<22} precision recall   tp  fp  fn")
    for code, r in report["rules"].items():
        print(
            f"{code:<22} {_fmt(r['precision']):>9} {_fmt(r['recall']):>6}"
            f" {r['tp']:>4} {r['fp']:>3} {r['fn']:>3}"
        )
    print(
        f"\n{report['notes']} notes ({report['gracious']} gracious, {report['bad']} bad); "
        f"exact: {report['exact']}\n"
        f"gracious notes with a false block: {report['gracious_false_block']}\n"
        f"bad notes missing a labelled block: {report['bad_missed_block']}"
    )


if __name__ == "__main__":
    main()
