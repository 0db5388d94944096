"""The sign-off rules: who may move a claim where, what each move needs, and what it leaves
behind (audit events, a sign-off with its snapshot hash). Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import json

import pytest
from sqlmodel import select

from workbench import accounts, claims, db, workflow
from workbench.errors import ConflictError, PermissionDenied, TransitionRefused
from workbench.models import AuditEvent, Claim, ClaimStatus, SignOff, SignOffVoid


def _move(engine, claim_id, who, move, **kw):
    with db.session_scope(engine, write=True) as s:
        actor = accounts.get_user(session=s, username=who)
        if "to" in kw:
            kw["assignee"] = accounts.get_user(session=s, username=kw.pop("to"))
        kw.setdefault("expected_version", None)
        return workflow.apply(session=s, actor=actor, claim_id=claim_id, move=move, **kw)


def _state(engine, claim_id) -> Claim:
    with db.session_scope(engine) as s:
        return claims.get_claim(session=s, claim_id=claim_id)


def _events(engine, claim_id) -> list[AuditEvent]:
    with db.session_scope(engine) as s:
        return list(s.exec(select(AuditEvent).where(AuditEvent.claim_id == claim_id)
                           .order_by(AuditEvent.id)))


def _first_claim(engine) -> int:
    with db.session_scope(engine) as s:
        return claims.list_claims(session=s, limit=1)[0].claim.id


def _to_review(engine, attach, cid, who="rita"):
    _move(engine, cid, who, "accept")
    _move(engine, cid, who, "assign", to=who)
    attach(cid, who)
    return _move(engine, cid, who, "submit", verdict="Mostly true",
                 rationale="The State Department lists the groups.")


def test_full_cycle_leaves_signoff_and_history(seeded, attach):
    cid = _first_claim(seeded)
    _to_review(seeded, attach, cid)
    claim = _move(seeded, cid, "erin", "signoff")
    assert claim.status == ClaimStatus.signed_off

    with db.session_scope(seeded) as s:
        signoff = s.exec(select(SignOff).where(SignOff.claim_id == cid)).one()
        data, digest = workflow.snapshot(s, s.get(Claim, cid))
    assert signoff.editor_id is not None
    # The stored hash is the sha256 of the canonical snapshot of what was signed.
    canonical = json.dumps(signoff.snapshot, sort_keys=True, ensure_ascii=False,
                           separators=(",", ":"))
    assert signoff.snapshot_sha256 == hashlib.sha256(canonical.encode()).hexdigest()
    assert signoff.snapshot["verdict"] == "Mostly true"
    assert signoff.snapshot["evidence"][0]["stance"] == "supports"
    assert len(signoff.snapshot["evidence"][0]["content_sha256"]) == 64

    actions = [e.action for e in _events(seeded, cid)]
    assert actions == ["imported", "accept", "assign", "source_attached", "submit", "signoff"]
    last = _events(seeded, cid)[-1]
    assert (last.from_status, last.to_status) == ("in_review", "signed_off")


def test_submitter_cannot_sign_off_even_as_editor(seeded, attach):
    cid = _first_claim(seeded)
    _to_review(seeded, attach, cid, who="erin")
    with pytest.raises(PermissionDenied, match="another editor must sign it off"):
        _move(seeded, cid, "erin", "signoff")
    assert _state(seeded, cid).status == ClaimStatus.in_review
    _move(seeded, cid, "ed", "signoff")
    assert _state(seeded, cid).status == ClaimStatus.signed_off


@pytest.mark.parametrize("who", ["rob", "ada"])
def test_only_editors_sign_off(seeded, attach, who):
    cid = _first_claim(seeded)
    _to_review(seeded, attach, cid)
    before = len(_events(seeded, cid))
    with pytest.raises(PermissionDenied, match="only an editor may sign off"):
        _move(seeded, cid, who, "signoff")
    assert _state(seeded, cid).status == ClaimStatus.in_review
    assert len(_events(seeded, cid)) == before  # nothing written


def test_submit_needs_verdict_rationale_and_source(seeded, attach):
    cid = _first_claim(seeded)
    _move(seeded, cid, "rita", "accept")
    _move(seeded, cid, "erin", "assign", to="rob")
    with pytest.raises(TransitionRefused, match="no verdict"):
        _move(seeded, cid, "rob", "submit")
    with pytest.raises(TransitionRefused, match="no rationale"):
        _move(seeded, cid, "rob", "submit", verdict="False")
    with pytest.raises(TransitionRefused, match="no source"):
        _move(seeded, cid, "rob", "submit", verdict="False", rationale="Because.")
    claim = _state(seeded, cid)
    assert claim.status == ClaimStatus.in_research
    assert claim.verdict is None  # the refused submit changed nothing
    attach(cid, "rob")
    assert _move(seeded, cid, "rob", "submit", verdict="False",
                 rationale="Because.").status == ClaimStatus.in_review


def test_illegal_moves_say_what_and_why(seeded):
    cid = _first_claim(seeded)
    with pytest.raises(TransitionRefused, match=r"is candidate; sign off is only possible "
                                                r"from in_review"):
        _move(seeded, cid, "erin", "signoff")
    with pytest.raises(TransitionRefused, match="is not a workflow action"):
        _move(seeded, cid, "erin", "publish")
    with pytest.raises(TransitionRefused, match="must give a reason"):
        _move(seeded, cid, "rita", "dismiss")
    _move(seeded, cid, "rita", "dismiss", note="Opinion, not checkable.")
    assert _state(seeded, cid).dismiss_reason == "Opinion, not checkable."


def test_reviewer_may_not_return_or_reopen(seeded, attach):
    cid = _first_claim(seeded)
    _to_review(seeded, attach, cid)
    with pytest.raises(PermissionDenied, match="only an admin or editor may return"):
        _move(seeded, cid, "rob", "return", note="More sources")
    _move(seeded, cid, "erin", "signoff")
    with pytest.raises(PermissionDenied, match="only an admin or editor may reopen"):
        _move(seeded, cid, "rob", "reopen", note="I disagree")
    assert _state(seeded, cid).status == ClaimStatus.signed_off


def test_an_editor_who_drafted_the_verdict_cannot_sign_it_off(seeded, attach):
    """Four eyes holds whoever presses Submit: drafting or sourcing makes you an author."""
    cid = _first_claim(seeded)
    _move(seeded, cid, "rita", "accept")
    _move(seeded, cid, "rita", "assign", to="rita")
    attach(cid, "rita")
    with db.session_scope(seeded, write=True) as s:
        erin = accounts.get_user(session=s, username="erin")
        claims.save_draft(session=s, actor=erin, claim_id=cid, verdict="False",
                          rationale="The list does not name these groups.",
                          expected_version=None)
    _move(seeded, cid, "rita", "submit")  # submits erin's draft unchanged
    with pytest.raises(PermissionDenied, match="erin worked on the verdict"):
        _move(seeded, cid, "erin", "signoff")
    with db.session_scope(seeded) as s:
        claim = s.get(Claim, cid)
        erin = accounts.get_user(session=s, username="erin")
        assert "signoff" not in {m.name for m in workflow.allowed_moves(
            claim, erin, authors=workflow.verdict_authors(s, claim))}
    _move(seeded, cid, "ed", "signoff")
    assert _state(seeded, cid).status == ClaimStatus.signed_off


def test_authors_are_counted_again_after_reopen(seeded, attach):
    cid = _first_claim(seeded)
    _to_review(seeded, attach, cid)
    _move(seeded, cid, "erin", "signoff")
    _move(seeded, cid, "ed", "reopen", note="A new source")
    attach(cid, "ed", path="/fto/new")
    _move(seeded, cid, "rita", "submit")
    with pytest.raises(PermissionDenied, match="ed worked on the verdict"):
        _move(seeded, cid, "ed", "signoff")
    _move(seeded, cid, "erin", "signoff")  # erin signed before the reopen: not an author now


def test_only_editors_dismiss_an_accepted_claim_and_restore(seeded):
    cid = _first_claim(seeded)
    _move(seeded, cid, "rita", "accept")
    with pytest.raises(PermissionDenied, match="only an editor or admin may dismiss it"):
        _move(seeded, cid, "rita", "dismiss", note="not worth it")
    _move(seeded, cid, "erin", "dismiss", note="Duplicate of another claim.")
    with pytest.raises(PermissionDenied, match="only an admin or editor may restore"):
        _move(seeded, cid, "rita", "restore", note="it was not a duplicate")
    claim = _move(seeded, cid, "erin", "restore", note="Not a duplicate after all.")
    assert claim.status == ClaimStatus.candidate and claim.dismiss_reason == ""


def test_signed_snapshot_can_be_verified_and_survives_shared_source_changes(
        seeded, attach, page_server):
    """What an editor signed stays what it was: the same URL attached to another claim
    after the page changed, or a refresh of the shared source, change neither the signed
    claim's evidence nor its snapshot hash."""
    with db.session_scope(seeded) as s:
        rows = claims.list_claims(session=s, limit=2)
    a, b = rows[0].claim.id, rows[1].claim.id
    _to_review(seeded, attach, a)
    _move(seeded, a, "erin", "signoff")
    with db.session_scope(seeded) as s:
        assert workflow.verify_signoff(s, s.get(Claim, a))
        signed_hash = s.exec(select(SignOff)).one().snapshot["evidence"][0]["content_sha256"]

    # The page changes; the same URL is attached to another claim.
    from tests.httpserver import html_response

    page_server.route(f"/fto/{a}", lambda r: html_response("<title>Changed</title><p>New</p>"))
    _move(seeded, b, "rita", "accept")
    _move(seeded, b, "rita", "assign", to="rita")
    attach(b, "rita", path=f"/fto/{a}")
    with db.session_scope(seeded) as s:
        evidence = workflow.evidence_for(s, a)
        assert evidence[0][0].content_sha256 == signed_hash  # frozen on the claim
        assert evidence[0][1].content_sha256 != signed_hash  # the shared source moved on
        assert workflow.verify_signoff(s, s.get(Claim, a))
        history = [e.action for e in s.exec(select(AuditEvent)
                                            .where(AuditEvent.claim_id == a))]
    assert history[-1] == "signoff"


