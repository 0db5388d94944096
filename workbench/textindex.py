"""The full-text index of claims (text and restatement), one form per database.

SQLite: an FTS5 table ``claim_fts`` with external content (the ``claim`` table), kept in
sync by three triggers. PostgreSQL: a GIN expression index ``ix_claim_fts`` on the English
``tsvector`` of text and restatement. The migration creates both through :func:`ddl`;
queries go through :func:`claim_ids_matching`, which quotes every term, so what a user
types is always searched for as words and never read as query syntax.
"""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlmodel import Session

_PG_VECTOR = "to_tsvector('english', coalesce(text, '') || ' ' || coalesce(restatement, ''))"
_WORD = re.compile(r"\w+")
_SQLITE_QUERY = "SELECT rowid FROM claim_fts WHERE claim_fts MATCH :q LIMIT :n"
_PG_QUERY = (
    "SELECT id FROM claim WHERE to_tsvector('english', coalesce(text, '') || ' ' || "
    "coalesce(restatement, '')) @@ plainto_tsquery('english', :q) LIMIT :n"
)
_SQLITE_COUNT = f"SELECT count(*) FROM ({_SQLITE_QUERY})"  # noqa: S608 (constants only)
_PG_COUNT = f"SELECT count(*) FROM ({_PG_QUERY}) AS hits"  # noqa: S608 (constants only)

_SQLITE_DDL = [
    "CREATE VIRTUAL TABLE claim_fts USING fts5(text, restatement, content='claim', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "INSERT INTO claim_fts(claim_fts) VALUES ('rebuild')",
    "CREATE TRIGGER claim_fts_ai AFTER INSERT ON claim BEGIN "
    "INSERT INTO claim_fts(rowid, text, restatement) "
    "VALUES (new.id, new.text, new.restatement); END",
    "CREATE TRIGGER claim_fts_ad AFTER DELETE ON claim BEGIN "
    "INSERT INTO claim_fts(claim_fts, rowid, text, restatement) "
    "VALUES ('delete', old.id, old.text, old.restatement); END",
    "CREATE TRIGGER claim_fts_au AFTER UPDATE OF text, restatement ON claim BEGIN "
    "INSERT INTO claim_fts(claim_fts, rowid, text, restatement) "
    "VALUES ('delete', old.id, old.text, old.restatement); "
    "INSERT INTO claim_fts(rowid, text, restatement) "
    "VALUES (new.id, new.text, new.restatement); END",
]
_SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS claim_fts_au",
    "DROP TRIGGER IF EXISTS claim_fts_ad",
    "DROP TRIGGER IF EXISTS claim_fts_ai",
    "DROP TABLE IF EXISTS claim_fts",
]


def ddl(dialect: str) -> list[str]:
    """The statements that create the index on ``dialect`` ("sqlite" or "postgresql")."""
    if dialect == "sqlite":
        return list(_SQLITE_DDL)
    return [f"CREATE INDEX ix_claim_fts ON claim USING gin ({_PG_VECTOR})"]


def drop_ddl(dialect: str) -> list[str]:
    """The statements that remove it again."""
    if dialect == "sqlite":
        return list(_SQLITE_DROP)
    return ["DROP INDEX IF EXISTS ix_claim_fts"]


def _run(session: Session, sqlite_sql: str, pg_sql: str, query: str, limit: int) -> list:
    words = _WORD.findall(query)
    if not words or limit <= 0:
        return []
    if session.get_bind().dialect.name == "sqlite":
        terms = " ".join(f'"{w}"' for w in words)  # \w+ never holds a quote
        return session.execute(text(sqlite_sql), {"q": terms, "n": limit}).all()
    return session.execute(text(pg_sql), {"q": " ".join(words), "n": limit}).all()


def claim_ids_matching(session: Session, query: str, limit: int) -> list[int]:
    """Ids of claims whose text or restatement holds every word of ``query`` (stemmed, as
    the index keeps them), at most ``limit``, in no particular order."""
    return [int(r[0]) for r in _run(session, _SQLITE_QUERY, _PG_QUERY, query, limit)]


def count_matching(session: Session, query: str, cap: int) -> int:
    """How many claims :func:`claim_ids_matching` would find, counting up to ``cap``."""
    rows = _run(session, _SQLITE_COUNT, _PG_COUNT, query, cap)
    return int(rows[0][0]) if rows else 0
