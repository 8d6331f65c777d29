"""an application the user said is not a job stays in the store, hidden, so undo can restore it

Revision ID: 0008_not_a_job
Revises: 0001_mail
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_not_a_job"
down_revision = "0001_mail"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ALTER TABLE ADD COLUMN, never a batch copy: on SQLite a copy drops the old
    # table, and with foreign keys on, that would cascade to every event and follow-up.
    # The default is a constant string for the same reason (an expression forces a copy).
    op.add_column(
        "applications",
        sa.Column("not_a_job", sa.Boolean(), nullable=False, server_default="0"),
    )


def downgrade() -> None:
    # SQLite drops a column by copying the table: run a downgrade with foreign keys off.
    with op.batch_alter_table("applications") as batch:
        batch.drop_column("not_a_job")
