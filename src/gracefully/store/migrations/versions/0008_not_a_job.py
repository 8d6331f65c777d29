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
    # batch mode: SQLite adds the column by copying the table
    with op.batch_alter_table("applications") as batch:
        batch.add_column(
            sa.Column("not_a_job", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("applications") as batch:
        batch.drop_column("not_a_job")
