"""A claim against its sources: does each attached page say what the claim says?

For every source of a claim, the page's text is fetched again through the guarded client,
cut into sentences by extraction, and read by :func:`workbench.matching.read_source`: the
passages on the claim's subject, and each of the claim's numbers, years and places as
*agrees*, *differs* (both values) or *not found*. Each check is stored with the text it
read (``SourceCheck``), so :func:`reproduce` gives the same answer after the page changed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import defer
from sqlmodel import Session, col, select

from workbench import matching, similar, sources, workflow
from workbench.errors import InputError, LookupFailed, NotFoundError
from workbench.extraction import segment
from workbench.models import Claim, Evidence, Source, SourceCheck, User


@dataclass(frozen=True, slots=True)
class Checked:
    """One source of a claim, checked (``check_id`` set) or not reachable (``error``)."""

    source_id: int
    url: str
    result: str
    findings: tuple[matching.Finding, ...] = ()
    passages: tuple[str, ...] = ()
    check_id: int | None = None
    error: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"source_id": self.source_id, "url": self.url, "result": self.result,
                "findings": [f.to_dict() for f in self.findings],
                "passages": list(self.passages), "check_id": self.check_id,
                "error": self.error}


def read(claim_text: str, claim: matching.ClaimText | None, text: str) -> matching.SourceReading:
    """What ``text`` says about the claim (a pure reading: the same text, the same answer)."""
    mine = claim or similar.features(claim_text)
    sentences = [similar.features(s.text) for s in segment(text)]
    return matching.read_source(mine, sentences)


def check_sources(*, session: Session, client: Any, claim_id: int,
                  actor: User | None = None) -> list[Checked]:
    """Fetch each source of the claim again, read it against the claim and keep the result
    with the text it read (one history event per source checked)."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFoundError(f"There is no claim with id {claim_id}.")
    rows = session.exec(select(Source).join(Evidence, col(Evidence.source_id) == Source.id)
                        .where(Evidence.claim_id == claim_id).order_by(col(Source.id))).all()
    if not rows:
        raise InputError(f"Claim {claim_id} has no sources to check.")
    out = []
    for source in rows:
        try:
            text, _meta = sources.fetch_article(client=client, url=source.url)
        except (LookupFailed, InputError) as exc:
            out.append(Checked(source_id=source.id, url=source.url, result="unreachable",  # type: ignore[arg-type]
                               error=str(exc)))
            continue
        reading = read(claim.text, similar.stored_features(claim), text)
        row = SourceCheck(claim_id=claim_id, source_id=source.id,  # type: ignore[arg-type]
                          checked_by_id=actor.id if actor else None, claim_text=claim.text,
                          text=text, text_sha256=hashlib.sha256(text.encode()).hexdigest(),
                          result=reading.result,
                          findings=[f.to_dict() for f in reading.findings])
        session.add(row)
        session.flush()
        workflow.record(session, actor=actor, action="source_checked", claim=claim,
                        changes={"source_id": source.id, "result": reading.result,
                                 "text_sha256": row.text_sha256, "check_id": row.id})
        out.append(Checked(source_id=source.id, url=source.url, result=reading.result,  # type: ignore[arg-type]
                           findings=reading.findings, passages=reading.passages,
                           check_id=row.id))
    session.flush()
    return out


def latest(*, session: Session, claim_id: int) -> list[SourceCheck]:
    """The last check of each source of the claim, by source id. The page and claim texts
    stay in the database until read (a page may be large, and the claim page shows only
    the findings)."""
    newest = (select(sa.func.max(SourceCheck.id)).where(SourceCheck.claim_id == claim_id)
              .group_by(SourceCheck.source_id))
    return list(session.exec(
        select(SourceCheck).where(col(SourceCheck.id).in_(newest))
        .options(defer(SourceCheck.text), defer(SourceCheck.claim_text))  # type: ignore[arg-type]
        .order_by(SourceCheck.source_id)))


def reproduce(*, session: Session, check_id: int) -> matching.SourceReading:
    """Read a stored check's text against its claim text again."""
    row = session.get(SourceCheck, check_id)
    if row is None:
        raise NotFoundError(f"There is no source check with id {check_id}.")
    return read(row.claim_text, None, row.text)
