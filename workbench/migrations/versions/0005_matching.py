"""claim matching: claim_link and source checks (the full-text index comes with 0004)

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claimlink",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("other_id", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum("auto", "confirmed", "rejected", name="linkstate", native_enum=False,
                    length=32),
            nullable=False,
        ),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("claim_id < other_id", name="ck_claim_link_order"),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"]),
        sa.ForeignKeyConstraint(["other_id"], ["claim.id"]),
        sa.ForeignKeyConstraint(["created_by_id"], ["user.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("claim_id", "other_id", name="uq_claim_link"),
    )
    with op.batch_alter_table("claimlink", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claimlink_claim_id"), ["claim_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_claimlink_other_id"), ["other_id"], unique=False)
    op.create_table(
        "sourcecheck",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("checked_by_id", sa.Integer(), nullable=True),
        sa.Column("claim_text", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_sha256", sa.String(length=64), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("findings", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["checked_by_id"], ["user.id"]),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"]),
        sa.ForeignKeyConstraint(["source_id"], ["source.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sourcecheck", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sourcecheck_claim_id"), ["claim_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sourcecheck_source_id"), ["source_id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sourcecheck", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sourcecheck_source_id"))
        batch_op.drop_index(batch_op.f("ix_sourcecheck_claim_id"))
    op.drop_table("sourcecheck")
    with op.batch_alter_table("claimlink", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claimlink_other_id"))
        batch_op.drop_index(batch_op.f("ix_claimlink_claim_id"))
    op.drop_table("claimlink")
