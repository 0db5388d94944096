"""Sources: looking them up, attaching them to claims as evidence, archiving and
refreshing them.

Network work (a lookup, a refresh) happens before the write transaction opens, so a slow
server never holds the database's write lock and a failed lookup writes nothing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from workbench import accounts, claims, extraction, lookups, permissions, workflow
from workbench.config import Settings
from workbench.db import session_scope
from workbench.errors import (
    InputError,
    LookupFailed,
    NotFoundError,
    PermissionDenied,
    UpstreamError,
)
from workbench.models import Claim, ClaimStatus, Evidence, Source, SourceType, Stance, User, utcnow


def make_client(settings: Settings) -> Any:
    """The guarded HTTP client every lookup goes through (the caller closes it)."""
    return lookups.build_client(settings)


@contextmanager
def open_client(settings: Settings) -> Iterator[Any]:
    client = make_client(settings)
    try:
        yield client
    finally:
        client.close()


def plain(value: Any) -> Any:
    """A lookup result as JSON-ready data (dataclasses to dicts, datetimes to ISO text)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return None
    return value


def page_dict(page: Any) -> dict[str, Any]:
    data = plain(page)
    data.pop("text", None)
    return data


def preview(*, client: Any, url: str) -> Any:
    """Look a URL up (nothing is stored): the page's metadata, hash and excerpt."""
    url = (url or "").strip()
    if not url:
        raise InputError("Give the URL of the source.")
    return lookups.lookup_page(client, url)


def fetch_article(*, client: Any, url: str) -> tuple[str, dict[str, Any]]:
    """Fetch a news article by URL (through the guarded client) and return its text and
    what the page says about itself."""
    url = (url or "").strip()
    if not url:
        raise InputError("Give the URL of the article.")
    result = client.fetch(url)
    if result.status >= 400:
        raise UpstreamError(f"{url} answered HTTP {result.status}.", status=result.status)
    ctype = result.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype and ctype not in {"text/html", "application/xhtml+xml", "text/plain"}:
        shown = ctype if re.fullmatch(r"[\w.+-]{1,60}/[\w.+-]{1,60}", ctype) else "another type"
        raise InputError(f"{url} is {shown}, not a web page or text.")
    text = extraction.decode_bytes(result.content)
    meta: dict[str, Any] = {"url": result.url}
    if ctype != "text/plain":
        doc = extraction.html_to_text(text)
        text = doc.text
        meta.update(claims.document_meta(doc))
        meta["url"] = meta.get("url") or result.url
    return text, meta


def find_archive(*, client: Any, url: str) -> Any:
    """The closest Wayback Machine snapshot of ``url``, or None if it was never archived."""
    return lookups.wayback_closest(client, url)


def _url_key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def _upsert_source(session: Session, page: Any, actor: User | None) -> Source:
    """The source row of ``page.url``, made if new: INSERT .. ON CONFLICT DO NOTHING, then
    read, so that people attaching the same new URL at once all get the one row."""
    key = _url_key(page.url)
    fresh = Source(url=page.url, url_sha256=key, created_by_id=actor.id if actor else None)
    _fill(fresh, page)
    values = fresh.model_dump(exclude={"id"})
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(insert(Source).values(**values)
                    .on_conflict_do_nothing(index_elements=["url_sha256"]))
    source = session.exec(
        select(Source).where(Source.url_sha256 == key).execution_options(populate_existing=True)
    ).one()
    _fill(source, page)
    session.add(source)
    session.flush()
    return source


def _fill(source: Source, page: Any) -> None:
    source.final_url = page.final_url
    source.canonical_url = page.canonical_url
    source.title = (page.title or "")[:2000]
    source.publisher = (page.site_name or "")[:300]
    source.author = (page.author or "")[:300]
    language = page.language or ""
    source.language = language if re.fullmatch(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8}){0,2}",
                                                language) else None
    source.published_at = page.published_at
    source.modified_at = page.modified_at
    source.retrieved_at = page.retrieved_at
    source.http_status = page.status
    source.content_type = (page.content_type or "")[:200] or None
    source.content_sha256 = page.sha256
    source.excerpt = page.excerpt or ""
    source.source_type = SourceType.pdf if page.document_type == "pdf" else SourceType.web
    source.gone = False


