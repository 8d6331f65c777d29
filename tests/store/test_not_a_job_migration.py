"""Migration 0008_not_a_job adds a column and keeps every row that points at an application."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, text

from gracefully.store.db import Database, alembic_config


def test_adding_the_flag_keeps_applications_links_and_events(db_url: str) -> None:
    engine = create_engine(db_url)
    command.upgrade(alembic_config(engine), "0001_mail")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO applications (id, company, company_key, status, stage, notes, manual)"
                " VALUES (1, 'Dunmore Lettings', 'dunmorelettings', 'rejected', 'application',"
                " '', '[]')"
            )
        )
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
                " needs_review) VALUES ('e1', 1, 'new', 0.9, '', false)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO events (application_id, kind, at, summary, email_id)"
                " VALUES (1, 'rejection', '2026-01-01 00:00:00+00:00', '', 'e1')"
            )
        )
    engine.dispose()
    db = Database(db_url)  # to the heads, 0008_not_a_job included
    try:
        with db.engine.connect() as conn:
            apps = conn.execute(text("SELECT id, not_a_job FROM applications")).all()
            links = conn.execute(text("SELECT application_id FROM links")).scalars().all()
            events = conn.execute(text("SELECT application_id FROM events")).scalars().all()
        assert [(i, bool(flag)) for i, flag in apps] == [(1, False)]
        assert (links, events) == ([1], [1])
    finally:
        db.close()
