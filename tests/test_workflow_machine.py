"""Random moves by random people on random claims (a hypothesis state machine on a real
SQLite file): a refused action changes nothing; every change leaves exactly one history
row; a signed-off claim always has a verdict, a source and an editor who is not among its
authors."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from sqlalchemy import func
from sqlmodel import select

from tests.conftest import PASSWORD
from workbench import accounts, claims, db, sources, workflow
from workbench.config import Settings
from workbench.errors import WorkbenchError
from workbench.lookups.page import PageInfo
from workbench.models import Article, AuditEvent, Claim, ClaimKind, ClaimStatus, Evidence, Role

PEOPLE = {"rita": Role.reviewer, "rob": Role.reviewer, "erin": Role.editor,
          "ed": Role.editor, "ada": Role.admin}
CLAIMS = 4


@cache
def _template() -> Path:
    """A migrated database with the desk's accounts and a few candidate claims, made once."""
    folder = Path(tempfile.mkdtemp(prefix="machine-"))
    engine = db.make_engine(Settings(database_url=f"sqlite:///{folder / 'template.db'}"))
    db.upgrade(engine)
    with db.session_scope(engine, write=True) as s:
        for name, role in PEOPLE.items():
            accounts.create_user(session=s, actor=None, username=name, role=role,
                                 password=PASSWORD)
        text = "A sentence to check. " * 20
        article = Article(key="machine", title="Machine", text=text,
                          sha256=hashlib.sha256(text.encode()).hexdigest())
        s.add(article)
        s.flush()
        s.add_all([Claim(article_id=article.id, text="A sentence to check.", start=i * 21,
                         end=i * 21 + 20, kind=ClaimKind.event) for i in range(CLAIMS)])
    engine.dispose()
    return folder / "template.db"


def _page(n: int) -> PageInfo:
    url = f"https://example.org/source/{n}"
    return PageInfo(url=url, final_url=url, status=200, content_type="text/html",
                    document_type="html", sha256=hashlib.sha256(url.encode()).hexdigest(),
                    size=100, retrieved_at=datetime(2026, 2, 5, tzinfo=UTC), title=f"Page {n}")


class Desk(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="machine-run-"))
        shutil.copyfile(_template(), self.folder / "desk.db")
        self.engine = db.make_engine(
            Settings(database_url=f"sqlite:///{self.folder / 'desk.db'}"))
        with db.session_scope(self.engine) as s:
            self.ids = [c.id for c in s.exec(select(Claim).order_by(Claim.id))]
        self.pages = 0

    def teardown(self) -> None:
        self.engine.dispose()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _state(self, cid: int) -> tuple:
        with db.session_scope(self.engine) as s:
            c = s.get(Claim, cid)
            count = s.exec(select(func.count()).select_from(AuditEvent)
                           .where(AuditEvent.claim_id == cid)).one()
            links = s.exec(select(func.count()).select_from(Evidence)
                           .where(Evidence.claim_id == cid)).one()
            return (c.status, c.version, c.assignee_id, c.verdict, c.rationale,
                    c.submitted_by_id, count, links)

    @rule(action=st.sampled_from(sorted(workflow.ACTIONS)), who=st.sampled_from(sorted(PEOPLE)),
          index=st.integers(0, CLAIMS - 1), to=st.sampled_from(sorted(PEOPLE)),
          note=st.sampled_from(["", "A reason."]), stale=st.booleans(),
          verdict=st.sampled_from([None, "False", "Mostly true"]))
    def act(self, action, who, index, to, note, stale, verdict) -> None:  # noqa: ANN001
        self.attempt(action, who, index, to, note, stale, verdict)

    def attempt(self, action, who, index, to, note, stale, verdict) -> None:  # noqa: ANN001
        cid = self.ids[index]
        before = self._state(cid)
        version = before[1] - 1 if stale and before[1] > 1 else before[1]
        try:
            with db.session_scope(self.engine, write=True) as s:
                actor = accounts.get_user(session=s, username=who)
                if action == "draft":
                    claims.save_draft(session=s, actor=actor, claim_id=cid, verdict=verdict,
                                      rationale=note or "Drafted.", expected_version=version)
                elif action == "attach":
                    self.pages += 1
                    sources.attach(session=s, actor=actor, claim_id=cid,
                                   page=_page(self.pages), expected_version=version)
                elif action == "detach":
                    ev = s.exec(select(Evidence).where(Evidence.claim_id == cid)).first()
                    sources.detach(session=s, actor=actor, claim_id=cid,
                                   evidence_id=ev.id if ev else 0, expected_version=version)
                else:
                    workflow.apply(session=s, actor=actor, claim_id=cid, move=action,
                                   expected_version=version, assignee=to, note=note,
                                   verdict=verdict, rationale=note or None)
        except WorkbenchError:
            assert self._state(cid) == before, f"a refused {action} by {who} changed claim {cid}"
            return
        after = self._state(cid)
        if after[:6] == before[:6] and after[7] == before[7]:  # a draft that changed nothing
            assert after[6] == before[6]
            return
        assert not stale or before[1] == 1, "a stale edit went through"
        assert after[6] == before[6] + 1, f"{action} left {after[6] - before[6]} history rows"
        assert after[1] == before[1] + 1

    @rule(index=st.integers(0, CLAIMS - 1), pick=st.integers(0, 1000))
    def advance(self, index, pick) -> None:  # noqa: ANN001
        """A move someone may make now, made with what it needs (drives claims deep)."""
        cid = self.ids[index]
        with db.session_scope(self.engine) as s:
            claim = s.get(Claim, cid)
            authors = workflow.verdict_authors(s, claim)
            done = {"attach"} if workflow.evidence_for(s, cid) else set()
            done |= {"draft"} if claim.verdict else set()
            options = [(name, m.name) for name in sorted(PEOPLE)
                       for m in workflow.allowed_moves(
                           claim, accounts.get_user(session=s, username=name),
                           authors=authors, include_edits=True)
                       if m.name not in {"detach", "dismiss", "restore", "return", "reopen"}
                       and not (m.name == "assign" and claim.assignee_id) and m.name not in done]
        if not options:
            return
        who, action = options[pick % len(options)]
        self.attempt(action, who, index, who, "A reason.", False, "Mostly true")

    @invariant()
    def signed_off_claims_are_sound(self) -> None:
        with db.session_scope(self.engine) as s:
            for claim in s.exec(select(Claim).where(Claim.status == ClaimStatus.signed_off)):
                assert claim.verdict is not None
                assert workflow.evidence_for(s, claim.id)
                signoff = workflow.active_signoff(s, claim.id)
                assert signoff is not None
                assert signoff.editor_id != claim.submitted_by_id
                assert signoff.editor_id not in workflow.verdict_authors(s, claim)
                assert accounts.get_user_by_id(session=s, user_id=signoff.editor_id
                                               ).role == Role.editor


Desk.TestCase.settings = settings(max_examples=25, stateful_step_count=40, deadline=None,
                                  suppress_health_check=[HealthCheck.too_slow])
test_random_moves_by_random_people = Desk.TestCase
