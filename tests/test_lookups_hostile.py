"""Hostile answers and addresses that must end in one of our errors, never a crash:
malformed redirects, odd headers, broken metadata, a batch with one bad page, cookies
and keys that must not travel."""

from __future__ import annotations

import pytest

from tests.httpserver import LocalServer, Response, html_response, redirect
from workbench.config import Settings
from workbench.errors import LookupFailed, TargetRefused
from workbench.extraction import segment
from workbench.lookups import build_client, lookup_page, refresh_pages


def _settings(**kw) -> Settings:
    values = {"lookup_allow_hosts": ["127.0.0.1", "localhost"], "lookup_retries": 1,
              "lookup_backoff": 0.01, "lookup_deadline": 5.0, "lookup_cache_ttl": 0}
    values.update(kw)
    return Settings(**values)


@pytest.fixture
def hostile():
    routes = {
        "/bad-location": lambda r: redirect("http:x/"),
        "/idna-location": lambda r: redirect("http://xn--a/"),
        "/weird-retry": lambda r: Response(503, b"later", headers={"Retry-After": "\u00b2"}),
        "/broken-meta": lambda r: html_response(
            '<html><head><title>Broken</title><link rel="canonical" href="http://[x">'
            '<meta name="date" content="0001-01-01T00:00:00+01:00">'
            '<script type="application/ld+json">' + "[" * 5000 + "]" * 5000 + "</script>"
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
            + "[" * 900 + '{"name": "A"}' + "]" * 900 + "}</script>"
            "</head><body><p>Text of the page.</p></body></html>"),
        "/cookie": lambda r: html_response("<title>c</title>",
                                           headers={"Set-Cookie": "sid=SECRET; Path=/"}),
        "/echo": lambda r: html_response(f"<title>{r.headers.get('cookie', 'none')}</title>"),
        "/good": lambda r: html_response("<title>Good</title><p>fine</p>"),
    }
    with LocalServer(routes) as server:
        yield server


@pytest.mark.parametrize("path", ["/bad-location", "/idna-location"])
def test_malformed_redirects_are_lookup_errors(hostile, path):
    with build_client(_settings()) as client, pytest.raises(LookupFailed):
        lookup_page(client, hostile.url(path))


def test_an_invalid_international_name_is_refused():
    with build_client(_settings()) as client, pytest.raises(TargetRefused,
                                                            match="not a valid name"):
        client.fetch("http://xn--a/")


def test_an_odd_retry_after_is_ignored_not_fatal(hostile):
    with build_client(_settings()) as client:
        result = client.fetch(hostile.url("/weird-retry"))
    assert result.status == 503 and hostile.count("/weird-retry") == 2


def test_broken_metadata_is_skipped(hostile):
    with build_client(_settings()) as client:
        page = lookup_page(client, hostile.url("/broken-meta"))
    assert page.title == "Broken"
    assert page.canonical_url is None and page.published_at is None


def test_one_bad_page_does_not_stop_a_batch(hostile):
    urls = [hostile.url("/good"), hostile.url("/bad-location"), "http://xn--a/",
            hostile.url("/broken-meta")]
    with build_client(_settings()) as client:
        outcomes = refresh_pages(client, urls)
    assert [o.ok for o in outcomes] == [True, False, False, True]
    assert all(isinstance(o.error, LookupFailed) for o in outcomes if not o.ok)


def test_no_cookie_is_kept_between_lookups(hostile):
    with build_client(_settings()) as client:
        client.fetch(hostile.url("/cookie"))
        echoed = lookup_page(client, hostile.url("/echo"))
    assert echoed.title == "none"


def test_only_harmless_headers_follow_a_redirect_to_another_host(hostile):
    target = hostile.url("/good", host="localhost")
    hostile.route("/hop", lambda r: redirect(target))
    with build_client(_settings()) as client:
        client.fetch(hostile.url("/hop"), headers={"X-Api-Key": "k1", "Accept": "text/html",
                                                    "Proxy-Authorization": "Basic eA=="})
    seen = [r for r in hostile.requests if r.path == "/good"][-1].headers
    assert "x-api-key" not in seen and "proxy-authorization" not in seen
    assert seen.get("accept") == "text/html"


@pytest.mark.timeout(60)  # a hang guard: these took minutes when the splitter was quadratic
@pytest.mark.parametrize("text", [".." * 50_000, "\u2026" * 100_000,
                                  "AB" + " " * 100_000 + "x"], ids=["dots", "ellipses",
                                                                    "spaces"])
def test_long_runs_of_stops_or_spaces_segment_in_one_pass(text):
    spans = segment(text)
    assert all(text[s.start:s.end] == s.text for s in spans)