def attach(
    *,
    session: Session,
    actor: User,
    claim_id: int,
    page: Any,
    stance: Stance | str = Stance.context,
    quote: str = "",
    note: str = "",
    archive: Any = None,
    expected_version: int | None,
) -> Evidence:
    """Attach a looked-up page to a claim as evidence (one transaction with its audit).

    ``expected_version`` is the version the person saw (None: the one read now)."""
    try:
        stance = Stance(stance)
    except ValueError:
        raise InputError(
            f"{stance!r} is not a stance; use supports, refutes or context."
        ) from None
    claim, actor = workflow.authorize(session=session, actor=actor, claim_id=claim_id,
                                      action="attach", expected_version=expected_version)
    source = _upsert_source(session, page, actor)
    if archive is not None:
        source.archive_url = archive.archive_url
        source.archived_at = archive.captured_at
        session.add(source)
    existing = session.exec(
        select(Evidence).where(Evidence.claim_id == claim_id, Evidence.source_id == source.id)
    ).first()
    if existing is not None:
        raise InputError(f"That source is attached to claim {claim_id} already.")
    evidence = Evidence(claim_id=claim_id, source_id=source.id,  # type: ignore[arg-type]
                        stance=stance, quote=quote.strip(), note=note.strip(),
                        added_by_id=actor.id, title=source.title,
                        content_sha256=source.content_sha256, http_status=source.http_status,
                        retrieved_at=source.retrieved_at, archive_url=source.archive_url)
    session.add(evidence)
    workflow.touch(claim)
    session.add(claim)
    workflow.record(session, actor=actor, action="source_attached", claim=claim,
                    changes={"url": source.url, "stance": stance.value,
                             "content_sha256": source.content_sha256})
    session.flush()
    return evidence


def detach(*, session: Session, actor: User, claim_id: int, evidence_id: int,
           expected_version: int | None) -> None:
    """Remove a source from a claim (the shared source row stays)."""
    claim, actor = workflow.authorize(session=session, actor=actor, claim_id=claim_id,
                                      action="detach", expected_version=expected_version)
    evidence = session.get(Evidence, evidence_id)
    if evidence is None or evidence.claim_id != claim_id:
        raise NotFoundError(f"Claim {claim_id} has no source link {evidence_id}.")
    source = session.get(Source, evidence.source_id)
    session.delete(evidence)
    workflow.touch(claim)
    session.add(claim)
    workflow.record(session, actor=actor, action="source_detached", claim=claim,
                    changes={"url": source.url if source else None})
    session.flush()


def archive(*, engine: Engine, client: Any, actor: User, source_id: int) -> Source:
    """Find (or ask for) a Wayback Machine snapshot of a source and store its link.

    The link is added to the source and to its evidence on claims still being researched
    that the actor may attach sources to; evidence a verdict was signed on keeps what was
    signed. Someone who may edit none of the source's claims is refused before any request.
    """
    with session_scope(engine) as s:
        actor = workflow.current_actor(s, actor)
        source = s.get(Source, source_id)
        if source is None:
            raise NotFoundError(f"There is no source with id {source_id}.")
        if not any(_may_attach(actor, claim) for _ev, claim in _links(s, source_id)):
            raise PermissionDenied(f"{actor.username} may archive only a source of a claim "
                                   f"they may edit, and source {source_id} is on none.")
        url = source.final_url or source.url
    snap = lookups.wayback_closest(client, url) or lookups.wayback_save(client, url)
    if not snap.archive_url:
        raise LookupFailed(
            "The Wayback Machine is still capturing the page; try again in a minute."
        )
    with session_scope(engine, write=True) as s:
        source = s.get(Source, source_id)
        if source is None:
            raise NotFoundError(f"There is no source with id {source_id}.")
        source.archive_url = snap.archive_url
        source.archived_at = snap.captured_at
        s.add(source)
        for ev, claim in _links(s, source_id):
            if not ev.archive_url and _may_attach(actor, claim):
                ev.archive_url = snap.archive_url
                s.add(ev)
                workflow.record(s, actor=actor, action="source_archived", claim=claim,
                                changes={"url": source.url, "archive_url": snap.archive_url})
    return source


def _may_attach(actor: User, claim: Claim) -> bool:
    """Whether the table lets ``actor`` attach sources to ``claim`` now (role, state, owner)."""
    move = workflow.ACTIONS["attach"]
    return (claim.status in move.sources
            and permissions.may(move, actor.role, permissions.relation(claim, actor)) == "yes")


def _links(session: Session, source_id: int) -> list[tuple[Evidence, Claim]]:
    return list(session.exec(
        select(Evidence, Claim).where(Evidence.source_id == source_id,
                                      Evidence.claim_id == Claim.id)
    ))


@dataclass
class RefreshSummary:
    checked: int = 0
    unchanged: int = 0
    changed: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    def describe(self) -> str:
        parts = [f"{self.checked} source(s) checked: {self.unchanged} unchanged",
                 f"{len(self.changed)} changed", f"{len(self.gone)} gone",
                 f"{len(self.failed)} could not be fetched"]
        text = ", ".join(parts) + "."
        for url in self.changed:
            text += f"\n  changed: {url}"
        for url in self.gone:
            text += f"\n  gone: {url}"
        for url, why in self.failed:
            text += f"\n  failed: {url} ({why})"
        return text


def due_for_refresh(*, engine: Engine, everything: bool = False) -> list[int]:
    """Sources to check: every one, or those attached to claims still being worked on."""
    with session_scope(engine) as s:
        if everything:
            return list(s.exec(select(Source.id).order_by(Source.id)))
        stmt = (
            select(Source.id).distinct()
            .where(Evidence.source_id == Source.id, Evidence.claim_id == Claim.id,
                   col(Claim.status).notin_([ClaimStatus.signed_off, ClaimStatus.dismissed]))
            .order_by(Source.id)
        )
        return list(s.exec(stmt))


