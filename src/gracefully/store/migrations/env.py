"""Alembic environment: runs against the engine `gracefully.store.db` hands it."""

from alembic import context

from gracefully.store.tables import Base

config = context.config
engine = config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    context.run_migrations()