def test_detach_a_source(seeded, attach):
    cid = _first_claim(seeded)
    _move(seeded, cid, "rita", "accept")
    _move(seeded, cid, "rita", "assign", to="rita")
    ev = attach(cid, "rita")
    from workbench import sources

    def detach(who):
        with db.session_scope(seeded, write=True) as s:
            actor = accounts.get_user(session=s, username=who)
            sources.detach(session=s, actor=actor, claim_id=cid, evidence_id=ev.id,
                           expected_version=None)

    with pytest.raises(PermissionDenied, match="assigned to rita; a reviewer works only on"):
        detach("rob")  # a colleague's claim
    detach("rita")
    with db.session_scope(seeded) as s:
        assert workflow.evidence_for(s, cid) == []
    assert [e.action for e in _events(seeded, cid)][-1] == "source_detached"


def test_return_then_resubmit(seeded, attach):
    cid = _first_claim(seeded)
    _to_review(seeded, attach, cid)
    with pytest.raises(TransitionRefused, match="a note for the reviewer"):
        _move(seeded, cid, "erin", "return")
    _move(seeded, cid, "erin", "return", note="Find the Federal Register entry.")
    claim = _state(seeded, cid)
    assert claim.status == ClaimStatus.in_research
    assert claim.review_note == "Find the Federal Register entry."
    assert _move(seeded, cid, "rita", "submit").status == ClaimStatus.in_review