def refresh(
    *,
    engine: Engine,
    client: Any,
    source_ids: list[int],
    actor_name: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> RefreshSummary:
    """Fetch sources again (concurrently, within the client's limits) and record changes.

    A changed content hash updates the source and leaves an audit event naming the old
    and new hash; a page that answers 404 or 410 is marked gone; other failures are
    reported and change nothing.
    """
    with session_scope(engine) as s:
        rows = list(s.exec(select(Source).where(col(Source.id).in_(source_ids))))
        actor = accounts.get_user(session=s, username=actor_name) if actor_name else None
        if actor is not None:
            workflow.require_active(actor)
    summary = RefreshSummary(checked=len(rows))
    if not rows:
        return summary
    def step(_done: int, _total: int, _outcome: Any) -> None:
        if progress is not None:
            progress(1)

    outcomes = lookups.refresh_pages(client, [r.url for r in rows], progress=step)
    by_url = {r.url: r for r in rows}
    with session_scope(engine, write=True) as s:
        for outcome in outcomes:
            source = s.get(Source, by_url[outcome.url].id)
            assert source is not None
            if outcome.page is None:
                err = outcome.error
                if outcome.gone:
                    if not source.gone:
                        source.gone = True
                        source.http_status = outcome.status
                        source.retrieved_at = utcnow()
                        s.add(source)
                        _record_on_claims(s, actor, "source_gone", source,
                                          {"url": source.url, "status": outcome.status})
                    summary.gone.append(source.url)
                else:
                    summary.failed.append((source.url, str(err)))
                continue
            page = outcome.page
            old_hash = source.content_sha256
            _fill(source, page)
            s.add(source)
            if old_hash != page.sha256:
                summary.changed.append(source.url)
                _record_on_claims(s, actor, "source_changed", source,
                                  {"url": source.url, "content_sha256": [old_hash, page.sha256]})
            else:
                summary.unchanged += 1
    return summary


def _record_on_claims(session: Session, actor: User | None, action: str, source: Source,
                      changes: dict[str, Any]) -> None:
    """Note a change of a shared source in the history of every claim that cites it (the
    claims' evidence keeps what was attached)."""
    links = _links(session, source.id)  # type: ignore[arg-type]
    if not links:
        workflow.record(session, actor=actor, action=action,
                        changes={"source_id": source.id, **changes})
    for _ev, claim in links:
        workflow.record(session, actor=actor, action=action, claim=claim,
                        changes={"source_id": source.id, **changes})


def factchecks(*, client: Any, text: str, limit: int = 10) -> list[Any]:
    """Earlier fact-checks of a claim (Google Fact Check Tools)."""
    if not text.strip():
        raise InputError("Give the claim's text to search for.")
    return lookups.factcheck_search(client, text.strip()[:500], limit=limit)


@dataclass
class Context:
    """What Wikipedia and Wikidata say about a name or topic."""

    query: str
    summary: Any = None
    entity: Any = None
    other_pages: list[Any] = field(default_factory=list)


def context(*, client: Any, text: str) -> Context:
    """Context on a person, group or designation from Wikipedia and Wikidata.

    The page named exactly like the query comes first; otherwise the first search hit
    that has a summary. The Wikidata entity of that page adds its key facts.
    """
    query = " ".join(text.split())[:300]
    if not query:
        raise InputError("Give a name or a topic to look up.")
    found = Context(query=query)
    hits = lookups.wikipedia_search(client, query, limit=5)
    for title in [query, *(h.title for h in hits if h.title != query)][:4]:
        try:
            found.summary = lookups.wikipedia_summary(client, title)
            break
        except UpstreamError as exc:
            if exc.status != 404:
                raise
    found.other_pages = [h for h in hits
                         if found.summary is None or h.title != found.summary.title]
    if found.summary is not None and found.summary.wikidata_id:
        found.entity = lookups.wikidata_entity(client, found.summary.wikidata_id)
    return found


def describe_context(found: Context) -> list[str]:
    """Context as lines a person reads (for the CLI and the dashboard)."""
    if found.summary is None:
        if found.other_pages:
            return [f"Wikipedia pages about {found.query!r}: "
                    + "; ".join(h.title for h in found.other_pages)]
        return [f"Nothing found on Wikipedia for {found.query!r}."]
    s = found.summary
    lines = [f"{s.title}: {s.description or ''}".rstrip(": "), s.extract[:600], s.url]
    if found.entity is not None:
        e = found.entity
        lines.append(f"Wikidata {e.id}: {e.label or ''} — {e.description or ''}")
        lines += [f"  {fact.name}: {fact.value}" for fact in e.facts[:8]]
    if found.other_pages:
        lines.append("Also: " + "; ".join(h.title for h in found.other_pages))
    return [ln for ln in lines if ln]
