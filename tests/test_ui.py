"""The dashboard, page by page, with Streamlit's AppTest against a real SQLite file."""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from tests.conftest import PASSWORD, ROOT, SEED_CASE
from tests.test_lookups_services import server  # noqa: F401 (fixture)
from workbench import accounts, casefiles, claims, db
from workbench.config import Settings
from workbench.models import Role

APP = str(ROOT / "workbench" / "ui" / "app.py")
TIMEOUT = 30


@pytest.fixture
def desk(tmp_path, monkeypatch, page_server):
    """A seeded SQLite database the dashboard is pointed at through its settings."""
    url = f"sqlite:///{tmp_path / 'ui.db'}"
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", url)
    monkeypatch.setenv("WORKBENCH_LOOKUP_ALLOW_HOSTS", "127.0.0.1")
    monkeypatch.setenv("WORKBENCH_LOOKUP_RETRIES", "0")
    monkeypatch.setenv("WORKBENCH_SECRETS_FILE", str(tmp_path / "none.toml"))
    engine = db.make_engine(Settings(database_url=url))
    db.upgrade(engine)
    with db.session_scope(engine, write=True) as s:
        for name, role in (("rita", Role.reviewer), ("erin", Role.editor),
                           ("ada", Role.admin)):
            accounts.create_user(session=s, actor=None, username=name, role=role,
                                 password=PASSWORD)
        casefiles.import_dir(session=s, root=SEED_CASE)
    yield engine
    engine.dispose()


