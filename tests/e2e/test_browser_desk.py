"""Two people on one claim in a real headless Chromium, each in their own browser context:
two reviewers taking the same free claim, and a reviewer and an editor drafting the same
verdict. The edit made on the page loaded earlier is refused with who changed what, nothing
is lost, and the typed text is still in the form."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD
from tests.e2e.test_browser import (  # noqa: F401 (fixtures)
    _claim_id,
    _open_claim,
    _sign_in,
    browser,
    dashboard,
)
from workbench import accounts, claims, db, workflow
from workbench.models import Role

pytestmark = pytest.mark.e2e


def _setup(engine, cid: int, assign_to: str | None) -> None:
    with db.session_scope(engine, write=True) as s:
        if not any(u.username == "rob" for u in accounts.list_users(session=s)):
            accounts.create_user(session=s, actor=None, username="rob", role=Role.reviewer,
                                 password=PASSWORD)
        rita = accounts.get_user(session=s, username="rita")
        workflow.apply(session=s, actor=rita, claim_id=cid, move="accept",
                       expected_version=None)
        if assign_to:
            workflow.apply(session=s, actor=rita, claim_id=cid, move="assign",
                           assignee=assign_to, expected_version=None)


def _rationale(page):
    """The rationale box once the rerun has settled (a rerun briefly keeps the old one)."""
    box = page.get_by_role("textbox", name="Rationale")
    for _ in range(50):
        if box.count() == 1:
            break
        page.wait_for_timeout(100)
    return box


def _stored(engine, cid: int):
    with db.session_scope(engine) as s:
        return claims.get_claim(session=s, claim_id=cid)


def test_two_reviewers_take_the_same_claim(dashboard, browser):
    base, engine, _folder = dashboard
    cid = _claim_id(engine, "record seizures")
    _setup(engine, cid, assign_to=None)
    rita = _sign_in(browser, base, "rita")
    rob = _sign_in(browser, base, "rob")
    _open_claim(rita, cid)
    _open_claim(rob, cid)

    rita.get_by_role("button", name="Assign", exact=True).click()
    rita.get_by_text(f"Assign: claim {cid} is now in research.").wait_for()
    rob.get_by_role("button", name="Assign", exact=True).click()
    rob.get_by_text("was changed by someone else since you loaded it (rita assigned it at"
                    ).wait_for()
    assert _stored(engine, cid).assignee_id is not None
    with db.session_scope(engine) as s:
        assert accounts.get_user_by_id(session=s, user_id=_stored(engine, cid).assignee_id
                                       ).username == "rita"
    rita.context.close()
    rob.context.close()


def test_stale_draft_is_refused_and_the_typed_text_kept(dashboard, browser):
    base, engine, _folder = dashboard
    cid = _claim_id(engine, "Foreign Terrorist")
    _setup(engine, cid, assign_to="rita")
    rita = _sign_in(browser, base, "rita")
    erin = _sign_in(browser, base, "erin")
    _open_claim(rita, cid)
    _open_claim(erin, cid)

    erin.get_by_role("textbox", name="Rationale").fill("The editor's reading of the list.")
    erin.get_by_role("button", name="Save draft").click()
    erin.get_by_text(f"Draft saved on claim {cid}.").wait_for()

    typed = "The reviewer's reading, typed on the page loaded earlier."
    rita.get_by_role("textbox", name="Rationale").fill(typed)
    rita.get_by_role("button", name="Save draft").click()
    rita.get_by_text("(erin saved a draft verdict at").wait_for()
    assert _rationale(rita).input_value() == typed
    assert _stored(engine, cid).rationale == "The editor's reading of the list."

    rita.get_by_role("button", name="Reload the claim").click()
    rita.get_by_role("button", name="Reload the claim").wait_for(state="detached")
    assert _rationale(rita).input_value() == typed
    rita.get_by_role("button", name="Save draft").click()
    rita.get_by_text(f"Draft saved on claim {cid}.").wait_for()
    assert _stored(engine, cid).rationale == typed
    rita.context.close()
    erin.context.close()
