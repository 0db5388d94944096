"""The dashboard for a desk of several people (Streamlit AppTest, a real SQLite file): two
people on one claim, each in their own session; a stale edit is refused with who changed
what, the typed text stays in the form and a reload is offered; one line of feedback after
each action, gone on the next rerun; the queue opens the claim picked after filtering."""

from __future__ import annotations

from sqlmodel import select

from tests.conftest import PASSWORD
from tests.test_ui import _claim_id, _signed_in, _texts, desk  # noqa: F401 (fixture)
from workbench import accounts, claims, db, workflow
from workbench.models import AuditEvent, Role

PAGE = "app_pages/claim.py"


def _prepare(engine, cid: int, *, assign_to: str | None) -> None:
    with db.session_scope(engine, write=True) as s:
        accounts.create_user(session=s, actor=None, username="rob", role=Role.reviewer,
                             password=PASSWORD)
        rita = accounts.get_user(session=s, username="rita")
        workflow.apply(session=s, actor=rita, claim_id=cid, move="accept",
                       expected_version=None)
        if assign_to:
            workflow.apply(session=s, actor=rita, claim_id=cid, move="assign",
                           assignee=assign_to, expected_version=None)


def _claim(engine, cid: int):
    with db.session_scope(engine) as s:
        return claims.get_claim(session=s, claim_id=cid)


def _draft(at, verdict: str, rationale: str) -> None:
    at.selectbox(key="verdict_choice").set_value(verdict)
    at.text_area(key="verdict_rationale").input(rationale)
    at.button(key="do_draft").click().run()


def test_stale_draft_is_refused_and_the_typed_text_kept(desk):
    cid = _claim_id(desk, "Foreign Terrorist")
    _prepare(desk, cid, assign_to="rita")
    rita = _signed_in("rita", PAGE, cid)
    erin = _signed_in("erin", PAGE, cid)

    _draft(erin, "False", "The list names other groups.")
    assert _texts(erin.success) == [f"Draft saved on claim {cid}."]
    erin.run()
    assert not erin.success  # the line does not linger

    _draft(rita, "Mostly true", "Four of the groups are listed.")  # on the page loaded before
    warning = " ".join(_texts(rita.warning))
    assert f"Claim {cid} was changed by someone else since you loaded it (erin saved a " \
           "draft verdict at" in warning
    assert "What you typed is still in the form." in warning
    assert rita.text_area(key="verdict_rationale").value == "Four of the groups are listed."
    assert _claim(desk, cid).rationale == "The list names other groups."  # nothing lost

    rita.button(key="stale_reload").click().run()
    assert not rita.warning
    assert rita.text_area(key="verdict_rationale").value == "Four of the groups are listed."
    rita.button(key="do_draft").click().run()  # now knowingly over erin's draft
    assert _texts(rita.success) == [f"Draft saved on claim {cid}."]
    assert _claim(desk, cid).rationale == "Four of the groups are listed."
    with db.session_scope(desk) as s:
        drafts = s.exec(select(AuditEvent).where(AuditEvent.claim_id == cid,
                                                 AuditEvent.action == "draft_saved")).all()
    assert len(drafts) == 2


def test_stale_assign_is_refused(desk):
    cid = _claim_id(desk, "Foreign Terrorist")
    _prepare(desk, cid, assign_to=None)
    rita = _signed_in("rita", PAGE, cid)
    rob = _signed_in("rob", PAGE, cid)
    assert rob.selectbox(key="assign_to").options == ["rob"]  # a reviewer takes it for himself
    rita.button(key="do_assign").click().run()
    assert _texts(rita.success) == [f"Assign: claim {cid} is now in research."]
    rob.button(key="do_assign").click().run()
    assert "(rita assigned it at" in " ".join(_texts(rob.warning))
    with db.session_scope(desk) as s:
        claim = claims.get_claim(session=s, claim_id=cid)
        assert claim.assignee_id == accounts.get_user(session=s, username="rita").id
    # after a reload, the page knows the claim is rita's: rob has nothing to take
    rob.button(key="stale_reload").click().run()
    assert not [b for b in rob.button if b.key == "do_assign"]


def test_queue_opens_the_claim_picked_after_filtering(desk):
    cid = _claim_id(desk, "Foreign Terrorist")
    at = _signed_in("rita")
    assert at.number_input(key="q_open_id").value is None  # never a stale id
    at.text_input(key="q_text").input("Foreign Terrorist").run()
    assert at.number_input(key="q_open_id").value is None
    shown = at.dataframe[0].value
    assert list(shown["id"]) == [cid]
    at.number_input(key="q_open_id").set_value(int(shown["id"].iloc[0]))
    at.button[[b.label for b in at.button].index("Open claim")].click().run()
    assert not at.exception
    assert [t.value for t in at.title] == [f"Claim {cid}"]
