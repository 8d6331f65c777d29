"""How the IMAP header pre-filter does: job mail it would wrongly skip, other mail it saves.

    python bench/prefilter_eval.py [--corpus ../shared/corpus/dev.jsonl] [--json]

Measures only. On the labelled corpus (subject and sender are all it has of
the header) it counts job emails the pre-filter would skip: that must stay
0. On the synthetic everyday mail of `bench/synthetic.py` (with the bulk
headers such mail carries) it counts how many bodies are never fetched.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from gracefully.ingest.prefilter import judge
from synthetic import messages

JOB = {"rejection", "confirmation", "interview", "assessment", "offer"}
DEFAULT_CORPUS = Path(__file__).parents[2] / "shared" / "corpus" / "dev.jsonl"


def _head(subject: str, sender: str) -> bytes:
    lines = [f"From: {sender}", f"Subject: {subject}", "", ""]
    return "\r\n".join(lines).encode("utf-8", "replace")


def corpus(path: Path) -> dict[str, object]:
    """Per category: total, skipped; the rules that skipped job mail (should be none);
    and the job mail no KEEP rule protects (the bulk-header rules' worst case)."""
    totals: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    unprotected = 0
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        category = row["label"]["category"]
        verdict = judge(_head(row["subject"], row["sender"]))
        totals[category] += 1
        skipped[category] += verdict.skip
        if verdict.skip and category in JOB:
            wrong[verdict.rule] += 1
        unprotected += category in JOB and verdict.rule == "no rule"
    return {
        "by_category": {c: {"total": totals[c], "skipped": skipped[c]} for c in sorted(totals)},
        "job_total": sum(totals[c] for c in JOB),
        "job_skipped": sum(skipped[c] for c in JOB),
        "job_skipped_by_rule": dict(wrong),
        # would be skipped only if they also carried List-Id/List-Unsubscribe/Precedence
        "job_without_keep_signal": unprotected,
    }


def synthetic(count: int) -> dict[str, object]:
    """Everyday mail from the generator, with the List-Unsubscribe header bulk senders add."""
    everyday = job = everyday_skipped = job_skipped = 0
    for msg in messages(count, seed=11, job_share=0.05):
        sender = str(msg["From"])
        is_job = "@" in sender and not sender.endswith(_EVERYDAY_DOMAINS)
        if sender.endswith(_BULK_DOMAINS):
            msg["List-Unsubscribe"] = "<mailto:unsubscribe@list.example>"
        head = msg.as_bytes().split(b"\n\n", 1)[0] + b"\n\n"
        skip = judge(head).skip
        if is_job:
            job, job_skipped = job + 1, job_skipped + skip
        else:
            everyday, everyday_skipped = everyday + 1, everyday_skipped + skip
    return {
        "everyday": everyday,
        "everyday_skipped": everyday_skipped,
        "job": job,
        "job_skipped": job_skipped,
    }


_EVERYDAY_DOMAINS = (
    "parcel-hub.example",
    "forum.example",
    "accounts.example",
    "mail.example",
    "streamflix.example",
    "citylibrary.example",
)
_BULK_DOMAINS = ("forum.example", "citylibrary.example", "streamflix.example")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--synthetic", type=int, default=20_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = {"corpus": corpus(args.corpus), "synthetic": synthetic(args.synthetic)}
    print(json.dumps(result, indent=None if args.json else 2))


if __name__ == "__main__":
    main()
