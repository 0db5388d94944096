"""``workbench audit verify``: prove that nothing in the desk's record was changed.

Three walks, each streamed in constant memory (rows are read in batches and forgotten):

1. the history, in chain order: every event follows the one before it (no place is
   missing), links to its link and carries the HMAC of its own content under the audit
   key;
2. every claim: its status is the one its last status event left it in;
3. every claim that is signed off or holds a sign-off: the sign-off exists, its HMAC
   holds, and the claim as it stands (text, verdict, rationale, evidence) is what was
   signed.

Each problem is one ``Finding`` naming the claim (and the event) and what differs.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from workbench import audit, workflow
from workbench.models import AuditEvent, Claim, ClaimStatus, Evidence, SignOff, Source

BATCH = 2000
SNAPSHOT_FIELDS = ("claim_id", "text", "verdict", "rationale", "evidence")


@dataclass(frozen=True)
class Finding:
    what: str
    claim_id: int | None = None
    event_seq: int | None = None

    def line(self) -> str:
        where = f"claim {self.claim_id}: " if self.claim_id is not None else "history: "
        return where + self.what


@dataclass
class Tally:
    events: int = 0
    unsealed_before_chain: int = 0
    claims: int = 0
    signed: int = 0
    findings: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        old = (f" ({self.unsealed_before_chain:,} from before the chain)"
               if self.unsealed_before_chain else "")
        if self.findings:
            return (f"The record does NOT hold: {self.findings:,} finding"
                    f"{'' if self.findings == 1 else 's'} over {self.events:,} history events, "
                    f"{self.claims:,} claims and {self.signed:,} signed-off claims.")
        return (f"The record holds: {self.events:,} history events in one unbroken chain{old}, "
                f"{self.claims:,} claims in the state their history left them, "
                f"{self.signed:,} signed-off claims exactly as signed.")


def verify_desk(*, session: Session, tally: Tally) -> Iterator[Finding]:
    """Every finding on the desk, in order: history, claims' states, sign-offs."""
    key = audit.session_key(session)
    for walk in (_history, _states, _signoffs):
        for finding in walk(session, key, tally):
            tally.findings += 1
            yield finding


def _stream(session: Session, stmt: Any) -> Iterator[Any]:
    result = session.execute(stmt, execution_options={"yield_per": BATCH})
    for part in result.partitions():
        yield from part


def _history(session: Session, key: bytes, tally: Tally) -> Iterator[Finding]:
    cols = [AuditEvent.seq, AuditEvent.at, AuditEvent.actor_id, AuditEvent.action,
            AuditEvent.claim_id, AuditEvent.article_id, AuditEvent.from_status,
            AuditEvent.to_status, AuditEvent.changes, AuditEvent.comment,
            AuditEvent.prev_hmac, AuditEvent.chain_hmac]
    last_seq: int | None = None
    prev = ""
    chained = False
    for row in _stream(session, select(*cols).order_by(AuditEvent.seq)):
        tally.events += 1
        if row.chain_hmac is None:
            if chained:
                yield Finding(f"history event #{row.seq} ({row.action}) carries no link; it "
                              "was written around the chain.", row.claim_id, row.seq)
            else:
                tally.unsealed_before_chain += 1
            last_seq = row.seq
            continue
        if chained and last_seq is not None and row.seq != last_seq + 1:
            missing = row.seq - last_seq - 1
            yield Finding(f"{missing} history event{'' if missing == 1 else 's'} missing "
                          f"before event #{row.seq} ({row.action}); the chain is broken.",
                          row.claim_id, row.seq)
        elif row.prev_hmac != prev:
            yield Finding(f"history event #{row.seq} ({row.action}) does not link to the event "
                          "before it.", row.claim_id, row.seq)
        if not hmac.compare_digest(row.chain_hmac, audit.link(key, row.prev_hmac or "", row)):
            yield Finding(f"history event #{row.seq} ({row.action}) was changed after it was "
                          "written (its HMAC does not hold).", row.claim_id, row.seq)
        chained, last_seq, prev = True, row.seq, row.chain_hmac


def _states(session: Session, key: bytes, tally: Tally) -> Iterator[Finding]:
    tally.claims += session.execute(select(func.count()).select_from(Claim)).scalar_one()
    last = (select(AuditEvent.claim_id, func.max(AuditEvent.seq).label("seq"))
            .where(AuditEvent.claim_id.is_not(None), AuditEvent.to_status.is_not(None))  # type: ignore[union-attr]
            .group_by(AuditEvent.claim_id).subquery())
    stmt = (select(Claim.id, Claim.status, AuditEvent.to_status)
            .select_from(Claim)
            .outerjoin(last, last.c.claim_id == Claim.id)
            .outerjoin(AuditEvent, AuditEvent.seq == last.c.seq)
            .where(or_(AuditEvent.to_status.is_(None),  # type: ignore[union-attr]
                       AuditEvent.to_status != Claim.status))
            .order_by(Claim.id))
    for row in _stream(session, stmt):
        if row.to_status is None:
            yield Finding("has no history of its status; its events were deleted.", row.id)
        else:
            yield Finding(f"is {row.status.value} but its history leaves it {row.to_status}; "
                          "its status was changed outside the workflow or an event was "
                          "deleted.", row.id)


