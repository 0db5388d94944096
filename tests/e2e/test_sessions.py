"""Sessions that survive a reload, in a real headless Chromium: signed in, a reload (or a
new tab) keeps the person signed in on the same claim; signed out, a reload stays signed
out; the cookie holds a token whose hash alone is in the database."""

from __future__ import annotations

import hashlib

import pytest
from sqlmodel import select

from tests.conftest import PASSWORD
from tests.e2e.test_browser import _claim_id, _open_claim, _sign_in, browser, dashboard  # noqa: F401
from workbench import db
from workbench.models import UserSession

pytestmark = pytest.mark.e2e


def _session_cookie(context) -> dict | None:  # noqa: ANN001
    return next((c for c in context.cookies() if c["name"] == "workbench_session"), None)


def test_reload_keeps_the_sign_in_and_the_claim(dashboard, browser):  # noqa: F811
    base, engine, _folder = dashboard
    page = _sign_in(browser, base, "rita")
    page.get_by_text("Signed in as").first.wait_for()
    cookie = _session_cookie(page.context)
    assert cookie is not None and cookie["sameSite"] == "Strict"
    with db.session_scope(engine) as s:
        stored = [r.token_sha256 for r in s.exec(select(UserSession))]
    assert hashlib.sha256(cookie["value"].encode()).hexdigest() in stored
    assert cookie["value"] not in stored  # only the hash is kept

    cid = _claim_id(engine, "Foreign Terrorist Organizations")
    _open_claim(page, cid)
    assert f"claim={cid}" in page.url
    page.reload()
    page.get_by_role("heading", name=f"Claim {cid}").wait_for()
    page.get_by_text("Signed in as").first.wait_for()

    # A new tab of the same browser is signed in too.
    other = page.context.new_page()
    other.goto(f"{base}/claim?claim={cid}")
    other.get_by_role("heading", name=f"Claim {cid}").wait_for()
    other.close()

    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("textbox", name="User name").wait_for()
    page.reload()
    page.get_by_role("textbox", name="User name").wait_for()
    assert not page.get_by_text("Signed in as").count()
    with db.session_scope(engine) as s:  # the session is over on the server too
        row = s.exec(select(UserSession).where(UserSession.token_sha256 == hashlib.sha256(
            cookie["value"].encode()).hexdigest())).one()
    assert row.revoked_at is not None
    page.context.close()


def test_a_deep_link_is_followed_after_signing_in(dashboard, browser):  # noqa: F811
    base, engine, _folder = dashboard
    cid = _claim_id(engine, "Foreign Terrorist Organizations")
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{base}/claim?claim={cid}")
    page.get_by_role("textbox", name="User name").fill("erin")
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name=f"Claim {cid}").wait_for()
    assert f"claim={cid}" in page.url
    context.close()
