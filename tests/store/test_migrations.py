"""The migrations build exactly the schema the tables declare, on both databases."""

from __future__ import annotations

import json

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from gracefully.store.db import Database, alembic_config
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


def test_links_waiting_before_the_candidates_column_keep_the_ones_they_named(
    db_url: str,
) -> None:
    engine = create_engine(db_url)
    cfg = alembic_config(engine)
    for head in ("0002_imap", "0003_followups", "0004_tracking"):  # every branch but 0005
        command.upgrade(cfg, head)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO emails (id, subject, sender_name, sender_email, thread_refs,"
                " source, headers, scanned_at)"
                " VALUES ('e1', '', '', '', '[]', '', '{}', '2026-01-01 00:00:00+00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO links (email_id, application_id, signal, confidence, evidence,"
                " needs_review) VALUES ('e1', NULL, 'fuzzy', 0.5,"
                " 'acme: which role? [#3 Analyst, #4 Engineer]', true)"
            )
        )
    engine.dispose()
    db = Database(db_url)  # migrates to the heads, 0005 included
    try:
        with db.engine.connect() as conn:
            stored = conn.execute(text("SELECT candidates FROM links")).scalar_one()
        assert (json.loads(stored) if isinstance(stored, str) else stored) == [3, 4]
    finally:
        db.close()
