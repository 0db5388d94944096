"""queue sort: an index per sort key of the queue (the key, then the id) and a partial
index per claim flag

Revision ID: 0006_queue_sort
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from workbench.models import flag_test

revision = "0006_queue_sort"
down_revision = "0005"
branch_labels = None
depends_on = None

# The flags of this revision, each with a partial index whose condition is the one the
# queue's filter repeats (models.flag_test).
_FLAGS = ("missing_speaker", "anonymous_source", "hedged", "unattributed")
_FLAGS_TEXT = "(CAST(flags AS TEXT))"  # the expression every flag's condition reads

# The single-column indexes that a (column, id) index replaces: it serves the same filters
# and also reads a sorted page in order.
_REPLACED = [
    ("claim", "ix_claim_article_id", ["article_id"], "ix_claim_article_id_id"),
    ("claim", "ix_claim_status", ["status"], "ix_claim_status_id"),
    ("claim", "ix_claim_assignee_id", ["assignee_id"], "ix_claim_assignee_id_id"),
    ("claim", "ix_claim_verdict", ["verdict"], "ix_claim_verdict_id"),
    ("claim", "ix_claim_deadline", ["deadline"], "ix_claim_deadline_id"),
    ("article", "ix_article_outlet", ["outlet"], "ix_article_outlet_id"),
]


def upgrade() -> None:
    for table, old, columns, new in _REPLACED:
        op.create_index(new, table, [*columns, "id"], unique=False)
        op.drop_index(old, table_name=table)
    op.create_index("ix_claim_score_id", "claim", ["score", "id"], unique=False)
    op.create_index("ix_article_title_id", "article", [sa.text("substr(title, 1, 200)"), "id"],
                    unique=False)
    for flag in _FLAGS:
        op.create_index(f"ix_claim_flag_{flag}", "claim", ["created_at", "id"], unique=False,
                        sqlite_where=sa.text(flag_test(flag)),
                        postgresql_where=sa.text(flag_test(flag)))
    if _statistics_on_expressions():
        # what share of claims each flag's condition holds, so that PostgreSQL reads a
        # page of flagged claims in order from the flag's index instead of sorting them all
        op.execute(f"CREATE STATISTICS claim_flags_text ON ({_FLAGS_TEXT}) FROM claim")
    op.execute("ANALYZE")  # statistics for the new indexes, so the planner uses them


def _statistics_on_expressions() -> bool:
    """PostgreSQL 14 and later keep statistics of an expression (``CREATE STATISTICS``)."""
    bind = op.get_bind()
    return bind.dialect.name == "postgresql" and bind.dialect.server_version_info >= (14,)


def downgrade() -> None:
    if _statistics_on_expressions():
        op.execute("DROP STATISTICS IF EXISTS claim_flags_text")
    for flag in reversed(_FLAGS):
        op.drop_index(f"ix_claim_flag_{flag}", table_name="claim")
    op.drop_index("ix_article_title_id", table_name="article")
    op.drop_index("ix_claim_score_id", table_name="claim")
    for table, old, columns, new in reversed(_REPLACED):
        op.create_index(old, table, columns, unique=False)
        op.drop_index(new, table_name=table)
