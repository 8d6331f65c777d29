"""Two scans of one mailbox at the same time (say `watch` and a manual `scan`) neither
fail nor double anything: together they end with the rows of one scan."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests.service.test_scan_kill import GRACEFULLY, _env, _rows

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
from synthetic import write_mbox


@pytest.mark.slow
def test_two_scans_at_once_end_like_one(tmp_path: Path) -> None:
    mbox = write_mbox(tmp_path / "inbox.mbox", 2000, seed=11)
    env = _env(tmp_path)
    one, both = tmp_path / "one.db", tmp_path / "both.db"
    subprocess.run(
        [GRACEFULLY, "--db", f"sqlite:///{one}", "scan", str(mbox)],
        env=env, check=True, capture_output=True,
    )  # fmt: skip
    subprocess.run(  # create the schema first, so both racers start from the same place
        [GRACEFULLY, "--db", f"sqlite:///{both}", "applications"], env=env, check=True,
        capture_output=True,
    )  # fmt: skip
    racers = [
        subprocess.Popen(
            [GRACEFULLY, "--db", f"sqlite:///{both}", "scan", str(mbox)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    for racer in racers:
        _, err = racer.communicate(timeout=300)
        assert racer.returncode == 0, err.decode()
    assert _rows(both) == _rows(one)
