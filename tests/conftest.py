"""Shared fixtures: a real database for every test (a fresh SQLite file, or a fresh schema
in the PostgreSQL named by WORKBENCH_TEST_POSTGRES_URL), accounts, and the seed case."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from workbench import accounts, casefiles, db
from workbench.config import Settings
from workbench.models import Role

ROOT = Path(__file__).resolve().parent.parent
SEED_CASE = ROOT / "claims" / "2026-02-04-trump-petro-white-house"
PASSWORD = "correct horse battery"
POSTGRES_ENV = "WORKBENCH_TEST_POSTGRES_URL"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
# The history chain and sign-offs are sealed with an audit key; tests (and the programs
# they start) share this throwaway one unless one is given.
AUDIT_KEY = os.environ.setdefault("WORKBENCH_AUDIT_KEY",
                                  "test-audit-key-0123456789abcdef0123456789")


def skip_or_fail(message: str) -> None:
    """Skip where a resource is missing on a newcomer's machine; fail in CI, where it is
    always provided, so that a skip can never hide a failure there."""
    if IN_CI:
        pytest.fail(f"{message} (CI must provide it)")
    pytest.skip(message)


def postgres_url() -> str | None:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        skip_or_fail(f"PostgreSQL tests need {POSTGRES_ENV} "
                     "(e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)")
    return url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'workbench.db'}"


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """A PostgreSQL URL whose connections live in a schema made for this test alone."""
    base = postgres_url()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest) -> str:
    """Each test that takes this runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_schema_url")


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(database_url=database_url)


@pytest.fixture
def engine(settings: Settings) -> Iterator:
    eng = db.make_engine(settings)
    db.upgrade(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine):  # noqa: ANN001
    with db.session_scope(engine) as s:
        yield s


@pytest.fixture
def users(engine) -> dict:  # noqa: ANN001
    """A reviewer, two editors and an admin, by user name."""
    made = {}
    with db.session_scope(engine, write=True) as s:
        for name, role in (("rita", Role.reviewer), ("rob", Role.reviewer),
                           ("erin", Role.editor), ("ed", Role.editor), ("ada", Role.admin)):
            made[name] = accounts.create_user(session=s, actor=None, username=name, role=role,
                                              password=PASSWORD)
    return made


@pytest.fixture
def seeded(engine, users):  # noqa: ANN001
    """The first case loaded, with its accounts."""
    with db.session_scope(engine, write=True) as s:
        casefiles.import_dir(session=s, root=SEED_CASE)
    return engine


EVIDENCE_PAGE = """<!doctype html><html lang="en"><head>
<title>Foreign Terrorist Organizations - United States Department of State</title>
<meta property="og:site_name" content="U.S. Department of State">
<link rel="canonical" href="{canonical}">
</head><body><main><h1>Foreign Terrorist Organizations</h1>
<p>Designated Foreign Terrorist Organizations include the National Liberation Army (ELN),
Segunda Marquetalia, FARC-EP and the Clan del Golfo.</p></main></body></html>"""


@pytest.fixture
def page_server() -> Iterator:
    """A real local web server with a few pages to attach as sources."""
    from tests.httpserver import LocalServer, html_response

    server = LocalServer({})

    def evidence(request):  # noqa: ANN001, ANN202
        return html_response(EVIDENCE_PAGE.format(canonical=server.url(request.path)))

    server.route("/fto*", evidence)
    with server:
        yield server


@pytest.fixture
def lookup_settings(engine, page_server) -> Settings:  # noqa: ANN001
    """Settings whose guarded client may reach the local test servers, and only those."""
    return Settings(database_url=str(engine.url.render_as_string(hide_password=False)),
                    lookup_allow_hosts=["127.0.0.1"], lookup_retries=0)


@pytest.fixture
def attach(engine, page_server, lookup_settings):  # noqa: ANN001
    """attach(claim_id, username, stance='supports'): look a local page up and attach it."""
    from workbench import sources

    def do(claim_id: int, username: str, stance: str = "supports", path: str | None = None):
        with sources.open_client(lookup_settings) as client:
            page = sources.preview(client=client,
                                   url=page_server.url(path or f"/fto/{claim_id}"))
        with db.session_scope(engine, write=True) as s:
            actor = accounts.get_user(session=s, username=username)
            return sources.attach(session=s, actor=actor, claim_id=claim_id, page=page,
                                  stance=stance, quote="Clan del Golfo", expected_version=None)

    return do


@pytest.fixture
def report_figure(pytestconfig):  # noqa: ANN001, ANN201
    """report_figure(line): a figure a test measured (an evaluation), printed after the run."""
    return pytestconfig.__dict__.setdefault("workbench_figures", []).append


def pytest_terminal_summary(terminalreporter) -> None:  # noqa: ANN001
    for line in terminalreporter.config.__dict__.get("workbench_figures", []):
        terminalreporter.write_line(line)
