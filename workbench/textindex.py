"""The full-text index of claims (their text and restatement), on SQLite and PostgreSQL.

SQLite: an FTS5 table ``claim_fts`` with ``claim`` as its external content, kept in sync
by triggers. PostgreSQL: a GIN index ``ix_claim_fts`` on the English ``tsvector`` of the
same two columns. The migration creates them through ``ddl`` and ``drop_ddl``; queries go
through ``claim_ids_matching`` (ids) or ``matching_clause`` (a condition on ``claim.id``
for a larger query), which quote user input so that no search text can raise.
"""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa

_PG_DOCUMENT = ("to_tsvector('english', coalesce({t}text, '') || ' ' || "
                "coalesce({t}restatement, ''))")
_WORD = re.compile(r"\w+", re.UNICODE)

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
_PG_DDL = [f"CREATE INDEX ix_claim_fts ON claim USING gin ({_PG_DOCUMENT.format(t='')})"]
_PG_DROP = ["DROP INDEX IF EXISTS ix_claim_fts"]


def ddl(dialect: str) -> list[str]:
    """The statements that create the index on ``dialect`` ("sqlite" or "postgresql")."""
    return list(_PG_DDL if dialect == "postgresql" else _SQLITE_DDL)


def drop_ddl(dialect: str) -> list[str]:
    return list(_PG_DROP if dialect == "postgresql" else _SQLITE_DROP)


def _fts5_query(query: str) -> str:
    """Every word of the user's text as a quoted FTS5 string (all must match), so that
    FTS syntax in user input (quotes, AND, NEAR, *, column filters) is only ever text."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in _WORD.findall(query))


def has_terms(query: str) -> bool:
    """Whether ``query`` has any word to search for."""
    return bool(_WORD.search(query or ""))


def matching_clause(dialect: str, query: str, claim_id: Any) -> Any:
    """A condition on ``claim_id`` (a column) true for claims matching ``query``."""
    if dialect == "postgresql":
        document = _PG_DOCUMENT.format(t="claim.")  # the indexed expression, qualified
        return sa.text(f"{document} @@ plainto_tsquery('english', :fts_q)").bindparams(
            fts_q=query)
    return claim_id.in_(sa.text("SELECT rowid FROM claim_fts WHERE claim_fts MATCH :fts_q")
                        .bindparams(fts_q=_fts5_query(query)))


def claim_ids_matching(session: Any, query: str, limit: int) -> list[int]:
    """Ids of up to ``limit`` claims whose text or restatement matches ``query``."""
    if not has_terms(query):
        return []
    if session.get_bind().dialect.name == "postgresql":
        stmt = sa.text(f"SELECT id FROM claim WHERE {_PG_DOCUMENT.format(t='')} @@ "  # noqa: S608 (a constant)
                       "plainto_tsquery('english', :q) ORDER BY id LIMIT :n")
        params = {"q": query, "n": limit}
    else:
        stmt = sa.text("SELECT rowid FROM claim_fts WHERE claim_fts MATCH :q LIMIT :n")
        params = {"q": _fts5_query(query), "n": limit}
    return [int(r[0]) for r in session.connection().execute(stmt, params)]