def _signed_in(username: str, page: str | None = None, claim_id: int | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.text_input(key="login_username").input(username)
    at.text_input(key="login_password").input(PASSWORD)
    at.button[0].click()
    at.run()
    if claim_id is not None:
        at.session_state["claim_id"] = claim_id
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, at.exception
    return at


def _texts(elements) -> list[str]:
    """Messages as a person reads them (the Markdown escapes removed)."""
    return [re.sub(r"\\(.)", r"\1", e.value) for e in elements]


def _claim_id(engine, fragment: str) -> int:
    with db.session_scope(engine) as s:
        return next(r.claim.id for r in claims.list_claims(session=s, limit=100)
                    if fragment in r.claim.text)


def test_login_page_is_the_only_page_before_sign_in(desk):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert at.text_input(key="login_username")
    assert not at.metric  # no queue counts before signing in
    at.text_input(key="login_username").input("rita")
    at.text_input(key="login_password").input("wrong password")
    at.button[0].click()
    at.run()
    assert _texts(at.error) == [accounts.SIGN_IN_REFUSED]


def _tiles(at) -> dict[str, str]:
    out = {}
    for b in at.button:
        if b.key and b.key.startswith("q_tile_"):
            label, count = b.label.split("  \n")
            out[label] = count.strip("*")
    return out


def test_queue_tiles_filters_and_search(desk):
    at = _signed_in("rita")
    tiles = _tiles(at)
    assert int(tiles["Candidates"]) >= 15 and tiles["Signed off"] == "0"
    assert at.dataframe[0].value.columns[0] == "claim"  # the claim text comes first
    at.text_input(key="q_text").input("Foreign Terrorist").run()
    assert "1 claim(s) match. Page 1." in [c.value for c in at.caption]
    assert at.query_params["text"] == ["Foreign Terrorist"] or \
        at.query_params["text"] == "Foreign Terrorist"
    at.text_input(key="q_text").input("").run()
    at.button(key="q_tile_candidate").click().run()
    assert at.session_state["q_statuses"] == ["candidate"]
    assert set(at.dataframe[0].value["status"]) == {"Candidates"}


def test_queue_view_comes_from_the_url_and_saves(desk):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["kinds"] = "quote"
    at.query_params["sort"] = "oldest"  # a URL from before any column could be sorted
    at.run()
    at.text_input(key="login_username").input("rita")
    at.text_input(key="login_password").input(PASSWORD)
    at.button[0].click()
    at.run()
    assert not at.exception
    assert at.session_state["q_kinds"] == ["quote"]
    assert (at.session_state["q_sort"], at.session_state["q_order"]) == ("added", "asc")
    kinds = set(at.dataframe[0].value["claim"])
    assert kinds and all(isinstance(k, str) for k in kinds)
    at.text_input(key="q_view_name").input("Quotes")
    at.button[[b.label for b in at.button].index("Save view")].click().run()
    assert "View saved." in _texts(at.success)
    with db.session_scope(desk) as s:
        from workbench import queue
        rita = accounts.get_user(session=s, username="rita")
        assert [(v.name, v.params) for v in queue.list_views(session=s, actor=rita)] == [
            ("Quotes", {"kinds": "quote", "sort": "added", "order": "asc"})]


def test_queue_bulk_action_on_every_matching_claim(desk):
    at = _signed_in("erin")
    at.multiselect(key="q_kinds").set_value(["quote"]).run()
    quotes = len(at.dataframe[0].value)
    at.radio(key="q_bulk_scope").set_value("matching")
    at.selectbox(key="q_bulk_action").set_value("priority")
    at.number_input(key="q_bulk_priority").set_value(7)
    at.button(key="q_bulk_apply").click().run()
    assert not at.exception and not at.error, _texts(at.error)
    assert f"priority: {quotes} claim(s) done, 0 refused." in _texts(at.success)
    at.selectbox(key="q_bulk_action").set_value("dismiss")
    at.button(key="q_bulk_apply").click().run()
    assert _texts(at.error) == ["To dismiss claims you must give a reason."]
    with db.session_scope(desk) as s:
        from workbench import queue
        assert queue.count(session=s, flt=queue.ClaimFilter(min_priority=7)) == quotes


def test_overview_page_charts_with_their_numbers(desk):
    at = _signed_in("rita", "app_pages/overview.py")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Signed off"] == "0" and metrics["Overdue"] == "0"
    funnel = next(t.value for t in at.dataframe if list(t.value.columns) == ["status", "claims"])
    assert list(funnel["status"])[:2] == ["candidate", "open"]
    assert funnel["claims"].sum() == 27
    # nothing signed off and nothing in work yet: two charts say so instead
    assert len(at.get("vega_lite_chart")) == 4
    assert [c.value for c in at.caption].count("Nothing to show yet.") == 2


@pytest.fixture
def big_desk(tmp_path, monkeypatch):
    """A generated desk of 130 claims (more than two pages) with one account to sign in."""
    from bench.desk import build_desk

    url = f"sqlite:///{tmp_path / 'big.db'}"
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", url)
    monkeypatch.setenv("WORKBENCH_SECRETS_FILE", str(tmp_path / "none.toml"))
    engine = db.make_engine(Settings(database_url=url))
    db.upgrade(engine)
    build_desk(engine, claims=130)
    with db.session_scope(engine, write=True) as s:
        accounts.create_user(session=s, actor=None, username="rita", role=Role.reviewer,
                             password=PASSWORD)
    yield engine
    engine.dispose()


def test_queue_pages_by_key_and_opens_a_claim(big_desk):
    at = _signed_in("rita")
    seen = []
    assert at.button(key="q_prev").disabled
    for _ in range(3):
        seen.append(list(at.dataframe[0].value["id"]))
        if at.button(key="q_next").disabled:
            break
        at.button(key="q_next").click().run()
    assert [len(p) for p in seen] == [50, 50, 30]
    assert len({i for p in seen for i in p}) == 130
    at.button(key="q_prev").click().run()
    assert list(at.dataframe[0].value["id"]) == seen[1]
    at.selectbox(key="q_sort").set_value("priority").run()  # a new view starts at page 1
    assert any(c.value.endswith("Page 1.") for c in at.caption)
    at.number_input(key="q_open_id").set_value(seen[2][0])
    at.button[[b.label for b in at.button].index("Open claim")].click().run()
    assert at.session_state["claim_id"] == seen[2][0]


def test_queue_sorts_every_claim_by_the_column_chosen(big_desk):
    at = _signed_in("rita")
    assert at.radio(key="q_order").options == ["oldest first", "newest first"]
    at.selectbox(key="q_sort").set_value("article").run()
    assert at.radio(key="q_order").value == "asc"  # a column starts its own way round
    assert at.radio(key="q_order").options == ["A to Z", "Z to A"]
    assert dict(at.query_params) == {"sort": "article"}
    first = list(at.dataframe[0].value["article"])
    at.button(key="q_next").click().run()
    second = list(at.dataframe[0].value["article"])
    assert first + second == sorted(first + second) and len(set(first + second)) > 5
    at.radio(key="q_order").set_value("desc").run()
    assert dict(at.query_params) == {"sort": "article", "order": "desc"}
    assert any(c.value.endswith("Page 1.") for c in at.caption)
    shown = list(at.dataframe[0].value["article"])
    assert shown == sorted(shown, reverse=True) and shown[0] >= second[-1]
    at.selectbox(key="q_sort").set_value("priority").run()
    assert at.radio(key="q_order").value == "desc"
    priorities = list(at.dataframe[0].value["priority"])
    assert priorities == sorted(priorities, reverse=True)


def test_claim_page_highlights_sentence_and_runs_a_cycle(desk, page_server):
    cid = _claim_id(desk, "Foreign Terrorist")
    at = _signed_in("rita", "app_pages/claim.py", cid)
    highlighted = [m.value for m in at.markdown if ":orange-background[" in m.value]
    assert len(highlighted) == 1
    assert (":orange-background[**are considered classified as Foreign Terrorist "
            "Organizations by the U\\.S\\.**]") in highlighted[0]

    at.button(key="do_accept").click().run()
    at.button(key="do_assign").click().run()
    at.text_input(key="lookup_url").input(page_server.url("/fto/ui"))
    at.button[[b.label for b in at.button].index("Look up")].click().run()
    assert not at.error, _texts(at.error)
    at.radio(key="attach_stance").set_value("supports")
    at.button[[b.label for b in at.button].index("Attach source")].click().run()
    assert not at.error, _texts(at.error)
    at.selectbox(key="verdict_choice").set_value("Mostly true")
    at.text_area(key="verdict_rationale").input("Listed by the State Department.")
    at.button[[b.label for b in at.button].index("Submit for review")].click().run()
    assert not at.error, _texts(at.error)
    with db.session_scope(desk) as s:
        claim = claims.get_claim(session=s, claim_id=cid)
    assert claim.status.value == "in_review" and claim.verdict.value == "Mostly true"

    # The submitter is a reviewer: no sign-off button for her.
    at.run()
    assert not [b for b in at.button if b.label == "Sign off"]
    editor = _signed_in("erin", "app_pages/claim.py", cid)
    editor.button(key="do_signoff").click().run()
    assert not editor.error
    with db.session_scope(desk) as s:
        assert claims.get_claim(session=s, claim_id=cid).status.value == "signed_off"
    history = editor.dataframe[-1].value
    assert list(history["action"]) == ["imported", "accept", "assign", "source_attached",
                                       "submit", "signoff"]


def test_claim_page_refusal_shows_error_and_changes_nothing(desk):
    cid = _claim_id(desk, "Foreign Terrorist")
    at = _signed_in("rita", "app_pages/claim.py", cid)
    at.button(key="do_dismiss").click().run()  # no reason given
    assert _texts(at.error) == ["To dismiss a claim you must give a reason."]
    with db.session_scope(desk) as s:
        assert claims.get_claim(session=s, claim_id=cid).status.value == "candidate"


def test_claim_page_unknown_claim(desk):
    at = _signed_in("rita", "app_pages/claim.py", 9999)
    assert _texts(at.error) == ["There is no claim with id 9999."]


HOSTILE = ("<script>alert(1)</script> ![pixel](http://127.0.0.1:9/p.png) "
           "[x](javascript:alert(2)) $x$ **loud** :red[x] ] said Ana.")


def test_outside_text_is_never_markup(desk, tmp_path, page_server):
    folder = tmp_path / "cases" / "hostile"
    folder.mkdir(parents=True)
    (folder / "article.txt").write_text(HOSTILE + "\n", encoding="utf-8")
    (folder / "case.yaml").write_text(yaml.safe_dump({
        "article": {"key": "hostile", "title": "<b>**Title**</b>"},
        "claims": [{"text": HOSTILE, "kind": "quote", "speaker": "*Ana*", "restatement": "r"}],
    }), encoding="utf-8")
    with db.session_scope(desk, write=True) as s:
        casefiles.import_dir(session=s, root=folder.parent)
    cid = _claim_id(desk, "<script>")
    at = _signed_in("rita", "app_pages/claim.py", cid)
    shown = [m.value for m in at.markdown] + [h.value for h in at.subheader]
    body = next(v for v in shown if ":orange-background[" in v)
    for raw in ("<script>", "![pixel]", "[x](", "$x$", "**loud**", ":red[x]"):
        assert all(raw not in v for v in shown), raw
    assert "\\<script\\>" in body and "\\!\\[pixel\\]" in body
    assert any("\\<b\\>\\*\\*Title" in v for v in shown)

    # An error that quotes a server's words is escaped too.
    from tests.httpserver import Response

    page_server.route("/weird", lambda r: Response(
        200, b"x", content_type="application/x-evil ![a](http://127.0.0.1:9/t.png) **LOUD**"))
    ingest = _signed_in("rita", "app_pages/ingest.py")
    ingest.text_input(key="ingest_url_value").input(page_server.url("/weird"))
    ingest.button[[b.label for b in ingest.button].index("Fetch and propose claims")].click()
    ingest.run()
    errors = [e.value for e in ingest.error]
    assert len(errors) == 1 and "![a]" not in errors[0] and "**LOUD**" not in errors[0]


def test_export_page_writes_csv_files_then_offers_them(desk, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    at = _signed_in("rita", "app_pages/export.py")
    assert not at.exception
    captions = _texts(at.caption)
    assert any(c.startswith("27 claim(s).") for c in captions)
    assert "The first 27 row(s):" in captions
    assert len(at.dataframe[-1].value) == 27
    assert not at.get("download_button")  # no files yet, and no ClaimReview settings
    assert "WORKBENCH_REVIEW_URL_TEMPLATE" in at.info[0].value
    at.button(key="export_prepare").click().run()
    assert not at.exception
    labels = [b.label for b in at.get("download_button")]
    assert labels[:2] == ["Download CSV", "Download evidence CSV"]
    folder = at.session_state["export_folder"]
    written = (Path(folder) / "claims.csv").read_bytes()
    assert written.startswith(b"\xef\xbb\xbfclaim_id,")
    assert written.count(b"\r\n") == 28  # the header and 27 claims
    # another export: the first one's files go; so do files left by a session long over
    root = Path(folder).parent
    left = root / "export-left-behind"
    left.mkdir()
    (left / "claims.csv").write_text("old")
    os.utime(left, (time.time() - 13 * 3600,) * 2)
    fresh = root / "export-other-person"
    fresh.mkdir()
    at.button(key="export_prepare").click().run()
    second = at.session_state["export_folder"]
    assert second != folder and not Path(folder).exists() and not left.exists()
    assert sorted(p.name for p in Path(second).iterdir()) == ["claims.csv", "evidence.csv"]
    assert sorted(p.name for p in root.iterdir()) == sorted([Path(second).name, fresh.name])
    # another filter: the files no longer match it, are not offered and are removed
    at.multiselect(key="export_kind").set_value(["quote"]).run()
    assert "Download CSV" not in [b.label for b in at.get("download_button")]
    assert not Path(second).exists()
    at.button(key="export_prepare").click().run()  # files swept while the page stayed open
    for written_file in Path(at.session_state["export_folder"]).iterdir():
        written_file.unlink()
    at.run()
    assert "Download CSV" not in [b.label for b in at.get("download_button")]
    assert any("prepare them again" in c for c in _texts(at.caption))
    quotes = len(at.dataframe[-1].value)
    assert 0 < quotes < 27
    assert any(c.startswith(f"{quotes} claim(s).") for c in _texts(at.caption))


def test_export_page_offers_claimreview_once_the_desk_is_named(desk, monkeypatch):
    monkeypatch.setenv("WORKBENCH_REVIEW_URL_TEMPLATE", "https://desk.example.org/{claim_id}")
    monkeypatch.setenv("WORKBENCH_REVIEW_AUTHOR_NAME", "Desk Check")
    at = _signed_in("rita", "app_pages/export.py")
    assert [b.label for b in at.get("download_button")] == ["Download ClaimReview (JSON-LD)"]
    assert not at.info


def test_users_page_is_for_admins_only(desk):
    # Not in a reviewer's navigation, and the page itself refuses if reached directly.
    with db.session_scope(desk) as s:
        rita_id = accounts.get_user(session=s, username="rita").id
    direct = AppTest.from_file(str(ROOT / "workbench/ui/app_pages/users.py"),
                               default_timeout=TIMEOUT)
    direct.session_state["user_id"] = rita_id
    direct.run()
    assert _texts(direct.error) == ["Only an admin may manage accounts."]
    assert not direct.text_input
    admin = _signed_in("ada", "app_pages/users.py")
    admin.text_input(key="new_username").input("nora")
    admin.selectbox(key="new_role").set_value("editor")
    admin.text_input(key="new_password").input(PASSWORD)
    admin.button[[b.label for b in admin.button].index("Add account")].click().run()
    assert [s.value for s in admin.success] == ["Added nora as editor."]


def test_ingest_page_previews_and_accepts(desk):
    at = _signed_in("rita", "app_pages/ingest.py")
    text = (SEED_CASE / "article.txt").read_text(encoding="utf-8").replace("WSJ", "Desk copy")
    at.text_area(key="ingest_text").input(text)
    at.button[[b.label for b in at.button].index("Propose claims")].click().run()
    assert not at.error, _texts(at.error)
    assert any(":orange-background[" in m.value for m in at.markdown)
    store = next(b for b in at.button if b.label.startswith("Store the article"))
    store.click().run()
    assert at.success and "Stored article" in at.success[0].value


def test_ingest_page_caps_and_pages_the_proposals(desk, monkeypatch):
    monkeypatch.setenv("WORKBENCH_MAX_CANDIDATES_PER_ARTICLE", "120")
    at = _signed_in("rita", "app_pages/ingest.py")
    text = "\n\n".join(f"Colombia seized {n} tons of cocaine in {1900 + n}, officials said."
                         for n in range(1, 200))
    at.text_area(key="ingest_text").input(text)
    at.button[[b.label for b in at.button].index("Propose claims")].click().run()
    assert not at.error, _texts(at.error)
    note = _texts(at.info)[0]
    assert note.startswith("Kept the 120 highest-scoring of ") and "not stored" in note
    assert at.number_input(key="ingest_page").max == 2  # 120 proposals, 100 a page
    store = next(b for b in at.button if b.label.startswith("Store the article"))
    assert store.label == "Store the article and accept 120 claim(s)"
    store.click().run()
    assert "with 120 candidate(s); 120 accepted" in at.success[0].value


def test_ingest_page_rejects_empty_text(desk):
    at = _signed_in("rita", "app_pages/ingest.py")
    at.text_area(key="ingest_text").input("   \n ")
    at.button[[b.label for b in at.button].index("Propose claims")].click().run()
    assert _texts(at.error) == ["The article is empty; paste or upload some text."]




def test_research_buttons_and_refresh(desk, server, monkeypatch, attach_in_desk):
    base = server.url("").rstrip("/")
    for name in ("FACTCHECK", "WIKIPEDIA", "WIKIDATA"):
        monkeypatch.setenv(f"WORKBENCH_{name}_BASE_URL", base)
    monkeypatch.setenv("WORKBENCH_FACTCHECK_API_KEY", "good-key")
    cid = _claim_id(desk, "who has blasted Trump as a fascist")
    attach_in_desk(cid)
    at = _signed_in("rita", "app_pages/claim.py", cid)
    at.button(key="factchecks").click().run()
    assert not at.error, _texts(at.error)
    assert any("rated" in m.value for m in at.markdown)
    at.button(key="context").click().run()
    assert any(m.value.startswith("- Gustavo Petro") for m in at.markdown)
    at.button(key="refresh_sources").click().run()
    assert any("1 source(s) checked: 1 unchanged" in t for t in _texts(at.info))


@pytest.fixture
def attach_in_desk(desk, page_server):
    from workbench import sources, workflow

    def do(cid: int) -> None:
        settings = Settings(database_url=str(desk.url), lookup_allow_hosts=["127.0.0.1"])
        with sources.open_client(settings) as client:
            page = sources.preview(client=client, url=page_server.url("/fto/desk"))
        with db.session_scope(desk, write=True) as s:
            rita = accounts.get_user(session=s, username="rita")
            workflow.apply(session=s, actor=rita, claim_id=cid, move="accept",
                           expected_version=None)
            workflow.apply(session=s, actor=rita, claim_id=cid, move="assign", assignee=rita,
                           expected_version=None)
            sources.attach(session=s, actor=rita, claim_id=cid, page=page,
                           expected_version=None)

    return do
