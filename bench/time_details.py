"""Time `understand.details.extract` on one core over the dev corpus (the category is given).

Usage: OMP_NUM_THREADS=1 .venv/bin/python bench/time_details.py [path/to/dev.jsonl] [--rounds N]

One warm-up pass, then the best of `--rounds` passes, in process CPU time (the
machine is shared: CPU time and the best pass are the least disturbed). Prints
the mean time per email over all emails and over the rejections alone. The
corpus is only read, to measure.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from eval_details import DEFAULT, to_email
from gracefully.domain import Category, Email
from gracefully.understand.details import extract


def best_pass(mails: list[tuple[Email, Category]], rounds: int) -> float:
    """Seconds of the fastest of `rounds` passes over `mails`."""
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for mail, category in mails:
            extract(mail, category)
        best = min(best, time.process_time() - started)
    return best


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    records = [json.loads(line) for line in args.path.read_text().splitlines() if line.strip()]
    mails = [(to_email(r), Category(r["label"]["category"])) for r in records]
    rejections = [(m, c) for m, c in mails if c is Category.REJECTION]
    best_pass(mails, 1)
    for name, subset in (("all emails", mails), ("rejections", rejections)):
        seconds = best_pass(subset, args.rounds)
        per = seconds / len(subset)
        print(f"{name:>11}: {per * 1e3:.3f} ms/email  {1 / per:,.0f} emails/s  (n={len(subset)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
