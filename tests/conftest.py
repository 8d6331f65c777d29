"""Shared fixtures: real databases (SQLite and a throwaway PostgreSQL) and settings."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from gracefully.config import Settings, load_settings
from gracefully.store.db import Database
from tests.services.postgres import PostgresServer

pytest_plugins = ["tests.services.fixtures"]

_names = itertools.count()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each store test runs on both databases gracefully supports."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'gracefully.db'}"
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.create_database(f"t{next(_names)}")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'gracefully.db'}"


@pytest.fixture
def settings(tmp_path: Path, sqlite_url: str) -> Settings:
    """Settings that point every folder at a temporary place (never the user's own)."""
    return load_settings(
        db=sqlite_url,
        env={
            "GRACEFULLY_DATA_DIR": str(tmp_path / "data"),
            "GRACEFULLY_CONFIG_DIR": str(tmp_path / "config"),
        },
    )


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    yield database
    database.close()
