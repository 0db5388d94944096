"""The queue: filters, sort, keyset pages and capped counts, shared by the queue page,
the exports and bulk work; and the views a person saves.

A ``ClaimFilter`` holds what a desk narrows the claims to; ``conditions`` turns it into
SQL over the ``claim`` and ``article`` tables, so every reader of the queue (one page, a
count, a streamed export, a bulk action) asks the database the same question. Pages are
read by key (the sort column, then the id), never by offset, and counts stop at a cap, so
a rerun costs the same on a desk of 1,000 claims as on one of 100,000.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, date, datetime, time
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from workbench import textindex
from workbench.errors import InputError, NotFoundError, PermissionDenied
from workbench.models import (
    Article,
    Claim,
    ClaimKind,
    ClaimStatus,
    SavedView,
    User,
    Verdict,
    utcnow,
)

CLAIM = Claim.__table__  # type: ignore[attr-defined]
ARTICLE = Article.__table__  # type: ignore[attr-defined]
_USER = User.__table__  # type: ignore[attr-defined]
COUNT_CAP = 1000
PAGE_SIZE = 50
FLAGS = ("missing_speaker", "anonymous_source", "hedged", "unattributed")

#: name -> (what it says, the column, newest/highest first?)
SORTS: dict[str, tuple[str, Any, bool]] = {
    "newest": ("Newest first", CLAIM.c.created_at, True),
    "oldest": ("Oldest first", CLAIM.c.created_at, False),
    "priority": ("Highest priority first", CLAIM.c.priority, True),
    "deadline": ("Soonest deadline first (claims with one)", CLAIM.c.deadline, False),
    "id": ("Claim id", CLAIM.c.id, False),
}


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
    flags: list[str] = field(default_factory=list)
    article_id: int | None = None
    outlet: str | None = None
    assignee_id: int | None = None
    unassigned: bool = False
    awaiting_review_by: int | None = None
    min_priority: int | None = None
    created_from: date | None = None
    created_to: date | None = None
    overdue: bool = False
    text: str = ""

    def __post_init__(self) -> None:
        _values(ClaimStatus, self.statuses, "status")
        _values(ClaimKind, self.kinds, "kind of claim")
        _values(Verdict, self.verdicts, "verdict")
        for flag in self.flags:
            if flag not in FLAGS:
                raise InputError(f"{flag!r} is not a flag; use one of: {', '.join(FLAGS)}.")
        if self.created_from and self.created_to and self.created_from > self.created_to:
            raise InputError("The date range ends before it starts.")

    @classmethod
    def of_status(cls, status: str | None) -> ClaimFilter:
        return cls(statuses=[status] if status else [])


def _day(value: date, *, end: bool = False) -> datetime:
    """The first (or last) moment of a day, in UTC as the records keep time."""
    return datetime.combine(value, time.max if end else time.min, tzinfo=UTC)


def conditions(flt: ClaimFilter, dialect: str = "sqlite") -> list[Any]:
    """The filter as SQL conditions over ``claim`` (and ``article`` for the outlet)."""
    out: list[Any] = []
    if flt.statuses:
        out.append(CLAIM.c.status.in_(flt.statuses))
    if flt.kinds:
        out.append(CLAIM.c.kind.in_(flt.kinds))
    if flt.verdicts:
        out.append(CLAIM.c.verdict.in_(flt.verdicts))
    for flag in flt.flags:  # flags are a short JSON list of known names
        out.append(sa.cast(CLAIM.c.flags, sa.Text).like(f'%"{flag}"%'))
    if flt.article_id is not None:
        out.append(CLAIM.c.article_id == flt.article_id)
    if flt.outlet:
        out.append(ARTICLE.c.outlet == flt.outlet)
    if flt.unassigned:
        out.append(CLAIM.c.assignee_id.is_(None))
    elif flt.assignee_id is not None:
        out.append(CLAIM.c.assignee_id == flt.assignee_id)
    if flt.awaiting_review_by is not None:
        out.append(CLAIM.c.status == ClaimStatus.in_review.value)
        out.append(sa.or_(CLAIM.c.submitted_by_id.is_(None),
                          CLAIM.c.submitted_by_id != flt.awaiting_review_by))
    if flt.min_priority is not None:
        out.append(CLAIM.c.priority >= flt.min_priority)
    if flt.created_from is not None:
        out.append(CLAIM.c.created_at >= _day(flt.created_from))
    if flt.created_to is not None:
        out.append(CLAIM.c.created_at <= _day(flt.created_to, end=True))
    if flt.overdue:
        out.append(CLAIM.c.deadline < utcnow())
        out.append(CLAIM.c.status.notin_([ClaimStatus.signed_off.value,
                                          ClaimStatus.dismissed.value]))
    if textindex.has_terms(flt.text):
        out.append(textindex.matching_clause(dialect, flt.text, CLAIM.c.id))
    return out


def where(stmt: sa.Select, flt: ClaimFilter, dialect: str = "sqlite") -> sa.Select:
    """``stmt`` (which already selects from ``claim`` and ``article``) narrowed to ``flt``."""
    conds = conditions(flt, dialect)
    return stmt.where(*conds) if conds else stmt


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _claims_of(flt: ClaimFilter, *columns: Any) -> sa.Select:
    stmt = sa.select(*columns).select_from(CLAIM)
    if flt.outlet:
        stmt = stmt.join(ARTICLE, ARTICLE.c.id == CLAIM.c.article_id)
    return stmt


@dataclass(frozen=True)
class Count:
    """How many claims match, exactly up to the cap ("1,000+" beyond it)."""

    n: int
    capped: bool

    def __str__(self) -> str:
        return f"{self.n:,}+" if self.capped else f"{self.n:,}"


def count(*, session: Session, flt: ClaimFilter, cap: int | None = None) -> int | Count:
    """How many claims match ``flt``: exactly, or with ``cap`` a ``Count`` that stops
    counting at ``cap`` (so a count costs the same on any desk)."""
    dialect = _dialect(session)
    conn = session.connection()
    if cap is None:
        stmt = where(_claims_of(flt, sa.func.count()), flt, dialect)
        return int(conn.execute(stmt).scalar_one())
    inner = where(_claims_of(flt, CLAIM.c.id), flt, dialect).limit(cap + 1).subquery()
    n = int(conn.execute(sa.select(sa.func.count()).select_from(inner)).scalar_one())
    return Count(min(n, cap), n > cap)


def status_counts(*, session: Session, flt: ClaimFilter | None = None,
                  cap: int = COUNT_CAP) -> dict[str, Count]:
    """Per status, how many claims match ``flt`` (its statuses aside), each capped."""
    base = flt or ClaimFilter()
    return {s.value: count(session=session, flt=with_changes(base, statuses=[s.value]), cap=cap)
            for s in ClaimStatus}  # type: ignore[misc]


def with_changes(flt: ClaimFilter, **changes: Any) -> ClaimFilter:
    """A copy of ``flt`` with some fields changed."""
    values = {f.name: getattr(flt, f.name) for f in fields(flt)}
    values.update(changes)
    return ClaimFilter(**values)


@dataclass(frozen=True)
class QueueRow:
    id: int
    text: str
    article_id: int
    article_title: str
    outlet: str
    created_at: datetime
    priority: int
    deadline: datetime | None
    status: str
    assignee: str | None
    verdict: str | None
    flags: list[str]
    score: float | None
    kind: str
    version: int


@dataclass(frozen=True)
class Page:
    rows: list[QueueRow]
    next_after: tuple[Any, int] | None  # the key to read the next page from, if any


def _sort(sort: str) -> tuple[Any, bool]:
    if sort not in SORTS:
        raise InputError(f"{sort!r} is not a sort; use one of: {', '.join(SORTS)}.")
    _label, column, descending = SORTS[sort]
    return column, descending


def page(*, session: Session, flt: ClaimFilter, sort: str = "newest",
         after: tuple[Any, int] | None = None, size: int = PAGE_SIZE) -> Page:
    """One page of the queue, read by key: ``after`` is the previous page's
    ``next_after`` (None for the first page)."""
    column, descending = _sort(sort)
    size = max(1, min(size, 500))
    stmt = (
        sa.select(CLAIM.c.id, CLAIM.c.text, CLAIM.c.article_id, ARTICLE.c.title,
                  ARTICLE.c.key, ARTICLE.c.outlet, CLAIM.c.created_at, CLAIM.c.priority,
                  CLAIM.c.deadline, CLAIM.c.status, _USER.c.username, CLAIM.c.verdict,
                  CLAIM.c.flags, CLAIM.c.score, CLAIM.c.kind, CLAIM.c.version, column)
        .select_from(CLAIM)
        .join(ARTICLE, ARTICLE.c.id == CLAIM.c.article_id)
        .outerjoin(_USER, _USER.c.id == CLAIM.c.assignee_id)
    )
    stmt = where(stmt, flt, _dialect(session))
    if sort == "deadline":
        stmt = stmt.where(CLAIM.c.deadline.is_not(None))
    if after is not None:
        key = sa.tuple_(column, CLAIM.c.id)
        bound = sa.tuple_(sa.bindparam(None, after[0], type_=column.type),
                          sa.bindparam(None, after[1], type_=sa.Integer()))
        stmt = stmt.where(key < bound if descending else key > bound)
    order = [column.desc(), CLAIM.c.id.desc()] if descending else [column, CLAIM.c.id]
    result = list(session.connection().execute(stmt.order_by(*order).limit(size + 1)))
    rows = [QueueRow(
        id=r[0], text=r[1], article_id=r[2], article_title=r[3] or r[4], outlet=r[5] or "",
        created_at=r[6], priority=r[7], deadline=r[8], status=str(r[9]), assignee=r[10],
        verdict=str(r[11]) if r[11] else None, flags=list(r[12] or []), score=r[13],
        kind=str(r[14]), version=r[15]) for r in result[:size]]
    more = len(result) > size
    last = result[size - 1] if more else None
    return Page(rows, (last[16], last[0]) if last is not None else None)


@dataclass(frozen=True)
class ArticleChoice:
    id: int
    title: str
    outlet: str


def find_articles(*, session: Session, text: str = "", limit: int = 20) -> list[ArticleChoice]:
    """Articles whose title, key or outlet contains ``text`` (newest first), for the
    queue's article filter: any article of the desk can be found, not only recent ones."""
    stmt = sa.select(ARTICLE.c.id, ARTICLE.c.title, ARTICLE.c.key, ARTICLE.c.outlet)
    words = text.strip()
    if words:
        pattern = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(sa.or_(ARTICLE.c.title.ilike(pattern, escape="\\"),
                                 ARTICLE.c.key.ilike(pattern, escape="\\"),
                                 ARTICLE.c.outlet.ilike(pattern, escape="\\")))
    stmt = stmt.order_by(ARTICLE.c.id.desc()).limit(max(1, min(limit, 200)))
    return [ArticleChoice(r[0], r[1] or r[2], r[3] or "")
            for r in session.connection().execute(stmt)]


