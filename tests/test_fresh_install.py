"""A fresh virtualenv, made with the interpreter's own pip, installs the pinned
requirements and the package, and the installed command attaches a local HTML page as a
source: every module the code imports is pinned, nothing works only by accident."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EVIDENCE_PAGE, IN_CI, ROOT, SEED_CASE

pytestmark = pytest.mark.fresh_install

RUN_ENV = "WORKBENCH_TEST_FRESH_INSTALL"


def _run(args: list[str], env: dict[str, str], timeout: int = 900, stdin: str = "") -> str:
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout,
                          input=stdin, check=False)
    assert done.returncode == 0, f"{args[:3]} failed:\n{done.stdout[-2000:]}{done.stderr[-3000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory) -> Path:
    if not IN_CI and not os.environ.get(RUN_ENV):
        pytest.skip(f"builds a virtualenv (a few minutes); runs in CI or with {RUN_ENV}=1")
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    _run([sys.executable, "-m", "venv", str(venv)], env)  # the pip that ships with Python
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    _run([*pip, "-r", str(ROOT / "requirements.txt")], env)
    _run([*pip, "--no-deps", str(ROOT)], env)
    return venv


def test_fresh_install_attaches_a_local_page(fresh_venv, tmp_path):
    from tests.httpserver import LocalServer, html_response

    server = LocalServer({})
    server.route("/fto*", lambda r: html_response(
        EVIDENCE_PAGE.format(canonical=server.url(r.path))))
    env = {k: v for k, v in os.environ.items() if not k.startswith("WORKBENCH_")}
    env.update(WORKBENCH_DATABASE_URL=f"sqlite:///{tmp_path / 'fresh.db'}",
               WORKBENCH_LOOKUP_ALLOW_HOSTS="127.0.0.1", WORKBENCH_LOOKUP_RETRIES="0",
               WORKBENCH_SECRETS_FILE=str(tmp_path / "secrets.toml"))
    workbench = str(fresh_venv / "bin" / "workbench")
    _run([workbench, "audit", "key"], env)  # as `make run` does on a first start
    _run([workbench, "init"], env)
    _run([workbench, "casefiles", "import", str(SEED_CASE.parent)], env)
    _run([workbench, "users", "add", "rita", "--role", "reviewer", "--password-stdin"], env,
         stdin="correct horse battery\n")
    _run([workbench, "claims", "accept", "1", "--user", "rita"], env)
    _run([workbench, "claims", "assign", "1", "--user", "rita", "--to", "rita"], env)
    with server:
        out = _run([workbench, "sources", "attach", "1", server.url("/fto/1"),
                    "--stance", "supports", "--user", "rita"], env)
    assert out.startswith("Source 1 attached to claim 1")
    shown = _run([workbench, "claims", "show", "1", "--json"], env)
    assert "Foreign Terrorist Organizations" in shown
