"""What the fuzz tests and `bench/fuzz.py` both check: run the real `gracefully scan
--json` in a child process (bounded in time and memory, its peak RSS measured), then
read the store back, read-only, and compare it with what the generator wrote.

Every check returns a list of problems (empty when all is well) rather than
asserting, so a failing test names everything that went wrong at once.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import psutil
from sqlalchemy import create_engine, text

from tests.fuzz.hostile import COPY_KINDS, TOKEN, Meta

GRACEFULLY = str(Path(sys.executable).parent / "gracefully")
BODY_LIMIT = 1_000_000
"""No stored body (or new text, or signature) may be longer, in characters: a
generous bound over the ~256 KB per part that the scan caps decoded text at."""
COUNTS = ("read", "new", "known", "skipped", "conflicts")
MAIL_TEXT = ("Dear Robin", "Hi Robin", "Hello Robin", "After careful review", "Unfortunately we")
"""Phrases of the generated mail: none may reach a skip reason or a log (the mail is private)."""
_EXCEPTION_LINE = re.compile(
    r"^(?:[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning)\b.*|error: .*)$"
)


# --- running the CLI ------------------------------------------------------------


@dataclass
class Run:
    """One `gracefully` child process and what came of it."""

    args: list[str]
    returncode: int | None = None
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    """The highest resident set of the process and its children (VmHWM where Linux has it)."""
    stdout: str = ""
    stderr: str = ""
    stderr_bytes: int = 0
    timed_out: bool = False
    over_memory: bool = False
    report: dict[str, object] | None = None
    legacy: bool = False
    """The CLI had no --json; the report was parsed from its text table."""
    problem: str | None = None
    """Why there is no usable report: the exception line, a timeout, bad JSON."""

    @property
    def crashed(self) -> bool:
        return self.report is None or self.returncode != 0


def run_cli(
    args: Sequence[str],
    env: dict[str, str],
    *,
    timeout: float,
    max_rss_mb: float = 4096,
    poll: float = 0.05,
) -> Run:
    """`gracefully ARGS` in its own session; killed (the session only) after `timeout`
    seconds or once it holds more than `max_rss_mb`."""
    run = Run(list(args))
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        child = subprocess.Popen(
            [GRACEFULLY, *args],
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            env=env,
            start_new_session=True,
        )
        try:
            watched = psutil.Process(child.pid)
        except psutil.NoSuchProcess:
            watched = None
        while child.poll() is None:
            if watched is not None:
                run.peak_rss_mb = max(run.peak_rss_mb, _rss_mb(watched))
            elapsed = time.perf_counter() - started
            if elapsed > timeout or run.peak_rss_mb > max_rss_mb:
                run.timed_out = elapsed > timeout
                run.over_memory = not run.timed_out
                _kill_session(child)
                break
            time.sleep(poll)
        child.wait()
        run.seconds = time.perf_counter() - started
        run.returncode = child.returncode
        out.seek(0)
        err.seek(0)
        run.stdout = out.read().decode("utf-8", "replace")
        raw_err = err.read()
        run.stderr_bytes = len(raw_err)
        run.stderr = raw_err[-20_000:].decode("utf-8", "replace")
    if run.timed_out:
        run.problem = f"killed after {timeout:.0f} s (timeout)"
    elif run.over_memory:
        run.problem = f"killed at {run.peak_rss_mb:.0f} MB (over {max_rss_mb:.0f} MB)"
    elif run.returncode != 0:
        run.problem = f"exit code {run.returncode}: {exception_line(run.stderr)}"
    return run


def _rss_mb(process: psutil.Process) -> float:
    total = 0.0
    try:
        family = [process, *process.children(recursive=True)]
    except psutil.Error:
        return 0.0
    for member in family:
        total += _peak_of(member)
    return total / 2**20


def _peak_of(process: psutil.Process) -> float:
    """The process's high-water mark (catches peaks between polls), else its current RSS."""
    try:
        with open(f"/proc/{process.pid}/status", "rb") as status:
            for line in status:
                if line.startswith(b"VmHWM:"):
                    return float(line.split()[1]) * 1024
        return float(process.memory_info().rss)
    except (OSError, psutil.Error):
        return 0.0


