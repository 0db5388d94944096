"""Refreshing many sources at once, and the rules the lookups package keeps."""

from __future__ import annotations

import ast
import hashlib
import threading
from pathlib import Path

import pytest

from tests.httpserver import LocalServer, Response, html_response
from workbench.config import Settings
from workbench.errors import TargetRefused
from workbench.lookups import build_client, refresh_pages

PACKAGE = Path(__file__).parent.parent / "workbench" / "lookups"


def make_settings(**overrides: object) -> Settings:
    values: dict[str, object] = {
        "lookup_allow_hosts": ["127.0.0.1", "localhost"],
        "lookup_deadline": 5.0,
        "lookup_retries": 0,
        "lookup_cache_ttl": 60.0,
        "lookup_concurrency": 4,
        "lookup_per_host": 2,
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
def server():
    versions = {"/changing": 0}

    def changing(request):
        versions["/changing"] += 1
        return html_response(f"<title>Version {versions['/changing']}</title>")

    routes = {
        "/same": lambda r: html_response("<title>Same</title>"),
        "/changing": changing,
        "/deleted": lambda r: Response(404, b"not here"),
        "/removed": lambda r: Response(410, b"gone"),
        "/slow/*": lambda r: Response(
            body=b"<title>slow</title>", content_type="text/html", delay=0.1
        ),
    }
    with LocalServer(routes) as running:
        yield running


def test_refresh_returns_one_outcome_per_url_in_order(server: LocalServer) -> None:
    urls = [
        server.url("/same"),
        server.url("/changing"),
        server.url("/deleted"),
        server.url("/removed"),
        "http://10.0.0.5/intranet",
    ]
    seen: list[tuple[int, int]] = []
    with build_client(make_settings()) as client:
        before = client.fetch(server.url("/changing")).content
        outcomes = refresh_pages(
            client, urls, progress=lambda done, total, outcome: seen.append((done, total))
        )
    assert [o.url for o in outcomes] == urls
    same, changing, deleted, removed, private = outcomes
    assert same.ok and same.page is not None and same.page.title == "Same"
    assert changing.page is not None
    assert changing.page.sha256 != hashlib.sha256(before).hexdigest()
    assert not changing.page.from_cache
    assert deleted.gone and deleted.status == 404
    assert removed.gone and removed.status == 410
    assert isinstance(private.error, TargetRefused) and not private.gone
    assert sorted(seen) == [(n, 5) for n in range(1, 6)]


def test_progress_is_reported_in_the_calling_thread(server: LocalServer) -> None:
    threads: set[str] = set()
    with build_client(make_settings()) as client:
        refresh_pages(
            client,
            [server.url(f"/slow/{n}") for n in range(4)],
            progress=lambda *args: threads.add(threading.current_thread().name),
        )
    assert threads == {threading.current_thread().name}


def test_refresh_keeps_within_the_overall_and_per_host_limits(server: LocalServer) -> None:
    urls = [
        server.url(f"/slow/{n}", host=host)
        for n in range(12)
        for host in ("127.0.0.1", "localhost")
    ]
    with build_client(make_settings(lookup_concurrency=3, lookup_per_host=2)) as client:
        outcomes = refresh_pages(client, urls)
    assert all(o.ok for o in outcomes)
    assert server.max_concurrent <= 3
    assert max(server.max_concurrent_by_host.values()) <= 2
    assert server.max_concurrent >= 2  # it did run in parallel


def test_refresh_of_nothing() -> None:
    with build_client(make_settings()) as client:
        assert refresh_pages(client, []) == []


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_lookups_is_a_pure_engine(path: Path) -> None:
    ours = {n for n in _imports(path) if n == "workbench" or n.startswith("workbench.")}
    allowed = {"workbench.config", "workbench.errors"}
    assert {n for n in ours if not n.startswith("workbench.lookups")} <= allowed
    assert len(path.read_text(encoding="utf-8").splitlines()) < 500


def test_importing_the_package_creates_nothing() -> None:
    import subprocess
    import sys

    code = (
        "import threading, workbench.lookups as l;"
        "assert threading.active_count() == 1;"
        "assert l.all_lookups.cache_info().currsize == 0"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
