"""Checked before, and reusing an earlier verdict: the queue's badge from one query for the
page's claims, an editor's sign-off that cites a signed-off claim linked as the same claim
(four eyes still holds), its history event, the refusals, the command line and the pages
(SQLite and PostgreSQL; AppTest on a real SQLite file)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import event, func
from sqlmodel import select

from tests.conftest import SEED_CASE
from tests.test_cli import _runner
from tests.test_ui import _signed_in, _texts, desk  # noqa: F401 (fixture)
from workbench import accounts, casefiles, db, reuse, similar, workflow
from workbench.config import Settings
from workbench.errors import (
    InputError,
    NotFoundError,
    PermissionDenied,
    TransitionRefused,
    WorkbenchError,
)
from workbench.models import (
    Article,
    AuditEvent,
    Claim,
    ClaimKind,
    ClaimLink,
    ClaimStatus,
    Evidence,
    LinkState,
    Role,
    SignOff,
    Source,
    Verdict,
)

TEXT = "Colombia produced 2,600 tons of cocaine in 2023."


def _article(s, key: str) -> int:  # noqa: ANN001
    article = Article(key=key, title=key, text=TEXT * 3,
                      sha256=hashlib.sha256(key.encode()).hexdigest())
    s.add(article)
    s.flush()
    return article.id


def _claim(s, article_id: int, status: ClaimStatus, start: int = 0, **extra) -> int:  # noqa: ANN001, ANN003
    claim = Claim(article_id=article_id, text=TEXT, start=start, end=start + len(TEXT),
                  kind=ClaimKind.statistic, status=status, **extra)
    s.add(claim)
    s.flush()
    return claim.id


def _signed_off_claim(engine, article_key: str, submitter: str, editor: str) -> int:  # noqa: ANN001
    """A claim of a new article, researched (a verdict, a rationale, a source), submitted by
    ``submitter`` and signed off by ``editor`` through the workflow."""
    with db.session_scope(engine, write=True) as s:
        ids = {u.username: u.id for u in accounts.list_users(session=s)}
        article_id = _article(s, article_key)
        cid = _claim(s, article_id, ClaimStatus.in_review, verdict=Verdict.false,
                     rationale="UNODC puts it at 2,664 tons, not 2,600.",
                     submitted_by_id=ids[submitter])
        source = Source(url=f"https://example.org/{article_key}",
                        url_sha256=hashlib.sha256(article_key.encode()).hexdigest())
        s.add(source)
        s.flush()
        s.add(Evidence(claim_id=cid, source_id=source.id))
        workflow.apply(session=s, actor=accounts.get_user(session=s, username=editor),
                       claim_id=cid, move="signoff", expected_version=None)
    return cid


def _link(engine, claim_id: int, other_id: int, state: LinkState) -> None:  # noqa: ANN001
    with db.session_scope(engine, write=True) as s:
        similar.set_link(session=s, actor=accounts.get_user(session=s, username="rita"),
                         claim_id=claim_id, other_id=other_id, state=state)


@pytest.fixture
def pair(engine, users) -> tuple[int, int]:  # noqa: ANN001
    """An earlier claim signed off by erin, and the same claim in another article, open,
    confirmed as the same."""
    earlier = _signed_off_claim(engine, "first-outlet", "rob", "erin")
    with db.session_scope(engine, write=True) as s:
        later = _claim(s, _article(s, "second-outlet"), ClaimStatus.open)
    _link(engine, later, earlier, LinkState.confirmed)
    return later, earlier


def _state(engine, claim_id: int) -> tuple:  # noqa: ANN001
    with db.session_scope(engine) as s:
        c = s.get(Claim, claim_id)
        events = s.exec(select(func.count()).select_from(AuditEvent)
                        .where(AuditEvent.claim_id == claim_id)).one()
        signoffs = s.exec(select(func.count()).select_from(SignOff)
                          .where(SignOff.claim_id == claim_id)).one()
        return c.status, c.version, c.verdict, c.rationale, events, signoffs


def _reuse(engine, who: str, claim_id: int, earlier_id: int, version: int | None = None):  # noqa: ANN001, ANN202
    with db.session_scope(engine, write=True) as s:
        return reuse.reuse_verdict(session=s, actor=accounts.get_user(session=s, username=who),
                                   claim_id=claim_id, earlier_id=earlier_id,
                                   expected_version=version)


def test_an_editor_signs_off_with_the_earlier_verdict(engine, pair):
    later, earlier = pair
    _reuse(engine, "ed", later, earlier, version=1)
    with db.session_scope(engine) as s:
        claim = s.get(Claim, later)
        assert claim.status == ClaimStatus.signed_off and claim.verdict == Verdict.false
        assert claim.rationale.startswith(f"As claim {earlier}, signed off: UNODC")
        assert workflow.verify_signoff(s, claim)
        cited = workflow.active_signoff(s, earlier)
        mine = workflow.active_signoff(s, later)
        assert mine.editor_id == accounts.get_user(session=s, username="ed").id
        ev = s.exec(select(AuditEvent).where(AuditEvent.claim_id == later,
                                             AuditEvent.action == "reuse")).one()
        assert (ev.from_status, ev.to_status) == ("open", "signed_off")
        assert ev.changes["reused_from"] == earlier
        assert ev.changes["reused_snapshot_sha256"] == cited.snapshot_sha256
        assert ev.changes["snapshot_sha256"] == mine.snapshot_sha256
        assert ev.changes["verdict"] == [None, "False"]
        assert reuse.earlier_verdicts(session=s, claim_ids=[later]) == {
            later: reuse.Earlier(earlier, "False")}


def test_four_eyes_still_holds(engine, pair):
    later, earlier = pair
    with db.session_scope(engine, write=True) as s:  # ed drafted a verdict on the later claim
        claim = s.get(Claim, later)
        claim.status = ClaimStatus.in_review
        claim.submitted_by_id = accounts.get_user(session=s, username="ed").id
        s.add(claim)
    before = _state(engine, later)
    with pytest.raises(PermissionDenied, match="four eyes"):
        _reuse(engine, "ed", later, earlier)
    assert _state(engine, later) == before
    _reuse(engine, "erin", later, earlier)  # erin signed off the earlier one: that is fine
    assert _state(engine, later)[0] == ClaimStatus.signed_off


def test_refusals_say_why_and_change_nothing(engine, users, pair):
    later, earlier = pair
    with db.session_scope(engine, write=True) as s:
        same_article = _claim(s, s.get(Claim, later).article_id, ClaimStatus.in_research,
                              start=len(TEXT))
        unsigned = _claim(s, _article(s, "third-outlet"), ClaimStatus.in_review,
                          verdict=Verdict.true, rationale="Yes.")
    _link(engine, later, unsigned, LinkState.confirmed)
    before = _state(engine, later)
    refusals = [
        ("rita", earlier, PermissionDenied, "only an editor"),
        ("ada", earlier, PermissionDenied, "only an editor"),
        ("ed", later, InputError, "its own verdict"),
        ("ed", 99999, NotFoundError, "no claim with id 99999"),
        ("ed", same_article, InputError, "same article"),
        ("ed", unsigned, TransitionRefused, "only a signed-off verdict"),
    ]
    for who, cited, error, words in refusals:
        with pytest.raises(error, match=words) as raised:
            _reuse(engine, who, later, cited)
        assert str(raised.value).count(". ") == 0, str(raised.value)  # one sentence
        assert _state(engine, later) == before, (who, cited)
    with pytest.raises(WorkbenchError, match="reload it and try again"):
        _reuse(engine, "ed", later, earlier, version=7)
    _link(engine, later, earlier, LinkState.rejected)
    before = _state(engine, later)
    with pytest.raises(TransitionRefused, match="not linked as the same claim"):
        _reuse(engine, "ed", later, earlier)
    assert _state(engine, later) == before
    _link(engine, later, earlier, LinkState.confirmed)
    before = _state(engine, later)  # (each link is an event of the claim's history)
    with db.session_scope(engine, write=True) as s:  # the earlier verdict is reopened
        workflow.apply(session=s, actor=users["erin"], claim_id=earlier, move="reopen",
                       expected_version=None, note="New figures.")
    with pytest.raises(TransitionRefused, match="in research; only a signed-off verdict"):
        _reuse(engine, "ed", later, earlier)
    with db.session_scope(engine, write=True) as s, \
            pytest.raises(TransitionRefused, match="cites the earlier claim"):
        workflow.apply(session=s, actor=users["ed"], claim_id=later, move="reuse",
                       expected_version=None)
    assert _state(engine, later) == before


def test_a_tampered_earlier_sign_off_cannot_be_reused(engine, pair):
    later, earlier = pair
    with db.session_scope(engine, write=True) as s:
        claim = s.get(Claim, earlier)
        claim.rationale = "Changed behind the editor's back."
        s.add(claim)
    with pytest.raises(TransitionRefused, match="no longer matches what its editor signed"):
        _reuse(engine, "ed", later, earlier)


def test_the_badge_is_one_query_for_the_page_s_claims(engine, users, pair):
    later, earlier = pair
    other_earlier = _signed_off_claim(engine, "fourth-outlet", "rob", "erin")
    with db.session_scope(engine, write=True) as s:
        auto = _claim(s, _article(s, "fifth-outlet"), ClaimStatus.candidate)
        rejected = _claim(s, _article(s, "sixth-outlet"), ClaimStatus.candidate)
        unsigned = _claim(s, _article(s, "seventh-outlet"), ClaimStatus.in_research)
        s.add(ClaimLink(claim_id=min(auto, other_earlier), other_id=max(auto, other_earlier),
                        state=LinkState.auto, score=0.95))
    _link(engine, rejected, earlier, LinkState.rejected)
    _link(engine, unsigned, later, LinkState.confirmed)  # later is not signed off
    statements: list[str] = []

    def count(conn, cursor, statement, *args) -> None:  # noqa: ANN001, ANN002
        statements.append(statement)

    with db.session_scope(engine) as s:
        event.listen(engine, "before_cursor_execute", count)
        try:
            found = reuse.earlier_verdicts(
                session=s, claim_ids=[later, earlier, auto, rejected, unsigned])
        finally:
            event.remove(engine, "before_cursor_execute", count)
        assert reuse.earlier_verdicts(session=s, claim_ids=[]) == {}
    assert len([q for q in statements if q.lstrip().upper().startswith("SELECT")]) == 1
    # earlier's links lead to a claim not signed off and to a rejected one: no badge
    assert found == {later: reuse.Earlier(earlier, "False"),
                     auto: reuse.Earlier(other_earlier, "False")}
    assert found[later].badge() == f"claim {earlier}: False"


def test_cli_reuse(tmp_path: Path):
    db_file = tmp_path / "reuse.db"
    run = _runner(tmp_path, db_file)
    run("init")
    engine = db.make_engine(Settings(database_url=f"sqlite:///{db_file}"))
    with db.session_scope(engine, write=True) as s:
        for name, role in (("rob", Role.reviewer), ("erin", Role.editor),
                           ("ed", Role.editor)):
            accounts.create_user(session=s, actor=None, username=name, role=role,
                                 password="a long enough password")
        casefiles.import_dir(session=s, root=SEED_CASE)
    earlier = _signed_off_claim(engine, "cli-first", "rob", "erin")
    with db.session_scope(engine, write=True) as s:
        later = _claim(s, _article(s, "cli-second"), ClaimStatus.in_research)
    with db.session_scope(engine, write=True) as s:
        similar.set_link(session=s, actor=accounts.get_user(session=s, username="rob"),
                         claim_id=later, other_id=earlier, state=LinkState.confirmed)
    engine.dispose()
    bad = run("claims", "reuse", str(later), "--from", str(earlier), "--user", "ed",
              "--expect-version", "9", ok=False)
    assert bad.returncode != 0 and bad.stderr.count("\n") == 1
    out = run("claims", "reuse", str(later), "--from", str(earlier), "--user", "ed",
              "--expect-version", "1").stdout
    assert f"signed off with the verdict of claim {earlier} (False" in out
    shown = run("claims", "show", str(later)).stdout
    assert "signed_off" in shown and "reuse" in shown
    assert run("claims", "reuse", str(later), "--user", "ed", ok=False).returncode != 0


def _seeded_pair(engine) -> tuple[int, int]:  # noqa: ANN001
    """The seed case's threatened-military-action claim signed off, and the same claim in a
    second outlet's article, linked at once on ingest."""
    from tests.test_matching import SECOND_OUTLET
    from workbench import claims, extraction

    with db.session_scope(engine, write=True) as s:
        rita = accounts.get_user(session=s, username="rita")
        result = claims.ingest(session=s, actor=rita, text=SECOND_OUTLET,
                               candidates=extraction.extract(SECOND_OUTLET, threshold=0.0))
        later = result.claims[0].id
        workflow.apply(session=s, actor=rita, claim_id=later, move="accept",
                       expected_version=None)
        found = similar.link_article(session=s, actor=rita, article_id=result.article.id,
                                     lv=similar.levels(Settings()))
        earlier = found[later][0].claim_id
        claim = s.get(Claim, earlier)
        claim.status, claim.verdict, claim.rationale = (ClaimStatus.in_review, Verdict.true,
                                                        "The record shows the threats.")
        claim.submitted_by_id = rita.id
        s.add(claim)
        source = Source(url="https://example.org/threats",
                        url_sha256=hashlib.sha256(b"threats").hexdigest())
        s.add(source)
        s.flush()
        s.add(Evidence(claim_id=earlier, source_id=source.id))
        workflow.apply(session=s, actor=accounts.get_user(session=s, username="erin"),
                       claim_id=earlier, move="signoff", expected_version=None)
    return later, earlier


