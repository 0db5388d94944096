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

from tests.conftest import AUDIT_KEY, PASSWORD, ROOT, SEED_CASE
from tests.test_lookups_services import server  # noqa: F401 (fixture)


def _runner(folder: Path, db_file: Path, **extra: str):
    env = {k: v for k, v in os.environ.items() if not k.startswith("WORKBENCH_")}
    env.update(WORKBENCH_DATABASE_URL=f"sqlite:///{db_file}",
               WORKBENCH_LOOKUP_ALLOW_HOSTS="127.0.0.1", WORKBENCH_LOOKUP_RETRIES="0",
               WORKBENCH_SECRETS_FILE=str(folder / "none.toml"), WORKBENCH_AUDIT_KEY=AUDIT_KEY)
    env.update(extra)

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
    assert shown["signoff_verified"] is True
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
        (("claims", "list", "--status", "bogus"), "'bogus' is not a status"),
        (("export", "csv", "--status", "bogus", "--out", "x.csv"), "'bogus' is not a status"),
        (("export", "csv", "--out", "no/such/dir/x.csv"), "The folder no/such/dir does not"),
        (("extract", "nothing.txt"), "nothing.txt is not a file."),
    ],
    ids=["unknown-claim", "unknown-user", "illegal-move", "dead-url", "no-dir", "bad-role",
         "bad-status", "bad-export-status", "no-out-dir", "no-file"],
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


HOSTILE = [
    "http://169.254.169.254/latest/meta-data/", "http://2130706433/", "http://0x7f000001/",
    "http://0177.0.0.1/", "http://127.1/", "http://localhost./", "http://[::ffff:127.0.0.1]/",
    "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:7f00:1::]/", "http://10.0.0.1/",
    "http://100.64.0.1/", "http://public.example@127.0.0.1/", "file:///etc/passwd",
    "gopher://127.0.0.1:6379/_INFO",
]


def test_lookup_refuses_every_hostile_form(tmp_path, page_server):
    """With no host allowed, every private target is refused before any connection."""
    run = _runner(tmp_path, tmp_path / "x.db", WORKBENCH_LOOKUP_ALLOW_HOSTS="")
    port = page_server.port
    for url in [*HOSTILE, page_server.url("/fto/x"), f"http://127.0.0.1:{port}/fto/y"]:
        proc = run("lookup", url, ok=False)
        assert proc.returncode == 1, url
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: "), (url, proc.stderr)
    assert page_server.connections == 0


def test_lookup_prints_page_metadata(cli):
    data = json.loads(cli("lookup", cli.server.url("/fto/page"), "--json").stdout)
    assert data["title"].startswith("Foreign Terrorist Organizations")
    assert data["status"] == 200 and len(data["sha256"]) == 64


def test_readme_quick_start_and_commands_are_documented():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    import typer.main

    from workbench.cli import app

    group = typer.main.get_command(app)
    missing = []
    for name in group.list_commands(None):  # type: ignore[arg-type]
        subs = getattr(group.get_command(None, name), "commands", None)  # type: ignore[arg-type]
        for full in ([f"{name} {s}" for s in subs] if subs else [name]):
            if f"workbench {full}" not in readme:
                missing.append(full)
    assert not missing, f"commands missing from README.md: {missing}"



ARTICLE_HTML = """<!doctype html><html lang="en"><head><title>Colombia seizes record cocaine</title>
<meta name="author" content="Ana Ruiz"><meta property="og:site_name" content="Desk Daily">
</head><body><header>Menu Home World</header><article><h1>Colombia seizes record cocaine</h1>
<p>BOGOTÁ — Colombia seized 960 metric tons of cocaine in 2025, the most ever recorded,
the defense ministry said on Tuesday.</p>
<p>The Clan del Golfo was designated a Foreign Terrorist Organization by the U.S. State
Department in December, officials said.</p>
<p>“We will not stop until the routes are closed,” said Pedro Sánchez, the defense minister,
adding that 40% of the seizures were made at sea.</p></article>
<footer>Copyright Desk Daily</footer></body></html>"""


