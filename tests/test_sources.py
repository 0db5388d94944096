"""Sources as a desk keeps them: refreshed (changed hash, page gone), archived, and the
research lookups (earlier fact-checks, context) through the service layer, all against
real local servers that replay the public APIs' shapes."""

from __future__ import annotations

import pytest
from sqlmodel import select

from tests.conftest import EVIDENCE_PAGE
from tests.httpserver import LocalServer, html_response
from tests.test_lookups_services import make_settings, server  # noqa: F401 (fixture)
from workbench import accounts, claims, db, sources
from workbench.errors import ApiKeyError, InputError, PermissionDenied, TargetRefused
from workbench.models import AuditEvent, Evidence, Source


@pytest.fixture
def site():
    """Pages whose content the test changes between a lookup and a refresh."""
    pages = {"/a": "first version", "/b": "stays the same", "/c": "will vanish"}

    def serve(request):
        body = pages.get(request.path)
        if body is None:
            return html_response("<title>Gone</title>", status=404)
        return html_response(f"<title>Page {request.path}</title><p>{body}</p>")

    with LocalServer({"/*": serve}) as running:
        running.pages = pages
        yield running


def _attach_all(engine, settings, site, claim_id):
    with sources.open_client(settings) as client:
        found = [sources.preview(client=client, url=site.url(p)) for p in ("/a", "/b", "/c")]
    with db.session_scope(engine, write=True) as s:
        rita = accounts.get_user(session=s, username="rita")
        for page in found:
            sources.attach(session=s, actor=rita, claim_id=claim_id, page=page,
                           expected_version=None)


def _open_claim(engine) -> int:
    from workbench import workflow

    with db.session_scope(engine, write=True) as s:
        cid = claims.list_claims(session=s, limit=1)[0].claim.id
        rita = accounts.get_user(session=s, username="rita")
        workflow.apply(session=s, actor=rita, claim_id=cid, move="accept",
                       expected_version=None)
        workflow.apply(session=s, actor=rita, claim_id=cid, move="assign", assignee=rita,
                       expected_version=None)
    return cid


def test_refresh_reports_changed_and_gone(seeded, site):
    settings = make_settings(site, database_url=str(seeded.url))
    cid = _open_claim(seeded)
    _attach_all(seeded, settings, site, cid)
    with db.session_scope(seeded) as s:
        before = {src.url: src.content_sha256 for src in s.exec(select(Source))}
    site.pages["/a"] = "second version"
    del site.pages["/c"]

    ticks = []
    with sources.open_client(settings) as client:
        todo = sources.due_for_refresh(engine=seeded)
        summary = sources.refresh(engine=seeded, client=client, source_ids=todo,
                                  actor_name="rita", progress=ticks.append)
    assert len(todo) == 3 and sum(ticks) == 3
    assert summary.changed == [site.url("/a")]
    assert summary.gone == [site.url("/c")]
    assert summary.unchanged == 1 and not summary.failed
    assert "1 changed, 1 gone" in summary.describe()
    with db.session_scope(seeded) as s:
        after = {src.url: src for src in s.exec(select(Source))}
        events = [e for e in s.exec(select(AuditEvent)) if e.action.startswith("source_")]
    assert after[site.url("/a")].content_sha256 != before[site.url("/a")]
    assert after[site.url("/b")].content_sha256 == before[site.url("/b")]
    assert after[site.url("/c")].gone and after[site.url("/c")].http_status == 404
    changed = next(e for e in events if e.action == "source_changed")
    assert changed.changes["content_sha256"] == [before[site.url("/a")],
                                                 after[site.url("/a")].content_sha256]


def test_archive_stores_the_wayback_link(seeded, server):  # noqa: F811
    settings = make_settings(server, database_url=str(seeded.url))
    cid = _open_claim(seeded)
    server.route("/fto", lambda r: html_response(EVIDENCE_PAGE.format(canonical="")))
    with sources.open_client(settings) as client:
        page = sources.preview(client=client, url=server.url("/fto"))
    with db.session_scope(seeded, write=True) as s:
        rita = accounts.get_user(session=s, username="rita")
        ev = sources.attach(session=s, actor=rita, claim_id=cid, page=page,
                                expected_version=None)
    with sources.open_client(settings) as client, db.session_scope(seeded) as s:
        rob = accounts.get_user(session=s, username="rob")  # a reviewer; the claim is rita's
        with pytest.raises(PermissionDenied, match="may archive only a source of a claim"):
            sources.archive(engine=seeded, client=client, actor=rob, source_id=ev.source_id)
    with db.session_scope(seeded) as s:
        assert s.get(Source, ev.source_id).archive_url is None
    with sources.open_client(settings) as client, db.session_scope(seeded) as s:
        rita = accounts.get_user(session=s, username="rita")
        stored = sources.archive(engine=seeded, client=client, actor=rita,
                                 source_id=ev.source_id)
    assert stored.archive_url.startswith(server.url("/web/20"))  # the Save Page Now answer
    with db.session_scope(seeded) as s:
        assert s.get(Source, ev.source_id).archive_url == stored.archive_url


def test_factchecks_and_context(server):  # noqa: F811
    settings = make_settings(server)
    with sources.open_client(settings) as client:
        found = sources.factchecks(client=client, text="Clan del Golfo terrorist")
        ctx = sources.context(client=client, text="Gustavo Petro")
    assert found and found[0].url.startswith("http")
    assert {"claim_text", "publisher_name", "rating", "url"} <= set(sources.plain(found[0]))
    lines = sources.describe_context(ctx)
    assert lines[0].startswith("Gustavo Petro")
    assert any(line.startswith("Wikidata Q") for line in lines)


def test_factchecks_without_a_key_says_how_to_set_it(server):  # noqa: F811
    settings = make_settings(server, factcheck_api_key=None)
    with sources.open_client(settings) as client, pytest.raises(ApiKeyError,
                                                                match="FACTCHECK_API_KEY"):
        sources.factchecks(client=client, text="cocaine")


def test_refused_url_attaches_nothing(seeded, site):
    settings = make_settings(site, database_url=str(seeded.url), lookup_allow_hosts=[])
    with sources.open_client(settings) as client, pytest.raises(TargetRefused):
        sources.preview(client=client, url=site.url("/a"))
    assert site.connections == 0
    with db.session_scope(seeded) as s:
        assert not list(s.exec(select(Source))) and not list(s.exec(select(Evidence)))


def test_fetch_article_reads_the_body(site):
    site.pages["/story"] = "x"
    settings = make_settings(site)
    with sources.open_client(settings) as client:
        with pytest.raises(InputError, match="No article text was found"):
            sources.fetch_article(client=client, url=site.url("/b"))
