"""Measure the grace check against hand-written follow-up notes.

Usage: .venv/bin/python bench/eval_grace.py [path/to/notes.jsonl ...] [--json] [--errors]

Two formats, told apart line by line:

- labelled (notes.jsonl, holdout.jsonl): each note carries the findings it should
  produce (`expect`: rule code -> severity). Per rule: precision and recall;
  overall: gracious notes with a false block, bad notes missing a labelled block.
- blind (written.jsonl, blind.jsonl): no `expect`, only `kind` (gracious or bad)
  and `harm` (what is wrong with a bad note). A bad note is caught if it gets
  any block; a gracious note passes if it gets none. Reported overall and by harm.

Those two numbers are what a user feels: a good note held back, a harmful one let
through. `--errors` lists the notes that missed (ids and codes only, never texts).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

from gracefully.domain import Severity
from gracefully.write.grace import GraceContext, check
from gracefully.write.grace_rules import GRACE_RULES

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "grace"
DEFAULT = FIXTURES / "notes.jsonl"


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def context(raw: dict) -> GraceContext:
    return GraceContext(**{k: tuple(v) if isinstance(v, list) else v for k, v in raw.items()})


def found(note: dict) -> dict[str, str]:
    """The findings the check gives for a note, as code -> severity."""
    return {f.code: f.severity.value for f in check(note["text"], context(note["context"]))}


def blocked(got: dict[str, str]) -> set[str]:
    return {c for c, s in got.items() if s == Severity.BLOCK}


def score_labelled(notes: list[dict]) -> tuple[dict, list[str]]:
    counts: Counter[str] = Counter()
    errors = []
    for note in notes:
        want, got = note["expect"], found(note)
        for code in want.keys() | got.keys():
            hit = want.get(code) is not None and want.get(code) == got.get(code)
            counts[f"{code}:{'tp' if hit else ('fn' if code in want else 'fp')}"] += 1
            if code in want and code in got and not hit:
                counts[f"{code}:fp"] += 1
        wanted_blocks = {c for c, s in want.items() if s == Severity.BLOCK}
        if note["kind"] == "gracious" and blocked(got):
            counts["gracious_false_block"] += 1
        if note["kind"] == "bad" and wanted_blocks - blocked(got):
            counts["bad_missed_block"] += 1
        counts["exact"] += want == got
        if want != got:
            errors.append(f"{note['id']}: want {sorted(want)} got {sorted(got)}")
    rules = {}
    for rule in GRACE_RULES:
        tp, fp, fn = (counts[f"{rule.code}:{k}"] for k in ("tp", "fp", "fn"))
        rules[rule.code] = {
            "precision": _ratio(tp, tp + fp),
            "recall": _ratio(tp, tp + fn),
            "tp": tp,
            "fp": fp,
            "fn": fn,
        }
    report = {
        "format": "labelled",
        "notes": len(notes),
        "gracious": sum(n["kind"] == "gracious" for n in notes),
        "bad": sum(n["kind"] == "bad" for n in notes),
        "gracious_false_block": counts["gracious_false_block"],
        "bad_missed_block": counts["bad_missed_block"],
        "exact": counts["exact"],
        "rules": rules,
    }
    return report, errors


def score_blind(notes: list[dict]) -> tuple[dict, list[str]]:
    """Good passed (no block) and bad blocked (any block), overall and by harm kind."""
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    codes: Counter[str] = Counter()
    errors = []
    for note in notes:
        got = found(note)
        blocks = blocked(got)
        kind = "gracious" if note["kind"] == "gracious" else (note.get("harm") or "unlabelled")
        ok = not blocks if note["kind"] == "gracious" else bool(blocks)
        tally[kind]["ok" if ok else "missed"] += 1
        codes.update(blocks)
        if not ok:
            errors.append(f"{note['id']} ({kind}): got {sorted(got.items())}")
    good, bad = tally.pop("gracious", Counter()), Counter()
    for counts in tally.values():
        bad.update(counts)
    report = {
        "format": "blind",
        "notes": len(notes),
        "good_passed": good["ok"],
        "good": good.total(),
        "good_passed_rate": _ratio(good["ok"], good.total()),
        "bad_blocked": bad["ok"],
        "bad": bad.total(),
        "bad_blocked_rate": _ratio(bad["ok"], bad.total()),
        "by_harm": {
            harm: {"blocked": c["ok"], "of": c.total(), "rate": _ratio(c["ok"], c.total())}
            for harm, c in sorted(tally.items())
        },
        "block_codes": dict(codes.most_common()),
    }
    return report, errors


def score(notes: list[dict]) -> tuple[dict, list[str]]:
    labelled = [n for n in notes if "expect" in n]
    if labelled and len(labelled) == len(notes):
        return score_labelled(notes)
    return score_blind(notes)


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[DEFAULT])
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--errors", action="store_true", help="list the ids of notes that missed")
    args = parser.parse_args()
    check("Warm-up.", GraceContext())  # the first check trains the tone model; not timed
    reports, all_errors = {}, []
    for path in args.paths:
        notes = load(path)
        start = time.perf_counter()
        report, errors = score(notes)
        report["ms_per_note"] = round(1000 * (time.perf_counter() - start) / max(len(notes), 1), 2)
        reports[path.name] = report
        all_errors += [f"{path.name}: {e}" for e in errors]
    if args.json:
        one = next(iter(reports.values())) if len(reports) == 1 else reports
        print(json.dumps(one, indent=2))
    else:
        for name, report in reports.items():
            print(f"== {name}")
            (_print_labelled if report["format"] == "labelled" else _print_blind)(report)
    if args.errors:
        print("\n".join(all_errors))


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def _print_labelled(report: dict) -> None:
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
        f"bad notes missing a labelled block: {report['bad_missed_block']}\n"
        f"{report['ms_per_note']} ms per note\n"
    )


def _print_blind(report: dict) -> None:
    print(
        f"good notes passed: {report['good_passed']}/{report['good']}"
        f" = {_fmt(report['good_passed_rate'])}\n"
        f"bad notes blocked: {report['bad_blocked']}/{report['bad']}"
        f" = {_fmt(report['bad_blocked_rate'])}\n\nby harm kind:"
    )
    for harm, r in report["by_harm"].items():
        print(f"  {harm:<22} {r['blocked']:>3}/{r['of']:<3} {_fmt(r['rate'])}")
    print(f"\n{report['ms_per_note']} ms per note\n")


if __name__ == "__main__":
    main()
