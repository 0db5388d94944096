"""The dashboard in a real headless Chromium (Debian's, driven by Playwright): a reviewer
signs in, opens a claim, sees its sentence highlighted, attaches a source from a local
server and submits a verdict; an editor signs it off and downloads the CSV; an article is
ingested through the ingest page."""

from __future__ import annotations

import csv
import io
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.conftest import AUDIT_KEY, PASSWORD, ROOT, SEED_CASE, skip_or_fail
from workbench import accounts, casefiles, claims, db
from workbench.config import Settings
from workbench.models import Role

CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.e2e


def _need_chromium() -> None:
    if not Path(CHROMIUM).exists():
        skip_or_fail(f"browser tests need Debian's chromium at {CHROMIUM} "
                     "(apt-get install chromium)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory):
    """A seeded SQLite database and the real dashboard serving it on a free port."""
    _need_chromium()
    folder = tmp_path_factory.mktemp("e2e")
    url = f"sqlite:///{folder / 'e2e.db'}"
    engine = db.make_engine(Settings(database_url=url))
    db.upgrade(engine)
    with db.session_scope(engine, write=True) as s:
        for name, role in (("rita", Role.reviewer), ("erin", Role.editor)):
            accounts.create_user(session=s, actor=None, username=name, role=role,
                                 password=PASSWORD)
        casefiles.import_dir(session=s, root=SEED_CASE)
    with serve(url, folder) as base:
        yield base, engine, folder
    engine.dispose()


@contextmanager
def serve(url: str, folder: Path, *, cwd: Path = ROOT, port: int | None = None):
    """The real dashboard on ``url``'s database, started in ``cwd`` (where Streamlit reads
    ``.streamlit/``), until the block ends; yields its base URL."""
    port = port or _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("WORKBENCH_")}
    env.update(WORKBENCH_DATABASE_URL=url, WORKBENCH_LOOKUP_ALLOW_HOSTS="127.0.0.1",
               WORKBENCH_LOOKUP_RETRIES="0", WORKBENCH_SECRETS_FILE=str(folder / "none.toml"),
               WORKBENCH_AUDIT_KEY=AUDIT_KEY)
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "workbench/ui/app.py"),
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:  # noqa: S310
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("the dashboard did not start: " + proc.stdout.read().decode()[-2000:])
    try:
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser():
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"],
        )
        yield b
        b.close()