def _kill_session(child: subprocess.Popen[bytes]) -> None:
    """SIGKILL the child's own session (start_new_session): nothing else."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(child.pid, signal.SIGKILL)


def exception_line(stderr: str) -> str:
    """The last line of a traceback (or the CLI's one-line error), shortened."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    found = [line for line in lines if _EXCEPTION_LINE.match(line)]
    line = found[-1] if found else (lines[-1] if lines else "(no output on stderr)")
    return line[:400]


def scan(
    db_url: str,
    target: str,
    env: dict[str, str],
    *,
    timeout: float = 300,
    max_rss_mb: float = 4096,
    legacy_ok: bool = False,
) -> Run:
    """`gracefully --db URL scan TARGET --json`, its one JSON object parsed.

    With `legacy_ok`, a CLI that has no --json yet is run again without it and its
    text table read instead (the bench does this to measure the code before the fix).
    """
    run = run_cli(
        ["--db", db_url, "scan", target, "--json"], env, timeout=timeout, max_rss_mb=max_rss_mb
    )
    if run.returncode == 2 and "No such option: --json" in run.stderr:
        if not legacy_ok:
            run.problem = "the CLI has no `scan --json` yet"
            return run
        run = run_cli(["--db", db_url, "scan", target], env, timeout=timeout, max_rss_mb=max_rss_mb)
        run.legacy = True
        if run.returncode == 0:
            run.report = _legacy_report(run.stdout)
            if run.report is None:
                run.problem = "could not read the text report"
        return run
    if run.returncode != 0 or run.timed_out or run.over_memory:
        return run
    try:
        report = json.loads(run.stdout)
    except ValueError as exc:
        run.problem = f"stdout is not one JSON object ({exc}): {run.stdout[:300]!r}"
        return run
    if not isinstance(report, dict):
        run.problem = f"stdout is JSON but not an object: {run.stdout[:300]!r}"
        return run
    run.report = report
    return run


def _legacy_report(stdout: str) -> dict[str, object] | None:
    def figure(label: str) -> int | None:
        found = re.search(rf"{label}\s+(\d+)", stdout)
        return int(found.group(1)) if found else None

    read, new = figure("emails read"), figure("new since last scan")
    skipped = figure(r"skipped \(malformed\)")
    if read is None or new is None or skipped is None:
        return None
    reasons = Counter(
        m.group(1).strip()[:60] for m in re.finditer(r"^\s*skipped \S+: ([^\n(]*)", stdout, re.M)
    )
    return {
        "read": read,
        "new": new,
        "known": read - new - skipped,
        "skipped": skipped,
        "conflicts": 0,
        "skipped_reasons": dict(reasons),
    }


# --- the report ------------------------------------------------------------------------


def counts(report: dict[str, object] | None) -> dict[str, int]:
    """The five counts of a report (0 where one is missing)."""
    report = report or {}
    return {k: v if isinstance(v, int) else 0 for k in COUNTS for v in [report.get(k)]}


def accounting_problems(report: dict[str, object]) -> list[str]:
    """new + known + skipped + conflicts == read, and the reasons add up to skipped."""
    problems = [f"no integer {k!r} in the report" for k in COUNTS if not _count(report.get(k))]
    if problems:
        return problems
    c = counts(report)
    if c["new"] + c["known"] + c["skipped"] + c["conflicts"] != c["read"]:
        problems.append(f"new + known + skipped + conflicts != read: {c}")
    reasons = report.get("skipped_reasons")
    if not isinstance(reasons, dict):
        problems.append(f"skipped_reasons is not an object: {reasons!r}")
    elif sum(v for v in reasons.values() if isinstance(v, int)) != c["skipped"]:
        problems.append(f"skipped_reasons {reasons} do not add up to skipped={c['skipped']}")
    return problems


def _count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


# --- the store, read-only --------------------------------------------------------------------


@dataclass
class Stored:
    rows: int = 0
    message_ids: Counter[str] = field(default_factory=Counter)
    subjects: Counter[str] = field(default_factory=Counter)
    tokens: Counter[str] = field(default_factory=Counter)
    """The generator's references ("FZ7-000123") found in stored subjects."""
    longest_body: int = 0
    """The longest stored body, new text or signature, in characters."""
    skipped_rows: int = 0
    skipped_reasons: list[str] = field(default_factory=list)


def read_store(db_url: str) -> Stored:
    """The emails and skipped rows of a gracefully database, opened read-only."""
    if db_url.startswith("sqlite:///"):
        path = db_url.removeprefix("sqlite:///")
        engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    else:
        engine = create_engine(db_url)
    stored = Stored()
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "postgresql":
                conn.execute(text("SET TRANSACTION READ ONLY"))
            for message_id, subject in conn.execute(text("SELECT message_id, subject FROM emails")):
                stored.rows += 1
                if message_id:
                    stored.message_ids[message_id] += 1
                stored.subjects[subject or ""] += 1
                stored.tokens.update(TOKEN.findall(subject or ""))
            longest = conn.execute(
                text(
                    "SELECT max(length(body)), max(length(new_text)), max(length(signature)) "
                    "FROM emails"
                )
            ).one()
            stored.longest_body = max((n or 0) for n in longest)
            stored.skipped_reasons = [
                r for (r,) in conn.execute(text("SELECT reason FROM skipped"))
            ]
            stored.skipped_rows = len(stored.skipped_reasons)
    finally:
        engine.dispose()
    return stored


def missing(metas: Sequence[Meta], stored: Stored) -> list[Meta]:
    """Messages that must be stored and are not: found by the reference in their
    subject, and by Message-ID when they have one (a second message under a shared id
    is stored under another identity, but its Message-ID column still names the id)."""
    return [
        m
        for m in metas
        if m.must_store
        and (
            stored.tokens[m.token or ""] == 0
            or (m.message_id is not None and stored.message_ids[m.message_id] == 0)
        )
    ]


def describe_missing(metas: Sequence[Meta], lost: Sequence[Meta], limit: int = 8) -> str:
    """Which kinds went missing, and which hostile kind came right before each."""
    by_index = {m.index: m for m in metas}
    kinds = Counter(m.kind for m in lost)
    after = Counter(
        by_index[m.index - 1].kind
        for m in lost
        if m.index - 1 in by_index and by_index[m.index - 1].hostile
    )
    first = ", ".join(f"#{m.index} {m.kind} {m.subject!r}" for m in lost[:limit])
    after_text = ", ".join(f"{kind} x{n}" for kind, n in after.most_common(limit))
    more = f" and {len(after) - limit} more kinds" if len(after) > limit else ""
    where = f"; of them right after a hostile {after_text}{more}" if after else ""
    return f"{len(lost)} valid messages not stored (kinds {dict(kinds)}{where}); the first: {first}"


# --- whole checks ---------------------------------------------------------------------------------


def check_first_scan(
    run: Run, db_url: str, metas: Sequence[Meta], *, expect_read: int | None = None
) -> tuple[list[str], Stored | None]:
    """A first scan into an empty store: no crash, accounting, every valid message
    stored, every skip recorded, bodies capped."""
    if run.crashed:
        problems = [f"scan crashed: {run.problem}"]
        try:  # what got stored before the crash still says something
            stored = read_store(db_url)
        except Exception as exc:  # the crash may have left no schema at all
            problems.append(f"store unreadable: {type(exc).__name__}: {exc}")
            return problems, None
        lost = missing(metas, stored)
        if lost:
            problems.append(describe_missing(metas, lost))
        return problems, stored
    assert run.report is not None
    problems = accounting_problems(run.report)
    c = counts(run.report)
    wanted = len(metas) if expect_read is None else expect_read
    if c["read"] != wanted:
        problems.append(f"read {c['read']} messages of {wanted}")
    stored = read_store(db_url)
    lost = missing(metas, stored)
    if lost:
        problems.append(describe_missing(metas, lost))
    if stored.rows != c["new"] + c["conflicts"]:
        problems.append(
            f"{stored.rows} rows in emails, but new + conflicts = {c['new'] + c['conflicts']}"
        )
    if stored.skipped_rows != c["skipped"]:
        problems.append(f"{stored.skipped_rows} rows in skipped, but skipped = {c['skipped']}")
    if stored.longest_body > BODY_LIMIT:
        problems.append(f"a stored body has {stored.longest_body:,} characters (> {BODY_LIMIT:,})")
    leaks = sorted({p for p in MAIL_TEXT for r in stored.skipped_reasons if p in r})
    if leaks:
        problems.append(f"mail text in a skip reason: {leaks}")
    if any(p in run.stderr for p in MAIL_TEXT):
        problems.append("mail text on stderr")
    shared = [m for m in metas if m.kind == "shared-message-id"]
    at_least = len(shared) - len({m.message_id for m in shared})
    if c["conflicts"] < at_least:
        problems.append(
            f"conflicts = {c['conflicts']}, but {at_least} messages reuse another's Message-ID"
        )
    copies = copies_of_earlier(metas)
    if c["known"] != copies:
        problems.append(
            f"known = {c['known']} on an empty store, but {copies} messages are copies of an "
            "earlier one: "
            + (
                "a message counted as known was never stored"
                if c["known"] > copies
                else "a copy was stored again"
            )
        )
    return problems, stored


def copies_of_earlier(metas: Sequence[Meta]) -> int:
    """Messages that repeat an earlier one (the same message, maybe with mbox flags
    or CRLF): the only ones a first scan into an empty store may count as known."""
    copies = [m for m in metas if m.kind in COPY_KINDS]
    return len(copies) - len({m.token for m in copies})


def check_rescan(
    first: Run, second: Run, db_url: str, before: Stored, *, same_read: bool = True
) -> list[str]:
    """The same mailbox again: nothing new, the same skips, no row added anywhere.

    `same_read` is False for an IMAP account, whose re-sync reads only new UIDs.
    """
    if second.crashed:
        return [f"re-scan crashed: {second.problem}"]
    assert second.report is not None
    problems = accounting_problems(second.report)
    a, b = counts(first.report), counts(second.report)
    if b["new"] != 0:
        problems.append(f"re-scan found {b['new']} new messages")
    if same_read:
        if b["read"] != a["read"]:
            problems.append(f"re-scan read {b['read']}, the first scan {a['read']}")
        if b["skipped"] != a["skipped"]:
            problems.append(f"re-scan skipped {b['skipped']}, the first scan {a['skipped']}")
        if b["known"] + b["conflicts"] != a["read"] - a["skipped"]:
            problems.append(
                f"re-scan knows {b['known']} (+{b['conflicts']} conflicts) of the "
                f"{a['read'] - a['skipped']} messages the first scan kept"
            )
        reasons_a = (first.report or {}).get("skipped_reasons")
        reasons_b = second.report.get("skipped_reasons")
        if reasons_a != reasons_b:
            problems.append(f"skipped_reasons changed: {reasons_a} -> {reasons_b}")
    after = read_store(db_url)
    if after.rows != before.rows:
        problems.append(f"re-scan changed the emails rows: {before.rows} -> {after.rows}")
    if after.skipped_rows != before.skipped_rows:
        problems.append(
            f"re-scan changed the skipped rows: {before.skipped_rows} -> {after.skipped_rows}"
        )
    return problems
