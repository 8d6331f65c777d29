"""Memory stays flat whatever the mailbox size."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from gracefully.domain import Email
from gracefully.ingest import MboxSource, decode

MESSAGES = 20_000
PEAK_LIMIT = 3 * 1024 * 1024


def _write_big_mbox(path: Path) -> None:
    body = b"We appreciate the time you spent with the Northwind Analytics team.\n" * 20
    with path.open("wb") as out:
        for i in range(MESSAGES):
            out.write(
                b"From talent@northwind.example Mon Feb  3 10:00:00 2025\n"
                b"From: Northwind Talent <talent@northwind.example>\n"
                b"Subject: Application %d\nMessage-ID: <n%d@northwind.example>\n\n%s\n"
                % (i, i, body)
            )


def test_mbox_iteration_memory_does_not_scale_with_file_size(tmp_path: Path) -> None:
    path = tmp_path / "big.mbox"
    _write_big_mbox(path)
    size = path.stat().st_size
    assert size > 8 * PEAK_LIMIT
    tracemalloc.start()
    try:
        count = 0
        for raw in MboxSource(path):
            count += 1
            if count % 1000 == 0:  # decoding along the way must not hold messages either
                assert isinstance(decode(raw), Email)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == MESSAGES
    print(f"peak {peak} bytes while reading a {size}-byte mbox")
    assert peak < PEAK_LIMIT, f"peak {peak} bytes for a {size}-byte mbox"
