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


def test_approvals_from_before_the_keyed_record_are_withdrawn(db_url: str) -> None:
    """An unkeyed approval cannot be verified: 0006 turns it back into a draft
    (the text stays), and a sent follow-up keeps its history."""
    engine = create_engine(db_url)
    command.upgrade(alembic_config(engine), "0003_followups")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO applications (id, company, company_key, status, stage, notes, manual)"
                " VALUES (1, 'Lanternworks', 'lanternworks', 'rejected', 'screen', '', '[]')"
            )
        )
        for fid, status, sent in ((1, "approved", None), (2, "sent", "2026-03-04 10:00:00+00:00")):
            conn.execute(
                text(
                    "INSERT INTO followups (id, application_id, kind, rule, why, advice, needs,"
                    " status, draft_subject, draft_body, draft_references, draft_findings,"
                    " draft_note, approved_hash, sent_at, feedback, updated_at) VALUES (:id, 1,"
                    " 'stay_on_radar', '', '', '', '[]', :status, 'Re: x', 'Hi Priya,', '[]',"
                    " '[]', '', :hash, :sent, '[]', '2026-03-03 10:00:00+00:00')"
                ),
                {"id": fid, "status": status, "hash": "ab" * 32, "sent": sent},
            )
    engine.dispose()
    db = Database(db_url)  # to the heads, 0006 included
    try:
        with db.engine.connect() as conn:
            rows = conn.execute(
                text("SELECT id, status, approved_hash, draft_body, revision FROM followups")
            ).all()
        assert sorted(tuple(r) for r in rows) == [
            (1, "drafted", None, "Hi Priya,", 1),
            (2, "sent", "ab" * 32, "Hi Priya,", 1),
        ]
    finally:
        db.close()


def test_upgrading_keeps_every_reading_of_every_email(db_url: str) -> None:
    """Migrations that add a column never cost rows: on SQLite a table copied by batch
    mode would cascade its delete to the rows that point at it."""
    engine = create_engine(db_url)
    command.upgrade(alembic_config(engine), "0001_mail")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO emails (id, subject, sender_name, sender_email, thread_refs, source,"
                " headers, scanned_at) VALUES ('<a@x>', 'Update', 'Dana', 'dana@x.example', '[]',"
                " 'test', '{}', '2026-03-03 10:00:00+00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO readings (email_id, category, confidence, is_rejection, reasons,"
                " keep_on_file, invite_reapply, alt_role, personal, no_reply, door_closed,"
                " evidence, model_version, corrected) VALUES ('<a@x>', 'rejection', 0.9, true,"
                " '[]', false, false, false, false, false, false, '[]', 'm', false)"
            )
        )
    engine.dispose()
    db = Database(db_url)
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM readings")).scalar_one() == 1
            kind = conn.execute(text("SELECT content_hash FROM emails")).scalar_one()
        assert kind is None
    finally:
        db.close()
