"""follow-ups keep a revision, the revision an approval was for, and a send lease

Approvals recorded before this migration were an unkeyed sha256 that anyone
who could write the database could recompute; they cannot be verified
against the new keyed record, so they are withdrawn (the drafts stay, and
need one more approval).

Revision ID: 0006_approval
Revises: 0003_followups
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_approval"
down_revision = "0003_followups"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("followups") as batch:
        batch.add_column(sa.Column("revision", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("approved_revision", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("sending_by", sa.String(length=255), nullable=True))
        batch.add_column(sa.Column("sending_until", sa.DateTime(timezone=True), nullable=True))
    followups = sa.table(
        "followups",
        sa.column("status", sa.String),
        sa.column("approved_hash", sa.String),
        sa.column("sent_at", sa.DateTime(timezone=True)),
    )
    op.execute(
        followups.update()
        .where(followups.c.status == "approved", followups.c.sent_at.is_(None))
        .values(status="drafted", approved_hash=None)
    )


def downgrade() -> None:
    with op.batch_alter_table("followups") as batch:
        batch.drop_column("sending_until")
        batch.drop_column("sending_by")
        batch.drop_column("approved_revision")
        batch.drop_column("revision")
