"""Exports: claims and evidence as CSV, streamed from SQL, and ClaimReview JSON-LD.

The CSVs are read in chunks straight from one SQL query each (source URLs aggregated in
SQL, no ORM objects, no lists of ids), so a desk of any size exports in a few MB of
memory, on SQLite as on PostgreSQL. They are safe to open in a spreadsheet: a text cell
that starts with a character a spreadsheet would read as a formula is written with a
leading apostrophe; numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlmodel import Session, select

from workbench import audit
from workbench.config import Settings
from workbench.errors import ConfigError
from workbench.models import (
    Article,
    Claim,
    ClaimStatus,
    Evidence,
    SignOff,
    Source,
    User,
    Verdict,
)
from workbench.queue import ARTICLE, CLAIM, ClaimFilter, where

CSV_COLUMNS = [
    "claim_id", "article_key", "article_title", "claim_text", "start", "end", "kind",
    "speaker", "flags", "status", "verdict", "rationale", "assignee", "submitted_by",
    "signed_off_by", "signed_off_at", "source_urls", "archive_urls",
]
EVIDENCE_COLUMNS = [
    "evidence_id", "claim_id", "article_key", "claim_status", "stance", "source_url",
    "final_url", "canonical_url", "title_when_attached", "publisher", "author",
    "content_sha256_when_attached", "http_status_when_attached", "retrieved_at",
    "archive_url", "quote", "note", "added_by", "added_at",
]
CHUNK_ROWS = 5000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_URL_SEPARATOR = " | "

#: How long export files wait to be downloaded before any later export removes them.
FILES_KEPT_SECONDS = 12 * 3600

_EVIDENCE = Evidence.__table__  # type: ignore[attr-defined]
_SOURCE = Source.__table__  # type: ignore[attr-defined]
_SIGNOFF = SignOff.__table__  # type: ignore[attr-defined]
_USER = User.__table__  # type: ignore[attr-defined]


def spreadsheet_safe(value: Any) -> Any:
    """Neutralise a cell a spreadsheet would execute (CSV/formula injection)."""
    if isinstance(value, str) and value.lstrip(" ").startswith(_FORMULA_START):
        return "'" + value
    return value


def _iso(value: Any) -> str:
    if value is None:
        return ""
    if value.tzinfo:
        value = value.astimezone(UTC)
    return value.replace(tzinfo=None).isoformat(timespec="seconds") + "+00:00"


def _aggregated_urls(dialect: str) -> sa.Subquery:
    """Per claim, its source URLs and archive URLs joined in the order they were added."""
    ordered = (
        sa.select(_EVIDENCE.c.claim_id, _EVIDENCE.c.id.label("evidence_id"), _SOURCE.c.url,
                  _SOURCE.c.archive_url)
        .join(_SOURCE, _SOURCE.c.id == _EVIDENCE.c.source_id)
    )
    if dialect == "postgresql":
        def agg(column: Any) -> Any:
            return sa.func.string_agg(
                column, postgresql.aggregate_order_by(sa.literal(_URL_SEPARATOR),
                                                      ordered.c.evidence_id))
        ordered = ordered.subquery("ev")
    else:  # SQLite keeps the order of an ordered subquery through group_concat
        ordered = ordered.order_by(_EVIDENCE.c.claim_id, _EVIDENCE.c.id).subquery("ev")

        def agg(column: Any) -> Any:
            return sa.func.group_concat(column, _URL_SEPARATOR)
    return (
        sa.select(ordered.c.claim_id, agg(ordered.c.url).label("source_urls"),
                  agg(ordered.c.archive_url).label("archive_urls"))
        .group_by(ordered.c.claim_id)
        .subquery("urls")
    )


def claims_query(dialect: str, flt: ClaimFilter | None = None) -> sa.Select:
    """One row per claim, in article order, with the names and sources a desk reports."""
    assignee = _USER.alias("assignee")
    submitter = _USER.alias("submitter")
    editor = _USER.alias("editor")
    live = _SIGNOFF.alias("signoff")
    urls = _aggregated_urls(dialect)
    stmt = (
        sa.select(
            CLAIM.c.id, ARTICLE.c.key, ARTICLE.c.title, CLAIM.c.text, CLAIM.c.start,
            CLAIM.c.end, CLAIM.c.kind, CLAIM.c.speaker, CLAIM.c.flags, CLAIM.c.status,
            CLAIM.c.verdict, CLAIM.c.rationale, assignee.c.username, submitter.c.username,
            editor.c.username, live.c.at, urls.c.source_urls, urls.c.archive_urls,
        )
        .select_from(CLAIM)
        .join(ARTICLE, ARTICLE.c.id == CLAIM.c.article_id)
        .outerjoin(assignee, assignee.c.id == CLAIM.c.assignee_id)
        .outerjoin(submitter, submitter.c.id == CLAIM.c.submitted_by_id)
        .outerjoin(live, sa.and_(live.c.claim_id == CLAIM.c.id, audit.signoff_active(live.c)))
        .outerjoin(editor, editor.c.id == live.c.editor_id)
        .outerjoin(urls, urls.c.claim_id == CLAIM.c.id)
    )
    return where(stmt, flt or ClaimFilter(), dialect).order_by(ARTICLE.c.key, CLAIM.c.start)


def _claim_row(r: Any) -> list[Any]:
    return [
        r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] or "", ";".join(r[8] or []), r[9],
        r[10] or "", r[11], r[12] or "", r[13] or "", r[14] or "", _iso(r[15]),
        r[16] or "", r[17] or "",
    ]


def evidence_query(dialect: str, flt: ClaimFilter | None = None) -> sa.Select:
    """One row per claim-source link, claim by claim in article order."""
    adder = _USER.alias("adder")
    stmt = (
        sa.select(
            _EVIDENCE.c.id, CLAIM.c.id, ARTICLE.c.key, CLAIM.c.status, _EVIDENCE.c.stance,
            _SOURCE.c.url, _SOURCE.c.final_url, _SOURCE.c.canonical_url, _EVIDENCE.c.title,
            _SOURCE.c.publisher, _SOURCE.c.author, _EVIDENCE.c.content_sha256,
            _EVIDENCE.c.http_status, _EVIDENCE.c.retrieved_at, _EVIDENCE.c.archive_url,
            _EVIDENCE.c.quote, _EVIDENCE.c.note, adder.c.username, _EVIDENCE.c.added_at,
        )
        .select_from(_EVIDENCE)
        .join(CLAIM, CLAIM.c.id == _EVIDENCE.c.claim_id)
        .join(ARTICLE, ARTICLE.c.id == CLAIM.c.article_id)
        .join(_SOURCE, _SOURCE.c.id == _EVIDENCE.c.source_id)
        .outerjoin(adder, adder.c.id == _EVIDENCE.c.added_by_id)
    )
    return where(stmt, flt or ClaimFilter(), dialect).order_by(ARTICLE.c.key, CLAIM.c.start,
                                                                _EVIDENCE.c.id)


def _evidence_row(r: Any) -> list[Any]:
    return [
        r[0], r[1], r[2], r[3], r[4], r[5], r[6] or "", r[7] or "", r[8], r[9], r[10],
        r[11] or "", r[12] if r[12] is not None else "", _iso(r[13]), r[14] or "", r[15],
        r[16], r[17] or "", _iso(r[18]),
    ]


def _csv_chunks(session: Session, stmt: sa.Select, header: list[str],
                to_row: Callable[[Any], list[Any]], chunk_rows: int) -> Iterator[bytes]:
    """UTF-8 CSV (with a BOM, so spreadsheets detect the encoding), one chunk of rows at a
    time, read through a server-side cursor where the database has one."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    yield buffer.getvalue().encode("utf-8-sig")
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        # A server-side cursor is planned for its first rows by default (nested loops);
        # the export reads every row, so plan for all of them.
        conn.execute(sa.text("SET LOCAL cursor_tuple_fraction = 1.0"))
    result = conn.execute(stmt.execution_options(yield_per=chunk_rows))
    for part in result.partitions():
        buffer.seek(0)
        buffer.truncate()
        writer.writerows([spreadsheet_safe(v) for v in to_row(r)] for r in part)
        yield buffer.getvalue().encode("utf-8")


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def claims_csv_chunks(*, session: Session, flt: ClaimFilter | None = None,
                      chunk_rows: int = CHUNK_ROWS) -> Iterator[bytes]:
    """The claims CSV as a stream of byte chunks (write them out as they come)."""
    stmt = claims_query(_dialect(session), flt)
    return _csv_chunks(session, stmt, CSV_COLUMNS, _claim_row, chunk_rows)


