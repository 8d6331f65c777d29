"""How fast `gracefully scan` reads an mbox, against the floor of bare stdlib parsing.

    python bench/scan.py [--messages N] [--json]

Both runs happen in child processes, so peak memory (max RSS) is measured per
run. The model is trained once beforehand (as on any machine after first use),
so the figure is the steady-state scan, not the one-off training.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_mbox

FLOOR = """
import email, mailbox, sys
count = 0
for message in mailbox.mbox(sys.argv[1], factory=None):
    email.message_from_bytes(message.as_bytes())
    count += 1
print(count)
"""


MEASURE = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one command, measured by a fresh parent of its own."""
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *cmd], check=True, env=env, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    return elapsed, int(out.stdout.split()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    gracefully = str(Path(sys.executable).parent / "gracefully")
    with tempfile.TemporaryDirectory(prefix="gracefully-bench-") as tmp:
        work = Path(tmp)
        env = dict(
            os.environ,
            GRACEFULLY_DATA_DIR=str(work / "data"),
            GRACEFULLY_CONFIG_DIR=str(work / "config"),
            COLUMNS="120",
        )
        mbox = write_mbox(work / "bench.mbox", args.messages)
        warm = write_mbox(work / "warm.mbox", 20, seed=99)
        subprocess.run(
            [gracefully, "--db", f"sqlite:///{work}/warm.db", "scan", str(warm)],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        floor_s, floor_mb = _run([sys.executable, "-c", FLOOR, str(mbox)], env)
        scan_s, scan_mb = _run(
            [gracefully, "--db", f"sqlite:///{work}/bench.db", "scan", str(mbox)], env
        )
    result = {
        "messages": args.messages,
        "scan_s": round(scan_s, 2),
        "floor_s": round(floor_s, 2),
        "ratio": round(scan_s / floor_s, 2),
        "peak_rss_mb": round(scan_mb, 1),
        "floor_peak_rss_mb": round(floor_mb, 1),
        "scan_msgs_per_s": round(args.messages / scan_s),
        "floor_msgs_per_s": round(args.messages / floor_s),
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"messages            {args.messages:>10,}")
    print(
        f"gracefully scan     {result['scan_msgs_per_s']:>10,} msg/s  {scan_s:7.2f} s  "
        f"peak {scan_mb:6.1f} MB"
    )
    print(
        f"stdlib mbox floor   {result['floor_msgs_per_s']:>10,} msg/s  {floor_s:7.2f} s  "
        f"peak {floor_mb:6.1f} MB"
    )
    print(f"ratio (scan/floor)  {result['ratio']:>10}")


if __name__ == "__main__":
    main()
