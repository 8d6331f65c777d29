"""company aliases, the change log for undo, merged and kept-apart applications

Revision ID: 0004_tracking
Revises: 0001_mail
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_tracking"
down_revision = "0001_mail"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "company_aliases",
        sa.Column("alias", sa.String(length=255), nullable=False),
        sa.Column("canonical", sa.String(length=255), nullable=False),
        sa.Column("learnt", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("alias"),
    )
    with op.batch_alter_table("company_aliases", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_company_aliases_canonical"), ["canonical"], unique=False
        )
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("inverse", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_changes_undone_at"), ["undone_at"], unique=False)
    op.create_table(
        "merged_applications",
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("into_id", sa.Integer(), nullable=False),
        sa.Column("change_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["application_id"], ["applications.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["change_id"], ["changes.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["into_id"], ["applications.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("application_id"),
    )
    with op.batch_alter_table("merged_applications", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_merged_applications_into_id"), ["into_id"], unique=False
        )
    op.create_table(
        "kept_apart",
        sa.Column("a_id", sa.Integer(), nullable=False),
        sa.Column("b_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["a_id"], ["applications.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["b_id"], ["applications.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("a_id", "b_id"),
    )


def downgrade() -> None:
    op.drop_table("kept_apart")
    with op.batch_alter_table("merged_applications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_merged_applications_into_id"))
    op.drop_table("merged_applications")
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_changes_undone_at"))
    op.drop_table("changes")
    with op.batch_alter_table("company_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_company_aliases_canonical"))
    op.drop_table("company_aliases")