def evidence_csv_chunks(*, session: Session, flt: ClaimFilter | None = None,
                        chunk_rows: int = CHUNK_ROWS) -> Iterator[bytes]:
    """The evidence CSV (one row per claim-source link) as a stream of byte chunks."""
    return _csv_chunks(session, evidence_query(_dialect(session), flt), EVIDENCE_COLUMNS,
                       _evidence_row, chunk_rows)


def claims_csv(*, session: Session, status: str | None = None) -> bytes:
    return b"".join(claims_csv_chunks(session=session, flt=ClaimFilter.of_status(status)))


def claim_rows(*, session: Session, flt: ClaimFilter | None = None,
               limit: int = 50) -> list[dict[str, Any]]:
    """The first ``limit`` rows of the claims CSV, as records (a preview)."""
    stmt = claims_query(_dialect(session), flt).limit(limit)
    return [dict(zip(CSV_COLUMNS, _claim_row(r), strict=True))
            for r in session.connection().execute(stmt)]


def _files_root() -> Path:
    """The folder that holds every dashboard export waiting to be downloaded."""
    return Path(tempfile.gettempdir()) / "workbench-exports"


def new_files_folder(*, previous: str | None = None) -> Path:
    """A fresh folder for one person's export files. Their previous folder is removed, and
    so is any folder left longer than ``FILES_KEPT_SECONDS`` (a session that ended), so
    files of a desk exporting every day never pile up."""
    remove_files_folder(previous)
    root = _files_root()
    root.mkdir(mode=0o700, exist_ok=True)
    too_old = time.time() - FILES_KEPT_SECONDS
    for folder in root.iterdir():
        try:
            if folder.is_dir() and folder.stat().st_mtime < too_old:
                shutil.rmtree(folder, ignore_errors=True)
        except FileNotFoundError:  # another session removed it just now
            continue
    return Path(tempfile.mkdtemp(prefix="export-", dir=root))


