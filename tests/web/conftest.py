"""The web app over a real database: the demo mailbox scanned through the real pipeline.

The demo is scanned (and its follow-ups planned and drafted) once per test
session into a SQLite file; each test gets its own copy of that file, so
tests that approve or resolve things never see each other's answers.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.service.review_world import demo_reader
from tests.web.web_world import BASE, NOW, scan_and_plan, settings_for

from gracefully.config import Settings
from gracefully.store.db import Database
from gracefully.understand import Reader
from gracefully.web import create_app

__all__ = ["demo_reader"]


@pytest.fixture(scope="session")
def demo_db_file(tmp_path_factory: pytest.TempPathFactory, demo_reader: Reader) -> Path:
    folder = tmp_path_factory.mktemp("web-demo")
    scan_and_plan(f"sqlite:///{folder / 'demo.db'}", folder, demo_reader)
    return folder / "demo.db"  # closed, so the WAL is checkpointed into this one file


@pytest.fixture
def demo_settings(tmp_path: Path, demo_db_file: Path) -> Settings:
    """This test's own copy of the scanned demo."""
    shutil.copyfile(demo_db_file, tmp_path / "gracefully.db")
    return settings_for(f"sqlite:///{tmp_path / 'gracefully.db'}", tmp_path)


@pytest.fixture
def demo_db(demo_settings: Settings) -> Iterator[Database]:
    """The test's copy, opened for seeding and for checking what the app stored."""
    db = Database(demo_settings.database_url)
    yield db
    db.close()


@pytest.fixture
def client(demo_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(demo_settings, clock=lambda: NOW), base_url=BASE) as test_client:
        yield test_client
