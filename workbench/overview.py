"""The desk's work in numbers, each figure one SQL aggregate (no claim is loaded).

The funnel of statuses, the verdicts given, claims signed off per week, the time from
acceptance to sign-off (median and 90th percentile), the age of the claims still in work
and those past their deadline, the workload per person, what became of the proposals, and
how well they agree with the desk's decisions (with the model in use).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from workbench import audit
from workbench.extraction import model as checkworthy
from workbench.models import AuditEvent, Claim, ClaimStatus, SignOff, User, Verdict

_CLAIM = Claim.__table__  # type: ignore[attr-defined]
_SIGNOFF = SignOff.__table__  # type: ignore[attr-defined]
_EVENT = AuditEvent.__table__  # type: ignore[attr-defined]
_USER = User.__table__  # type: ignore[attr-defined]
IN_WORK = (ClaimStatus.open.value, ClaimStatus.in_research.value, ClaimStatus.in_review.value)
AGE_BUCKETS = ((7, "under a week"), (30, "1-4 weeks"), (90, "1-3 months"),
               (None, "over 3 months"))


@dataclass(frozen=True)
class Durations:
    """Days from acceptance to sign-off over the signed-off claims."""

    claims: int
    median_days: float | None
    p90_days: float | None


def _rows(session: Session, stmt: Any) -> list[Any]:
    return list(session.connection().execute(stmt))


def funnel(*, session: Session) -> list[tuple[str, int]]:
    """Claims per status, in the workflow's order."""
    counts = dict(_rows(session, sa.select(_CLAIM.c.status, sa.func.count())
                        .group_by(_CLAIM.c.status)))
    return [(s.value, int(counts.get(s.value, 0))) for s in ClaimStatus]


def verdicts(*, session: Session) -> list[tuple[str, int]]:
    """Claims per verdict given (signed off or not), in the scale's order."""
    counts = dict(_rows(session, sa.select(_CLAIM.c.verdict, sa.func.count())
                        .where(_CLAIM.c.verdict.is_not(None)).group_by(_CLAIM.c.verdict)))
    return [(v.value, int(counts.get(v.value, 0))) for v in Verdict]


def _week(session: Session, column: Any) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return sa.func.to_char(sa.func.date_trunc("week", column), "YYYY-MM-DD")
    # SQLite: the Monday of the week
    return sa.func.date(column, "weekday 0", "-6 days")


def signed_per_week(*, session: Session, weeks: int = 26) -> list[tuple[str, int]]:
    """Claims signed off per week (sign-offs in force), the last ``weeks`` weeks."""
    since = datetime.now(UTC) - timedelta(weeks=weeks)
    week = _week(session, _SIGNOFF.c.at).label("week")
    stmt = (sa.select(week, sa.func.count()).where(audit.signoff_active(_SIGNOFF.c),
                                                   _SIGNOFF.c.at >= since)
            .group_by(week).order_by(week))
    return [(str(w), int(n)) for w, n in _rows(session, stmt)]


def _days_between(session: Session, start: Any, end: Any) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return sa.func.extract("epoch", end - start) / 86400.0
    return sa.func.julianday(end) - sa.func.julianday(start)


def time_to_signoff(*, session: Session) -> Durations:
    """Median and 90th percentile of the days from acceptance (the first ``accept`` in the
    history, else the claim's creation) to the sign-off in force."""
    accepted = (sa.select(_EVENT.c.claim_id, sa.func.min(_EVENT.c.at).label("at"))
                .where(_EVENT.c.action == "accept").group_by(_EVENT.c.claim_id).subquery())
    start = sa.func.coalesce(accepted.c.at, _CLAIM.c.created_at)
    days = _days_between(session, start, _SIGNOFF.c.at).label("days")
    base = (sa.select(days).select_from(_SIGNOFF)
            .join(_CLAIM, _CLAIM.c.id == _SIGNOFF.c.claim_id)
            .outerjoin(accepted, accepted.c.claim_id == _CLAIM.c.id)
            .where(audit.signoff_active(_SIGNOFF.c))).subquery()
    n = int(session.connection().execute(sa.select(sa.func.count()).select_from(base))
            .scalar_one())
    if n == 0:
        return Durations(0, None, None)

    def at_rank(fraction: float) -> float:
        """The percentile as PostgreSQL's percentile_cont computes it (interpolated
        between the two values around it), reading two rows of the sorted durations."""
        position = fraction * (n - 1)
        low = int(position)
        values = [float(v) for (v,) in session.connection().execute(
            sa.select(base.c.days).order_by(base.c.days).offset(low).limit(2))]
        high = values[1] if len(values) > 1 else values[0]
        return round(values[0] + (high - values[0]) * (position - low), 1)

    return Durations(n, at_rank(0.5), at_rank(0.9))


