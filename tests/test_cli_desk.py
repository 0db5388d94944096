"""The command line for a desk of several people: ownership, stale versions, disabled
accounts, the moves made from the workflow table, and ingest with accept in one step."""

from __future__ import annotations

import json

from tests.conftest import PASSWORD
from tests.test_cli import _claims, cli, template_db  # noqa: F401 (fixtures)
from workbench import workflow


def _show(cli, cid: str) -> dict:
    return json.loads(cli("claims", "show", cid, "--json").stdout)


def _refused(cli, *args: str, says: str) -> None:
    proc = cli(*args, ok=False)
    assert proc.returncode != 0, args
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr


def test_reviewer_cannot_work_on_a_colleague_s_claim(cli):
    cli("users", "add", "rob", "--role", "reviewer", "--password-stdin", stdin=PASSWORD + "\n")
    cid = str(_claims(cli)[0]["id"])
    cli("claims", "accept", cid, "--user", "rita")
    cli("claims", "assign", cid, "--user", "rita", "--to", "rita")
    cli("sources", "attach", cid, cli.server.url("/fto/desk"), "--user", "rita")
    cli("claims", "draft", cid, "--user", "rita", "--verdict", "False",
        "--rationale", "Not on the list.")
    before = _show(cli, cid)

    _refused(cli, "claims", "assign", cid, "--user", "rob", "--to", "rob",
             says="assigned to rita; an editor reassigns it")
    _refused(cli, "sources", "attach", cid, cli.server.url("/fto/other"), "--user", "rob",
             says="a reviewer works only on claims assigned to them")
    _refused(cli, "claims", "submit", cid, "--user", "rob", says="so rob may not submit")
    _refused(cli, "claims", "draft", cid, "--user", "rob", "--verdict", "True",
             says="so rob may not save draft")
    assert _show(cli, cid) == before  # nothing changed, not even the history

    # an editor may reassign it; then it is rob's to submit
    cli("claims", "assign", cid, "--user", "erin", "--to", "rob")
    out = cli("claims", "submit", cid, "--user", "rob").stdout
    assert f"Claim {cid} is now in review" in out


def test_expect_version_refuses_a_stale_command(cli):
    cid = str(_claims(cli)[0]["id"])
    seen = _show(cli, cid)["version"]
    cli("claims", "accept", cid, "--user", "rita", "--expect-version", str(seen))
    _refused(cli, "claims", "dismiss", cid, "--user", "erin", "--reason", "duplicate",
             "--expect-version", str(seen),
             says="was changed by someone else since you loaded it (rita accepted it at")
    after = _show(cli, cid)
    assert after["status"] == "open" and after["version"] == seen + 1
    cli("claims", "dismiss", cid, "--user", "erin", "--reason", "duplicate",
        "--expect-version", str(seen + 1))
    # restore is a command too, made from the same table
    out = cli("claims", "restore", cid, "--user", "erin", "--reason", "not a duplicate").stdout
    assert "is now candidate" in out


def test_disabled_account_cannot_ingest_and_unknown_names_are_one_sentence(cli, tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Colombia seized 960 metric tons of cocaine in 2025, a record, the "
                       "defense ministry said.\n", encoding="utf-8")
    before = _claims(cli)
    cli("users", "disable", "rita")
    _refused(cli, "ingest", str(article), "--user", "rita", says="'rita' is disabled")
    _refused(cli, "ingest", str(article), "--user", "ghost", says="no user named 'ghost'")
    _refused(cli, "claims", "assign", "1", "--user", "erin", "--to", "ghost",
             says="no user named 'ghost'")
    assert _claims(cli) == before  # no article, no claim, no change


def test_ingest_and_accept_in_one_command(cli, tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Colombia seized 960 metric tons of cocaine in 2025, a record, the "
                       "defense ministry said. Exports of coffee rose 12% in 2025, the "
                       "growers' federation said.\n", encoding="utf-8")
    proposed = json.loads(cli("extract", str(article), "--json").stdout)
    assert proposed
    first = proposed[0]
    _refused(cli, "ingest", str(article), "--user", "rita", "--keep", "0-3",
             says="No proposed claim spans 0-3")
    stored = json.loads(cli("ingest", str(article), "--user", "rita", "--keep",
                            f"{first['start']}-{first['end']}", "--json").stdout)
    assert stored["created"] and len(stored["accepted"]) == 1
    rows = json.loads(cli("claims", "list", "--article", str(stored["article_id"]),
                          "--json").stdout)
    assert [r["status"] for r in rows if r["start"] == first["start"]] == ["open"]
    assert all(r["status"] == "candidate" for r in rows if r["start"] != first["start"])


def test_permissions_command_prints_the_table():
    from typer.testing import CliRunner

    from workbench.cli import app

    out = CliRunner().invoke(app, ["permissions"]).stdout
    assert out == workflow.permission_matrix()
