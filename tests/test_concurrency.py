"""A desk at work at once, on SQLite and PostgreSQL: 8 processes making 50 mixed edits each
on one set of claims (no lock error, no lost update, one history row per accepted edit),
and many people attaching the same new URL at the same moment (one source row, every
attach lands)."""

from __future__ import annotations

import hashlib
import multiprocessing
import random
import threading

from sqlalchemy import func
from sqlmodel import select

from workbench import accounts, claims, db, sources, workflow
from workbench.config import Settings
from workbench.errors import ConflictError, PermissionDenied, TransitionRefused
from workbench.models import (
    Article,
    AuditEvent,
    Claim,
    ClaimKind,
    ClaimStatus,
    Evidence,
    Source,
)

PROCESSES, EDITS, CLAIMS = 8, 50, 6
PEOPLE = ("erin", "ed", "ada", "rita")


def _desk(engine, count: int, status: ClaimStatus, assignee: str | None) -> list[int]:
    """``count`` claims in ``status``, each with a source, a verdict and a rationale."""
    with db.session_scope(engine, write=True) as s:
        text = "A sentence to check. " * 100
        article = Article(key=f"desk-{count}-{status.value}", title="Desk", text=text,
                          sha256=hashlib.sha256(f"{count}{status}".encode()).hexdigest())
        source = Source(url=f"https://example.org/{status.value}",
                        url_sha256=hashlib.sha256(status.value.encode()).hexdigest())
        s.add_all([article, source])
        s.flush()
        who = accounts.get_user(session=s, username=assignee).id if assignee else None
        made = [Claim(article_id=article.id, text="A sentence to check.", start=i * 21,
                      end=i * 21 + 20, kind=ClaimKind.event, status=status,
                      verdict="False", rationale="Because.", assignee_id=who)
                for i in range(count)]
        s.add_all(made)
        s.flush()
        s.add_all([Evidence(claim_id=c.id, source_id=source.id) for c in made])
        return [c.id for c in made]


def _edit(engine, rng: random.Random, claim_ids: list[int], tag: str) -> tuple[str, int, str]:
    """One edit by a random person on a random claim, with the version read just before."""
    cid = rng.choice(claim_ids)
    who = rng.choice(PEOPLE)
    with db.session_scope(engine) as s:
        version = s.get(Claim, cid).version
    action = rng.choice(["draft", "draft", "assign", "submit", "return"])
    try:
        with db.session_scope(engine, write=True) as s:
            actor = accounts.get_user(session=s, username=who)
            if action == "draft":
                claims.save_draft(session=s, actor=actor, claim_id=cid, verdict="True",
                                  rationale=f"Checked by {tag}.", expected_version=version)
            elif action == "assign":
                workflow.apply(session=s, actor=actor, claim_id=cid, move="assign",
                               assignee="rita", expected_version=version)
            else:
                workflow.apply(session=s, actor=actor, claim_id=cid, move=action,
                               note="Look again.", expected_version=version)
    except (ConflictError, TransitionRefused, PermissionDenied) as exc:
        return ("refused", cid, type(exc).__name__)
    return ("ok", cid, action)


def _worker(url: str, claim_ids: list[int], seed: int, out) -> None:  # noqa: ANN001
    engine = db.make_engine(Settings(database_url=url))
    rng = random.Random(seed)
    results = []
    try:
        for i in range(EDITS):
            results.append(_edit(engine, rng, claim_ids, f"p{seed}-{i}"))
    except Exception as exc:  # noqa: BLE001 - a lock error or anything else fails the test
        results.append(("error", 0, f"{type(exc).__name__}: {exc}"))
    finally:
        engine.dispose()
    out.put(results)


def test_eight_processes_fifty_edits_each(engine, users, database_url):
    ids = _desk(engine, CLAIMS, ClaimStatus.in_research, "rita")
    with db.session_scope(engine) as s:
        start_events = s.exec(select(func.count()).select_from(AuditEvent)).one()
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(database_url, ids, seed, out))
             for seed in range(PROCESSES)]
    for p in procs:
        p.start()
    results = [r for _ in procs for r in out.get(timeout=300)]
    for p in procs:
        p.join(timeout=60)
    errors = [r for r in results if r[0] == "error"]
    assert not errors, errors[:3]
    assert len(results) == PROCESSES * EDITS
    accepted = [r for r in results if r[0] == "ok"]
    assert accepted, "no edit went through"
    with db.session_scope(engine) as s:
        for cid in ids:
            mine = sum(1 for r in accepted if r[1] == cid)
            claim = s.get(Claim, cid)
            assert claim.version == 1 + mine, f"claim {cid}: a lost or a phantom update"
            events = s.exec(select(func.count()).select_from(AuditEvent)
                            .where(AuditEvent.claim_id == cid)).one()
            assert events == mine, f"claim {cid}: history rows differ from accepted edits"
        assert s.exec(select(func.count()).select_from(AuditEvent)).one() == \
            start_events + len(accepted)


def test_attaching_one_new_url_to_many_claims_at_once(engine, users, page_server,
                                                      lookup_settings):
    ids = _desk(engine, 16, ClaimStatus.in_research, "rita")
    with sources.open_client(lookup_settings) as client:
        page = sources.preview(client=client, url=page_server.url("/fto/shared"))
    barrier = threading.Barrier(len(ids))
    outcomes: list[str] = []

    def attach(cid: int) -> None:
        barrier.wait()
        try:
            with db.session_scope(engine, write=True) as s:
                rita = accounts.get_user(session=s, username="rita")
                sources.attach(session=s, actor=rita, claim_id=cid, page=page,
                               expected_version=None)
            outcomes.append("ok")
        except Exception as exc:  # noqa: BLE001
            outcomes.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=attach, args=(cid,)) for cid in ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert outcomes == ["ok"] * len(ids), [o for o in outcomes if o != "ok"][:3]
    with db.session_scope(engine) as s:
        shared = s.exec(select(Source).where(Source.url == page.url)).all()
        assert len(shared) == 1
        links = s.exec(select(func.count()).select_from(Evidence)
                       .where(Evidence.source_id == shared[0].id)).one()
        assert links == len(ids)
