"""emails keep a content hash; skipped messages keep a kind and their size

Revision ID: 0007_mail_hardening
Revises: 0001_mail
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_mail_hardening"
down_revision = "0001_mail"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMNs, never batch mode: on SQLite batch mode copies `emails`, and
    # dropping the old table cascades to every reading and link
    op.add_column("emails", sa.Column("content_hash", sa.String(length=64), nullable=True))
    op.add_column(
        "skipped",
        sa.Column("kind", sa.String(length=32), nullable=False, server_default="undecodable"),
    )
    op.add_column("skipped", sa.Column("size", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("skipped") as batch:
        batch.drop_column("size")
        batch.drop_column("kind")
    with op.batch_alter_table("emails") as batch:
        batch.drop_column("content_hash")
