"""Alembic environment: runs against the engine `gracefully.store.db` hands it.

On SQLite, foreign keys are off while migrations run: batch mode rebuilds a table
by copying it, and dropping the old one would cascade to every row that points at it
(each follow-up of an application, each reading of an email)."""

from alembic import context

from gracefully.store.tables import Base

config = context.config
engine = config.attributes["engine"]

with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
    with connection.begin():
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=sqlite,
        )
        context.run_migrations()
    if sqlite:
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        connection.commit()
