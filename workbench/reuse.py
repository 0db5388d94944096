"""Checked before: the earlier, signed-off verdicts of claims the desk linked as the same,
and an editor's sign-off that reuses one of them.

``earlier_verdicts`` answers, for one page of claims, which of them are linked (*auto* or
*confirmed*) to a signed-off claim of another article, and with which verdict: one query
for the page's ids, never a pass over the whole table. ``reuse_verdict`` is the workflow's
``reuse`` move: an editor signs a claim off with the verdict of an earlier claim that is
signed off (its sign-off intact) and linked to it as the same claim; the four-eyes rule of
a sign-off holds, and the history event names the cited claim and the hash of its
sign-off snapshot.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from workbench import workflow
from workbench.errors import InputError, NotFoundError, TransitionRefused
from workbench.models import Claim, ClaimLink, ClaimStatus, LinkState, SignOff, User

SAME = (LinkState.auto, LinkState.confirmed)


@dataclass(frozen=True, slots=True)
class Earlier:
    """A signed-off claim of another article linked to a claim as the same claim."""

    claim_id: int
    verdict: str | None

    def badge(self) -> str:
        return f"claim {self.claim_id}: {self.verdict or 'no verdict'}"


def earlier_verdicts(*, session: Session, claim_ids: Iterable[int]) -> dict[int, Earlier]:
    """For each of ``claim_ids`` that was checked before, the earliest signed-off claim of
    another article it is linked to (auto or confirmed) and its verdict; one query."""
    ids = sorted(set(claim_ids))
    if not ids:
        return {}
    mine, other = aliased(Claim), aliased(Claim)
    link = ClaimLink
    stmt = (
        select(mine.id, other.id, other.verdict)
        .select_from(link)
        .join(mine, sa.or_(
            sa.and_(mine.id == link.claim_id, col(link.claim_id).in_(ids)),
            sa.and_(mine.id == link.other_id, col(link.other_id).in_(ids))))
        .join(other, other.id == link.claim_id + link.other_id - mine.id)
        .where(col(link.state).in_(SAME), other.status == ClaimStatus.signed_off,
               other.article_id != mine.article_id)
        .order_by(mine.id, other.id)
    )
    found: dict[int, Earlier] = {}
    for mine_id, other_id, verdict in session.exec(stmt):
        found.setdefault(mine_id, Earlier(other_id, verdict.value if verdict else None))
    return found


def _cited(session: Session, claim: Claim, earlier_id: int) -> tuple[Claim, SignOff]:
    """The earlier claim and its sign-off, or the one sentence that refuses to cite it."""
    if earlier_id == claim.id:
        raise InputError(f"Claim {claim.id} cannot reuse its own verdict; cite another claim.")
    earlier = session.get(Claim, earlier_id)
    if earlier is None:
        raise NotFoundError(f"There is no claim with id {earlier_id}.")
    if earlier.article_id == claim.article_id:
        raise InputError(f"Claim {earlier_id} is from the same article as claim {claim.id}; "
                         "cite a claim checked in another article.")
    low, high = sorted((claim.id, earlier_id))  # type: ignore[type-var]
    linked = session.exec(select(ClaimLink).where(
        ClaimLink.claim_id == low, ClaimLink.other_id == high,
        col(ClaimLink.state).in_(SAME))).first()
    if linked is None:
        raise TransitionRefused(f"Claims {claim.id} and {earlier_id} are not linked as the "
                                "same claim; confirm the match before reusing its verdict.")
    signoff = workflow.active_signoff(session, earlier_id)
    if earlier.status != ClaimStatus.signed_off or signoff is None:
        raise TransitionRefused(f"Claim {earlier_id} is {earlier.status.label.lower()}; only "
                                "a signed-off verdict can be reused.")
    if not workflow.verify_signoff(session, earlier):
        raise TransitionRefused(f"Claim {earlier_id} no longer matches what its editor "
                                "signed; its verdict cannot be reused.")
    return earlier, signoff


def reuse_verdict(*, session: Session, actor: User, claim_id: int, earlier_id: int,
                  expected_version: int | None) -> Claim:
    """Sign a claim off with the verdict of an earlier claim (the ``reuse`` move), or raise
    the one sentence that refuses it. The claim takes the earlier verdict, and a rationale
    that cites it; the sign-off snapshot is this claim's, and the history event records the
    cited claim and its sign-off snapshot hash."""
    claim, actor = workflow.authorize(session=session, actor=actor, claim_id=claim_id,
                                      action="reuse", expected_version=expected_version)
    earlier, cited = _cited(session, claim, earlier_id)
    before = claim.status
    rationale = f"As claim {earlier.id}, signed off: {earlier.rationale}".strip()
    changes: dict = {"reused_from": earlier.id,
                     "reused_snapshot_sha256": cited.snapshot_sha256}
    if claim.verdict != earlier.verdict:
        changes["verdict"] = [claim.verdict.value if claim.verdict else None,
                              earlier.verdict.value if earlier.verdict else None]
    if claim.rationale != rationale:
        changes["rationale"] = [claim.rationale, rationale]
    claim.verdict, claim.rationale = earlier.verdict, rationale
    data, digest = workflow.snapshot(session, claim)
    session.add(SignOff(claim_id=claim.id, editor_id=actor.id,  # type: ignore[arg-type]
                        claim_version=claim.version, snapshot_sha256=digest, snapshot=data))
    changes["snapshot_sha256"] = digest
    claim.status = ClaimStatus.signed_off
    workflow.touch(claim)
    session.add(claim)
    workflow.record(session, actor=actor, action="reuse", claim=claim,
                    from_status=before.value, to_status=claim.status.value, changes=changes,
                    comment=f"Verdict of claim {earlier.id} reused.")
    session.flush()
    return claim
