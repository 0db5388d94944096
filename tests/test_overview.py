"""The overview's aggregates on a generated desk (SQLite and PostgreSQL), checked against
counts made another way."""

from __future__ import annotations

import statistics
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from bench.desk import build_desk
from tests.conftest import PASSWORD
from workbench import db, overview


def test_aggregates_match_the_rows(engine):
    build_desk(engine, claims=600, per_article=10, evidence_per_claim=1, recent_signoffs=0.5)
    now = datetime.now(UTC)
    with db.session_scope(engine) as s:
        conn = s.connection()
        c, so = overview._CLAIM, overview._SIGNOFF
        conn.execute(c.update().where(c.c.id <= 40).values(deadline=now - timedelta(days=1)))
        rows = conn.execute(sa.select(c.c.status, c.c.verdict, c.c.created_at,
                                      c.c.assignee_id, so.c.at)
                            .outerjoin(so, so.c.claim_id == c.c.id)).all()
        s.commit()
    with db.session_scope(engine) as s:
        funnel = dict(overview.funnel(session=s))
        verdicts = dict(overview.verdicts(session=s))
        weeks = overview.signed_per_week(session=s)
        durations = overview.time_to_signoff(session=s)
        aging = dict(overview.aging(session=s))
        late = overview.overdue(session=s)
        load = overview.workload(session=s)
        proposals = dict(overview.proposals(session=s))
    assert sum(funnel.values()) == 600
    assert funnel["in_review"] == sum(1 for r in rows if r[0] == "in_review")
    assert sum(verdicts.values()) == sum(1 for r in rows if r[1])
    signed = [r for r in rows if r[4] is not None]
    assert durations.claims == len(signed) == funnel["signed_off"]

    def as_utc(t):
        return t if t.tzinfo else t.replace(tzinfo=UTC)

    days = sorted((as_utc(r[4]) - as_utc(r[2])).total_seconds() / 86400 for r in signed)
    assert abs(durations.median_days - statistics.median(days)) <= 0.1
    p90 = statistics.quantiles(days, n=10, method="inclusive")[-1]
    assert abs(durations.p90_days - p90) <= 0.1
    assert durations.median_days <= durations.p90_days
    recent = sum(1 for r in signed if as_utc(r[4]) > now - timedelta(days=7))
    assert sum(n for _w, n in weeks) == recent and len(weeks) in (1, 2)
    in_work = sum(funnel[k] for k in overview.IN_WORK)
    assert sum(aging.values()) == in_work and aging["over 3 months"] == in_work
    assert 0 < late <= 40
    assert sum(n for _p, _s, n in load) == in_work
    assert proposals["still proposed"] == funnel["candidate"]
    assert proposals["dismissed"] == funnel["dismissed"]
    assert sum(proposals.values()) == 600


def test_proposal_scores_match_the_rows(engine):
    build_desk(engine, claims=300, per_article=10, evidence_per_claim=1)
    with db.session_scope(engine) as s:
        conn = s.connection()
        c = overview._CLAIM
        # a few claims the desk added itself (case files), one of them dismissed
        conn.execute(c.update().where(c.c.id % 10 == 3).values(origin="casefile"))
        rows = conn.execute(sa.select(c.c.status, c.c.origin, c.c.article_id)).all()
        s.commit()
    with db.session_scope(engine) as s:
        scores = overview.proposal_scores(session=s)
    judged = [r for r in rows if r.status != "candidate"]
    accepted = [r for r in judged if r.status != "dismissed"]
    proposed = [r for r in judged if r.origin == "extraction"]
    hits = [r for r in proposed if r.status != "dismissed"]
    assert len(hits) < len(proposed) and len(hits) < len(accepted)  # neither is perfect
    assert scores == overview.ProposalScores(
        accepted=len(accepted), dismissed=len(judged) - len(accepted),
        proposals_judged=len(proposed), proposals_accepted=len(hits),
        articles=len({r.article_id for r in judged}))
    assert scores.precision == round(len(hits) / len(proposed), 4)
    assert scores.recall == round(len(hits) / len(accepted), 4)


def test_proposal_scores_of_a_desk_that_judged_nothing(engine):
    with db.session_scope(engine) as s:
        scores = overview.proposal_scores(session=s)
    assert scores == overview.ProposalScores(0, 0, 0, 0, 0)
    assert scores.precision is None and scores.recall is None


def test_overview_page_shows_the_proposals_scores_and_the_model(tmp_path, monkeypatch):
    from tests.test_ui import _signed_in
    from workbench import accounts
    from workbench.config import Settings
    from workbench.extraction import model as checkworthy
    from workbench.models import Role

    url = f"sqlite:///{tmp_path / 'ov.db'}"
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", url)
    monkeypatch.setenv("WORKBENCH_SECRETS_FILE", str(tmp_path / "none.toml"))
    monkeypatch.setenv("WORKBENCH_MODEL_DIR", str(tmp_path))
    engine = db.make_engine(Settings(database_url=url))
    db.upgrade(engine)
    build_desk(engine, claims=120, evidence_per_claim=1)
    with db.session_scope(engine, write=True) as s:
        accounts.create_user(session=s, actor=None, username="rita", role=Role.reviewer,
                             password=PASSWORD)
    with db.session_scope(engine) as s:
        scores = overview.proposal_scores(session=s)
    engine.dispose()
    (tmp_path / checkworthy.DESK_WEIGHTS).write_bytes(b"")  # only its presence is read
    (tmp_path / checkworthy.CHOICE_FILE).write_text("desk", encoding="utf-8")

    at = _signed_in("rita", "app_pages/overview.py")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Precision of proposals"] == f"{scores.precision:.1%}"
    assert metrics["Recall of proposals"] == f"{scores.recall:.1%}"
    assert metrics["Model in use"] == "desk"
    counts = next(c.value for c in at.caption if "proposals the desk judged" in c.value)
    assert (f"{scores.proposals_accepted:,} of the {scores.proposals_judged:,} proposals"
            in counts)
    assert f"of the {scores.accepted:,} claims it accepted" in counts
