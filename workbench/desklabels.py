"""The desk's decisions as labels: every accept and every dismissal says whether a
proposal was worth checking.

A claim the desk accepted (any status after ``candidate`` but ``dismissed``) is a
check-worthy sentence; a dismissed claim (with its reason) is not; a candidate nobody has
judged yet says nothing. :func:`desk_scores` runs today's extraction over every article
the desk has judged and compares its proposals with those decisions:

* precision: of the proposals that overlap a judged claim, the share that overlap an
  accepted one (proposals over sentences nobody judged are left out);
* recall: of the accepted claims, the share that a proposal overlaps.

Claims added by hand or from case files count for recall too: the desk found them worth
checking whether or not the model proposed them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

from sqlmodel import Session, col, select

from workbench import extraction
from workbench.models import Article, Claim, ClaimStatus


@dataclass(frozen=True, slots=True)
class DeskLabel:
    """One decision of the desk on one span of one article."""

    claim_id: int
    article_id: int
    start: int
    end: int
    text: str
    worthy: bool
    reason: str


@dataclass
class DeskScores:
    """How today's proposals agree with the desk's decisions."""

    threshold: float
    articles: int = 0
    accepted: int = 0
    dismissed: int = 0
    proposals_judged: int = 0
    proposals_accepted: int = 0
    accepted_proposed: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        judged = self.proposals_judged
        return round(self.proposals_accepted / judged, 4) if judged else 0.0

    @property
    def recall(self) -> float:
        return round(self.accepted_proposed / self.accepted, 4) if self.accepted else 0.0

    def to_dict(self) -> dict:
        return {**asdict(self), "precision": self.precision, "recall": self.recall}


def desk_labels(*, session: Session) -> list[DeskLabel]:
    """Every claim the desk accepted or dismissed, by article and position."""
    rows = session.exec(
        select(Claim.id, Claim.article_id, Claim.start, Claim.end, Claim.text, Claim.status,
               Claim.dismiss_reason)
        .where(Claim.status != ClaimStatus.candidate)
        .order_by(col(Claim.article_id), col(Claim.start))
    )
    return [
        DeskLabel(claim_id, article_id, start, end, text, status != ClaimStatus.dismissed,
                  reason or "")
        for claim_id, article_id, start, end, text, status, reason in rows
    ]


def desk_scores(*, session: Session, threshold: float | None = None) -> DeskScores:
    """Precision and recall of today's proposals on the desk's own decisions."""
    cut = extraction.default_threshold() if threshold is None else threshold
    scores = DeskScores(threshold=cut)
    by_article: dict[int, list[DeskLabel]] = {}
    for label in desk_labels(session=session):
        by_article.setdefault(label.article_id, []).append(label)
    reasons: Counter[str] = Counter()
    for article_id, labels in by_article.items():
        text = session.exec(select(Article.text).where(Article.id == article_id)).one()
        proposals = extraction.extract(text, threshold=cut)
        scores.articles += 1
        for label in labels:
            if label.worthy:
                scores.accepted += 1
                scores.accepted_proposed += any(_overlap(p, label) for p in proposals)
            else:
                scores.dismissed += 1
                reasons[label.reason.strip().lower() or "(no reason)"] += 1
        for p in proposals:
            judged = [label for label in labels if _overlap(p, label)]
            if judged:
                scores.proposals_judged += 1
                scores.proposals_accepted += any(label.worthy for label in judged)
    scores.reasons = dict(reasons.most_common())
    return scores


def _overlap(p: extraction.Candidate, label: DeskLabel) -> bool:
    return min(p.end, label.end) > max(p.start, label.start)
