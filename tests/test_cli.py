"""The command line, run as a user runs it (``python -m workbench`` in a subprocess):
a full review cycle, and bad input that gives one sentence on stderr and changes nothing."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSWORD, ROOT, SEED_CASE


def _runner(folder: Path, db_file: Path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("WORKBENCH_")}
    env.update(WORKBENCH_DATABASE_URL=f"sqlite:///{db_file}",
               WORKBENCH_LOOKUP_ALLOW_HOSTS="127.0.0.1", WORKBENCH_LOOKUP_RETRIES="0",
               WORKBENCH_SECRETS_FILE=str(folder / "none.toml"))

    def run(*args: str, stdin: str | None = None, ok: bool = True):
        proc = subprocess.run([sys.executable, "-m", "workbench", *args], cwd=folder,
                              env=env, input=stdin, capture_output=True, text=True,
                              timeout=120)
        if ok:
            assert proc.returncode == 0, proc.stderr
        return proc

    return run


@pytest.fixture(scope="module")
def template_db(tmp_path_factory) -> Path:
    """A database set up once through the CLI: init, the seed case, three accounts."""
    folder = tmp_path_factory.mktemp("cli-template")
    run = _runner(folder, folder / "template.db")
    run("init")
    run("casefiles", "import", str(SEED_CASE.parent))
    for name, role in (("rita", "reviewer"), ("erin", "editor"), ("ed", "editor")):
        run("users", "add", name, "--role", role, "--password-stdin", stdin=PASSWORD + "\n")
    return folder / "template.db"


@pytest.fixture
def cli(tmp_path, template_db, page_server):
    """Run ``python -m workbench`` on a fresh copy of the template database."""
    shutil.copyfile(template_db, tmp_path / "cli.db")
    run = _runner(tmp_path, tmp_path / "cli.db")
    run.server = page_server
    return run


def _claims(cli) -> list[dict]:
    return json.loads(cli("claims", "list", "--json").stdout)


def test_claims_list_json_spans_match_the_article(cli):
    rows = _claims(cli)
    assert len(rows) >= 15
    text = (SEED_CASE / "article.txt").read_text(encoding="utf-8")
    for row in rows:
        assert text[row["start"]:row["end"]] == row["text"]
        assert {"id", "status", "kind", "speaker", "verdict"} <= row.keys()


def test_full_cycle_through_the_cli(cli, tmp_path):
    cid = str(next(r for r in _claims(cli) if "Foreign Terrorist" in r["text"])["id"])
    cli("claims", "accept", cid, "--user", "rita")
    cli("claims", "assign", cid, "--user", "rita", "--to", "rita")
    url = cli.server.url("/fto/state-department")
    out = cli("sources", "attach", cid, url, "--stance", "supports", "--user", "rita").stdout
    assert "attached to claim" in out
    cli("claims", "submit", cid, "--user", "rita", "--verdict", "Mostly true",
        "--rationale", "Four of the groups are on the State Department's list.")

    refused = cli("claims", "signoff", cid, "--user", "rita", ok=False)
    assert refused.returncode != 0
    assert "only an editor may sign off" in refused.stderr
    assert refused.stderr.count("\n") == 1  # one sentence, no traceback

    cli("claims", "signoff", cid, "--user", "erin")
    shown = json.loads(cli("claims", "show", cid, "--json").stdout)
    assert shown["status"] == "signed_off" and shown["signed_off_by"] == "erin"
    assert [h["action"] for h in shown["history"]] == [
        "imported", "accept", "assign", "source_attached", "submit", "signoff"]

    cli("export", "csv", "--out", "claims.csv")
    rows = list(csv.DictReader(io.StringIO(
        (tmp_path / "claims.csv").read_text(encoding="utf-8-sig"))))
    row = next(r for r in rows if r["claim_id"] == cid)
    assert (row["verdict"], row["signed_off_by"]) == ("Mostly true", "erin")
    assert row["source_urls"] == url


def test_submitter_cannot_sign_off_their_own_verdict(cli):
    cid = str(_claims(cli)[0]["id"])
    cli("claims", "accept", cid, "--user", "erin")
    cli("claims", "assign", cid, "--user", "erin", "--to", "erin")
    cli("sources", "attach", cid, cli.server.url("/fto/x"), "--user", "erin")
    cli("claims", "submit", cid, "--user", "erin", "--verdict", "False", "--rationale", "No.")
    proc = cli("claims", "signoff", cid, "--user", "erin", ok=False)
    assert proc.returncode == 1
    assert "erin submitted the verdict" in proc.stderr and "four eyes" in proc.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("claims", "show", "9999"), "There is no claim with id 9999."),
        (("claims", "accept", "1", "--user", "ghost"), "There is no user named 'ghost'."),
        (("claims", "submit", "1", "--user", "rita", "--verdict", "True"),
         "Claim 1 is candidate; submit for review is only possible from in_research."),
        (("sources", "attach", "1", "http://127.0.0.1:9/nothing", "--user", "rita"), None),
        (("casefiles", "import", "no-such-dir"), "The folder no-such-dir does not exist."),
        (("users", "add", "xavier", "--role", "boss", "--password-stdin"), "is not a role"),
    ],
    ids=["unknown-claim", "unknown-user", "illegal-move", "dead-url", "no-dir", "bad-role"],
)
def test_bad_input_one_sentence_and_nothing_written(cli, args, message):
    before = cli("claims", "list", "--json").stdout
    proc = cli(*args, stdin=PASSWORD + "\n", ok=False)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    if message:
        assert message in lines[0]
    assert cli("claims", "list", "--json").stdout == before


def test_refused_address_is_refused_by_the_cli(cli):
    proc = cli("lookup", "http://169.254.169.254/latest/meta-data/", ok=False)
    assert proc.returncode == 1 and "Error:" in proc.stderr and "Traceback" not in proc.stderr


def test_lookup_prints_page_metadata(cli):
    data = json.loads(cli("lookup", cli.server.url("/fto/page"), "--json").stdout)
    assert data["title"].startswith("Foreign Terrorist Organizations")
    assert data["status"] == 200 and len(data["sha256"]) == 64


def test_readme_quick_start_and_commands_are_documented():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    from workbench.cli import app

    import typer.main

    group = typer.main.get_command(app)
    missing = []
    for name, cmd in group.commands.items():
        subs = getattr(cmd, "commands", None)
        for full in ([f"{name} {s}" for s in subs] if subs else [name]):
            if f"workbench {full}" not in readme:
                missing.append(full)
    assert not missing, f"commands missing from README.md: {missing}"