def _signoffs(session: Session, key: bytes, tally: Tally) -> Iterator[Finding]:
    other = aliased(SignOff)
    holds = or_(Claim.status == ClaimStatus.signed_off,
                exists().where(other.claim_id == Claim.id, audit.signoff_active(other)))
    stmt = (
        select(Claim.id, Claim.text, Claim.verdict, Claim.rationale, Claim.status,
               SignOff.id.label("signoff_id"), SignOff.claim_id.label("signed_claim_id"),  # type: ignore[union-attr]
               SignOff.editor_id, SignOff.at, SignOff.claim_version, SignOff.snapshot_sha256,
               SignOff.snapshot, SignOff.snapshot_hmac)
        .select_from(Claim)
        .outerjoin(SignOff, and_(SignOff.claim_id == Claim.id, audit.signoff_active()))
        .where(holds)
        .order_by(Claim.id, SignOff.id.desc())  # type: ignore[union-attr]
    )
    evidence = _evidence_by_claim(session, holds)
    pending: tuple[int, list[dict[str, Any]]] | None = next(evidence, None)
    seen: int | None = None
    for row in _stream(session, stmt):
        if row.id == seen:
            continue  # an older sign-off still active: the newest one counts
        seen = row.id
        if row.status == ClaimStatus.signed_off:
            tally.signed += 1
        while pending is not None and pending[0] < row.id:
            pending = next(evidence, None)
        sources = pending[1] if pending is not None and pending[0] == row.id else []
        yield from _check_signoff(key, row, sources)


def _evidence_by_claim(session: Session, holds: Any) -> Iterator[tuple[int, list[dict]]]:
    """Each claim's evidence as its snapshot lists it, claim by claim in id order (the
    same fields, in the same order, as ``workflow.snapshot``; an untouched desk having no
    finding is what proves the two agree)."""
    stmt = (
        select(Evidence.claim_id, Source.url, Evidence.content_sha256, Evidence.archive_url,
               Evidence.stance, Evidence.quote)
        .join(Source, Evidence.source_id == Source.id)
        .join(Claim, Evidence.claim_id == Claim.id)
        .where(holds)
        .order_by(Evidence.claim_id, Evidence.id)
    )
    claim_id: int | None = None
    items: list[dict[str, Any]] = []
    for row in _stream(session, stmt):
        if row.claim_id != claim_id:
            if claim_id is not None:
                yield claim_id, items
            claim_id, items = row.claim_id, []
        items.append({"url": row.url, "content_sha256": row.content_sha256,
                      "archive_url": row.archive_url, "stance": row.stance.value,
                      "quote": row.quote})
    if claim_id is not None:
        yield claim_id, items


def _check_signoff(key: bytes, row: Any, evidence: list[dict[str, Any]]) -> Iterator[Finding]:
    if row.signoff_id is None:
        yield Finding("is signed off but has no sign-off; it was deleted or never made.", row.id)
        return
    if row.status != ClaimStatus.signed_off:
        yield Finding(f"is {row.status.value} but still holds an active sign-off; its status "
                      "was changed outside the workflow.", row.id)
    signoff = _SignOffRow(row)
    if row.snapshot_hmac is None or not hmac.compare_digest(
            row.snapshot_hmac, audit.signoff_mac(key, signoff)):
        yield Finding("its sign-off was changed or forged (the HMAC under the audit key does "
                      "not hold).", row.id)
    if workflow.snapshot_hash(row.snapshot) != row.snapshot_sha256:
        yield Finding("its sign-off's snapshot does not match the sign-off's hash.", row.id)
    current = {"claim_id": row.id, "text": row.text,
               "verdict": row.verdict.value if row.verdict else None,
               "rationale": row.rationale, "evidence": evidence}
    for name in SNAPSHOT_FIELDS:
        signed, now = (row.snapshot or {}).get(name), current.get(name)
        if signed == now:
            continue
        if isinstance(signed, list) and isinstance(now, list) and len(signed) == len(now):
            yield Finding(f"its {name} differs from what was signed (a source's address, "
                          "content hash, archive link, stance or quote).", row.id)
        else:
            yield Finding(f"its {name} differs from what was signed "
                          f"({_short(signed)} signed, {_short(now)} now).", row.id)


class _SignOffRow:
    """The sign-off's columns under their model names, for ``audit.signoff_mac``."""

    def __init__(self, row: Any) -> None:
        self.claim_id = row.signed_claim_id
        self.editor_id = row.editor_id
        self.at = row.at
        self.claim_version = row.claim_version
        self.snapshot_sha256 = row.snapshot_sha256
        self.snapshot = row.snapshot


def _short(value: Any) -> str:
    if isinstance(value, list):
        return f"{len(value)} source{'' if len(value) == 1 else 's'}"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + '…"'
