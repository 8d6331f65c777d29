"""a link waiting for review keeps the applications it hesitated between

Revision ID: 0005_link_candidates
Revises: 0001_mail
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_link_candidates"
down_revision = "0001_mail"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # batch mode: SQLite adds the column by copying the table
    with op.batch_alter_table("links") as batch:
        batch.add_column(sa.Column("candidates", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("links") as batch:
        batch.drop_column("candidates")
