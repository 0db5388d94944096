"""The full-text index of claims: filled by the migration, kept in sync on insert, update
and delete, and safe with any user input, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlmodel import select

from workbench import db, textindex
from workbench.models import Claim


def _ids(engine, query: str) -> set[int]:
    with db.session_scope(engine) as s:
        return set(textindex.claim_ids_matching(s, query, limit=1000))


def _claim(engine, fragment: str) -> Claim:
    with db.session_scope(engine) as s:
        return next(c for c in s.exec(select(Claim)) if fragment in c.text)


def test_search_finds_stems_and_follows_edits(seeded):
    fto = _claim(seeded, "Foreign Terrorist")
    assert fto.id in _ids(seeded, "terrorist organizations")
    assert fto.id in _ids(seeded, "organization")  # porter stems: organizations -> organ
    with db.session_scope(seeded, write=True) as s:
        claim = s.get(Claim, fto.id)
        claim.restatement = "The zyxwv groups are listed."
        s.add(claim)
    assert _ids(seeded, "zyxwv") == {fto.id}
    with db.session_scope(seeded, write=True) as s:
        new = Claim(article_id=fto.article_id, text="Quokkas crossed the border.", start=90_000,
                    end=90_027, kind="event")
        s.add(new)
        s.flush()
        new_id = new.id
    assert _ids(seeded, "quokkas") == {new_id}
    with db.session_scope(seeded, write=True) as s:
        s.delete(s.get(Claim, new_id))
    assert _ids(seeded, "quokkas") == set()


HOSTILE = ['"', "AND", "OR NOT", "NEAR(a b)", "text:cocaine", "*", "col^", 'a"b',
           "'; DROP TABLE claim", "(", ")", "-", "+", "^", "{text}: x", "", "   ", "\x00"]


def test_search_syntax_in_user_input_never_raises(seeded):
    for hostile in HOSTILE:
        assert isinstance(_ids(seeded, hostile), set), hostile
    assert _ids(seeded, 'cocaine" OR "x') == _ids(seeded, "cocaine x")


def test_ddl_is_the_shared_spec():
    assert textindex.ddl("sqlite")[0].startswith("CREATE VIRTUAL TABLE claim_fts USING fts5(")
    assert textindex.ddl("postgresql") == [
        "CREATE INDEX ix_claim_fts ON claim USING gin (to_tsvector('english', "
        "coalesce(text, '') || ' ' || coalesce(restatement, '')))"]
