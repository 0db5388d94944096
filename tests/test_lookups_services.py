"""Wayback Machine, Wikipedia, Wikidata and Google Fact Check Tools lookups.

One local server plays all four services, replaying the recorded response shapes in
``tests/fixtures/api`` (made-up values, faithful field names). The base URLs in settings
point at it, as they would at the real services.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.httpserver import LocalServer, Request, Response, json_response
from workbench.config import Settings
from workbench.errors import ApiKeyError, InputError, UpstreamError
from workbench.lookups import (
    all_lookups,
    build_client,
    factcheck_search,
    get_lookup,
    wayback_closest,
    wayback_save,
    wayback_snapshots,
    wikidata_entity,
    wikidata_search,
    wikipedia_search,
    wikipedia_summary,
)

API = Path(__file__).parent / "fixtures" / "api"
ARTICLE_URL = "https://www.eltiempo.com/justicia/conflicto-y-narcotrafico/clan-del-golfo-cocaina"
SAVE_URL = "https://www.semana.com/nacion/articulo/petro-clan-del-golfo-negociacion/202400/"
GOOD_KEY = "good-key"


def shape(name: str) -> Any:
    return json.loads((API / name).read_text(encoding="utf-8"))


def wayback_available(request: Request) -> Response:
    if request.arg("url") == ARTICLE_URL:
        return json_response(shape("wayback_available.json"))
    return json_response(shape("wayback_available_none.json"))


def wayback_cdx(request: Request) -> Response:
    if request.arg("url") == ARTICLE_URL:
        return json_response(shape("wayback_cdx.json"))
    return Response(body=b"", content_type="text/plain")


def anonymous_save(request: Request) -> Response:
    described = shape("wayback_save_anonymous_get_headers.json")
    if "blocked" in request.path:
        blocked = described["error_variants"]["blocked_by_robots"]["header"]
        name, _, value = blocked.partition(": ")
        return Response(
            403, b"<html>blocked</html>", headers={name: value}, content_type="text/html"
        )
    headers = dict(described["headers"])
    if "link-only" in request.path:
        del headers["Content-Location"]
    return Response(200, b"<html>saved</html>", headers=headers)


def mediawiki(request: Request) -> Response:
    action = request.arg("action")
    if action == "query":
        if not request.arg("srsearch"):
            return json_response(
                shape("mediawiki_api_error.json"), headers={"MediaWiki-API-Error": "missingparam"}
            )
        return json_response(shape("mediawiki_search.json"))
    if action == "wbsearchentities":
        return json_response(shape("wikidata_wbsearchentities.json"))
    if action == "wbgetentities":
        ids = (request.arg("ids") or "").split("|")
        if ids == ["Q57411"]:
            return json_response(shape("wikidata_wbgetentities.json"))
        if ids == ["Q999999999"]:
            return json_response(shape("wikidata_wbgetentities_missing.json"))
        if ids == ["Qcocaine"]:
            return json_response(
                shape("wikidata_error_no_such_entity.json"),
                headers={"MediaWiki-API-Error": "no-such-entity"},
            )
        labels = {"Q5": "human", "Q739": "Colombia"}
        return json_response(
            {
                "entities": {
                    qid: {
                        "type": "item",
                        "id": qid,
                        "labels": {"en": {"language": "en", "value": labels[qid]}},
                    }
                    for qid in ids
                    if qid in labels
                },
                "success": 1,
            }
        )
    return json_response(shape("mediawiki_api_error.json"))


def summary(request: Request) -> Response:
    if request.path.endswith("/Gustavo_Petro"):
        return json_response(shape("wikipedia_page_summary.json"))
    body = json.dumps(shape("wikipedia_page_summary_404.json")).encode()
    return Response(404, body, content_type="application/problem+json")


def factcheck(request: Request) -> Response:
    key = request.headers.get("x-goog-api-key") or request.arg("key")
    if not key or key == "restricted-key":
        return json_response(shape("factcheck_error_missing_key.json"), status=403)
    if key != GOOD_KEY:
        return json_response(shape("factcheck_error_invalid_key.json"), status=400)
    if request.arg("query") == "nothing":
        return json_response({})
    page = shape("factcheck_claims_search.json")
    if request.arg("pageToken") == "CAo":
        page["nextPageToken"] = "CBQ"
        page["claims"] = page["claims"][:1]
    elif request.arg("pageToken") == "CBQ":
        del page["nextPageToken"]
        page["claims"] = page["claims"][1:]
    return json_response(page)


@pytest.fixture
def server():
    save_jobs: dict[str, int] = {}

    def spn2_save(request: Request) -> Response:
        if request.headers.get("authorization") != "LOW access:secret":
            return json_response({"message": "You need to be logged in to use Save Page Now."})
        if request.arg("url") == "https://noticias-cocaina-colombia.invalid/":
            return json_response({"url": request.arg("url"), "job_id": "spn2-error"})
        return json_response(shape("spn2_save_post.json"))

    def spn2_status(request: Request) -> Response:
        job = request.path.rsplit("/", 1)[1]
        if job == "spn2-error":
            return json_response(shape("spn2_status_error.json"))
        save_jobs[job] = save_jobs.get(job, 0) + 1
        if save_jobs[job] < 2:
            return json_response(shape("spn2_status_pending.json"))
        return json_response(shape("spn2_status_success.json"))

    routes = {
        "/wayback/available": wayback_available,
        "/cdx/search/cdx": wayback_cdx,
        "POST /save": spn2_save,
        "GET /save/status/*": spn2_status,
        "GET /save/*": anonymous_save,
        "/w/api.php": mediawiki,
        "/api/rest_v1/page/summary/*": summary,
        "/v1alpha1/claims:search": factcheck,
    }
    with LocalServer(routes) as running:
        yield running


def make_settings(server: LocalServer, **overrides: object) -> Settings:
    base = server.url("").rstrip("/")
    values: dict[str, object] = {
        "lookup_allow_hosts": ["127.0.0.1"],
        "lookup_deadline": 5.0,
        "lookup_retries": 0,
        "lookup_cache_ttl": 0,
        "wayback_base_url": base,
        "wayback_availability_url": f"{base}/wayback/available",
        "wayback_access_key": None,
        "wayback_secret_key": None,
        "wayback_poll_interval": 0.05,
        "wayback_save_timeout": 2.0,
        "wikipedia_base_url": base,
        "wikidata_base_url": base,
        "factcheck_base_url": base,
        "factcheck_api_key": GOOD_KEY,
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
def client(server: LocalServer):
    with build_client(make_settings(server)) as guarded:
        yield guarded


# -- Wayback Machine -------------------------------------------------------------------


def test_wayback_closest_snapshot(client) -> None:
    snapshot = wayback_closest(client, ARTICLE_URL)
    assert snapshot is not None
    assert snapshot.archive_url == f"https://web.archive.org/web/20240315083012/{ARTICLE_URL}"
    assert snapshot.timestamp == "20240315083012"
    assert snapshot.captured_at == datetime(2024, 3, 15, 8, 30, 12, tzinfo=UTC)
    assert snapshot.status == 200
    assert snapshot.original_url == ARTICLE_URL


def test_wayback_none_archived(client) -> None:
    assert wayback_closest(client, "https://example.co/petro-discurso-inexistente") is None


def test_wayback_timestamp_is_passed_in_archive_form(server: LocalServer, client) -> None:
    wayback_closest(client, ARTICLE_URL, timestamp=datetime(2024, 3, 1, tzinfo=UTC))
    assert server.requests[-1].arg("timestamp") == "20240301000000"


def test_wayback_cdx_lists_captures(client) -> None:
    snapshots = wayback_snapshots(client, ARTICLE_URL)
    assert [s.timestamp for s in snapshots] == [
        "20240315083012",
        "20240402171544",
        "20240610090301",
    ]
    assert snapshots[2].status is None
    assert snapshots[2].mimetype == "warc/revisit"
    assert wayback_snapshots(client, "https://example.co/never") == []


def test_wayback_save_anonymously_reads_content_location(server: LocalServer, client) -> None:
    target = "https://www.elespectador.com/judicial/petro-cocaina-incautacion/"
    saved = wayback_save(client, target)
    assert saved.status == "success"
    assert saved.archive_url == server.url(f"/web/20240708160512/{target}")
    assert saved.timestamp == "20240708160512"
    assert saved.reused is False


def test_wayback_save_anonymously_falls_back_to_the_memento_link(client) -> None:
    saved = wayback_save(client, "https://link-only.example/a")
    assert saved.archive_url is not None
    assert saved.archive_url.startswith("https://web.archive.org/web/20240708160512/")


def test_wayback_save_blocked_by_robots(client) -> None:
    with pytest.raises(UpstreamError, match="Blocked By Robots"):
        wayback_save(client, "https://blocked.example/a")


def test_wayback_save_with_keys_polls_the_job(server: LocalServer) -> None:
    settings = make_settings(server, wayback_access_key="access", wayback_secret_key="secret")
    with build_client(settings) as client:
        saved = wayback_save(client, SAVE_URL)
    assert saved.status == "success"
    assert saved.timestamp == "20240708154233"
    assert saved.archive_url == server.url(f"/web/20240708154233/{SAVE_URL}")
    assert saved.job_id == "spn2-3f9d2c41b7e08a5d6c1f4e2a9b8d7c6e5f4a3b2c"
    statuses = [r for r in server.requests if r.path.startswith("/save/status/")]
    assert len(statuses) == 2
    assert all(r.headers["authorization"] == "LOW access:secret" for r in statuses)


def test_wayback_save_with_keys_reports_a_failed_job(server: LocalServer) -> None:
    settings = make_settings(server, wayback_access_key="access", wayback_secret_key="secret")
    with build_client(settings) as client:
        with pytest.raises(UpstreamError, match="Couldn't resolve host"):
            wayback_save(client, "https://noticias-cocaina-colombia.invalid/")


def test_wayback_save_still_pending_returns_the_job(server: LocalServer) -> None:
    settings = make_settings(
        server, wayback_access_key="access", wayback_secret_key="secret", wayback_save_timeout=0
    )
    with build_client(settings) as client:
        saved = wayback_save(client, SAVE_URL)
    assert saved.status == "pending"
    assert saved.archive_url is None
    assert saved.job_id


def test_wayback_save_with_rejected_keys(server: LocalServer) -> None:
    settings = make_settings(server, wayback_access_key="wrong", wayback_secret_key="keys")
    with build_client(settings) as client:
        with pytest.raises(UpstreamError, match="logged in"):
            wayback_save(client, SAVE_URL)


# -- Wikipedia -------------------------------------------------------------------------


def test_wikipedia_search(client) -> None:
    hits = wikipedia_search(client, "Clan del Golfo")
    assert [h.title for h in hits] == ["Clan del Golfo", "Illegal drug trade in Colombia"]
    assert hits[0].snippet.startswith("The Clan del Golfo is a Colombian")
    assert "<span" not in hits[0].snippet
    assert hits[0].url.endswith("/wiki/Clan_del_Golfo")
    assert hits[0].pageid == 41877520
    assert hits[0].last_edited == datetime(2024, 7, 2, 9, 41, 27, tzinfo=UTC)


def test_wikipedia_api_error_is_quoted(client) -> None:
    with pytest.raises(UpstreamError, match='"srsearch" parameter must be set'):
        wikipedia_search(client, "")


def test_wikipedia_summary(server: LocalServer, client) -> None:
    page = wikipedia_summary(client, "Gustavo Petro")
    assert page.title == "Gustavo Petro"
    assert page.description == "President of Colombia since 2022"
    assert page.extract.startswith("Gustavo Francisco Petro Urrego")
    assert page.url == "https://en.wikipedia.org/wiki/Gustavo_Petro"
    assert page.wikidata_id == "Q57411"
    assert page.page_type == "standard"
    assert server.requests[-1].path == "/api/rest_v1/page/summary/Gustavo_Petro"


def test_wikipedia_summary_of_a_missing_page(client) -> None:
    with pytest.raises(UpstreamError, match="no page titled") as missing:
        wikipedia_summary(client, "Clan del Golfo (nonexistent page)")
    assert missing.value.status == 404


# -- Wikidata --------------------------------------------------------------------------


def test_wikidata_search(client) -> None:
    hits = wikidata_search(client, "Clan del Golfo")
    assert [h.id for h in hits] == ["Q5126184", "Q61735214"]
    assert hits[0].label == "Clan del Golfo"
    assert hits[0].url == "https://www.wikidata.org/wiki/Q5126184"
    assert hits[1].matched == "Clan del Golfo network"


def test_wikidata_entity_with_key_facts(client) -> None:
    entity = wikidata_entity(client, "Q57411")
    assert entity.label == "Gustavo Petro"
    assert entity.description == "President of Colombia since 2022"
    facts = {(f.name, f.value, f.value_id) for f in entity.facts}
    assert ("instance of", "human", "Q5") in facts
    assert ("country of citizenship", "Colombia", "Q739") in facts
    assert ("date of birth", "1960-04-19", None) in facts


def test_wikidata_entity_missing(client) -> None:
    with pytest.raises(UpstreamError, match="no entity") as missing:
        wikidata_entity(client, "Q999999999")
    assert missing.value.status == 404


def test_wikidata_no_such_entity(client) -> None:
    with pytest.raises(UpstreamError, match="Qcocaine") as missing:
        wikidata_entity(client, "Qcocaine")
    assert missing.value.status == 404


# -- Google Fact Check Tools -----------------------------------------------------------


def test_factcheck_search_follows_pages(server: LocalServer, client) -> None:
    checks = factcheck_search(client, "Petro cocaine")
    assert len(checks) == 4
    first = checks[0]
    assert first.claim_text.startswith("Gustavo Petro said Colombia produced less cocaine")
    assert first.claimant == "Gustavo Petro"
    assert first.publisher_name == "Colombiacheck"
    assert first.publisher_site == "colombiacheck.com"
    assert first.rating == "Falso"
    assert first.review_date == datetime(2024, 3, 14, tzinfo=UTC)
    assert first.url == "https://colombiacheck.com/chequeos/petro-produccion-cocaina-2023"
    assert first.language == "es"
    searches = [r for r in server.requests if r.path == "/v1alpha1/claims:search"]
    assert [r.arg("pageToken") for r in searches] == [None, "CAo", "CBQ"]
    assert all(r.arg("key") is None for r in searches)  # the key stays out of URLs


def test_factcheck_search_stops_at_the_limit(server: LocalServer, client) -> None:
    assert len(factcheck_search(client, "Petro cocaine", limit=2)) == 2
    assert server.count("/v1alpha1/claims:search") == 1


def test_factcheck_search_with_no_results(client) -> None:
    assert factcheck_search(client, "nothing") == []


def test_factcheck_without_a_key(server: LocalServer) -> None:
    with build_client(make_settings(server, factcheck_api_key=None)) as client:
        with pytest.raises(ApiKeyError, match="WORKBENCH_FACTCHECK_API_KEY"):
            factcheck_search(client, "Petro")
    assert server.count() == 0


def test_factcheck_with_an_invalid_key(server: LocalServer) -> None:
    with build_client(make_settings(server, factcheck_api_key="bad-key")) as client:
        with pytest.raises(ApiKeyError, match="API key not valid"):
            factcheck_search(client, "Petro")


def test_factcheck_key_refused_with_permission_denied(server: LocalServer) -> None:
    with build_client(make_settings(server, factcheck_api_key="restricted-key")) as client:
        with pytest.raises(ApiKeyError, match="missing a valid API key"):
            factcheck_search(client, "Petro")


def test_factcheck_blank_key_counts_as_missing(server: LocalServer) -> None:
    with build_client(make_settings(server, factcheck_api_key="  ")) as client:
        with pytest.raises(ApiKeyError, match="needs a Google API key"):
            factcheck_search(client, "Petro")
    assert server.count() == 0


# -- the registry ----------------------------------------------------------------------


def test_every_lookup_is_registered_the_same_way() -> None:
    names = set(all_lookups())
    assert {"page", "wayback", "wayback-save", "wikipedia", "wikidata", "factcheck"} <= names
    assert get_lookup("factcheck").needs_setting == "factcheck_api_key"
    with pytest.raises(InputError, match="no lookup called"):
        get_lookup("astrology")


def test_a_lookup_runs_by_name(client) -> None:
    hits = get_lookup("wikipedia").run(client, "Clan del Golfo")
    assert hits[0].title == "Clan del Golfo"