def article_choice(*, session: Session, article_id: int) -> ArticleChoice | None:
    r = session.connection().execute(
        sa.select(ARTICLE.c.id, ARTICLE.c.title, ARTICLE.c.key, ARTICLE.c.outlet)
        .where(ARTICLE.c.id == article_id)).first()
    return ArticleChoice(r[0], r[1] or r[2], r[3] or "") if r else None


def outlets(*, session: Session) -> list[str]:
    stmt = (sa.select(ARTICLE.c.outlet).where(ARTICLE.c.outlet != "").distinct()
            .order_by(ARTICLE.c.outlet))
    return [r[0] for r in session.connection().execute(stmt)]


# --- the view in a URL, and saved views -------------------------------------------------

_LISTS = ("statuses", "kinds", "verdicts", "flags")
_INTS = ("article_id", "assignee_id", "awaiting_review_by", "min_priority")
_BOOLS = ("unassigned", "overdue")
_DATES = ("created_from", "created_to")


def to_params(flt: ClaimFilter, sort: str = "newest") -> dict[str, str]:
    """The filter and sort as URL query parameters (only what differs from the default)."""
    out: dict[str, str] = {}
    for name, value in asdict(flt).items():
        if value in (None, "", [], False):
            continue
        if name in _LISTS:
            out[name] = ",".join(value)
        elif name in _BOOLS:
            out[name] = "1"
        elif name in _DATES:
            out[name] = value.isoformat()
        else:
            out[name] = str(value)
    if sort != "newest":
        out["sort"] = sort
    return out