def _sign_in(browser, base: str, username: str):
    context = browser.new_context(viewport={"width": 1400, "height": 1000},
                                  accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(base + "/")
    page.get_by_role("textbox", name="User name").fill(username)
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_text("Candidates").first.wait_for()
    return page


def _open_claim(page, claim_id: int) -> None:
    page.get_by_role("spinbutton", name="Claim id").fill(str(claim_id))
    page.get_by_role("button", name="Open claim").click()
    page.get_by_role("heading", name=f"Claim {claim_id}").wait_for()


def _choose(page, label: str, option: str) -> None:
    """Pick an option of a Streamlit selectbox (re-opening it if a rerun closed it)."""
    box = page.get_by_role("combobox", name=label)
    item = page.get_by_role("option").filter(has_text=re.compile(f"^{re.escape(option)}$"))
    for _ in range(5):
        box.click()
        try:
            item.wait_for(timeout=3000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    item.click()
    page.wait_for_timeout(300)


def _claim_id(engine, fragment: str) -> int:
    with db.session_scope(engine) as s:
        return next(r.claim.id for r in claims.list_claims(session=s, limit=100)
                    if fragment in r.claim.text)


def test_review_cycle_in_the_browser(dashboard, browser, page_server):
    base, engine, folder = dashboard
    cid = _claim_id(engine, "Foreign Terrorist")
    page = _sign_in(browser, base, "rita")
    _open_claim(page, cid)

    mark = page.locator("[data-testid='stMarkdownContainer'] .stMarkdownColoredBackground")
    mark.first.wait_for()
    assert mark.count() == 1
    assert mark.first.inner_text() == ("are considered classified as Foreign Terrorist "
                                       "Organizations by the U.S.")

    page.get_by_role("button", name="Accept").click()
    page.get_by_text("Open", exact=True).first.wait_for()
    page.get_by_role("button", name="Assign").click()
    page.get_by_role("textbox", name="URL of the source").wait_for()

    url = page_server.url("/fto/browser")
    page.get_by_role("textbox", name="URL of the source").fill(url)
    page.get_by_role("button", name="Look up").click()
    page.get_by_text("Foreign Terrorist Organizations - United States Department of State"
                     ).first.wait_for()
    page.get_by_text("supports", exact=True).click()
    page.get_by_role("button", name="Attach source").click()
    page.get_by_text("Sources (1)").wait_for()
    page.get_by_role("button", name="Attach source").wait_for(state="detached")

    _choose(page, "Verdict", "Mostly true")
    page.get_by_role("textbox", name="Rationale").fill("Four groups are on the FTO list.")
    page.get_by_role("button", name="Submit for review").click()
    page.get_by_text("In review").first.wait_for()
    assert page.get_by_role("button", name="Sign off").count() == 0  # not hers to sign
    page.context.close()

    editor = _sign_in(browser, base, "erin")
    _open_claim(editor, cid)
    editor.get_by_role("button", name="Sign off").click()
    editor.get_by_text("Signed off by erin").first.wait_for()
    editor.get_by_text(f"Sign off: claim {cid} is now signed off.").wait_for()
    history = editor.get_by_test_id("stDataFrame").last
    for _ in range(5):  # the rerun after the action may still be replacing the table
        try:
            history.scroll_into_view_if_needed()
            break
        except PlaywrightError:
            editor.wait_for_timeout(300)

    editor.get_by_role("link", name="Export").click()
    editor.get_by_role("button", name="Prepare the CSV files").click()
    editor.get_by_role("button", name="Download CSV").wait_for()
    # the file is read and sent when the button is pressed: give a busy machine time
    with editor.expect_download(timeout=60_000) as info:
        editor.get_by_role("button", name="Download CSV").click()
    path = folder / "download.csv"
    info.value.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    row = next(r for r in rows if r["claim_id"] == str(cid))
    assert (row["status"], row["verdict"], row["signed_off_by"], row["submitted_by"]) == (
        "signed_off", "Mostly true", "erin", "rita")
    assert row["source_urls"] == url
    editor.context.close()


def test_ingest_page_in_the_browser(dashboard, browser):
    base, engine, _folder = dashboard
    page = _sign_in(browser, base, "rita")
    page.get_by_role("link", name="Ingest an article").click()
    text = ("BOGOTÁ — Colombia seized 960 metric tons of cocaine in 2025, a record, the "
            "defense ministry said.\n\nThe Clan del Golfo was designated a Foreign Terrorist "
            "Organization by the State Department in December, officials said.\n")
    page.get_by_role("textbox", name="Article text").fill(text)
    page.get_by_role("button", name="Propose claims").first.click()
    page.get_by_text("proposed claim(s)").wait_for()
    marks = page.locator(".stMarkdownColoredBackground")
    marks.first.wait_for()
    assert marks.count() >= 1
    store = page.get_by_role("button", name="Store the article and accept")
    store.click()
    page.get_by_text("Stored article").wait_for()
    with db.session_scope(engine) as s:
        stored = [r.claim for r in claims.list_claims(session=s, search="Clan del Golfo")]
    assert stored and stored[0].status.value == "open"
    page.context.close()


def test_screenshot_for_the_readme(dashboard, browser):
    """Keeps docs/dashboard.png current when DOCS_SCREENSHOT=1 (and proves the page renders)."""
    base, engine, _folder = dashboard
    page = _sign_in(browser, base, "rita")
    _open_claim(page, _claim_id(engine, "Foreign Terrorist"))  # signed off by the cycle test
    page.locator(".stMarkdownColoredBackground").first.wait_for()
    shot = page.screenshot(full_page=False)
    assert shot[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("DOCS_SCREENSHOT") == "1":
        (ROOT / "docs").mkdir(exist_ok=True)
        (ROOT / "docs" / "dashboard.png").write_bytes(shot)
    page.context.close()


