"""The full-text index of claims (text and restatement), one form per database.

SQLite: an FTS5 table ``claim_fts`` with external content (the ``claim`` table), kept in
sync by three triggers. PostgreSQL: a GIN expression index ``ix_claim_fts`` on the English
``tsvector`` of text and restatement. The migration creates both through :func:`ddl`;
queries go through :func:`claim_ids_matching`, which quotes every term, so what a user
types is always searched for as words and never read as query syntax.
"""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa
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
_SQLITE_ANY = ("SELECT claim.id, claim.text FROM claim_fts JOIN claim ON claim.id = "
               "claim_fts.rowid WHERE claim_fts MATCH :q LIMIT :n")
_PG_ANY = (
    "SELECT id, text FROM claim WHERE to_tsvector('english', coalesce(text, '') || ' ' || "
    "coalesce(restatement, '')) @@ to_tsquery('english', :q) LIMIT :n"
)
# PostgreSQL's own statistics of the index (ANALYZE keeps them): the share of claims that
# hold each of its commonest lexemes. A word that is not among them is rare.
_PG_SHARES = (
    "SELECT e.lexeme, e.share FROM pg_stats AS p, "
    "unnest(CAST(CAST(p.most_common_elems AS text) AS text[]), p.most_common_elem_freqs) "
    "AS e(lexeme, share) WHERE p.tablename = 'ix_claim_fts' "
    "AND p.schemaname = current_schema()"
)
_PG_ROWS = "SELECT reltuples FROM pg_class WHERE oid = CAST('claim' AS regclass)"
_PG_LEXEMES = ("SELECT w, (tsvector_to_array(to_tsvector('english', w)))[1] "
               "FROM unnest(CAST(:words AS text[])) AS w")

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
        document = _PG_VECTOR.replace("(text", "(claim.text").replace(  # qualified
            "(restatement", "(claim.restatement")
        return sa.text(f"{document} @@ plainto_tsquery('english', :fts_q)").bindparams(
            fts_q=query)
    return claim_id.in_(sa.text("SELECT rowid FROM claim_fts WHERE claim_fts MATCH :fts_q")
                        .bindparams(fts_q=_fts5_query(query)))


def sqlite_matches(query: str) -> tuple[sa.TableClause, Any]:
    """SQLite: the index as a table to join claims to (its ``rowid`` is the claim's id)
    and the condition that keeps the rows matching ``query``."""
    table = sa.table("claim_fts", sa.column("rowid", sa.Integer))
    return table, sa.text("claim_fts MATCH :fts_q").bindparams(fts_q=_fts5_query(query))


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
    """How many claims hold every word of ``query``, counted up to ``cap`` (SQLite: in the
    index alone, without reading a claim)."""
    if session.get_bind().dialect.name == "sqlite":
        words = _WORD.findall(query)
        if not words or cap <= 0:
            return 0
        return int(session.execute(text(_SQLITE_COUNT), {"q": _fts5_query(query), "n": cap})
                   .scalar() or 0)
    return len(claim_ids_matching(session, query, cap))


def term_counts(session: Session, words: list[str], cap: int) -> list[int]:
    """About how many claims hold each word, at most ``cap`` (0: none, or a stop word).

    SQLite counts them in the index; PostgreSQL estimates them from its statistics of the
    index, where a word outside its commonest lexemes counts as 1."""
    words = [w for w in words if _WORD.fullmatch(w)]
    if session.get_bind().dialect.name == "sqlite":
        return [int(session.execute(text(_SQLITE_COUNT), {"q": f'"{w}"', "n": cap}).scalar()
                    or 0) for w in words]
    if "claim_fts_shares" not in session.info:  # read once per session
        session.info["claim_fts_shares"] = (
            float(session.execute(text(_PG_ROWS)).scalar() or 0),
            dict(session.execute(text(_PG_SHARES)).all()))
    total, shares = session.info["claim_fts_shares"]
    lexemes = dict(session.execute(text(_PG_LEXEMES), {"words": words}).all())
    return [0 if not lexemes.get(w) else
            min(cap, max(1, round(shares.get(lexemes[w], 0.0) * total))) for w in words]


def claims_holding_any(session: Session, groups: list[list[str]],
                       limit: int) -> list[tuple[int, str]]:
    """(id, text) of claims holding every word of at least one of the groups, at most
    ``limit``, in no particular order: the blocking step of claim matching."""
    groups = [[w for w in g if _WORD.fullmatch(w)] for g in groups]
    groups = [g for g in groups if g]
    if not groups or limit <= 0:
        return []
    if session.get_bind().dialect.name == "sqlite":
        q = " OR ".join("(" + " AND ".join(f'"{w}"' for w in g) + ")" for g in groups)
        rows = session.execute(text(_SQLITE_ANY), {"q": q, "n": limit})
    else:
        q = " | ".join("(" + " & ".join(f"'{w}'" for w in g) + ")" for g in groups)
        rows = session.execute(text(_PG_ANY), {"q": q, "n": limit})
    return [(int(i), t) for i, t in rows]