def from_params(params: dict[str, str]) -> tuple[ClaimFilter, str]:
    """The filter and sort that ``to_params`` wrote; a bad value is one sentence."""
    values: dict[str, Any] = {}
    for name in _LISTS:
        if params.get(name):
            values[name] = [v for v in str(params[name]).split(",") if v]
    for name in _INTS:
        if params.get(name):
            try:
                values[name] = int(params[name])
            except ValueError:
                raise InputError(f"{name.replace('_', ' ')} must be a number.") from None
    for name in _BOOLS:
        if params.get(name):
            values[name] = params[name] in {"1", "true", "yes"}
    for name in _DATES:
        if params.get(name):
            try:
                values[name] = date.fromisoformat(params[name])
            except ValueError:
                raise InputError(f"{name.replace('_', ' ')} must be a date "
                                 "(YYYY-MM-DD).") from None
    if params.get("outlet"):
        values["outlet"] = str(params["outlet"])
    if params.get("text"):
        values["text"] = str(params["text"])[:500]
    sort = str(params.get("sort") or "newest")
    _sort(sort)
    return ClaimFilter(**values), sort


def save_view(*, session: Session, actor: User, name: str, params: dict[str, str]) -> SavedView:
    """Save (or replace) one of ``actor``'s views under ``name``."""
    name = name.strip()
    if not name:
        raise InputError("Give the view a name.")
    from_params(params)  # refuse what could not be opened again
    view = session.exec(select(SavedView).where(SavedView.user_id == actor.id,
                                                SavedView.name == name)).first()
    if view is None:
        view = SavedView(user_id=actor.id, name=name, params=dict(params))  # type: ignore[arg-type]
    else:
        view.params = dict(params)
    session.add(view)
    session.flush()
    return view


def list_views(*, session: Session, actor: User) -> list[SavedView]:
    return list(session.exec(select(SavedView).where(SavedView.user_id == actor.id)
                             .order_by(SavedView.name)))


def delete_view(*, session: Session, actor: User, view_id: int) -> None:
    view = session.get(SavedView, view_id)
    if view is None:
        raise NotFoundError(f"There is no saved view {view_id}.")
    if view.user_id != actor.id:
        raise PermissionDenied("A saved view can be deleted only by the person who saved it.")
    session.delete(view)
    session.flush()