def test_signed_off_claim_is_locked_until_reopened(seeded, attach):
    cid = _first_claim(seeded)
    _to_review(seeded, attach, cid)
    _move(seeded, cid, "erin", "signoff")
    with db.session_scope(seeded, write=True) as s:
        rita = accounts.get_user(session=s, username="rita")
        with pytest.raises(TransitionRefused, match="signed off; an editor must reopen"):
            claims.save_draft(session=s, actor=rita, claim_id=cid, verdict="False",
                              rationale="changed my mind", expected_version=None)
    with pytest.raises(TransitionRefused, match="signed off; an editor must reopen"):
        attach(cid, "rita", path="/fto/other")
    _move(seeded, cid, "ed", "reopen", note="New evidence from the Federal Register.")
    with db.session_scope(seeded) as s:
        so = s.exec(select(SignOff).where(SignOff.claim_id == cid)).one()
        void = s.exec(select(SignOffVoid).where(SignOffVoid.signoff_id == so.id)).one()
        assert workflow.active_signoff(s, cid) is None
    assert so.voided_at is None  # the sign-off itself is never changed
    assert void.reason.startswith("New evidence") and void.voided_by_id is not None
    assert _state(seeded, cid).status == ClaimStatus.in_research
    attach(cid, "rita", path="/fto/other")  # editable again


