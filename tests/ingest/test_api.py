"""The public surface of gracefully.ingest is declared, and every name resolves."""

from __future__ import annotations

import gracefully.ingest as ingest

API = {
    "EmlFolderSource",
    "MailSource",
    "MaildirSource",
    "MboxSource",
    "MemorySource",
    "RawMessage",
    "SourceError",
    "decode",
    "identity",
    "open_source",
    "split_quoted",
}


def test_declared_api_is_exported() -> None:
    assert set(ingest.__all__) >= API
    assert all(hasattr(ingest, name) for name in ingest.__all__)


def test_source_error_is_an_exception() -> None:
    assert issubclass(ingest.SourceError, Exception)
