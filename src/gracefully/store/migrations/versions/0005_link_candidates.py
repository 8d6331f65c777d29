"""a link waiting for review keeps the applications it hesitated between

Revision ID: 0005_link_candidates
Revises: 0001_mail
"""

import re

import sqlalchemy as sa
from alembic import op

revision = "0005_link_candidates"
down_revision = "0001_mail"
branch_labels = None
depends_on = None

_LINKS = sa.table(
    "links",
    sa.column("email_id", sa.String),
    sa.column("evidence", sa.Text),
    sa.column("needs_review", sa.Boolean),
    sa.column("candidates", sa.JSON),
)


def _named(evidence: str) -> list[int]:
    """The ids the evidence text of an older link names: "#12" or "[3, 5]"."""
    ids = [int(n) for n in re.findall(r"#(\d+)", evidence)]
    for listed in re.findall(r"\[([\d, ]+)\]", evidence):
        ids += [int(n) for n in listed.split(",") if n.strip()]
    return list(dict.fromkeys(ids))


def upgrade() -> None:
    # batch mode: SQLite adds the column by copying the table
    with op.batch_alter_table("links") as batch:
        batch.add_column(sa.Column("candidates", sa.JSON(), nullable=False, server_default="[]"))
    # links already waiting for review keep the candidates their evidence named
    bind = op.get_bind()
    waiting = bind.execute(
        sa.select(_LINKS.c.email_id, _LINKS.c.evidence).where(_LINKS.c.needs_review.is_(True))
    ).all()
    for email_id, evidence in waiting:
        if ids := _named(evidence or ""):
            bind.execute(
                _LINKS.update().where(_LINKS.c.email_id == email_id).values(candidates=ids)
            )


def downgrade() -> None:
    with op.batch_alter_table("links") as batch:
        batch.drop_column("candidates")
