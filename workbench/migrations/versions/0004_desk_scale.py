"""desk scale: claim deadline, saved queue views, queue indexes, full-text index of claims

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from workbench import textindex

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_CLAIM_INDEXES = [
    ("ix_claim_kind", ["kind"]),
    ("ix_claim_verdict", ["verdict"]),
    ("ix_claim_submitted_by_id", ["submitted_by_id"]),
    ("ix_claim_created_at_id", ["created_at", "id"]),
    ("ix_claim_priority_id", ["priority", "id"]),
    ("ix_claim_deadline", ["deadline"]),
]


def upgrade() -> None:
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.add_column(sa.Column("deadline", sa.DateTime(timezone=True), nullable=True))
        for name, columns in _CLAIM_INDEXES:
            batch_op.create_index(name, columns, unique=False)
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.create_index("ix_article_outlet", ["outlet"], unique=False)

    op.create_table(
        "savedview",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "name", name="uq_savedview_name"),
    )
    with op.batch_alter_table("savedview", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_savedview_user_id"), ["user_id"], unique=False)

    for statement in textindex.ddl(op.get_bind().dialect.name):
        op.execute(statement)
    op.execute("ANALYZE")  # statistics for the new indexes, so the planner uses them


def downgrade() -> None:
    for statement in textindex.drop_ddl(op.get_bind().dialect.name):
        op.execute(statement)
    with op.batch_alter_table("savedview", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_savedview_user_id"))
    op.drop_table("savedview")
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_index("ix_article_outlet")
    with op.batch_alter_table("claim", schema=None) as batch_op:
        for name, _columns in reversed(_CLAIM_INDEXES):
            batch_op.drop_index(name)
        batch_op.drop_column("deadline")
