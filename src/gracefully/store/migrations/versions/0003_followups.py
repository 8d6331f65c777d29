"""follow-ups, the user's profile and per-application preferences

Revision ID: 0003_followups
Revises: 0001_mail
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_followups"
down_revision = "0001_mail"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "followups",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("rejection_email_id", sa.String(length=255), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("rule", sa.String(length=64), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("checkin_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("advice", sa.Text(), nullable=False),
        sa.Column("needs", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("draft_subject", sa.Text(), nullable=True),
        sa.Column("draft_body", sa.Text(), nullable=True),
        sa.Column("draft_to_name", sa.String(length=255), nullable=True),
        sa.Column("draft_to_email", sa.String(length=320), nullable=True),
        sa.Column("draft_in_reply_to", sa.String(length=998), nullable=True),
        sa.Column("draft_references", sa.JSON(), nullable=False),
        sa.Column("draft_template", sa.String(length=255), nullable=True),
        sa.Column("draft_variant", sa.Integer(), nullable=True),
        sa.Column("draft_findings", sa.JSON(), nullable=False),
        sa.Column("draft_note", sa.Text(), nullable=False),
        sa.Column("approved_hash", sa.String(length=64), nullable=True),
        sa.Column("imap_saved_hash", sa.String(length=64), nullable=True),
        sa.Column("sent_message_id", sa.String(length=998), nullable=True),
        sa.Column("sending_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.String(length=32), nullable=True),
        sa.Column("outcome_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("feedback", sa.JSON(), nullable=False),
        sa.Column("reply_email_id", sa.String(length=255), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["applications.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["rejection_email_id"], ["emails.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["reply_email_id"], ["emails.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("application_id", "rejection_email_id", name="uq_followup"),
    )
    with op.batch_alter_table("followups", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_followups_application_id"), ["application_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_followups_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_followups_sent_message_id"), ["sent_message_id"], unique=False
        )
    op.create_table(
        "profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.Column("strengths", sa.JSON(), nullable=False),
        sa.Column("tone", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "application_prefs",
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("learn", sa.Text(), nullable=False),
        sa.Column("opted_out", sa.Boolean(), nullable=False),
        sa.Column("move", sa.String(length=32), nullable=True),
        sa.Column("alt_role", sa.Text(), nullable=True),
        sa.Column("checkin", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["applications.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("application_id"),
    )


def downgrade() -> None:
    op.drop_table("application_prefs")
    op.drop_table("profile")
    with op.batch_alter_table("followups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_followups_sent_message_id"))
        batch_op.drop_index(batch_op.f("ix_followups_status"))
        batch_op.drop_index(batch_op.f("ix_followups_application_id"))
    op.drop_table("followups")