def test_stale_version_is_refused(seeded):
    cid = _first_claim(seeded)
    version = _state(seeded, cid).version
    _move(seeded, cid, "rita", "accept", expected_version=version)
    with pytest.raises(ConflictError, match=r"changed by someone else since you loaded it "
                                            r"\(rita accepted it at \d\d:\d\d UTC\)"):
        _move(seeded, cid, "rob", "dismiss", note="dup", expected_version=version)
    assert _state(seeded, cid).status == ClaimStatus.open


def test_allowed_moves_follow_role_and_four_eyes(seeded, attach):
    cid = _first_claim(seeded)
    _to_review(seeded, attach, cid, who="erin")
    with db.session_scope(seeded) as s:
        claim = s.get(Claim, cid)
        names = {u: {m.name for m in workflow.allowed_moves(
            claim, accounts.get_user(session=s, username=u))} for u in ("erin", "ed", "rita")}
    assert names["erin"] == {"return"}  # submitted it: may not sign off
    assert names["ed"] == {"signoff", "reuse", "return"}  # reuse: offered where one is linked
    assert names["rita"] == set()


def test_article_is_cleared_when_every_accepted_claim_is_done(seeded, attach):
    with db.session_scope(seeded) as s:
        rows = claims.list_claims(session=s, limit=3)
    a, b = rows[0].claim.id, rows[1].claim.id
    _to_review(seeded, attach, a)
    _move(seeded, b, "rita", "accept")
    with db.session_scope(seeded) as s:
        assert not claims.list_articles(session=s)[0].cleared
    _move(seeded, a, "erin", "signoff")
    _move(seeded, b, "erin", "dismiss", note="duplicate")
    with db.session_scope(seeded) as s:
        assert claims.list_articles(session=s)[0].cleared


def test_concurrent_moves_on_one_claim_only_one_wins(seeded):
    """Two people press a button on the same claim at the same moment: one move lands,
    the other is told the claim changed, and the history shows one event."""
    import threading

    cid = _first_claim(seeded)
    version = _state(seeded, cid).version
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def press(who: str, move: str, **kw) -> None:
        barrier.wait()
        try:
            _move(seeded, cid, who, move, expected_version=version, **kw)
            outcomes.append("ok")
        except (ConflictError, TransitionRefused) as exc:
            outcomes.append(type(exc).__name__)

    threads = [threading.Thread(target=press, args=("rita", "accept")),
               threading.Thread(target=press, args=("rob", "dismiss"),
                                kwargs={"note": "duplicate"})]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(outcomes) == ["ConflictError", "ok"]
    actions = [e.action for e in _events(seeded, cid)]
    assert actions.count("accept") + actions.count("dismiss") == 1
    assert _state(seeded, cid).version == version + 1
