"""A scan killed with SIGKILL halfway and run again ends with exactly the rows of
one uninterrupted scan: no duplicates, no gaps, the same application numbers and
the same evidence text."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
from synthetic import write_mbox

GRACEFULLY = str(Path(sys.executable).parent / "gracefully")

TABLES = {
    "emails": "SELECT id, subject, sender_email, body IS NOT NULL FROM emails",
    "readings": "SELECT email_id, category, stage, reasons, company, role FROM readings",
    "applications": "SELECT id, company, role, status, stage FROM applications",
    "links": "SELECT l.email_id, l.application_id, a.company, a.role, l.signal, l.evidence "
    "FROM links l LEFT JOIN applications a ON a.id = l.application_id",
    "events": "SELECT e.kind, e.email_id, e.application_id, a.company, a.role FROM events e "
    "JOIN applications a ON a.id = e.application_id",
    "skipped": "SELECT ref, reason, kind, size FROM skipped",
}


def _env(tmp: Path) -> dict[str, str]:
    return dict(
        os.environ,
        GRACEFULLY_DATA_DIR=str(tmp / "data"),
        GRACEFULLY_CONFIG_DIR=str(tmp / "config"),
        GRACEFULLY_BATCH_SIZE="100",
    )


def _rows(db: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as conn:
        return {
            name: sorted(conn.execute(sql).fetchall(), key=repr) for name, sql in TABLES.items()
        }


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM emails").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_killed_scan_rescanned_equals_uninterrupted(tmp_path: Path) -> None:
    mbox = write_mbox(tmp_path / "inbox.mbox", 4000, seed=3)
    with mbox.open("ab") as out:  # one unreadable message at the end, recorded and skipped
        out.write(b"From garbage\n\x00\x01\x02 not a message\n\n")
    env = _env(tmp_path)
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    subprocess.run(
        [GRACEFULLY, "--db", f"sqlite:///{clean}", "scan", str(mbox)],
        env=env,
        check=True,
        capture_output=True,
    )
    proc = subprocess.Popen(
        [GRACEFULLY, "--db", f"sqlite:///{killed}", "scan", str(mbox)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while _count(killed) < 500 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the scan finished before it could be killed; use more mail"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _count(killed)
    assert 0 < partial < 4000
    subprocess.run(
        [GRACEFULLY, "--db", f"sqlite:///{killed}", "scan", str(mbox)],
        env=env,
        check=True,
        capture_output=True,
    )
    assert _rows(killed) == _rows(clean)
    assert len(_rows(clean)["emails"]) == 4000
