"""The queue: filters, sort, keyset pages and capped counts, shared by the queue page,
the exports and bulk work; and the views a person saves.

A ``ClaimFilter`` holds what a desk narrows the claims to; ``conditions`` turns it into
SQL over the ``claim`` and ``article`` tables, so every reader of the queue (one page, a
count, a streamed export, a bulk action) asks the database the same question. A ``Sort``
is any column of the queue's table, either way round. Pages are read by key (the sort
value, then the id), never by offset, and counts stop at a cap, so a rerun costs the same
on a desk of 1,000 claims as on one of 100,000.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, date, datetime, time
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from workbench import permissions, textindex
from workbench.errors import InputError, NotFoundError, PermissionDenied
from workbench.models import (
    ARTICLE_TITLE_KEY,
    CLAIM_FLAGS,
    Article,
    Claim,
    ClaimKind,
    ClaimStatus,
    SavedView,
    User,
    Verdict,
    flag_test,
    utcnow,
)

CLAIM = Claim.__table__  # type: ignore[attr-defined]
ARTICLE = Article.__table__  # type: ignore[attr-defined]
_USER = User.__table__  # type: ignore[attr-defined]
COUNT_CAP = 1000
PAGE_SIZE = 50
FLAGS = CLAIM_FLAGS
#: How many claims the full-text index may match for a page to be read through them (and
#: sorted); past it, the page walks the sort's index and keeps the matching claims.
SPARSE_MATCHES = 2000


@dataclass(frozen=True)
class SortKey:
    """A column the queue sorts by: the SQL of its key (the claim's id comes after it)."""

    label: str
    parts: tuple[Any, ...]
    descending: bool = False  # which way round it sorts unless told otherwise
    words: tuple[str, str] = ("A to Z", "Z to A")  # ascending, descending
    nulls: Any = None  # the column that is NULL for claims without a value (they come last)


_NUMBERS = ("lowest first", "highest first")
#: The queue's columns, in the table's order, by the name the URL gives them.
SORTS: dict[str, SortKey] = {
    "claim": SortKey("claim text", (CLAIM.c.text,)),
    "article": SortKey("article title", (ARTICLE_TITLE_KEY, ARTICLE.c.id)),
    "outlet": SortKey("outlet", (ARTICLE.c.outlet, ARTICLE.c.id)),
    "added": SortKey("added (age)", (CLAIM.c.created_at,), True,
                     ("oldest first", "newest first")),
    "priority": SortKey("priority", (CLAIM.c.priority,), True, _NUMBERS),
    "deadline": SortKey("deadline", (CLAIM.c.deadline,), False,
                        ("soonest first", "latest first"), CLAIM.c.deadline),
    "status": SortKey("status", (CLAIM.c.status,)),
    "assignee": SortKey("assignee", (_USER.c.username,), nulls=CLAIM.c.assignee_id),
    "verdict": SortKey("verdict", (CLAIM.c.verdict,), nulls=CLAIM.c.verdict),
    "flags": SortKey("number of flags", (sa.func.json_array_length(CLAIM.c.flags),), True,
                     ("fewest first", "most first")),
    "score": SortKey("score", (CLAIM.c.score,), True, _NUMBERS, CLAIM.c.score),
    "id": SortKey("id", (), False, _NUMBERS),
}
def _known_sort(column: str) -> None:
    if column not in SORTS:
        raise InputError(f"{column!r} is not a sort; use one of: {', '.join(SORTS)}.")


#: Sorts that URLs and saved views made before any column could be sorted.
_OLD_SORTS = {"newest": ("added", True), "oldest": ("added", False)}


@dataclass(frozen=True)
class Sort:
    """A column of the queue and which way round; claims without a value come last."""

    column: str = "added"
    descending: bool = True

    def __post_init__(self) -> None:
        _known_sort(self.column)

    @classmethod
    def by(cls, column: str, order: str | None = None) -> Sort:
        """``column`` (or an old name such as ``newest``), ``order`` "asc" or "desc" (the
        column's own way round if None)."""
        column, descending = _OLD_SORTS.get(column, (column, None))
        _known_sort(column)
        if order not in (None, "", "asc", "desc"):
            raise InputError("The order must be asc or desc.")
        if order:
            descending = order == "desc"
        return cls(column, SORTS[column].descending if descending is None else descending)

    def __str__(self) -> str:
        key = SORTS[self.column]
        return f"{key.label}, {key.words[self.descending]}"


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


def conditions(flt: ClaimFilter, dialect: str = "sqlite", *,
               dense_text: bool = False) -> list[Any]:
    """The filter as SQL conditions over ``claim`` (and ``article`` for the outlet).
    ``dense_text``: the words match many claims, so the database should not read the rows
    through the matches (SQLite: the id is compared as ``id + 0``, which no index serves)."""
    out: list[Any] = []
    if flt.statuses:
        out.append(CLAIM.c.status.in_(flt.statuses))
    if flt.kinds:
        out.append(CLAIM.c.kind.in_(flt.kinds))
    if flt.verdicts:
        out.append(CLAIM.c.verdict.in_(flt.verdicts))
    for flag in flt.flags:  # the very condition of the flag's partial index
        out.append(sa.text(flag_test(flag, "claim.flags")))
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
        out.append(sa.not_(permissions.authored_by(flt.awaiting_review_by, CLAIM.c.id,
                                                   CLAIM.c.submitted_by_id)))
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
        claim_id = CLAIM.c.id + 0 if dense_text and dialect == "sqlite" else CLAIM.c.id
        out.append(textindex.matching_clause(dialect, flt.text, claim_id))
    return out


def where(stmt: sa.Select, flt: ClaimFilter, dialect: str = "sqlite") -> sa.Select:
    """``stmt`` (which already selects from ``claim`` and ``article``) narrowed to ``flt``."""
    conds = conditions(flt, dialect)
    return stmt.where(*conds) if conds else stmt


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _claims_of(flt: ClaimFilter, *columns: Any, start: Any = CLAIM) -> sa.Select:
    stmt = sa.select(*columns).select_from(start)
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
    if dialect == "sqlite" and textindex.has_terms(flt.text):
        # read from the full-text index first and stop at the cap, instead of gathering
        # every match before counting the first ones
        matches, matching = textindex.sqlite_matches(flt.text)
        stmt = _claims_of(flt, CLAIM.c.id, start=matches.join(
            CLAIM, CLAIM.c.id == matches.c.rowid)).where(matching)
        inner = where(stmt, with_changes(flt, text=""), dialect)
    else:
        inner = where(_claims_of(flt, CLAIM.c.id), flt, dialect)
    capped = inner.limit(cap + 1).subquery()
    n = int(conn.execute(sa.select(sa.func.count()).select_from(capped)).scalar_one())
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
    next_after: tuple[Any, ...] | None  # the key to read the next page from, if any


#: A page's key: the sort's values (all None in the claims without one), then the id.
Key = tuple[Any, ...]


def _page_select(flt: ClaimFilter, dialect: str, key: SortKey, *, dense_text: bool,
                 inner_user: bool) -> sa.Select:
    user_join = _USER.c.id == CLAIM.c.assignee_id
    stmt = (
        sa.select(CLAIM.c.id, CLAIM.c.text, CLAIM.c.article_id, ARTICLE.c.title,
                  ARTICLE.c.key, ARTICLE.c.outlet, CLAIM.c.created_at, CLAIM.c.priority,
                  CLAIM.c.deadline, CLAIM.c.status, _USER.c.username, CLAIM.c.verdict,
                  CLAIM.c.flags, CLAIM.c.score, CLAIM.c.kind, CLAIM.c.version, *key.parts)
        .select_from(CLAIM)
        .join(ARTICLE, ARTICLE.c.id == CLAIM.c.article_id)
    )
    stmt = stmt.join(_USER, user_join) if inner_user else stmt.outerjoin(_USER, user_join)
    conds = conditions(flt, dialect, dense_text=dense_text)
    return stmt.where(*conds) if conds else stmt


def _beyond(columns: list[Any], values: Key, descending: bool) -> list[Any]:
    """Rows after ``values`` in the order of ``columns``: the row comparison, and the
    first column's bound on its own, which lets the database seek in the index."""
    bound = [sa.bindparam(None, v, type_=None if isinstance(c.type, sa.types.NullType)
                          else c.type) for c, v in zip(columns, values, strict=True)]
    row, after = sa.tuple_(*columns), sa.tuple_(*bound)
    first = columns[0] <= bound[0] if descending else columns[0] >= bound[0]
    return [row < after if descending else row > after, first]


def _dense_text(session: Session, flt: ClaimFilter, dialect: str) -> bool:
    """Whether so many claims hold the searched words that the page is better read in the
    sort's order, keeping the matches, than through the matches and sorted (SQLite; on
    PostgreSQL the planner weighs this itself)."""
    return (dialect == "sqlite" and textindex.has_terms(flt.text)
            and textindex.count_matching(session, flt.text, SPARSE_MATCHES) >= SPARSE_MATCHES)


def page(*, session: Session, flt: ClaimFilter, sort: Sort | None = None,
         after: Key | None = None, size: int = PAGE_SIZE) -> Page:
    """One page of the queue, read by key: ``after`` is the previous page's
    ``next_after`` (None for the first page).

    The claims with a value come first, read from the index of (value, id); then, for a
    column that may be empty, the claims without one, by id in the same direction."""
    sort = sort or Sort()
    key = SORTS[sort.column]
    size = max(1, min(size, 500))
    dialect = _dialect(session)
    dense = _dense_text(session, flt, dialect)
    conn = session.connection()
    descending = sort.descending
    in_nulls = after is not None and key.nulls is not None and after[0] is None
    result: list[Any] = []
    if not in_nulls:
        columns = [*key.parts, CLAIM.c.id]
        stmt = _page_select(flt, dialect, key, dense_text=dense,
                            inner_user=key.nulls is CLAIM.c.assignee_id)
        if key.nulls is not None:
            stmt = stmt.where(key.parts[0].is_not(None))
        if after is not None:
            stmt = stmt.where(*_beyond(columns, after, descending))
        order = [c.desc() for c in columns] if descending else columns
        result = list(conn.execute(stmt.order_by(*order).limit(size + 1)))
    if key.nulls is not None and len(result) <= size:
        stmt = _page_select(flt, dialect, key, dense_text=dense, inner_user=False)
        stmt = stmt.where(key.nulls.is_(None))
        if in_nulls:
            stmt = stmt.where(*_beyond([CLAIM.c.id], after[-1:], descending))
        order = [CLAIM.c.id.desc() if descending else CLAIM.c.id]
        result += conn.execute(stmt.order_by(*order).limit(size + 1 - len(result)))
    rows = [QueueRow(
        id=r[0], text=r[1], article_id=r[2], article_title=r[3] or r[4], outlet=r[5] or "",
        created_at=r[6], priority=r[7], deadline=r[8], status=str(r[9]), assignee=r[10],
        verdict=str(r[11]) if r[11] else None, flags=list(r[12] or []), score=r[13],
        kind=str(r[14]), version=r[15]) for r in result[:size]]
    if len(result) <= size:
        return Page(rows, None)
    last = result[size - 1]
    return Page(rows, (*last[16:], last[0]))


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


def to_params(flt: ClaimFilter, sort: Sort | None = None) -> dict[str, str]:
    """The filter and sort as URL query parameters (only what differs from the default:
    ``sort`` names the column, ``order`` is written when it is not the column's own)."""
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
    sort = sort or Sort()
    if sort != Sort():
        out["sort"] = sort.column
    if sort.descending != SORTS[sort.column].descending:
        out["order"] = "desc" if sort.descending else "asc"
    return out


def from_params(params: dict[str, str]) -> tuple[ClaimFilter, Sort]:
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
    sort = Sort.by(str(params.get("sort") or "added"), str(params.get("order") or "") or None)
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
