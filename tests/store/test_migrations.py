"""The migrations build exactly the schema the tables declare, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from gracefully.store.db import Database
from gracefully.store.tables import Base


def test_migrated_schema_matches_the_tables(db_url: str) -> None:
    db = Database(db_url)
    try:
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
            assert diff == []
            assert set(Base.metadata.tables) <= set(inspect(conn).get_table_names())
    finally:
        db.close()


def test_migrating_twice_is_harmless(sqlite_url: str) -> None:
    Database(sqlite_url).close()
    Database(sqlite_url).close()
