"""the user's own addresses, learnt from the mailbox

Revision ID: 0008_own_addresses
Revises: 0001_mail
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_own_addresses"
down_revision = "0001_mail"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "own_addresses",
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.Column("received", sa.Integer(), nullable=False),
        sa.Column("sent", sa.Integer(), nullable=False),
        sa.Column("names", sa.JSON(), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=True),
        sa.PrimaryKeyConstraint("address"),
    )


def downgrade() -> None:
    op.drop_table("own_addresses")
