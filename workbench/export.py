"""Exports: a CSV of every claim (pandas) and ClaimReview JSON-LD for signed-off claims.

The CSV is safe to open in a spreadsheet: a cell that starts with a character a
spreadsheet would read as a formula is written with a leading apostrophe.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from workbench.errors import InputError

if TYPE_CHECKING:  # pandas is imported when an export is made, not at every command's start
    import pandas as pd
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

CSV_COLUMNS = [
    "claim_id", "article_key", "article_title", "claim_text", "start", "end", "kind",
    "speaker", "flags", "status", "verdict", "rationale", "assignee", "submitted_by",
    "signed_off_by", "signed_off_at", "source_urls", "archive_urls",
]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")

#: ClaimReview ratings on a 1 (false) to 5 (true) scale; None where the scale does not fit.
RATINGS: dict[Verdict, int | None] = {
    Verdict.true: 5, Verdict.mostly_true: 4, Verdict.half_true: 3, Verdict.mostly_false: 2,
    Verdict.false: 1, Verdict.misleading: 2, Verdict.unsupported: None,
    Verdict.not_checkable: None,
}


def spreadsheet_safe(value: Any) -> Any:
    """Neutralise a cell a spreadsheet would execute (CSV/formula injection)."""
    if isinstance(value, str) and value.lstrip(" ").startswith(_FORMULA_START):
        return "'" + value
    return value


def claims_frame(*, session: Session, status: str | None = None,
                 limit: int | None = None) -> pd.DataFrame:
    """One row per claim, in article order, with the names and sources a desk reports
    (the first ``limit`` claims only, for a preview)."""
    names = {u.id: u.username for u in session.exec(select(User))}
    stmt = select(Claim, Article).where(Claim.article_id == Article.id)
    if status:
        try:
            stmt = stmt.where(Claim.status == ClaimStatus(status))
        except ValueError:
            raise InputError(f"{status!r} is not a status; use one of: "
                             f"{', '.join(s.value for s in ClaimStatus)}.") from None
    stmt = stmt.order_by(Article.key, Claim.start)
    rows = list(session.exec(stmt if limit is None else stmt.limit(limit)))
    ids = [c.id for c, _a in rows]
    urls: dict[int, list[str]] = defaultdict(list)
    archives: dict[int, list[str]] = defaultdict(list)
    signoffs: dict[int, SignOff] = {}
    if ids:
        for ev, src in session.exec(
            select(Evidence, Source)
            .where(Evidence.source_id == Source.id, col(Evidence.claim_id).in_(ids))
            .order_by(Evidence.id)
        ):
            urls[ev.claim_id].append(src.url)
            if src.archive_url:
                archives[ev.claim_id].append(src.archive_url)
        for so in session.exec(
            select(SignOff).where(col(SignOff.claim_id).in_(ids), col(SignOff.voided_at).is_(None))
        ):
            signoffs[so.claim_id] = so
    records = []
    for claim, article in rows:
        so = signoffs.get(claim.id)  # type: ignore[arg-type]
        records.append({
            "claim_id": claim.id,
            "article_key": article.key,
            "article_title": article.title,
            "claim_text": claim.text,
            "start": claim.start,
            "end": claim.end,
            "kind": claim.kind.value,
            "speaker": claim.speaker or "",
            "flags": ";".join(claim.flags or []),
            "status": claim.status.value,
            "verdict": claim.verdict.value if claim.verdict else "",
            "rationale": claim.rationale,
            "assignee": names.get(claim.assignee_id, "") if claim.assignee_id else "",
            "submitted_by": names.get(claim.submitted_by_id, "") if claim.submitted_by_id else "",
            "signed_off_by": names.get(so.editor_id, "") if so else "",
            "signed_off_at": _iso(so.at) if so else "",
            "source_urls": " | ".join(urls.get(claim.id, [])),  # type: ignore[arg-type]
            "archive_urls": " | ".join(archives.get(claim.id, [])),  # type: ignore[arg-type]
        })
    import pandas as pd

    return pd.DataFrame.from_records(records, columns=CSV_COLUMNS)


def _iso(value: Any) -> str:
    if value is None:
        return ""
    text = value.isoformat(timespec="seconds")
    return text if value.tzinfo else text + "+00:00"


def to_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV bytes (with a BOM, so spreadsheets detect the encoding), injection-safe."""
    safe = frame.astype(object).map(spreadsheet_safe)
    return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def claims_csv(*, session: Session, status: str | None = None) -> bytes:
    return to_csv(claims_frame(session=session, status=status))


def claimreview(*, session: Session, organization: str = "Claim workbench desk") -> list[dict]:
    """ClaimReview (schema.org) records for every signed-off claim."""
    out = []
    stmt = (
        select(Claim, Article, SignOff)
        .where(Claim.article_id == Article.id, SignOff.claim_id == Claim.id,
               Claim.status == ClaimStatus.signed_off, col(SignOff.voided_at).is_(None))
        .order_by(Article.key, Claim.start)
    )
    for claim, article, so in session.exec(stmt):
        verdict = claim.verdict or Verdict.not_checkable
        rating: dict[str, Any] = {"@type": "Rating", "alternateName": verdict.value}
        if RATINGS[verdict] is not None:
            rating.update(ratingValue=RATINGS[verdict], bestRating=5, worstRating=1)
        item: dict[str, Any] = {"@type": "Claim"}
        if claim.speaker:
            item["author"] = {"@type": "Person", "name": claim.speaker}
        if article.published_at:
            item["datePublished"] = article.published_at.date().isoformat()
        appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": article.title}
        if article.url:
            appearance["url"] = article.url
        item["appearance"] = appearance
        out.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "datePublished": so.at.date().isoformat(),
            "claimReviewed": claim.text,
            "itemReviewed": item,
            "author": {"@type": "Organization", "name": organization},
            "reviewRating": rating,
            "reviewBody": claim.rationale,
            "identifier": f"claim-{claim.id}-v{so.claim_version}",
        })
    return out


def claimreview_json(*, session: Session, organization: str = "Claim workbench desk") -> bytes:
    data = claimreview(session=session, organization=organization)
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
