"""append-only history and sign-offs: the hash chain, keyed sign-offs, voids as rows;
the sign-in counter and lock on the user row; dashboard sessions that survive a reload

The history (``auditevent``), the sign-offs (``signoff``) and their voids
(``signoffvoid``) only ever take new rows: triggers refuse UPDATE and DELETE (and
TRUNCATE on PostgreSQL). Events written before this revision keep their id as their place
in the chain and carry no link; a sign-off voided before it keeps its ``voided_at``.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0001"
branch_labels = None
depends_on = None

APPEND_ONLY = ("auditevent", "signoff", "signoffvoid")
PG_FUNCTION = "workbench_refuse_change"


def upgrade() -> None:
    with op.batch_alter_table("auditevent", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("prev_hmac", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("chain_hmac", sa.String(length=64), nullable=True))
    op.execute("UPDATE auditevent SET seq = id")
    with op.batch_alter_table("auditevent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_auditevent_seq"), ["seq"], unique=True)

    with op.batch_alter_table("signoff", schema=None) as batch_op:
        batch_op.add_column(sa.Column("snapshot_hmac", sa.String(length=64), nullable=True))

    op.create_table(
        "signoffvoid",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("signoff_id", sa.Integer(), nullable=False),
        sa.Column("voided_by_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["signoff_id"], ["signoff.id"]),
        sa.ForeignKeyConstraint(["voided_by_id"], ["user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("signoffvoid", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signoffvoid_signoff_id"), ["signoff_id"],
                              unique=True)

    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("failed_logins", sa.Integer(), nullable=False,
                                      server_default=sa.text("0")))
        batch_op.add_column(sa.Column("locked_until", sa.DateTime(timezone=True),
                                      nullable=True))

    op.create_table(
        "usersession",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("usersession", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_usersession_token_sha256"), ["token_sha256"],
                              unique=True)
        batch_op.create_index(batch_op.f("ix_usersession_user_id"), ["user_id"], unique=False)

    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"CREATE FUNCTION {PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "RAISE EXCEPTION 'the % table is append-only: rows may be added, never changed "
            "or deleted', TG_TABLE_NAME; END $$"
        )
        for table in APPEND_ONLY:
            op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON "
                       f"{table} FOR EACH ROW EXECUTE FUNCTION {PG_FUNCTION}()")
            op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                       f"FOR EACH STATEMENT EXECUTE FUNCTION {PG_FUNCTION}()")
    else:
        for table in APPEND_ONLY:
            for verb in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, 'the {table} table is append-only: rows may "
                    "be added, never changed or deleted'); END"
                )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in APPEND_ONLY:
            op.execute(f"DROP TRIGGER {table}_append_only ON {table}")
            op.execute(f"DROP TRIGGER {table}_no_truncate ON {table}")
        op.execute(f"DROP FUNCTION {PG_FUNCTION}()")
    else:
        for table in APPEND_ONLY:
            for verb in ("update", "delete"):
                op.execute(f"DROP TRIGGER {table}_no_{verb}")
    with op.batch_alter_table("usersession", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_usersession_user_id"))
        batch_op.drop_index(batch_op.f("ix_usersession_token_sha256"))
    op.drop_table("usersession")
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_column("locked_until")
        batch_op.drop_column("failed_logins")
    with op.batch_alter_table("signoffvoid", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signoffvoid_signoff_id"))
    op.drop_table("signoffvoid")
    with op.batch_alter_table("signoff", schema=None) as batch_op:
        batch_op.drop_column("snapshot_hmac")
    with op.batch_alter_table("auditevent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_auditevent_seq"))
        batch_op.drop_column("chain_hmac")
        batch_op.drop_column("prev_hmac")
        batch_op.drop_column("seq")
