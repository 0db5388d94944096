"""Values longer than their column: refused with one sentence on SQLite as on PostgreSQL
(SQLite would keep them whole, PostgreSQL would fail with a driver error), except the
metadata a web page says about itself, which is cut to fit so that it never stops an
article or a source from being stored."""

from __future__ import annotations

import pytest
from sqlalchemy import func
from sqlmodel import select

from tests.httpserver import html_response
from tests.test_workflow import _move
from workbench import accounts, claims, db
from workbench.errors import InputError
from workbench.models import Article, Role, Source, User

ARTICLE = ("Colombia seized a record 960 tons of cocaine in 2025, the national police said "
           "on Tuesday, up from 740 tons a year earlier.")


def _count(engine, model) -> int:
    with db.session_scope(engine) as s:
        return s.exec(select(func.count()).select_from(model)).one()


def test_an_over_long_display_name_is_refused_and_nothing_is_written(engine):
    with pytest.raises(InputError, match=r"^The user display name is 250 characters long; "
                                         r"at most 200 fit\.$"), \
            db.session_scope(engine, write=True) as s:
        accounts.create_user(session=s, actor=None, username="rita", role=Role.reviewer,
                             display_name="R" * 250, password="a long enough one")
    assert _count(engine, User) == 0


def test_an_over_long_byline_typed_in_is_refused(engine):
    with pytest.raises(InputError, match="article byline is 600 characters long"), \
            db.session_scope(engine, write=True) as s:
        claims.ingest(session=s, actor=None, text=ARTICLE, byline="B" * 600)
    assert _count(engine, Article) == 0


def test_a_page_with_a_huge_byline_is_stored_with_the_byline_cut_to_fit(engine):
    names = "; ".join(f"Reporter {chr(65 + i % 26)}{chr(65 + i // 26)} Smith" for i in range(60))
    html = (f"<html><head><title>Seizures</title><meta name='author' content='{names}'>"
            f"<meta property='og:site_name' content='{'S' * 400}'></head><body><article>"
            f"<p>{ARTICLE}</p><p>{ARTICLE}</p></article></body></html>")
    text, meta = claims.read_document(html.encode(), filename="page.html")
    assert 450 < len(meta["author"]) <= 500 < len(names)
    assert meta["site_name"] == "S" * 200
    with db.session_scope(engine, write=True) as s:
        result = claims.ingest(session=s, actor=None, text=text, byline=meta["author"],
                               outlet=meta["site_name"], title=meta["title"] or "")
        assert result.created and result.article.byline == meta["author"]
        assert names.startswith(result.article.byline)


def test_a_source_with_a_nonsense_language_is_attached_without_it(engine, users, seeded,
                                                                   page_server, attach):
    page = ("<html lang='{lang}'><head><title>FTO list</title></head><body><main>"
            "<p>Designated Foreign Terrorist Organizations include the Clan del Golfo, "
            "listed in December 2025 by the Department of State.</p></main></body></html>")
    page_server.route("/lang/bad*", lambda r: html_response(page.format(lang="x" * 40)))
    page_server.route("/lang/good*", lambda r: html_response(page.format(lang="es-CO")))
    with db.session_scope(engine) as s:
        cid = claims.list_claims(session=s, limit=1)[0].claim.id
    _move(engine, cid, "rita", "accept")
    _move(engine, cid, "rita", "assign", to="rita")
    attach(cid, "rita", path="/lang/bad")
    attach(cid, "rita", path="/lang/good")
    with db.session_scope(engine) as s:
        found = {src.url.rsplit("/", 1)[-1]: src.language for src in s.exec(select(Source))}
    assert found == {"bad": None, "good": "es-CO"}
