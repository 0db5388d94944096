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

:func:`retrain` refits the model on the CheckThat! data plus the desk's decisions
(weighted ``DESK_WEIGHT``), validated the same grouped way as the shipped model: whole
articles are held out (every ``HOLD_OUT_EVERY``-th article the desk judged, by id), the
new weights are written beside the shipped ones with a card of their figures, and the
desk switches to them only if their F1 on the held-out decisions beats the shipped
model's. Both are scored there sentence by sentence (the model alone, at the shipped
threshold).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlmodel import Session, col, select

from workbench import extraction
from workbench.errors import InputError
from workbench.extraction import model as checkworthy
from workbench.extraction import train
from workbench.extraction.evaluate import Example, Scores, read_tsv, scores_from
from workbench.models import Article, Claim, ClaimStatus

DESK_WEIGHT = 3.0  # one desk decision counts as much as three crowd labels
MIN_DECISIONS = 20
HOLD_OUT_EVERY = 3
DESK_CARD = "MODEL_CARD-desk.md"


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


@dataclass(frozen=True)
class Retrained:
    """What ``retrain`` wrote and decided."""

    weights: Path
    card: Path
    fit_decisions: int
    held_decisions: int
    shipped: Scores
    desk: Scores
    in_use: str

    def to_dict(self) -> dict:
        return {"weights": str(self.weights), "card": str(self.card),
                "fit_decisions": self.fit_decisions, "held_decisions": self.held_decisions,
                "shipped": self.shipped.to_dict(), "desk": self.desk.to_dict(),
                "in_use": self.in_use}


def retrain(*, session: Session, data_dir: Path,
            log: Callable[[str], object] = lambda _: None) -> Retrained:
    """Refit with the desk's decisions; switch to the result only if it does better."""
    labels = desk_labels(session=session)
    articles = sorted({label.article_id for label in labels})
    held_ids = set(articles[HOLD_OUT_EVERY - 1 :: HOLD_OUT_EVERY])
    held = [label for label in labels if label.article_id in held_ids]
    fit = [label for label in labels if label.article_id not in held_ids]
    if len(labels) < MIN_DECISIONS or any(
        len({label.worthy for label in part}) < 2 for part in (fit, held)
    ):
        raise InputError(
            f"Retraining needs at least {MIN_DECISIONS} decisions over {HOLD_OUT_EVERY} or "
            f"more articles, with accepts and dismissals both in the articles fitted on and "
            f"in those held out; the desk has {len(labels)} in {len(articles)} articles."
        )
    crowd = [e for name in ("train", "dev") for e in read_tsv(data_dir / train.FILES[name])]
    shipped = checkworthy.load_model(checkworthy.WEIGHTS_PATH)
    out = checkworthy.desk_dir() / checkworthy.DESK_WEIGHTS
    desk_fit = [Example(f"desk-{label.claim_id}", label.text, label.worthy) for label in fit]
    log(f"fitting on {len(crowd)} CheckThat! sentences and {len(fit)} desk decisions")
    try:
        train.refit(crowd + desk_fit, [1.0] * len(crowd) + [DESK_WEIGHT] * len(fit), out,
                    c=float(shipped.meta.get("C", 2.0)), threshold=shipped.threshold,
                    meta={"desk_decisions": len(fit), "desk_weight": DESK_WEIGHT})
    except ImportError as exc:
        raise InputError("Retraining needs scikit-learn and scipy; install "
                         "requirements-dev.txt.") from exc
    texts, truth = [label.text for label in held], [label.worthy for label in held]
    cut = shipped.threshold
    scores = {name: scores_from(truth, (m.scores(texts) >= cut).tolist(), cut)
              for name, m in (("shipped", shipped), ("desk", checkworthy.load_model(out)))}
    in_use = "desk" if scores["desk"].f1 > scores["shipped"].f1 else "shipped"
    checkworthy.use_model(in_use)
    card = out.with_name(DESK_CARD)
    card.write_text(_card(scores, len(fit), len(held), len(held_ids), in_use), encoding="utf-8")
    return Retrained(out, card, len(fit), len(held), scores["shipped"], scores["desk"], in_use)


def _card(scores: dict[str, Scores], fitted: int, held: int, held_articles: int,
          in_use: str) -> str:
    rows = "\n".join(
        f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |"
        for name, s in scores.items()
    )
    return f"""# Check-worthiness model retrained with the desk's decisions

The shipped model's design and C, refitted on the CheckThat! 2024 English train and dev
sentences plus {fitted} of the desk's decisions (accepted = worth checking, dismissed =
not), each decision weighted {DESK_WEIGHT:g}. The threshold is the shipped one
({scores["shipped"].threshold:.2f}).

Held out: {held} decisions on {held_articles} whole articles (every {HOLD_OUT_EVERY}rd
article the desk judged), scored sentence by sentence, the model alone:

| model | precision | recall | F1 |
|---|---|---|---|
{rows}

In use after this run: **{in_use}** (the desk's model only when its F1 is higher).
`workbench model use shipped` or `workbench model use desk` switches by hand.
"""
