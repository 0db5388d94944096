"""The queue's filters, shared by the queue, the exports and bulk work.

A ``ClaimFilter`` holds what a desk narrows the claims to; ``conditions`` turns it into
SQL conditions over the ``claim`` and ``article`` tables, so every reader of the queue
(one page of it, a count, a streamed export) asks the database the same question.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from workbench.errors import InputError
from workbench.models import Article, Claim, ClaimKind, ClaimStatus, Verdict

CLAIM = Claim.__table__  # type: ignore[attr-defined]
ARTICLE = Article.__table__  # type: ignore[attr-defined]


def _values(kind: type, values: list[str], what: str) -> list[str]:
    known = {m.value for m in kind}  # type: ignore[attr-defined]
    for value in values:
        if value not in known:
            raise InputError(f"{value!r} is not a {what}; use one of: {', '.join(sorted(known))}.")
    return values


@dataclass(frozen=True)
class ClaimFilter:
    """What the queue shows; an empty filter is every claim."""

    statuses: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    verdicts: list[str] = field(default_factory=list)
    article_id: int | None = None
    outlet: str | None = None
    assignee_id: int | None = None
    unassigned: bool = False
    min_priority: int | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None

    def __post_init__(self) -> None:
        _values(ClaimStatus, self.statuses, "status")
        _values(ClaimKind, self.kinds, "kind of claim")
        _values(Verdict, self.verdicts, "verdict")

    @classmethod
    def of_status(cls, status: str | None) -> ClaimFilter:
        return cls(statuses=[status] if status else [])


def conditions(flt: ClaimFilter) -> list[Any]:
    """The filter as SQL conditions over ``claim`` (and ``article`` for the outlet)."""
    out: list[Any] = []
    if flt.statuses:
        out.append(CLAIM.c.status.in_(flt.statuses))
    if flt.kinds:
        out.append(CLAIM.c.kind.in_(flt.kinds))
    if flt.verdicts:
        out.append(CLAIM.c.verdict.in_(flt.verdicts))
    if flt.article_id is not None:
        out.append(CLAIM.c.article_id == flt.article_id)
    if flt.outlet:
        out.append(ARTICLE.c.outlet == flt.outlet)
    if flt.unassigned:
        out.append(CLAIM.c.assignee_id.is_(None))
    elif flt.assignee_id is not None:
        out.append(CLAIM.c.assignee_id == flt.assignee_id)
    if flt.min_priority is not None:
        out.append(CLAIM.c.priority >= flt.min_priority)
    if flt.created_from is not None:
        out.append(CLAIM.c.created_at >= flt.created_from)
    if flt.created_to is not None:
        out.append(CLAIM.c.created_at < flt.created_to)
    return out


def where(stmt: sa.Select, flt: ClaimFilter) -> sa.Select:
    """``stmt`` (which already selects from ``claim`` and ``article``) narrowed to ``flt``."""
    conds = conditions(flt)
    return stmt.where(*conds) if conds else stmt


def count(*, session: Any, flt: ClaimFilter) -> int:
    """How many claims match ``flt`` (exactly)."""
    stmt = sa.select(sa.func.count()).select_from(CLAIM)
    if flt.outlet:
        stmt = stmt.join(ARTICLE, ARTICLE.c.id == CLAIM.c.article_id)
    return int(session.connection().execute(where(stmt, flt)).scalar_one())
