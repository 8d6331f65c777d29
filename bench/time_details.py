"""Time `understand.details.extract` on one core over the dev corpus (the category is given).

Usage: OMP_NUM_THREADS=1 .venv/bin/python bench/time_details.py [path/to/dev.jsonl]
       [--rounds N] [--rules N]

One warm-up pass, then the best of `--rounds` passes, in process CPU time (the
machine is shared: CPU time and the best pass are the least disturbed). Prints
the mean time per email over all emails and over the rejections alone.

`--rules N` then lists the N rules that cost the most scanning time per email
in the real flow (the tables as `extract` runs them: gated, first hit wins), so
a slow row shows up by name when a table is edited. Timing one rule alone over
every email overstates rules that `extract` seldom reaches. The corpus is only
read, to measure.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eval_details import DEFAULT, to_email
from gracefully.domain import Category, Email
from gracefully.understand import details
from gracefully.understand.details import extract
from gracefully.understand.details.engine import Table


def best_pass(mails: list[tuple[Email, Category]], rounds: int) -> float:
    """Seconds of the fastest of `rounds` passes over `mails`."""
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for mail, category in mails:
            extract(mail, category)
        best = min(best, time.process_time() - started)
    return best


class _Timed:
    """Stands in for a rule part's scanner (its pattern, or its anchor when it has one)
    and adds the time spent matching to `spent[key]`, however the engine calls it."""

    def __init__(self, inner: Any, key: str, spent: Counter[str]) -> None:
        self._inner, self._key, self._spent = inner, key, spent

    def match(self, *args: Any) -> Any:
        started = time.perf_counter()
        try:
            return self._inner.match(*args)
        finally:
            self._spent[self._key] += time.perf_counter() - started

    def finditer(self, *args: Any) -> Iterator[Any]:
        return self._timed(self._inner.finditer(*args))

    def matches(self, *args: Any) -> Iterator[Any]:
        return self._timed(self._inner.matches(*args))

    def _timed(self, found: Iterator[Any]) -> Iterator[Any]:
        while True:
            started = time.perf_counter()
            item = next(found, None)
            self._spent[self._key] += time.perf_counter() - started
            if item is None:
                return
            yield item


def rule_costs(mails: list[tuple[Email, Category]]) -> Counter[str]:
    """Scanning seconds per `table/rule` over one pass of `extract` on `mails`.

    Each compiled part (see `engine.Table`) gets its scanner wrapped; the tables
    are put back afterwards.
    """
    spent: Counter[str] = Counter()
    saved = {}
    for name, table in vars(details).items():
        if isinstance(table, Table):
            saved[table] = table._compiled
            table._compiled = tuple(
                (
                    rule,
                    pattern,
                    bounded,
                    unless,
                    _Timed(opening, f"{name}/{rule.name}", spent),
                    *rest,
                )
                if opening is not None
                else (
                    rule,
                    _Timed(pattern, f"{name}/{rule.name}", spent),
                    bounded,
                    unless,
                    None,
                    *rest,
                )
                for rule, pattern, bounded, unless, opening, *rest in table._compiled
            )
    try:
        for mail, category in mails:
            extract(mail, category)
    finally:
        for table, compiled in saved.items():
            table._compiled = compiled
    return spent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--rules", type=int, default=0, help="list the N costliest rules")
    args = parser.parse_args()
    records = [json.loads(line) for line in args.path.read_text().splitlines() if line.strip()]
    mails = [(to_email(r), Category(r["label"]["category"])) for r in records]
    rejections = [(m, c) for m, c in mails if c is Category.REJECTION]
    best_pass(mails, 1)
    for name, subset in (("all emails", mails), ("rejections", rejections)):
        seconds = best_pass(subset, args.rounds)
        per = seconds / len(subset)
        print(f"{name:>11}: {per * 1e3:.3f} ms/email  {1 / per:,.0f} emails/s  (n={len(subset)})")
    if args.rules:
        spent = rule_costs(mails)
        total = sum(spent.values()) / len(mails)
        print(f"scanning: {total * 1e6:.0f} µs/email; costliest rules (µs/email, real flow):")
        for key, seconds in spent.most_common(args.rules):
            print(f"  {seconds / len(mails) * 1e6:7.1f}  {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
