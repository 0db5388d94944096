"""The records: SQLModel tables and their enums.

Rows are changed only by the service modules (``workflow``, ``claims``, ``sources``,
``accounts``, ``casefiles``), each write in one transaction with its audit event.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any, Optional

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


def _enum(cls: type[enum.Enum]) -> sa.Enum:
    """Store an enum by its value in a plain string column (no native PostgreSQL type)."""
    return sa.Enum(
        cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class ClaimStatus(enum.StrEnum):
    candidate = "candidate"
    open = "open"
    in_research = "in_research"
    in_review = "in_review"
    signed_off = "signed_off"
    dismissed = "dismissed"

    @property
    def label(self) -> str:
        """How people read the status ("In research"), on every page and in the CLI."""
        return self.value.replace("_", " ").capitalize()


class ClaimKind(enum.StrEnum):
    statistic = "statistic"
    designation = "designation"
    quote = "quote"
    event = "event"
    comparison = "comparison"
    causal = "causal"
    prediction = "prediction"
    opinion = "opinion"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Verdict(enum.StrEnum):
    true = "True"
    mostly_true = "Mostly true"
    half_true = "Half true"
    mostly_false = "Mostly false"
    false = "False"
    misleading = "Misleading"
    unsupported = "Unsupported"
    not_checkable = "Not checkable"


class Role(enum.StrEnum):
    reviewer = "reviewer"
    editor = "editor"
    admin = "admin"


class Stance(enum.StrEnum):
    supports = "supports"
    refutes = "refutes"
    context = "context"


class SourceType(enum.StrEnum):
    web = "web"
    pdf = "pdf"
    archive = "archive"
    wikipedia = "wikipedia"
    wikidata = "wikidata"
    factcheck = "factcheck"


def max_length(model: type[SQLModel], field: str) -> int | None:
    """The most characters ``model.field`` holds (None for unbounded text)."""
    column = model.__table__.c[field]  # type: ignore[attr-defined]
    return getattr(column.type, "length", None)


def _ts(**kw: Any) -> Any:
    return Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True), **kw)


def _opt_ts(**kw: Any) -> Any:
    return Field(default=None, sa_type=sa.DateTime(timezone=True), **kw)


class User(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    username: str = Field(sa_type=sa.String(64), unique=True, index=True)
    display_name: str = Field(default="", sa_type=sa.String(200))
    role: Role = Field(sa_type=_enum(Role))
    password_hash: Optional[str] = Field(default=None, sa_type=sa.String(255))
    external_id: Optional[str] = Field(default=None, sa_type=sa.String(255))
    active: bool = True
    created_at: datetime = _ts()
    # Sign-in attempts since the last success (counted before the password is checked, so
    # that concurrent attempts cannot exceed the limit) and the end of a lock.
    failed_logins: int = 0
    locked_until: Optional[datetime] = _opt_ts()


class Article(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    key: str = Field(sa_type=sa.String(200), unique=True, index=True)
    title: str = Field(default="", sa_type=sa.Text)
    outlet: str = Field(default="", sa_type=sa.String(200))
    byline: str = Field(default="", sa_type=sa.String(500))
    url: Optional[str] = Field(default=None, sa_type=sa.Text)
    published_at: Optional[datetime] = _opt_ts()
    text: str = Field(sa_type=sa.Text)
    sha256: str = Field(sa_type=sa.String(64), unique=True, index=True)
    origin: str = Field(default="ingest", sa_type=sa.String(32))
    ingested_at: datetime = _ts()
    ingested_by_id: Optional[int] = Field(default=None, foreign_key="user.id")


class Claim(SQLModel, table=True):
    __table_args__ = (
        sa.UniqueConstraint("article_id", "start", "end", name="uq_claim_span"),
        sa.CheckConstraint('"start" >= 0 AND "end" > "start"', name="ck_claim_span"),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id")
    text: str = Field(sa_type=sa.Text)
    start: int
    end: int
    key: Optional[str] = Field(default=None, sa_type=sa.String(120))
    restatement: str = Field(default="", sa_type=sa.Text)
    note: str = Field(default="", sa_type=sa.Text)
    kind: ClaimKind = Field(sa_type=_enum(ClaimKind))
    speaker: Optional[str] = Field(default=None, sa_type=sa.String(200))
    flags: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    entities: list[Any] = Field(default_factory=list, sa_type=sa.JSON)
    numbers: list[Any] = Field(default_factory=list, sa_type=sa.JSON)
    score: Optional[float] = None
    status: ClaimStatus = Field(
        default=ClaimStatus.candidate, sa_type=_enum(ClaimStatus)
    )
    verdict: Optional[Verdict] = Field(default=None, sa_type=_enum(Verdict))
    rationale: str = Field(default="", sa_type=sa.Text)
    dismiss_reason: str = Field(default="", sa_type=sa.Text)
    review_note: str = Field(default="", sa_type=sa.Text)
    assignee_id: Optional[int] = Field(default=None, foreign_key="user.id")
    submitted_by_id: Optional[int] = Field(default=None, foreign_key="user.id")
    priority: int = 0
    origin: str = Field(default="extraction", sa_type=sa.String(32))
    version: int = 1
    created_at: datetime = _ts()
    updated_at: datetime = _ts()
    deadline: Optional[datetime] = _opt_ts()


class Source(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    url: str = Field(sa_type=sa.Text)
    url_sha256: str = Field(sa_type=sa.String(64), unique=True, index=True)
    final_url: Optional[str] = Field(default=None, sa_type=sa.Text)
    canonical_url: Optional[str] = Field(default=None, sa_type=sa.Text)
    title: str = Field(default="", sa_type=sa.Text)
    publisher: str = Field(default="", sa_type=sa.String(300))
    author: str = Field(default="", sa_type=sa.String(300))
    language: Optional[str] = Field(default=None, sa_type=sa.String(32))
    published_at: Optional[datetime] = _opt_ts()
    modified_at: Optional[datetime] = _opt_ts()
    retrieved_at: datetime = _ts()
    http_status: Optional[int] = None
    content_type: Optional[str] = Field(default=None, sa_type=sa.String(200))
    content_sha256: Optional[str] = Field(default=None, sa_type=sa.String(64))
    excerpt: str = Field(default="", sa_type=sa.Text)
    archive_url: Optional[str] = Field(default=None, sa_type=sa.Text)
    archived_at: Optional[datetime] = _opt_ts()
    source_type: SourceType = Field(default=SourceType.web, sa_type=_enum(SourceType))
    gone: bool = False
    created_by_id: Optional[int] = Field(default=None, foreign_key="user.id")
    created_at: datetime = _ts()


class Evidence(SQLModel, table=True):
    __table_args__ = (sa.UniqueConstraint("claim_id", "source_id", name="uq_evidence"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    source_id: int = Field(foreign_key="source.id", index=True)
    stance: Stance = Field(default=Stance.context, sa_type=_enum(Stance))
    quote: str = Field(default="", sa_type=sa.Text)
    note: str = Field(default="", sa_type=sa.Text)
    # What the source was when it was attached: a later refresh or a use of the same URL
    # on another claim changes the shared Source row, never what a claim's verdict rests on.
    title: str = Field(default="", sa_type=sa.Text)
    content_sha256: Optional[str] = Field(default=None, sa_type=sa.String(64))
    http_status: Optional[int] = None
    retrieved_at: Optional[datetime] = _opt_ts()
    archive_url: Optional[str] = Field(default=None, sa_type=sa.Text)
    added_by_id: Optional[int] = Field(default=None, foreign_key="user.id")
    added_at: datetime = _ts()


class AuditEvent(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    at: datetime = _ts(index=True)
    actor_id: Optional[int] = Field(default=None, foreign_key="user.id")
    action: str = Field(sa_type=sa.String(64))
    claim_id: Optional[int] = Field(default=None, foreign_key="claim.id", index=True)
    article_id: Optional[int] = Field(default=None, foreign_key="article.id", index=True)
    from_status: Optional[str] = Field(default=None, sa_type=sa.String(32))
    to_status: Optional[str] = Field(default=None, sa_type=sa.String(32))
    changes: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    comment: str = Field(default="", sa_type=sa.Text)
    # The desk's hash chain (see audit.py): the event's place, the link of the one before
    # it and its own link, HMAC-SHA256 under the audit key. Events from before the chain
    # was introduced have none.
    seq: Optional[int] = Field(default=None, unique=True, index=True)
    prev_hmac: Optional[str] = Field(default=None, sa_type=sa.String(64))
    chain_hmac: Optional[str] = Field(default=None, sa_type=sa.String(64))


class SignOff(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    editor_id: int = Field(foreign_key="user.id")
    at: datetime = _ts()
    claim_version: int
    snapshot_sha256: str = Field(sa_type=sa.String(64))
    snapshot: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    voided_at: Optional[datetime] = _opt_ts()
    voided_by_id: Optional[int] = Field(default=None, foreign_key="user.id")
    void_reason: str = Field(default="", sa_type=sa.Text)
    # HMAC-SHA256, under the desk's audit key, of what was signed and by whom (see audit.py).
    snapshot_hmac: Optional[str] = Field(default=None, sa_type=sa.String(64))


class SignOffVoid(SQLModel, table=True):
    """A sign-off voided by a reopen: a row of its own, since sign-offs are never changed."""

    id: Optional[int] = Field(default=None, primary_key=True)
    signoff_id: int = Field(foreign_key="signoff.id", unique=True, index=True)
    voided_by_id: Optional[int] = Field(default=None, foreign_key="user.id")
    at: datetime = _ts()
    reason: str = Field(default="", sa_type=sa.Text)


class UserSession(SQLModel, table=True):
    """A dashboard sign-in that survives a reload: the browser keeps a random token, the
    database only its sha256."""

    id: Optional[int] = Field(default=None, primary_key=True)
    token_sha256: str = Field(sa_type=sa.String(64), unique=True, index=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    created_at: datetime = _ts()
    last_seen_at: datetime = _ts()
    revoked_at: Optional[datetime] = _opt_ts()


class SavedView(SQLModel, table=True):
    """A queue view (its filters and sort, as in the page's URL) saved by one person."""

    __table_args__ = (sa.UniqueConstraint("user_id", "name", name="uq_savedview_name"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    name: str = Field(sa_type=sa.String(100))
    params: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    created_at: datetime = _ts()


# What the queue filters and sorts on: each sort key is indexed with the id after it, so a
# page is read from the index (keyset pagination) however large the desk. A sort by the
# article's title or outlet walks the article index, then each article's claims by id.
_CLAIM = Claim.__table__  # type: ignore[attr-defined]
_ARTICLE = Article.__table__  # type: ignore[attr-defined]
#: What the queue sorts articles by: the first 200 characters of the title (a whole title
#: may be longer than an index entry may be on PostgreSQL).
ARTICLE_TITLE_KEY = sa.func.substr(_ARTICLE.c.title, sa.literal_column("1"),
                                    sa.literal_column("200"))
sa.Index("ix_claim_kind", _CLAIM.c.kind)
sa.Index("ix_claim_submitted_by_id", _CLAIM.c.submitted_by_id)
sa.Index("ix_claim_article_id_id", _CLAIM.c.article_id, _CLAIM.c.id)
sa.Index("ix_claim_status_id", _CLAIM.c.status, _CLAIM.c.id)
sa.Index("ix_claim_assignee_id_id", _CLAIM.c.assignee_id, _CLAIM.c.id)
sa.Index("ix_claim_verdict_id", _CLAIM.c.verdict, _CLAIM.c.id)
sa.Index("ix_claim_created_at_id", _CLAIM.c.created_at, _CLAIM.c.id)
sa.Index("ix_claim_priority_id", _CLAIM.c.priority, _CLAIM.c.id)
sa.Index("ix_claim_deadline_id", _CLAIM.c.deadline, _CLAIM.c.id)
sa.Index("ix_claim_score_id", _CLAIM.c.score, _CLAIM.c.id)
sa.Index("ix_article_outlet_id", _ARTICLE.c.outlet, _ARTICLE.c.id)
sa.Index("ix_article_title_id", ARTICLE_TITLE_KEY, _ARTICLE.c.id)

#: The flags extraction puts on a claim; the queue filters on each of them.
CLAIM_FLAGS = ("missing_speaker", "anonymous_source", "hedged", "unattributed")


def flag_test(flag: str, column: str = "flags") -> str:
    """SQL that is true for a claim whose flags (a JSON list) hold ``flag``.

    It is also the condition of the flag's partial index (``ix_claim_flag_<flag>``): a query
    repeats it word for word, so the database reads the flagged claims from that index, and
    the index follows the column whatever writes it (the database keeps it, not Python)."""
    if flag not in CLAIM_FLAGS:
        raise ValueError(f"unknown flag {flag!r}")
    return f"CAST({column} AS TEXT) LIKE '%\"{flag}\"%'"


for _flag in CLAIM_FLAGS:  # newest first is the queue's usual order
    sa.Index(f"ix_claim_flag_{_flag}", _CLAIM.c.created_at, _CLAIM.c.id,
             sqlite_where=sa.text(flag_test(_flag)), postgresql_where=sa.text(flag_test(_flag)))


class LinkState(enum.StrEnum):
    """A link between two claims that say the same thing."""

    auto = "auto"  # linked at once: above the "same claim" level, nothing disagreeing
    confirmed = "confirmed"  # a person said they are the same claim
    rejected = "rejected"  # a person said they are not; never suggested again


class ClaimLink(SQLModel, table=True):
    """Two claims judged the same (or not); stored once per pair, lower id first."""

    __table_args__ = (
        sa.UniqueConstraint("claim_id", "other_id", name="uq_claim_link"),
        sa.CheckConstraint("claim_id < other_id", name="ck_claim_link_order"),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    other_id: int = Field(foreign_key="claim.id", index=True)
    state: LinkState = Field(sa_type=_enum(LinkState))
    score: float = 0.0
    created_by_id: Optional[int] = Field(default=None, foreign_key="user.id")
    created_at: datetime = _ts()


class SourceCheck(SQLModel, table=True):
    """A claim compared with the text of one of its sources, kept with that text so the
    result can be reproduced after the page changes or disappears."""

    id: Optional[int] = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    source_id: int = Field(foreign_key="source.id", index=True)
    checked_at: datetime = _ts()
    checked_by_id: Optional[int] = Field(default=None, foreign_key="user.id")
    claim_text: str = Field(sa_type=sa.Text)
    text: str = Field(sa_type=sa.Text)
    text_sha256: str = Field(sa_type=sa.String(64))
    result: str = Field(sa_type=sa.String(16))
    findings: list[Any] = Field(default_factory=list, sa_type=sa.JSON)


class Comment(SQLModel, table=True):
    """A message in a claim's discussion thread (plain text, never rendered as markup)."""

    id: Optional[int] = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    author_id: int = Field(foreign_key="user.id")
    at: datetime = _ts()
    text: str = Field(sa_type=sa.Text)


class Mention(SQLModel, table=True):
    """Someone named with ``@name`` in a comment; ``seen_at`` is when they looked."""

    __table_args__ = (sa.Index("ix_mention_user_seen", "user_id", "seen_at"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    comment_id: int = Field(foreign_key="comment.id", index=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    user_id: int = Field(foreign_key="user.id")
    seen_at: Optional[datetime] = _opt_ts()