def test_queue_and_claim_page_show_it_and_an_editor_reuses_it(desk):  # noqa: F811
    later, earlier = _seeded_pair(desk)
    at = _signed_in("erin", "app_pages/queue.py")
    table = at.dataframe[0].value
    badges = dict(zip(table["id"], table["checked before"], strict=True))
    assert badges[later] == f"claim {earlier}: True"
    assert badges[earlier] == ""
    reviewer = _signed_in("rita", "app_pages/claim.py", later)
    assert not [b for b in reviewer.button if b.key.startswith("reuse_")]
    at = _signed_in("erin", "app_pages/claim.py", later)
    shown = [t for t in _texts(at.info) if t.startswith("Checked before: claim ")]
    assert shown and f"claim {earlier} (signed_off, True" in shown[0]
    assert "do_reuse" not in [b.key for b in at.button]
    at.button(key=f"reuse_{later}_{earlier}").click().run()
    assert not at.exception, at.exception
    with db.session_scope(desk) as s:
        claim = s.get(Claim, later)
        assert claim.status == ClaimStatus.signed_off and claim.verdict == Verdict.true
        assert workflow.verify_signoff(s, claim)
    assert any(f"signed off with the verdict of claim {earlier}" in t
               for t in _texts(at.success))
    assert not [b for b in at.button if b.key.startswith("reuse_")]
