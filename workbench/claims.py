"""Claims and articles: reading them, ingesting an article with its candidate claims,
and editing a claim's draft verdict."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import func
from sqlmodel import Session, col, select

from workbench import extraction, permissions, workflow
from workbench.errors import InputError, NotFoundError
from workbench.models import (
    Article,
    AuditEvent,
    Claim,
    ClaimKind,
    ClaimStatus,
    Evidence,
    SignOff,
    Source,
    User,
    Verdict,
    max_length,
    utcnow,
)

MAX_PAGE = 500


@dataclass(frozen=True)
class ClaimRow:
    """One line of the queue: a claim with the names the queue shows beside it."""

    claim: Claim
    article_title: str
    assignee: str | None


@dataclass
class ClaimDetail:
    claim: Claim
    article: Article
    evidence: list[tuple[Evidence, Source]]
    history: list[tuple[AuditEvent, str | None]]
    signoff: SignOff | None
    signoff_editor: str | None
    assignee: str | None
    submitted_by: str | None
    authors: set[int] = field(default_factory=set)
    signoff_intact: bool = False


@dataclass
class ArticleRow:
    article: Article
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def cleared(self) -> bool:
        """Every accepted claim is signed off or dismissed (and there is at least one)."""
        accepted = {k: v for k, v in self.counts.items() if k != ClaimStatus.candidate.value}
        done = accepted.get("signed_off", 0) + accepted.get("dismissed", 0)
        return sum(accepted.values()) > 0 and done == sum(accepted.values())


@dataclass
class IngestResult:
    article: Article
    claims: list[Claim]
    created: bool


def _filtered(stmt: Any, *, status: Any, article_id: int | None, kind: Any,
              assignee_id: int | None, search: str | None) -> Any:
    if status:
        statuses = [ClaimStatus(parse_status(s)) for s in
                    ([status] if isinstance(status, str) else status)]
        stmt = stmt.where(col(Claim.status).in_(statuses))
    if article_id is not None:
        stmt = stmt.where(Claim.article_id == article_id)
    if kind:
        stmt = stmt.where(Claim.kind == ClaimKind(kind))
    if assignee_id is not None:
        stmt = stmt.where(Claim.assignee_id == assignee_id)
    if search:
        stmt = stmt.where(col(Claim.text).ilike(f"%{search.strip()}%"))
    return stmt


def list_claims(
    *,
    session: Session,
    status: str | list[str] | None = None,
    article_id: int | None = None,
    kind: str | None = None,
    assignee_id: int | None = None,
    search: str | None = None,
    not_authored_by: int | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[ClaimRow]:
    """One page of the queue, highest priority and earliest in the article first
    (``not_authored_by``: leave out claims whose verdict under review that person wrote)."""
    limit = max(1, min(limit, MAX_PAGE))
    stmt = (
        select(Claim, Article.title, User.username)
        .join(Article, Article.id == Claim.article_id)
        .join(User, User.id == Claim.assignee_id, isouter=True)
    )
    stmt = _filtered(stmt, status=status, article_id=article_id, kind=kind,
                     assignee_id=assignee_id, search=search)
    if not_authored_by is not None:
        stmt = stmt.where(sa.not_(permissions.authored_by(not_authored_by, Claim.id,
                                                          Claim.submitted_by_id)))
    stmt = stmt.order_by(Claim.article_id, Claim.start).offset(max(0, offset)).limit(limit)
    return [ClaimRow(c, t, u) for c, t, u in session.exec(stmt)]


def count_claims(
    *,
    session: Session,
    status: str | list[str] | None = None,
    article_id: int | None = None,
    kind: str | None = None,
    assignee_id: int | None = None,
    search: str | None = None,
) -> int:
    stmt = _filtered(select(func.count()).select_from(Claim), status=status,
                     article_id=article_id, kind=kind, assignee_id=assignee_id, search=search)
    return int(session.exec(stmt).one())


def count_by_status(*, session: Session, article_id: int | None = None) -> dict[str, int]:
    stmt = select(Claim.status, func.count()).group_by(Claim.status)
    if article_id is not None:
        stmt = stmt.where(Claim.article_id == article_id)
    counts = {s.value: 0 for s in ClaimStatus}
    for status, n in session.exec(stmt):
        counts[ClaimStatus(status).value] = int(n)
    return counts


def list_articles(*, session: Session, limit: int = 200) -> list[ArticleRow]:
    """The most recently ingested articles with their claim counts per status."""
    articles = list(session.exec(
        select(Article).order_by(col(Article.ingested_at).desc()).limit(max(1, limit))
    ))
    rows = {a.id: ArticleRow(a, {s.value: 0 for s in ClaimStatus}) for a in articles}
    stmt = (
        select(Claim.article_id, Claim.status, func.count())
        .where(col(Claim.article_id).in_(list(rows)))
        .group_by(Claim.article_id, Claim.status)
    )
    for article_id, status, n in session.exec(stmt):
        rows[article_id].counts[ClaimStatus(status).value] = int(n)
    return list(rows.values())


def get_claim(*, session: Session, claim_id: int) -> Claim:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFoundError(f"There is no claim with id {claim_id}.")
    return claim


def get_article(*, session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFoundError(f"There is no article with id {article_id}.")
    return article


def claim_detail(*, session: Session, claim_id: int) -> ClaimDetail:
    claim = get_claim(session=session, claim_id=claim_id)
    events = list(session.exec(
        select(AuditEvent).where(AuditEvent.claim_id == claim_id).order_by(AuditEvent.id)
    ))
    signoff = workflow.active_signoff(session, claim_id)
    wanted = {e.actor_id for e in events} | {claim.assignee_id, claim.submitted_by_id,
                                              signoff.editor_id if signoff else None}
    names = {u.id: u.username for u in session.exec(
        select(User).where(col(User.id).in_([i for i in wanted if i is not None])))}
    history = [(event, names.get(event.actor_id) if event.actor_id else None)
               for event in events]
    return ClaimDetail(
        claim=claim,
        article=get_article(session=session, article_id=claim.article_id),
        evidence=workflow.evidence_for(session, claim_id),
        history=history,
        signoff=signoff,
        signoff_editor=names.get(signoff.editor_id) if signoff else None,
        assignee=names.get(claim.assignee_id) if claim.assignee_id else None,
        submitted_by=names.get(claim.submitted_by_id) if claim.submitted_by_id else None,
        authors=workflow.verdict_authors(session, claim),
        signoff_intact=workflow.verify_signoff(session, claim) if signoff else False,
    )


def save_draft(
    *,
    session: Session,
    actor: User,
    claim_id: int,
    verdict: Verdict | str | None,
    rationale: str,
    expected_version: int | None,
) -> Claim:
    """Save a proposed verdict and rationale while the claim is being researched.

    ``expected_version`` is the version the person saw (None: the one read now)."""
    claim, actor = workflow.authorize(session=session, actor=actor, claim_id=claim_id,
                                      action="draft", expected_version=expected_version)
    new_verdict = workflow.parse_verdict(verdict) if verdict else None
    changes: dict[str, Any] = {}
    if new_verdict != claim.verdict:
        changes["verdict"] = [claim.verdict.value if claim.verdict else None,
                              new_verdict.value if new_verdict else None]
        claim.verdict = new_verdict
    if rationale.strip() != claim.rationale:
        changes["rationale"] = [claim.rationale, rationale.strip()]
        claim.rationale = rationale.strip()
    if not changes:
        return claim
    workflow.touch(claim)
    session.add(claim)
    workflow.record(session, actor=actor, action="draft_saved", claim=claim, changes=changes)
    session.flush()
    return claim


def _check_text(text: str) -> None:
    if not text or not text.strip():
        raise InputError("The article is empty; paste or upload some text.")
    if "\x00" in text:
        raise InputError("The article contains NUL bytes; it looks like a binary file.")


def _slug(text: str, fallback: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80].strip("-")
    return slug or fallback


def ingest(
    *,
    session: Session,
    actor: User | None,
    text: str,
    title: str = "",
    outlet: str = "",
    byline: str = "",
    url: str | None = None,
    published_at: datetime | None = None,
    key: str | None = None,
    threshold: float | None = None,
    candidates: list[extraction.Candidate] | None = None,
) -> IngestResult:
    """Store an article and its candidate claims; the same text twice adds nothing.

    ``actor`` None is the operator at the command line; a named actor must exist and be
    active."""
    if actor is not None:
        actor = workflow.current_actor(session, actor)
    _check_text(text)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    existing = session.exec(select(Article).where(Article.sha256 == digest)).first()
    if existing is not None:
        claims = list(session.exec(select(Claim).where(Claim.article_id == existing.id)))
        return IngestResult(existing, claims, created=False)
    if candidates is None:
        candidates = extraction.extract(text, threshold=threshold)
    first_line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    title = title.strip() or first_line[:120]
    date = (published_at or utcnow()).strftime("%Y-%m-%d")
    base_key = key or f"{date}-{_slug(title, digest[:12])}"
    article_key = base_key
    if session.exec(select(Article).where(Article.key == article_key)).first() is not None:
        article_key = f"{base_key}-{digest[:8]}"
    article = Article(
        key=article_key, title=title, outlet=outlet.strip(), byline=byline.strip(), url=url,
        published_at=published_at, text=text, sha256=digest, origin="ingest",
        ingested_by_id=actor.id if actor else None,
    )
    session.add(article)
    session.flush()
    claims = []
    for cand in candidates:
        if text[cand.start:cand.end] != cand.text:
            raise InputError(f"A candidate's span {cand.start}-{cand.end} does not match its text.")
        claims.append(Claim(
            article_id=article.id,  # type: ignore[arg-type]
            text=cand.text, start=cand.start, end=cand.end, restatement=cand.restatement,
            kind=ClaimKind(cand.kind), speaker=_speaker(cand.speaker), flags=list(cand.flags),
            entities=[dict(e) for e in cand.entities], numbers=[dict(n) for n in cand.numbers],
            score=round(float(cand.score), 4), origin="extraction",
        ))
    session.add_all(claims)
    workflow.record(
        session, actor=actor, action="article_ingested", article_id=article.id,
        changes={"key": article.key, "sha256": digest, "candidates": len(claims)},
    )
    session.flush()
    for claim in claims:
        workflow.record(session, actor=actor, action="proposed", claim=claim,
                        to_status=ClaimStatus.candidate.value,
                        changes={"score": claim.score, "kind": claim.kind.value})
    session.flush()
    return IngestResult(article, claims, created=True)


def parse_status(value: str | None) -> str | None:
    """A status name from a user, or None; an unknown one is refused in one sentence."""
    if value is None or not str(value).strip():
        return None
    try:
        return ClaimStatus(str(value).strip()).value
    except ValueError:
        raise InputError(
            f"{value!r} is not a status; use one of: {', '.join(s.value for s in ClaimStatus)}."
        ) from None


def accept_many(*, session: Session, actor: User, claim_ids: list[int]) -> list[Claim]:
    """Accept several candidates in one transaction (all or none)."""
    return [
        workflow.apply(session=session, actor=actor, claim_id=cid, move="accept",
                       expected_version=None)
        for cid in claim_ids
    ]


@dataclass
class StoredArticle:
    result: IngestResult
    accepted: list[Claim]


def ingest_and_accept(
    *,
    session: Session,
    actor: User,
    text: str,
    keep: list[tuple[int, int]] | None,
    candidates: list[extraction.Candidate] | None = None,
    **article: Any,
) -> StoredArticle:
    """Store an article with its candidate claims and accept the chosen ones, in one
    transaction: ``keep`` lists the (start, end) spans to accept (None: every candidate).
    An article stored already is left as it was (nothing accepted)."""
    actor = workflow.current_actor(session, actor)
    result = ingest(session=session, actor=actor, text=text, candidates=candidates, **article)
    if not result.created:
        return StoredArticle(result, [])
    spans = {(c.start, c.end) for c in result.claims}
    missing = sorted(set(keep or []) - spans)
    if missing:
        raise InputError(f"No proposed claim spans {missing[0][0]}-{missing[0][1]}.")
    chosen = [c.id for c in result.claims if keep is None or (c.start, c.end) in set(keep)]
    accepted = accept_many(session=session, actor=actor, claim_ids=chosen)  # type: ignore[arg-type]
    return StoredArticle(result, accepted)


def read_document(data: bytes, *, filename: str = "", max_bytes: int = 10_000_000
                  ) -> tuple[str, dict[str, Any]]:
    """Decode an uploaded file into article text (HTML through the article extractor).

    Returns the text and what the document says about itself (title, author, date, ...).
    """
    text, page = extraction.read_upload(data, filename=filename, max_bytes=max_bytes)
    return text, document_meta(page) if page else {}


def _speaker(name: str | None) -> str | None:
    """A proposed speaker, cut to what the field holds (a person's name fits with room)."""
    return name[: max_length(Claim, "speaker")] if name else name


def document_meta(doc: extraction.Document) -> dict[str, Any]:
    """What a web page says about itself, cut to what the article's fields hold (a page may
    carry a byline of a thousand names; it should not stop the article from being stored)."""
    limits = {"site_name": max_length(Article, "outlet"), "author": max_length(Article, "byline")}
    meta: dict[str, Any] = {}
    for name in ("title", "author", "date", "site_name", "url"):
        value = getattr(doc, name, None)
        limit = limits.get(name)
        meta[name] = value[:limit].strip() if isinstance(value, str) and limit else value
    return meta


def candidates(text: str, *, threshold: float | None = None, include_all: bool = False
               ) -> list[extraction.Candidate]:
    """Candidate claims (or every sentence) of a text; nothing is stored."""
    _check_text(text)
    return extraction.extract(text, threshold=threshold, include_all=include_all)


def evaluate(tsv: Any, *, threshold: float | None = None) -> Any:
    """Precision, recall and F1 of the check-worthiness model on a labelled TSV."""
    return extraction.evaluate(tsv, threshold=threshold)