def test_ingest_file_twice_and_by_url(cli, tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Colombia seized 960 metric tons of cocaine in 2025, a record, the "
                       "defense ministry said.\n", encoding="cp1252")
    first = json.loads(cli("ingest", str(article), "--user", "rita", "--json").stdout)
    again = json.loads(cli("ingest", str(article), "--json").stdout)
    assert first["created"] and not again["created"]
    assert again["article_id"] == first["article_id"]

    cli.server.route("/news/cocaine", lambda r: __import__("tests.httpserver", fromlist=["x"])
                     .html_response(ARTICLE_HTML))
    by_url = json.loads(cli("ingest", cli.server.url("/news/cocaine"), "--json").stdout)
    assert by_url["created"] and by_url["claims"]
    rows = json.loads(cli("claims", "list", "--article", str(by_url["article_id"]),
                          "--json").stdout)
    assert any("960 metric tons" in r["text"] for r in rows)
    assert all("Copyright" not in r["text"] and "Menu" not in r["text"] for r in rows)


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"   \n\t ", "empty"), (b"\x00\x01\x02binary\x00", "binary")],
    ids=["empty", "whitespace", "binary"],
)
def test_ingest_bad_files_say_why(cli, tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    proc = cli("ingest", str(bad), ok=False)
    assert proc.returncode == 1 and message in proc.stderr.lower()
    assert "Traceback" not in proc.stderr


def test_extract_prints_candidates_with_spans(cli):
    found = json.loads(cli("extract", str(SEED_CASE / "article.txt"), "--json").stdout)
    text = (SEED_CASE / "article.txt").read_text(encoding="utf-8")
    keys = {"text", "start", "end", "score", "checkworthy", "kind", "speaker", "flags",
            "entities", "numbers"}
    assert found and all(keys <= set(c) for c in found)
    assert all(text[c["start"]:c["end"]] == c["text"] for c in found)
    fto = next(c for c in found if "Foreign Terrorist Organizations" in c["text"])
    assert fto["kind"] == "designation"
    every = json.loads(cli("extract", str(SEED_CASE / "article.txt"), "--json",
                           "--all").stdout)
    assert len(every) > len(found)
    assert any(c["role"] == "credit" or "Reuters" in c["text"] for c in every
               if not c["checkworthy"])


def test_eval_checkworthy_on_a_small_file(cli, tmp_path):
    tsv = tmp_path / "tiny.tsv"
    tsv.write_text(
        "Sentence_id\tText\tclass_label\n"
        "1\tWe're consuming 50 percent of the world's cocaine.\tYes\n"
        "2\tThank you very much.\tNo\n"
        "3\tUnemployment fell to 3.5 percent last year, the lowest in 50 years.\tYes\n"
        "4\tLet me help the governor.\tNo\n", encoding="utf-8")
    data = json.loads(cli("eval-checkworthy", str(tsv), "--json").stdout)
    assert {"precision", "recall", "f1"} <= set(data)
    assert 0.0 <= data["f1"] <= 1.0
    human = cli("eval-checkworthy", str(tsv)).stdout
    assert "F1" in human and "precision" in human
    tsv.write_text("just,a,csv\n1,2,3\n", encoding="utf-8")
    bad = cli("eval-checkworthy", str(tsv), ok=False)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr


def test_sources_refresh_reports_changes(cli):
    cid = str(_claims(cli)[0]["id"])
    cli("claims", "accept", cid, "--user", "rita")
    cli("claims", "assign", cid, "--user", "rita", "--to", "rita")
    cli("sources", "attach", cid, cli.server.url("/fto/refresh"), "--user", "rita")
    out = cli("sources", "refresh", "--all").stdout
    assert "1 source(s) checked: 1 unchanged" in out


def test_factchecks_and_context_commands(tmp_path, server):
    base = server.url("").rstrip("/")
    run = _runner(tmp_path, tmp_path / "x.db", WORKBENCH_FACTCHECK_BASE_URL=base,
                  WORKBENCH_WIKIPEDIA_BASE_URL=base, WORKBENCH_WIKIDATA_BASE_URL=base)
    missing = run("factchecks", "search", "cocaine", ok=False)
    assert missing.returncode == 1 and "FACTCHECK_API_KEY" in missing.stderr
    (tmp_path / "secrets.toml").write_text('[workbench]\nfactcheck_api_key = "good-key"\n')
    run = _runner(tmp_path, tmp_path / "x.db", WORKBENCH_FACTCHECK_BASE_URL=base,
                  WORKBENCH_WIKIPEDIA_BASE_URL=base, WORKBENCH_WIKIDATA_BASE_URL=base,
                  WORKBENCH_SECRETS_FILE=str(tmp_path / "secrets.toml"))
    found = json.loads(run("factchecks", "search", "Clan del Golfo", "--json").stdout)
    assert found and {"publisher_name", "rating", "url"} <= set(found[0])
    out = run("context", "Gustavo Petro").stdout
    assert out.startswith("Gustavo Petro") and "Wikidata Q" in out


def test_accounts_can_be_disabled_enabled_and_given_a_new_password(cli):
    cli("users", "disable", "rita")
    refused = cli("claims", "accept", "1", "--user", "rita", ok=False)
    assert "The account 'rita' is disabled." in refused.stderr
    cli("users", "enable", "rita")
    cli("claims", "accept", "1", "--user", "rita")
    cli("users", "passwd", "rita", "--password-stdin", stdin="another long password\n")
    short = cli("users", "passwd", "rita", "--password-stdin", stdin="short\n", ok=False)
    assert "at least 12 characters" in short.stderr
    users = json.loads(cli("users", "list", "--json").stdout)
    assert {"username": "rita", "display_name": "rita", "role": "reviewer",
            "active": True, "failed_logins": 0, "locked_until": None} in users


def test_export_evidence_and_filters(cli, tmp_path):
    cid = str(next(r for r in _claims(cli) if "Foreign Terrorist" in r["text"])["id"])
    cli("claims", "accept", cid, "--user", "rita")
    cli("claims", "assign", cid, "--user", "rita", "--to", "rita")
    url = cli.server.url("/fto/state-department")
    cli("sources", "attach", cid, url, "--stance", "supports", "--user", "rita")
    out = cli("export", "evidence", "--out", "evidence.csv").stdout
    assert out.startswith("Wrote evidence.csv (")
    rows = list(csv.DictReader(io.StringIO(
        (tmp_path / "evidence.csv").read_text(encoding="utf-8-sig"))))
    assert [(r["claim_id"], r["source_url"], r["stance"]) for r in rows] == [
        (cid, url, "supports")]
    cli("export", "csv", "--out", "open.csv", "--status", "in_research", "--kind", "designation")
    opened = list(csv.DictReader(io.StringIO(
        (tmp_path / "open.csv").read_text(encoding="utf-8-sig"))))
    assert [r["claim_id"] for r in opened] == [cid]
    refused = cli("export", "csv", "--out", "x.csv", "--verdict", "Sort of", ok=False)
    assert refused.stderr.startswith("Error: 'Sort of' is not a verdict;")
    assert refused.stderr.count("\n") == 1 and not (tmp_path / "x.csv").exists()


def test_export_claimreview_needs_the_desks_settings(cli, tmp_path, template_db):
    refused = cli("export", "claimreview", "--out", "cr.json", ok=False)
    assert refused.stderr.startswith("Error: ClaimReview needs the review URL template")
    assert refused.stderr.count("\n") == 1 and not (tmp_path / "cr.json").exists()
    named = _runner(tmp_path, tmp_path / "cli.db",
                    WORKBENCH_REVIEW_URL_TEMPLATE="https://desk.example.org/{claim_id}",
                    WORKBENCH_REVIEW_AUTHOR_NAME="Desk Check")
    named("export", "claimreview", "--out", "cr.json")
    assert json.loads((tmp_path / "cr.json").read_text(encoding="utf-8")) == []


def test_claims_bulk_by_filter_and_by_ids(cli):
    quotes = [r["id"] for r in _claims(cli) if r["kind"] == "quote"]
    out = cli("claims", "bulk", "accept", "--user", "rita", "--kind", "quote").stdout
    assert out.startswith(f"accept: {len(quotes)} claim(s) done, 0 refused.")
    first = str(quotes[0])
    result = json.loads(cli("claims", "bulk", "dismiss", "--user", "rita", "--ids",
                            f"{first},999999", "--reason", "Duplicate.", "--json").stdout)
    assert result["done"] == []
    assert [r["id"] for r in result["refused"]] == [int(first), 999999]
    assert "only an editor or admin may dismiss it" in result["refused"][0]["reason"]
    assert "There is no claim with id 999999." == result["refused"][1]["reason"]
    out = cli("claims", "bulk", "priority", "--user", "erin", "--ids", first,
              "--priority", "5").stdout
    assert out.startswith("priority: 1 claim(s) done")
    refused = cli("claims", "bulk", "accept", "--user", "rita", ok=False)
    assert refused.stderr == "Error: Name the claims: give --ids or at least one filter.\n"


def test_ingest_caps_the_proposals_and_says_so(cli, tmp_path):
    text = "\n\n".join(f"Colombia seized {n} tons of cocaine in {1900 + n}, officials said."
                       for n in range(1, 60))
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    capped = _runner(tmp_path, tmp_path / "cli.db", WORKBENCH_MAX_CANDIDATES_PER_ARTICLE="7")
    out = capped("ingest", "long.txt", "--json").stdout
    data = json.loads(out)
    assert data["kept"] == len(data["claims"]) == 7 and data["proposed"] > 7
    text_out = capped("ingest", "-", stdin=text + "\n\nAnd 3 more, he said.\n").stdout
    assert "stored with 7 candidate claim(s)" in text_out
    assert "Kept the 7 highest-scoring of " in text_out


def test_a_commands_exit_code_reaches_the_shell(monkeypatch):
    """``serve`` ends with the dashboard's own exit code; it must not become 0."""
    from workbench.cli import articles, main

    for code, expected in ((4, 4), (-9, 137)):  # -9: the dashboard was killed
        monkeypatch.setattr(articles.subprocess, "call", lambda cmd, code=code: code)
        with pytest.raises(SystemExit) as ended:
            main(["serve", "--port", "8599"])
        assert ended.value.code == expected
