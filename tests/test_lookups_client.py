"""The guarded client's limits: deadline, body cap, retries, cache, User-Agent.

Each test runs a real local server that misbehaves in one way (drips, never ends, sends a
gzip bomb, asks to retry later) and checks that the client stops or waits as it should.
"""

from __future__ import annotations

import gzip
import socket
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from tests.httpserver import LocalServer, Response, html_response
from workbench.config import Settings
from workbench.errors import BodyTooLarge, LookupFailed, LookupTimeout
from workbench.lookups import build_client


def make_settings(**overrides: object) -> Settings:
    values: dict[str, object] = {
        "lookup_allow_hosts": ["127.0.0.1"],
        "lookup_deadline": 5.0,
        "lookup_connect_timeout": 1.0,
        "lookup_read_timeout": 3.0,
        "lookup_retries": 2,
        "lookup_backoff": 0.01,
        "lookup_max_retry_after": 2.0,
        "lookup_cache_ttl": 60.0,
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
def server():
    with LocalServer({"/page": lambda r: html_response("<title>Page</title>")}) as running:
        yield running


def test_a_server_dripping_one_byte_a_second_is_cut_off_at_the_deadline(
    server: LocalServer,
) -> None:
    server.route("/drip", lambda r: Response(body=(b"x" for _ in range(60)), chunk_delay=1.0))
    started = time.monotonic()
    with build_client(make_settings(lookup_deadline=2.0, lookup_retries=0)) as client:
        with pytest.raises(LookupTimeout, match="within 2 seconds"):
            client.fetch(server.url("/drip"))
    assert time.monotonic() - started < 3.0


def test_a_server_that_never_answers_times_out(server: LocalServer) -> None:
    server.route("/silent", lambda r: Response(body=b"late", delay=3.0))
    settings = make_settings(lookup_read_timeout=0.5, lookup_retries=0)
    started = time.monotonic()
    with build_client(settings) as client:
        with pytest.raises(LookupTimeout):
            client.fetch(server.url("/silent"))
    assert time.monotonic() - started < 2.0


def test_an_endless_body_stops_at_the_cap(server: LocalServer) -> None:
    def endless():
        while True:
            yield b"a" * 16384

    server.route("/endless", lambda r: Response(body=endless()))
    with build_client(make_settings(lookup_max_bytes=200_000)) as client:
        with pytest.raises(BodyTooLarge, match="larger than 200 kB"):
            client.fetch(server.url("/endless"))


def test_a_gzip_bomb_stops_at_the_cap(server: LocalServer) -> None:
    bomb = gzip.compress(b"\0" * 50_000_000)
    assert len(bomb) < 100_000
    server.route(
        "/bomb",
        lambda r: Response(
            body=bomb, headers={"Content-Encoding": "gzip"}, content_type="text/html"
        ),
    )
    with build_client(make_settings(lookup_max_bytes=1_000_000)) as client:
        with pytest.raises(BodyTooLarge):
            client.fetch(server.url("/bomb"))


def test_a_declared_length_over_the_cap_is_refused_before_reading(server: LocalServer) -> None:
    server.route("/big", lambda r: Response(body=b"x" * 5000))
    with build_client(make_settings(lookup_max_bytes=1000)) as client:
        with pytest.raises(BodyTooLarge, match="5,000 bytes"):
            client.fetch(server.url("/big"))


def test_gzip_and_deflate_bodies_are_decoded(server: LocalServer) -> None:
    import zlib

    text = b"<title>Seizures</title>" + b"cocaine " * 1000
    server.route(
        "/gz", lambda r: Response(body=gzip.compress(text), headers={"Content-Encoding": "gzip"})
    )
    server.route(
        "/zz", lambda r: Response(body=zlib.compress(text), headers={"Content-Encoding": "deflate"})
    )
    with build_client(make_settings()) as client:
        assert client.fetch(server.url("/gz")).content == text
        assert client.fetch(server.url("/zz")).content == text
    assert "gzip" in server.requests[0].headers["accept-encoding"]


def test_429_with_retry_after_waits_then_succeeds(server: LocalServer) -> None:
    answers = iter([Response(429, b"slow down", headers={"Retry-After": "1"})])
    server.route("/busy", lambda r: next(answers, html_response("<title>ok</title>")))
    with build_client(make_settings()) as client:
        started = time.monotonic()
        result = client.fetch(server.url("/busy"))
        waited = time.monotonic() - started
    assert result.status == 200
    assert server.count("/busy") == 2
    assert waited >= 0.95


def test_retry_after_as_an_http_date_is_honoured(server: LocalServer) -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=2), usegmt=True)
    answers = iter([Response(503, b"", headers={"Retry-After": when})])
    server.route("/busy", lambda r: next(answers, html_response("<title>ok</title>")))
    with build_client(make_settings()) as client:
        started = time.monotonic()
        assert client.fetch(server.url("/busy")).status == 200
    assert time.monotonic() - started >= 0.5


