"""The overview's aggregates on a generated desk (SQLite and PostgreSQL), checked against
counts made another way."""

from __future__ import annotations

import statistics
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from bench.desk import build_desk
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