def remove_files_folder(folder: str | None) -> None:
    """Remove a folder that ``new_files_folder`` made (nothing if None or gone already)."""
    if folder and Path(folder).parent == _files_root():
        shutil.rmtree(folder, ignore_errors=True)


def _organization(name: str, url: str | None) -> dict[str, Any]:
    org: dict[str, Any] = {"@type": "Organization", "name": name}
    if url:
        org["url"] = url
    return org


def claimreview(*, session: Session, settings: Settings) -> list[dict]:
    """ClaimReview (schema.org, as Google's fact-check markup asks) for every signed-off
    claim: the review's URL from the desk's template, the restatement as the claim
    reviewed, the desk as author and publisher, and the rating on the desk's scale."""
    if not settings.claimreview_ready:
        raise ConfigError("ClaimReview needs the review URL template and the author's name: "
                          "set WORKBENCH_REVIEW_URL_TEMPLATE and WORKBENCH_REVIEW_AUTHOR_NAME.")
    scale = {step.verdict: step for step in settings.verdict_scale}
    author = _organization(settings.review_author_name.strip(), settings.review_author_url)
    publisher = _organization(settings.review_publisher_name.strip() or author["name"],
                              settings.review_publisher_url or settings.review_author_url)
    out = []
    stmt = (
        select(Claim, Article, SignOff)
        .where(Claim.article_id == Article.id, SignOff.claim_id == Claim.id,
               Claim.status == ClaimStatus.signed_off, audit.signoff_active())
        .order_by(Article.key, Claim.start)
    )
    for claim, article, so in session.exec(stmt):
        step = scale[(claim.verdict or Verdict.not_checkable).value]
        rating: dict[str, Any] = {"@type": "Rating", "alternateName": step.name}
        if step.rating is not None:
            rating.update(ratingValue=step.rating, bestRating=settings.rating_best,
                          worstRating=settings.rating_worst)
        if claim.rationale:
            rating["ratingExplanation"] = claim.rationale
        appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": article.title}
        if article.url:
            appearance["url"] = article.url
        if article.published_at:
            appearance["datePublished"] = article.published_at.date().isoformat()
        if article.outlet:
            appearance["publisher"] = {"@type": "Organization", "name": article.outlet}
        item: dict[str, Any] = {"@type": "Claim", "appearance": [appearance]}
        if claim.speaker:
            item["author"] = {"@type": "Person", "name": claim.speaker}
        elif article.outlet:
            item["author"] = {"@type": "Organization", "name": article.outlet}
        if article.published_at:
            item["datePublished"] = article.published_at.date().isoformat()
        url = str(settings.review_url_template).format(
            claim_id=claim.id, article_key=article.key, claim_key=claim.key or claim.id,
            version=so.claim_version)
        out.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": url,
            "datePublished": so.at.date().isoformat(),
            "claimReviewed": claim.restatement.strip() or claim.text,
            "itemReviewed": item,
            "author": author,
            "publisher": publisher,
            "reviewRating": rating,
            "reviewBody": claim.rationale,
            "identifier": f"claim-{claim.id}-v{so.claim_version}",
        })
    return out


def claimreview_json(*, session: Session, settings: Settings) -> bytes:
    data = claimreview(session=session, settings=settings)
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
