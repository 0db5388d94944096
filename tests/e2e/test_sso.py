"""Single sign-on through the desk's OpenID Connect provider (a real local provider,
``oidc-provider-mock``), in a real headless Chromium: an identity an admin linked to an
account works as that account; any other identity sees only "Not yet authorised"."""

from __future__ import annotations

import secrets

import pytest

from tests.conftest import PASSWORD, SEED_CASE
from tests.e2e.test_browser import _free_port, _need_chromium, browser, serve  # noqa: F401
from workbench import accounts, casefiles, db
from workbench.config import Settings
from workbench.models import Role

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def sso_dashboard(tmp_path_factory):
    """A local OIDC provider, and the dashboard configured for it through ``[auth]``."""
    _need_chromium()
    from oidc_provider_mock import run_server_in_thread

    folder = tmp_path_factory.mktemp("sso")
    url = f"sqlite:///{folder / 'sso.db'}"
    engine = db.make_engine(Settings(database_url=url))
    db.upgrade(engine)
    with db.session_scope(engine, write=True) as s:
        accounts.create_user(session=s, actor=None, username="rita", role=Role.reviewer,
                             password=PASSWORD)
        accounts.link_identity(session=s, actor=None, username="rita", identity="rita-at-desk")
        casefiles.import_dir(session=s, root=SEED_CASE)
    port = _free_port()
    with run_server_in_thread() as provider:
        (folder / ".streamlit").mkdir()
        (folder / ".streamlit" / "secrets.toml").write_text(
            "[auth]\n"
            f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
            f'cookie_secret = "{secrets.token_hex(16)}"\n'
            'client_id = "workbench"\n'
            f'client_secret = "{secrets.token_hex(16)}"\n'
            f'server_metadata_url = "http://127.0.0.1:{provider.server_port}'
            '/.well-known/openid-configuration"\n', encoding="utf-8")
        with serve(url, folder, cwd=folder, port=port) as base:
            yield base
    engine.dispose()


def _sso_sign_in(browser, base: str, subject: str):  # noqa: ANN001
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(base + "/")
    page.get_by_role("button", name="Sign in with the desk's account").click()
    page.locator("input[name=sub]").fill(subject)
    page.get_by_role("button", name="Authorize").click()
    return page


def test_linked_identity_signs_in_as_its_account(sso_dashboard, browser):  # noqa: F811
    page = _sso_sign_in(browser, sso_dashboard, "rita-at-desk")
    page.get_by_text("Candidates").first.wait_for()
    page.get_by_text("Signed in as").first.wait_for()
    assert "rita" in page.get_by_text("Signed in as").first.inner_text()
    page.context.close()


def test_unknown_identity_sees_nothing_of_the_desk(sso_dashboard, browser):  # noqa: F811
    page = _sso_sign_in(browser, sso_dashboard, "stranger-42")
    page.get_by_role("heading", name="Not yet authorised").wait_for()
    page.get_by_text("stranger-42").first.wait_for()
    assert not page.get_by_text("Candidates").count()
    page.goto(sso_dashboard + "/queue")
    page.get_by_role("heading", name="Not yet authorised").wait_for()
    assert not page.get_by_text("Candidates").count()
    page.context.close()