def test_retry_after_is_capped_by_the_setting(server: LocalServer) -> None:
    answers = iter([Response(429, b"", headers={"Retry-After": "3600"})])
    server.route("/busy", lambda r: next(answers, html_response("<title>ok</title>")))
    with build_client(make_settings(lookup_max_retry_after=0.2)) as client:
        started = time.monotonic()
        assert client.fetch(server.url("/busy")).status == 200
    assert time.monotonic() - started < 1.5


def test_503_then_success(server: LocalServer) -> None:
    answers = iter([Response(503, b"down"), Response(502, b"bad gateway")])
    server.route("/flaky", lambda r: next(answers, html_response("<title>ok</title>")))
    with build_client(make_settings()) as client:
        assert client.fetch(server.url("/flaky")).status == 200
    assert server.count("/flaky") == 3


def test_retries_give_up_and_return_the_last_answer(server: LocalServer) -> None:
    server.route("/down", lambda r: Response(503, b"down"))
    with build_client(make_settings(lookup_retries=2)) as client:
        assert client.fetch(server.url("/down")).status == 503
    assert server.count("/down") == 3


def test_connection_refused_is_retried_then_reported() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with build_client(make_settings(lookup_retries=1)) as client:
        with pytest.raises(LookupFailed, match="refused") as failed:
            client.fetch(f"http://127.0.0.1:{port}/")
    assert type(failed.value) is LookupFailed


def test_second_identical_get_within_the_ttl_comes_from_the_cache(server: LocalServer) -> None:
    with build_client(make_settings()) as client:
        first = client.fetch(server.url("/page"))
        second = client.fetch(server.url("/page"))
        assert server.count("/page") == 1
        assert not first.from_cache and second.from_cache
        assert second.content == first.content
        refreshed = client.fetch(server.url("/page"), use_cache=False)
        assert not refreshed.from_cache
        assert server.count("/page") == 2


def test_cache_entries_expire_and_errors_are_not_cached(server: LocalServer) -> None:
    server.route("/missing", lambda r: Response(404, b"no"))
    with build_client(make_settings(lookup_cache_ttl=0.2)) as client:
        client.fetch(server.url("/page"))
        time.sleep(0.3)
        client.fetch(server.url("/page"))
        client.fetch(server.url("/missing"))
        client.fetch(server.url("/missing"))
    assert server.count("/page") == 2
    assert server.count("/missing") == 2


def test_cache_keys_include_the_accept_header(server: LocalServer) -> None:
    with build_client(make_settings()) as client:
        client.fetch(server.url("/page"), headers={"Accept": "text/html"})
        client.fetch(server.url("/page"), headers={"Accept": "application/json"})
    assert server.count("/page") == 2


def test_requests_name_the_workbench(server: LocalServer) -> None:
    settings = make_settings()
    with build_client(settings) as client:
        client.fetch(server.url("/page"))
    assert server.requests[0].headers["user-agent"] == settings.user_agent
    assert "ClaimWorkbench" in settings.user_agent
