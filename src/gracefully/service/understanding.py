"""The batch understanding use case: JSONL in, labelled readings out."""

from __future__ import annotations

from pathlib import Path

from gracefully.config import Settings
from gracefully.understand import load_reader
from gracefully.understand.batch import understand_jsonl


class UnderstandError(Exception):
    pass


def understand_file(settings: Settings, source: Path, out: Path) -> int:
    """Readings for every line of `source`, written to `out`; returns how many."""
    if not source.is_file():
        raise UnderstandError(f"{source} is not a file; give a JSONL file with one email per line")
    reader = load_reader(cache_dir=settings.data_dir / "models")
    try:
        return understand_jsonl(source, out, reader)
    except ValueError as exc:
        raise UnderstandError(f"{source}: {exc}") from exc
