"""Who may do what, as a full matrix: every action of the workflow table, by every role, on
a claim assigned to the person acting, to someone else and to nobody, tried for real on
SQLite and PostgreSQL; and the README's matrix is the one the code draws from its table."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import select

from workbench import accounts, claims, db, reuse, similar, sources, workflow
from workbench.errors import PermissionDenied
from workbench.models import (
    Article,
    AuditEvent,
    Claim,
    ClaimKind,
    ClaimStatus,
    Evidence,
    LinkState,
    Role,
    Source,
    Verdict,
)
from workbench.permissions import Assigned

ROOT = Path(__file__).resolve().parent.parent
ACTING = {Role.reviewer: "rita", Role.editor: "erin", Role.admin: "ada"}
OTHER = "rob"  # the colleague a claim may be assigned to


def test_readme_matrix_is_the_code_s_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- permission-matrix:start -->\n(.*?)<!-- permission-matrix:end -->",
                      readme, re.S)
    assert found, "README.md has no permission matrix"
    assert found.group(1) == workflow.permission_matrix()
    for name in workflow.ACTIONS:
        assert f"| `{name}` |" in found.group(1)


class Desk:
    """An article whose claims are made, one per attempt, in the state an action leaves
    from, assigned as the cell says, with a verdict, a rationale and a source."""

    def __init__(self, engine, page):  # noqa: ANN001
        self.engine, self.page, self.n = engine, page, 0
        with db.session_scope(engine, write=True) as s:
            text = "A sentence to check. " * 400
            article = Article(key="matrix", title="Matrix", text=text,
                              sha256=hashlib.sha256(text.encode()).hexdigest())
            s.add(article)
            s.flush()
            source = Source(url="https://example.org/matrix",
                            url_sha256=hashlib.sha256(b"matrix").hexdigest())
            s.add(source)
            s.flush()
            self.article_id, self.source_id = article.id, source.id
            self.ids = {u.username: u.id for u in accounts.list_users(session=s)}

    def claim(self, status: ClaimStatus, assignee: str | None) -> int:
        self.n += 1
        with db.session_scope(self.engine, write=True) as s:
            claim = Claim(article_id=self.article_id, text="A sentence to check.",
                          start=self.n * 21, end=self.n * 21 + 20, kind=ClaimKind.event,
                          status=status, verdict=Verdict.false, rationale="Because.",
                          assignee_id=self.ids[assignee] if assignee else None,
                          submitted_by_id=self.ids[OTHER]
                          if status in {ClaimStatus.in_review, ClaimStatus.signed_off} else None)
            s.add(claim)
            s.flush()
            s.add(Evidence(claim_id=claim.id, source_id=self.source_id))
            return claim.id

    def earlier(self, claim_id: int) -> int:
        """A claim of another article signed off by ed, confirmed as the same claim."""
        self.n += 1
        with db.session_scope(self.engine, write=True) as s:
            text = "A sentence to check."
            article = Article(key=f"earlier-{self.n}", title="Earlier", text=text,
                              sha256=hashlib.sha256(f"earlier-{self.n}".encode()).hexdigest())
            s.add(article)
            s.flush()
            earlier = Claim(article_id=article.id, text=text, start=0, end=len(text),
                            kind=ClaimKind.event, status=ClaimStatus.in_review,
                            verdict=Verdict.false, rationale="Because.",
                            submitted_by_id=self.ids[OTHER])
            s.add(earlier)
            s.flush()
            s.add(Evidence(claim_id=earlier.id, source_id=self.source_id))
            ed = accounts.get_user(session=s, username="ed")
            workflow.apply(session=s, actor=ed, claim_id=earlier.id, move="signoff",
                           expected_version=None)
            similar.set_link(session=s, actor=ed, claim_id=earlier.id, other_id=claim_id,
                             state=LinkState.confirmed)
            return earlier.id

    def attempt(self, action: str, who: str, claim_id: int, to: str | None = None) -> bool:
        """Try the action; True if it was applied, False if refused for permission."""
        cited = self.earlier(claim_id) if action == "reuse" else None
        try:
            with db.session_scope(self.engine, write=True) as s:
                actor = accounts.get_user(session=s, username=who)
                if action == "draft":
                    claims.save_draft(session=s, actor=actor, claim_id=claim_id,
                                      verdict="True", rationale="Checked.", expected_version=1)
                elif action == "attach":
                    sources.attach(session=s, actor=actor, claim_id=claim_id, page=self.page,
                                   expected_version=1)
                elif action == "reuse":
                    reuse.reuse_verdict(session=s, actor=actor, claim_id=claim_id,
                                        earlier_id=cited, expected_version=1)
                elif action == "detach":
                    ev = s.exec(select(Evidence).where(Evidence.claim_id == claim_id)).one()
                    sources.detach(session=s, actor=actor, claim_id=claim_id,
                                   evidence_id=ev.id, expected_version=1)
                else:
                    workflow.apply(session=s, actor=actor, claim_id=claim_id, move=action,
                                   expected_version=1, assignee=to, note="A reason.")
        except PermissionDenied:
            return False
        return True

    def state(self, claim_id: int) -> tuple:
        with db.session_scope(self.engine) as s:
            c = s.get(Claim, claim_id)
            events = s.exec(select(func.count()).select_from(AuditEvent)
                            .where(AuditEvent.claim_id == claim_id)).one()
            return (c.status, c.version, c.assignee_id, c.verdict, events)


def _holder(relation: Assigned, who: str) -> str | None:
    return {Assigned.to_me: who, Assigned.to_other: OTHER, Assigned.to_nobody: None}[relation]


def test_full_permission_matrix(engine, users, page_server, lookup_settings):
    with sources.open_client(lookup_settings) as client:
        page = sources.preview(client=client, url=page_server.url("/fto/matrix"))
    desk = Desk(engine, page)
    checked = 0
    for action, move in workflow.ACTIONS.items():
        start = min(move.sources, key=list(ClaimStatus).index)
        for role, who in ACTING.items():
            for relation in Assigned:
                cell = workflow.may(move, role, relation)
                # assign: to the person acting, and to someone else
                tries = [(who, cell != "no"), ("ed", cell == "yes")] if action == "assign" \
                    else [(None, cell == "yes")]
                for to, expected in tries:
                    cid = desk.claim(start, _holder(relation, who))
                    before = desk.state(cid)
                    done = desk.attempt(action, who, cid, to=to)
                    where = f"{action} by {role.value} on a claim {relation.value} (to {to})"
                    assert done == expected, where
                    after = desk.state(cid)
                    if done:
                        assert after[1] == before[1] + 1 and after[4] == before[4] + 1, where
                    else:
                        assert after == before, f"refused {where} changed the claim"
                    checked += 1
    assert checked == 3 * 3 * (len(workflow.ACTIONS) + 1)


@pytest.mark.parametrize("who", ["rita", "erin"])
def test_allowed_moves_match_the_matrix(engine, users, who):
    """What the dashboard offers is what the services allow."""
    desk = Desk(engine, page=None)
    with db.session_scope(engine) as s:
        actor = accounts.get_user(session=s, username=who)
    for relation in Assigned:
        cid = desk.claim(ClaimStatus.in_research, _holder(relation, who))
        with db.session_scope(engine) as s:
            offered = {m.name for m in workflow.allowed_moves(
                s.get(Claim, cid), actor, include_edits=True)}
        expected = {name for name, m in workflow.ACTIONS.items()
                    if ClaimStatus.in_research in m.sources
                    and workflow.may(m, actor.role, relation) != "no"}
        assert offered == expected, relation


def test_disabled_or_unknown_accounts_act_no_more(engine, users):
    """Every service checks the acting account in the database, whatever object it gets."""
    from workbench.errors import NotFoundError
    from workbench.models import User

    with db.session_scope(engine, write=True) as s:
        ada = accounts.get_user(session=s, username="ada")
        accounts.set_active(session=s, actor=None, username="ada", active=False)
    with db.session_scope(engine, write=True) as s:  # ada still holds her old record
        with pytest.raises(PermissionDenied, match="'ada' is disabled"):
            accounts.create_user(session=s, actor=ada, username="nora", role="editor",
                                 password="a long password")
        with pytest.raises(PermissionDenied, match="'ada' is disabled"):
            claims.ingest(session=s, actor=ada, text="Colombia seized 960 tons in 2025.\n")
        ghost = User(id=9999, username="ghost", role=Role.admin)
        with pytest.raises(NotFoundError, match="There is no user named 'ghost'"):
            accounts.set_active(session=s, actor=ghost, username="rita", active=False)
    with db.session_scope(engine) as s:
        assert [u.username for u in accounts.list_users(session=s)] == \
            ["ada", "ed", "erin", "rita", "rob"]
        assert s.exec(select(func.count()).select_from(Article)).one() == 0
