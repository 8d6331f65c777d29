"""Engine set-up and migrations: the one place that knows which database is used."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib.resources import files
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, String, Table, create_engine, event, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker


def insert_for(session: Session):  # type: ignore[no-untyped-def]
    """The dialect's INSERT, which knows ON CONFLICT (SQLite and PostgreSQL both do)."""
    return pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert


@cache
def _lengths(table: Table) -> dict[str, int]:
    return {
        c.name: c.type.length for c in table.columns if isinstance(c.type, String) and c.type.length
    }


def fit(table: Table, values: dict[str, object]) -> dict[str, object]:
    """`values` with each string cut to its column's length. PostgreSQL refuses what
    does not fit, where SQLite would store it: mail can make any field absurdly long."""
    lengths = _lengths(table)
    return {
        k: v[: lengths[k]] if isinstance(v, str) and k in lengths else v for k, v in values.items()
    }


class StoreError(Exception):
    """The database cannot be opened or migrated; the message says what to do."""


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite files get WAL and foreign keys, and their folder is made.

    Statement parameters are hidden from errors: they hold mail bodies, which must
    never reach a traceback or a log.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() in ("", None):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(parsed, pool_pre_ping=True, hide_parameters=True)


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(files("gracefully.store") / "migrations"))
    cfg.attributes["engine"] = engine
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision. Safe to call on every start."""
    try:
        command.upgrade(alembic_config(engine), "heads")
    except Exception as exc:  # surfaced to the user with the URL they chose
        raise StoreError(
            f"could not prepare the database at {engine.url.render_as_string()}: {exc}. "
            "Check the --db URL or GRACEFULLY_DATABASE_URL."
        ) from exc


class Database:
    """An opened, migrated database and its session factory."""

    def __init__(self, url: str, *, migrate_schema: bool = True) -> None:
        self.engine = make_engine(url)
        if migrate_schema:
            migrate(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def exclusive(self, name: str) -> Iterator[None]:
        """Hold a lock named `name` across processes, waiting for it if taken.

        Scans take it so that two of them (a `watch` and a manual `scan`)
        run one after the other rather than linking the same mail twice: a
        file lock beside a SQLite file, an advisory lock on PostgreSQL.
        """
        url = self.engine.url
        if url.get_backend_name() == "postgresql":
            with self.engine.connect() as conn:
                key = conn.execute(text("SELECT hashtext(:n)"), {"n": name}).scalar_one()
                conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": key})
                try:
                    yield
                finally:
                    conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                    conn.commit()
            return
        if not url.database or url.database == ":memory:":
            yield
            return
        with open(f"{url.database}.{name}.lock", "a+b") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed whole, or rolled back whole."""
        with self._sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
