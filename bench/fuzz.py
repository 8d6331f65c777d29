"""Hostile mail through the real `gracefully scan --json`: crashes, lost mail, time, memory.

    python bench/fuzz.py [--messages 10000] [--seed 7] [--db sqlite|postgres]
                         [--format mbox|maildir] [--sizes full|small] [--json]

Writes a seeded mailbox (tests/fuzz/hostile.py: mostly valid mail, a few per
cent hostile, every hostile kind at least once, at full size) as an mbox or a
Maildir, runs the CLI on it twice in child processes (peak RSS polled from
/proc, VmHWM, over the child and its children), and checks what the tests check
(tests/fuzz/verify.py): the counts add up, every valid message is stored (the
store is read back read-only), bodies are capped, the re-scan adds nothing.

Then it times each hostile message alone through the library path a scan
takes (identity, pre-filter, decode, the reader), in a worker process that is
killed and restarted past any message that takes longer than
--message-timeout, so a message that hangs is measured as slow and the bench
still ends. --db postgres starts a throwaway server (tests/services/postgres.py).
Targets: 0 crashes, 0 lost, no message over 2 s, peak memory under 400 MB.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import queue
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))
from tests.fuzz import hostile, verify

SLOW_S = 2.0
TARGET_RSS_MB = 400


def main() -> None:
    args = _parse()
    if args.worker:
        _worker(args)
        return
    started = time.perf_counter()
    result = _bench(args)
    result["total_seconds"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(json.dumps(result))
    else:
        _print(result)


def _parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--format", choices=("mbox", "maildir"), default="mbox")
    parser.add_argument("--sizes", choices=("full", "small"), default="full")
    parser.add_argument("--share", type=float, default=0.03, help="hostile share of the mail")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per CLI run")
    parser.add_argument(
        "--message-timeout", type=float, default=30, help="seconds per timed message"
    )
    parser.add_argument(
        "--timing-budget", type=float, default=1200, help="seconds for all the timing"
    )
    parser.add_argument("--max-rss-mb", type=float, default=4096, help="kill a scan above this")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--after", type=int, default=-1, help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", default="", help=argparse.SUPPRESS)
    return parser.parse_args()


def _sizes(args: argparse.Namespace) -> hostile.Sizes:
    return hostile.FULL if args.sizes == "full" else hostile.SMALL


def _bench(args: argparse.Namespace) -> dict[str, object]:
    import gracefully
    from gracefully.understand import load_reader

    with (
        tempfile.TemporaryDirectory(prefix="gracefully-fuzz-") as tmp,
        _database(args.db, Path(tmp)) as url,
    ):
        work = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith("GRACEFULLY_")}
        env.update(
            GRACEFULLY_DATA_DIR=str(work / "data"),
            GRACEFULLY_CONFIG_DIR=str(work / "config"),
            COLUMNS="200",
        )
        load_reader(cache_dir=work / "data" / "models")  # trained once, as after first use
        samples = hostile.generate(args.messages, args.seed, _sizes(args), args.share)
        if args.format == "mbox":
            target = work / "fuzz.mbox"
            metas = hostile.write_mbox(target, samples)
            written = target.stat().st_size
        else:
            target = work / "Maildir"
            metas = hostile.write_maildir(target, samples)
            written = sum(p.stat().st_size for p in (target / "cur").iterdir())

        def scan() -> verify.Run:
            return verify.scan(
                url,
                str(target),
                env,
                timeout=args.timeout,
                max_rss_mb=args.max_rss_mb,
                legacy_ok=True,
            )

        first = scan()
        problems, stored = verify.check_first_scan(first, url, metas)
        rescan: dict[str, object] = {"skipped_because": "the first scan crashed"}
        if not first.crashed and stored is not None:
            second = scan()
            rescan = _summary(second, verify.check_rescan(first, second, url, stored))
        timed = _time_messages(args, work / "data")
    lost_valid = verify.missing(metas, stored) if stored is not None else []
    c = verify.counts(first.report)
    if first.report is not None:
        accounted = c["new"] + c["known"] + c["skipped"] + c["conflicts"]
        lost = max(0, len(metas) - c["read"]) + max(0, c["read"] - accounted)
    else:
        duplicates = sum(m.kind == "exact-duplicate" for m in metas) // 2
        held = (stored.rows + stored.skipped_rows) if stored is not None else 0
        lost = max(0, len(metas) - held - (duplicates if held else 0))
    slow = [t for t in timed["messages"] if t["seconds"] > SLOW_S or t.get("timed_out")]
    crashes = [f"scan: {first.problem}"] if first.crashed else []
    if isinstance(rescan.get("crashed"), str):
        crashes.append(f"re-scan: {rescan['crashed']}")
    return {
        "messages": len(metas),
        "hostile": sum(m.hostile for m in metas),
        "must_store": sum(m.must_store for m in metas),
        "mailbox_mb": round(written / 2**20, 1),
        "seed": args.seed,
        "db": args.db,
        "format": args.format,
        "sizes": args.sizes,
        "code": str(Path(gracefully.__file__).parents[1]),
        "legacy_cli": first.legacy,
        "crashes": len(crashes),
        "crash_details": crashes,
        "lost": lost,
        **{k: c[k] for k in verify.COUNTS},
        "skipped_reasons": (first.report or {}).get("skipped_reasons"),
        "accounting_ok": first.report is not None and not verify.accounting_problems(first.report),
        "valid_missing": len(lost_valid),
        "valid_missing_detail": verify.describe_missing(metas, lost_valid) if lost_valid else "",
        "longest_body": stored.longest_body if stored is not None else None,
        "problems": problems,
        "max_message_s": round(max((t["seconds"] for t in timed["messages"]), default=0.0), 3),
        "slow_messages": slow,
        "slowest": sorted(timed["messages"], key=lambda t: -float(t["seconds"]))[:5],
        "timing_errors": timed["errors"],
        "timing_complete": timed["complete"],
        "timed_messages": len(timed["messages"]),
        "worst_message_rss_mb": timed["worst_rss"],
        "peak_rss_mb": round(first.peak_rss_mb, 1),
        "seconds": round(first.seconds, 2),
        "stderr_bytes": first.stderr_bytes,
        "rescan": rescan,
    }


def _summary(run: verify.Run, problems: list[str]) -> dict[str, object]:
    report = run.report or {}
    c = verify.counts(run.report)
    return {
        **{k: c[k] for k in verify.COUNTS},
        "skipped_reasons": report.get("skipped_reasons"),
        "accounting_ok": run.report is not None and not verify.accounting_problems(run.report),
        "crashed": run.problem if run.crashed else False,
        "problems": problems,
        "peak_rss_mb": round(run.peak_rss_mb, 1),
        "seconds": round(run.seconds, 2),
    }


@contextlib.contextmanager
def _database(kind: str, work: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{work / 'fuzz.db'}"
        return
    from tests.services.postgres import PostgresServer

    server = PostgresServer().start()
    try:
        yield server.create_database("fuzz")
    finally:
        server.stop()


# --- timing each hostile message alone -------------------------------------------------


def _time_messages(args: argparse.Namespace, data_dir: Path) -> dict:
    """Each hostile message through the library path in a worker; a worker stuck on
    one message is killed (its session only) and a new one starts after it."""
    results: list[dict[str, object]] = []
    errors: list[dict[str, object]] = []
    after, worst_rss = -1, {"mb": 0.0, "index": None, "kind": None}
    deadline = time.monotonic() + args.timing_budget
    complete = False
    while time.monotonic() < deadline:
        cmd = [
            sys.executable,
            __file__,
            "--worker",
            "--messages",
            str(args.messages),
            "--seed",
            str(args.seed),
            "--sizes",
            args.sizes,
            "--share",
            str(args.share),
            "--data-dir",
            str(data_dir),
            "--after",
            str(after),
        ]
        worker = subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            text=True,
        )
        lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=_pump, args=(worker, lines), daemon=True).start()
        current: dict[str, object] | None = None
        wait = 600.0  # loading the model
        finished = False
        while True:
            budget = min(wait, max(0.0, deadline - time.monotonic()))
            try:
                line = lines.get(timeout=budget)
            except queue.Empty:
                break
            if line is None:
                finished = True
                break
            event = json.loads(line)
            if "start" in event:
                current, wait = event, args.message_timeout
                continue
            if "ready" in event:
                wait = args.message_timeout
                continue
            current = None
            after = int(event["index"])
            results.append(event)
            if event.get("error"):
                errors.append(event)
            if float(event.get("rss_mb", 0)) > float(worst_rss["mb"]):
                worst_rss = {"mb": event["rss_mb"], "index": event["index"], "kind": event["kind"]}
        with contextlib.suppress(ProcessLookupError):
            os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()
        if finished and current is None:
            complete = True
            break
        if current is not None and finished:  # the worker died on this one
            after = int(current["start"])
            error = f"the worker died on it (exit code {worker.returncode})"
            errors.append({"index": after, "kind": current["kind"], "error": error})
        elif current is not None:  # stuck on this one: measured as the timeout, then skipped
            after = int(current["start"])
            results.append(
                {
                    "index": after,
                    "kind": current["kind"],
                    "seconds": args.message_timeout,
                    "timed_out": True,
                }
            )
        elif finished:  # died between messages (out of memory?): go on after the last one
            errors.append({"index": after, "error": f"worker exited {worker.returncode}"})
    return {"messages": results, "errors": errors, "complete": complete, "worst_rss": worst_rss}


def _pump(worker: subprocess.Popen[str], lines: queue.Queue[str | None]) -> None:
    assert worker.stdout is not None
    for line in worker.stdout:
        if line.startswith("{"):
            lines.put(line)
    lines.put(None)


def _worker(args: argparse.Namespace) -> None:
    """One hostile message at a time, as a scan handles it: identity, the header
    pre-filter, decode (header-only when ruled out), then the reader."""
    from gracefully import ingest
    from gracefully.domain import Email
    from gracefully.understand import load_reader

    reader = load_reader(cache_dir=Path(args.data_dir) / "models")
    _emit({"ready": True})
    sizes = _sizes(args)
    for slot in hostile.plan(args.messages, args.seed, args.share):
        if slot.index <= args.after or not hostile.KINDS.get(slot.kind):
            continue
        data = hostile.build(slot, args.seed, sizes).data
        _emit({"start": slot.index, "kind": slot.kind})
        error = None
        began = time.perf_counter()
        try:
            ingest.identity(data)
            verdict = ingest.judge(data)
            raw = ingest.RawMessage(f"fuzz#{slot.index}", data)
            if verdict.skip:
                raw = ingest.RawMessage(raw.ref, ingest.header_only(data))
            decoded = ingest.decode(raw)
            if isinstance(decoded, Email) and not verdict.skip:
                reader.read_many([decoded], frozenset())
        except Exception as exc:  # reported, not fatal: the scan must catch what this shows
            error = f"{type(exc).__name__}: {str(exc)[:200]}"
        seconds = time.perf_counter() - began
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        _emit(
            {
                "index": slot.index,
                "kind": slot.kind,
                "seconds": round(seconds, 4),
                "rss_mb": round(rss, 1),
                "error": error,
            }
        )


def _emit(event: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


# --- the readable report -------------------------------------------------------------------------


def _print(r: dict) -> None:
    ok = "ok" if r["accounting_ok"] else "NOT OK"
    print(
        f"code                 {r['code']}{'  (no --json: text report)' if r['legacy_cli'] else ''}"
    )
    print(
        f"mailbox              {r['messages']:,} messages ({r['hostile']} hostile, "
        f"{r['must_store']} must be stored), {r['mailbox_mb']} MB {r['format']} on {r['db']}, "
        f"seed {r['seed']}, {r['sizes']} sizes"
    )
    print(f"crashes              {r['crashes']}  {'; '.join(r['crash_details'])}")
    print(
        f"scan                 read {r['read']}, new {r['new']}, known {r['known']}, "
        f"skipped {r['skipped']}, conflicts {r['conflicts']}: accounting {ok}"
    )
    print(f"skipped reasons      {r['skipped_reasons']}")
    print(f"lost                 {r['lost']}")
    print(f"valid missing        {r['valid_missing']}")
    print(f"longest stored body  {r['longest_body']}")
    print(
        f"scan time, memory    {r['seconds']} s, peak {r['peak_rss_mb']} MB "
        f"(target < {TARGET_RSS_MB} MB)"
    )
    rescan = r["rescan"]
    if "read" in rescan:
        print(
            f"re-scan              read {rescan['read']}, new {rescan['new']}, known "
            f"{rescan['known']}, skipped {rescan['skipped']}, conflicts {rescan['conflicts']}, "
            f"{rescan['seconds']} s, peak {rescan['peak_rss_mb']} MB"
        )
        for problem in rescan["problems"]:
            print(f"  re-scan problem    {problem}")
    else:
        print(f"re-scan              not run: {rescan['skipped_because']}")
    for problem in r["problems"]:
        print(f"  problem            {problem}")
    print(
        f"per message          {r['timed_messages']} hostile messages timed alone, worst "
        f"{r['max_message_s']} s (target < {SLOW_S} s), worst RSS "
        f"{r['worst_message_rss_mb']['mb']} MB ({r['worst_message_rss_mb']['kind']})"
        + ("" if r["timing_complete"] else "  [timing budget ran out]")
    )
    for slow in r["slowest"]:
        cut = " (killed at the timeout)" if slow.get("timed_out") else ""
        over = "slow   " if slow in r["slow_messages"] else "slowest"
        print(f"  {over}            #{slow['index']} {slow['kind']}: {slow['seconds']} s{cut}")
    for error in r["timing_errors"]:
        print(f"  raised             #{error['index']} {error.get('kind')}: {error['error']}")
    print(f"total                {r['total_seconds']} s")


if __name__ == "__main__":
    main()