def aging(*, session: Session, today: date | None = None) -> list[tuple[str, int]]:
    """Claims in work (open, in research, in review) by how long ago they were added."""
    now = datetime.combine(today or datetime.now(UTC).date(), datetime.min.time(), tzinfo=UTC)
    whens = [(_CLAIM.c.created_at > now - timedelta(days=days) if days else sa.true(), label)
             for days, label in AGE_BUCKETS]
    bucket = sa.case(*whens).label("bucket")
    counts = dict(_rows(session, sa.select(bucket, sa.func.count())
                        .where(_CLAIM.c.status.in_(IN_WORK)).group_by(bucket)))
    return [(label, int(counts.get(label, 0))) for _days, label in AGE_BUCKETS]


def overdue(*, session: Session) -> int:
    """Claims past their deadline and not yet signed off or dismissed."""
    stmt = (sa.select(sa.func.count()).select_from(_CLAIM)
            .where(_CLAIM.c.deadline < datetime.now(UTC), _CLAIM.c.status.in_(IN_WORK)))
    return int(session.connection().execute(stmt).scalar_one())


def workload(*, session: Session) -> list[tuple[str, str, int]]:
    """Claims in work per person and status (unassigned ones under "nobody")."""
    name = sa.func.coalesce(_USER.c.username, "nobody").label("person")
    stmt = (sa.select(name, _CLAIM.c.status, sa.func.count()).select_from(_CLAIM)
            .outerjoin(_USER, _USER.c.id == _CLAIM.c.assignee_id)
            .where(_CLAIM.c.status.in_(IN_WORK)).group_by(name, _CLAIM.c.status)
            .order_by(name, _CLAIM.c.status))
    return [(str(p), str(s), int(n)) for p, s, n in _rows(session, stmt)]


def proposals(*, session: Session) -> list[tuple[str, int]]:
    """What became of the claims extraction proposed: accepted, dismissed, still proposed."""
    outcome = sa.case((_CLAIM.c.status == ClaimStatus.candidate.value, "still proposed"),
                      (_CLAIM.c.status == ClaimStatus.dismissed.value, "dismissed"),
                      else_="accepted").label("outcome")
    counts = dict(_rows(session, sa.select(outcome, sa.func.count())
                        .where(_CLAIM.c.origin == "extraction").group_by(outcome)))
    return [(k, int(counts.get(k, 0))) for k in ("accepted", "dismissed", "still proposed")]


@dataclass(frozen=True)
class ProposalScores:
    """The proposals as they were made, scored on the desk's decisions.

    A proposal is a claim extraction added; the desk judged it once it accepted or dismissed
    it. Precision: of the judged proposals, the share accepted. Recall: of the claims the
    desk accepted (proposed, from case files or added by hand), the share extraction had
    proposed. ``workbench eval-checkworthy --desk`` scores today's model the same way (by
    running it again over every judged article, too slow for a page on a large desk).
    """

    accepted: int  # claims the desk accepted, whoever proposed them
    dismissed: int
    proposals_judged: int
    proposals_accepted: int
    articles: int  # articles with a judged claim

    @property
    def precision(self) -> float | None:
        judged = self.proposals_judged
        return round(self.proposals_accepted / judged, 4) if judged else None

    @property
    def recall(self) -> float | None:
        return round(self.proposals_accepted / self.accepted, 4) if self.accepted else None


def proposal_scores(*, session: Session) -> ProposalScores:
    """Precision and recall of the proposals on the desk's decisions, in one aggregate."""
    judged = _CLAIM.c.status != ClaimStatus.candidate.value
    dismissed = _CLAIM.c.status == ClaimStatus.dismissed.value
    proposed = _CLAIM.c.origin == "extraction"

    def count_if(*conditions: Any) -> Any:
        return sa.func.coalesce(sa.func.sum(sa.case((sa.and_(*conditions), 1), else_=0)), 0)

    stmt = sa.select(count_if(sa.not_(dismissed)), count_if(dismissed), count_if(proposed),
                     count_if(proposed, sa.not_(dismissed)),
                     sa.func.count(sa.distinct(_CLAIM.c.article_id))).where(judged)
    accepted, n_dismissed, p_judged, p_accepted, articles = _rows(session, stmt)[0]
    return ProposalScores(int(accepted), int(n_dismissed), int(p_judged), int(p_accepted),
                          int(articles))


def model_in_use() -> str:
    """The check-worthiness model that makes the proposals: "shipped" or "desk"."""
    return checkworthy.active_name()
