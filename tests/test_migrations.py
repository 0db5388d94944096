"""Migrations: from an empty database to head on SQLite and PostgreSQL, and the models
and the migrations describe the same schema."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from workbench import db
from workbench.config import Settings


def _head() -> str:
    from pathlib import Path

    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(Path(db.__file__).parent / "migrations")).get_current_head()


def test_upgrade_from_empty_creates_every_table(database_url):
    engine = db.make_engine(Settings(database_url=database_url))
    try:
        assert db.current_revision(engine) is None
        db.upgrade(engine)
        db.upgrade(engine)  # running it again is harmless
        tables = set(inspect(engine).get_table_names())
        assert {"user", "article", "claim", "source", "evidence", "auditevent",
                "signoff", "comment", "mention", "alembic_version"} <= tables
        assert db.current_revision(engine) == _head()
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
        diff = [d for d in diff if not _is_text_index(d)]
        assert diff == [], f"models and migrations differ: {diff}"
    finally:
        engine.dispose()


def _is_text_index(difference) -> bool:
    """The full-text index (an FTS5 table, a GIN expression index) is not a model."""
    return "claim_fts" in repr(difference)


def test_sqlite_pragmas(sqlite_url):
    engine = db.make_engine(Settings(database_url=sqlite_url))
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000
    finally:
        engine.dispose()
