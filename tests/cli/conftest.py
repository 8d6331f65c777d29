"""Running the real `gracefully` app in-process, with every folder pointed at a temp place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from gracefully.cli import app


@pytest.fixture(scope="session")
def model_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One data folder per test session, so the category model is trained once."""
    return tmp_path_factory.mktemp("gracefully-data")


Invoke = Callable[..., Result]


@pytest.fixture
def invoke(tmp_path: Path, model_home: Path, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """`invoke("scan", path)` runs `gracefully --db <this test's db> scan path`."""
    monkeypatch.setenv("GRACEFULLY_DATA_DIR", str(model_home))
    monkeypatch.setenv("GRACEFULLY_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("GRACEFULLY_DATABASE_URL", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'cli.db'}"

    def run(*args: str, input: str | None = None) -> Result:
        return runner.invoke(app, ["--db", db, *args], input=input, catch_exceptions=False)

    return run
