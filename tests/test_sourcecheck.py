"""A claim against its sources: a local page stating another percentage is reported as
*differs* with both values, one stating the same figure as *agrees*; the text read is kept,
so the result can be reproduced after the page changes."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from tests.httpserver import LocalServer, html_response
from tests.test_cli import _runner
from workbench import accounts, claims, db, extraction, sourcecheck, sources, workflow
from workbench.errors import InputError
from workbench.models import AuditEvent, SourceCheck

ARTICLE = ("Coca cultivation in Colombia rose 13 percent to 230,000 hectares in 2024, "
           "the report said.\n")
PAGE = """<!doctype html><html lang="en"><head><title>Coca survey 2024</title></head>
<body><main><h1>Coca survey</h1>
<p>The survey covers the whole country and was published in Vienna.</p>
<p>Coca cultivation in Colombia rose {figure} percent in 2024 to reach 230,000 hectares,
according to the survey.</p>
<p>The price of coca paste fell in most regions.</p></main></body></html>"""


@pytest.fixture
def pages():
    server = LocalServer({})
    figure = {"/same": "13", "/other": "1.3"}
    server.route("/same", lambda r: html_response(PAGE.format(figure=figure["/same"])))
    server.route("/other", lambda r: html_response(PAGE.format(figure=figure["/other"])))
    server.route("/unrelated", lambda r: html_response(
        "<html><body><main><p>Football results of the weekend and the weather in "
        "the mountains, with many long sentences about nothing in particular.</p>"
        "</main></body></html>"))
    with server:
        server.figure = figure
        yield server


def _claim_with(engine, users, lookup_settings, server, *paths: str) -> int:
    cands = extraction.extract(ARTICLE, threshold=0.0)
    with db.session_scope(engine, write=True) as s:
        claim_id = claims.ingest(session=s, actor=users["rita"], text=ARTICLE,
                                 candidates=cands).claims[0].id
        claims.accept_many(session=s, actor=users["rita"], claim_ids=[claim_id])
        workflow.apply(session=s, actor=users["rita"], claim_id=claim_id, move="assign",
                       assignee=users["rita"], expected_version=None)
    for path in paths:
        with sources.open_client(lookup_settings) as client:
            page = sources.preview(client=client, url=server.url(path))
        with db.session_scope(engine, write=True) as s:
            actor = accounts.get_user(session=s, username="rita")
            sources.attach(session=s, actor=actor, claim_id=claim_id, page=page,
                           expected_version=None)
    return claim_id


def test_other_percentage_differs_and_same_figure_agrees(engine, users, lookup_settings,
                                                         pages):
    claim_id = _claim_with(engine, users, lookup_settings, pages, "/other", "/same",
                           "/unrelated")
    with sources.open_client(lookup_settings) as client, \
            db.session_scope(engine, write=True) as s:
        other, same, unrelated = sourcecheck.check_sources(
            session=s, client=client, claim_id=claim_id, actor=users["rita"])
    assert other.result == "differs"
    assert ("13 percent", "1.3 percent", "differs") in [
        (f.claimed, f.found, f.result) for f in other.findings]
    assert "rose 1.3 percent" in other.passages[0]
    assert same.result == "agrees"
    assert {(f.what, f.result) for f in same.findings} == {
        ("number", "agrees"), ("date", "agrees"), ("place", "agrees")}
    assert unrelated.result == "not found" and unrelated.passages == ()
    with db.session_scope(engine) as s:
        stored = sourcecheck.latest(session=s, claim_id=claim_id)
        assert [c.result for c in stored] == ["differs", "agrees", "not found"]
        assert "1.3 percent" in stored[0].text and len(stored[0].text_sha256) == 64
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "source_checked")).all()
        assert len(events) == 3
    pages.figure["/other"] = "13"  # the page changes: the stored check still reads as it was
    with db.session_scope(engine) as s:
        again = sourcecheck.reproduce(session=s, check_id=other.check_id)
    assert again.result == "differs"


def test_a_claim_without_sources_is_refused_and_nothing_is_stored(engine, users,
                                                                   lookup_settings, pages):
    claim_id = _claim_with(engine, users, lookup_settings, pages)
    with sources.open_client(lookup_settings) as client, \
            db.session_scope(engine, write=True) as s, \
            pytest.raises(InputError, match="no sources"):
        sourcecheck.check_sources(session=s, client=client, claim_id=claim_id)
    with db.session_scope(engine) as s:
        assert s.exec(select(SourceCheck)).all() == []


def test_cli_sources_check(tmp_path, pages):
    run = _runner(tmp_path, tmp_path / "s.db")
    run("init")
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    run("users", "add", "rita", "--role", "reviewer", "--password-stdin",
        stdin="correct horse battery\n")
    run("ingest", str(article))
    run("claims", "accept", "1", "--user", "rita")
    run("claims", "assign", "1", "--user", "rita", "--to", "rita")
    run("sources", "attach", "1", pages.url("/other"), "--user", "rita")
    out = json.loads(run("sources", "check", "1", "--json").stdout)
    assert out[0]["result"] == "differs"
    text = run("sources", "check", "1").stdout
    assert "number differs: claim: 13 percent / source: 1.3 percent" in text
    bad = run("sources", "check", "99", ok=False)
    assert bad.returncode != 0 and "no claim with id 99" in bad.stderr
