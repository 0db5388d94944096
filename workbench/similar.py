"""Similar claims: what the desk has already checked, found through the full-text index.

For a text (or a stored claim), candidates come from the index (``textindex``) by their
rarest words and figures; each is compared with :func:`workbench.matching.compare`, and the
ones at the *suggested* level or above (or that differ only in a figure, a date, a name or
a negation) are returned with the earlier claim's status and verdict. Links between claims
(``ClaimLink``) are kept: *auto* (linked at once above the *same claim* level), *confirmed*
and *rejected* by a person; a rejected pair is never suggested again.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from sqlmodel import Session, col, or_, select

from workbench import matching, textindex, workflow
from workbench.config import Settings
from workbench.errors import ConfigError, InputError, NotFoundError, PermissionDenied
from workbench.extraction.entities import find_entities, find_numbers
from workbench.models import Claim, ClaimLink, ClaimStatus, LinkState, User

CANDIDATES = 30  # claims compared with each text
BLOCK_TERMS = 8  # words and figures of the text the index is asked for
RARE = 100  # a term held by fewer claims is looked up on its own
LOOKUP = 400  # claims read from the index for one text, before ranking
COMMON = 1_000  # claims counted per term (at most), to rank the terms by rarity
PAIRED = 4  # the rarest terms, looked up two by two
_STOP = frozenset("""about above after again against also among because been before being
below between both could does doing down during each from further have having here into
just more most much must only other over same should some such than that their theirs them
then there these they this those through under until very were what when where which while
whom will with would your said says going think know people want like years year""".split())


@dataclass(frozen=True, slots=True)
class Match:
    """A stored claim that says what the text says, and how far they agree."""

    claim_id: int
    article_id: int
    score: float
    level: str
    status: str
    verdict: str | None
    numbers_agree: bool | None
    dates_agree: bool | None
    negation_agree: bool
    entities_agree: bool | None
    differences: tuple[tuple[str, str], ...]
    text: str
    link: str | None = None

    def to_dict(self) -> dict:
        return {"claim_id": self.claim_id, "article_id": self.article_id,
                "score": round(self.score, 3), "level": self.level, "status": self.status,
                "verdict": self.verdict, "numbers_agree": self.numbers_agree,
                "dates_agree": self.dates_agree, "negation_agree": self.negation_agree,
                "entities_agree": self.entities_agree,
                "differences": [list(d) for d in self.differences], "link": self.link,
                "text": self.text}


def levels(settings: Settings) -> matching.Levels:
    """The two levels from the settings; *same claim* may not be below *suggested*."""
    if settings.match_same < settings.match_suggested:
        raise ConfigError("WORKBENCH_MATCH_SAME must not be below WORKBENCH_MATCH_SUGGESTED.")
    return matching.Levels(suggested=settings.match_suggested, same=settings.match_same)


def features(text: str) -> matching.ClaimText:
    """A free text with the numbers and names extraction finds in it."""
    return matching.ClaimText(text, tuple(find_numbers(text, 0)), tuple(find_entities(text, 0)))


def stored_features(claim: Claim) -> matching.ClaimText:
    """A stored claim with the figures and names extraction stored on it (found again for
    claims that came without them, such as case files)."""
    if claim.origin != "extraction" and not claim.numbers and not claim.entities:
        return features(claim.text)
    return matching.ClaimText(claim.text, tuple(claim.numbers), tuple(claim.entities))


def block_terms(text: str) -> list[str]:
    """The words the index is asked for: figures first, then names, then the longest."""
    words = re.findall(r"\w+(?:[’']\w+)?", text)
    ranked: dict[str, tuple[int, int]] = {}
    for w in words:
        plain = re.sub(r"[’'].*$", "", w)
        low = plain.lower()
        if len(low) < 4 and not low.isdigit() or low in _STOP:
            continue
        kind = 0 if any(c.isdigit() for c in low) else (1 if plain[:1].isupper() else 2)
        ranked.setdefault(low, (kind, -len(low)))
    return sorted(ranked, key=ranked.__getitem__)[:BLOCK_TERMS]


def _candidates(session: Session, text: str) -> dict[int, str]:
    """Blocking: the claims that share the most of the text's rarest words and figures.

    The index tells about how many claims hold each term; a term rare enough is looked up
    on its own, and the rarest are looked up two by two (a claim must hold both). Claims
    are ranked by how many of the terms they hold; the rest are never read."""
    terms = block_terms(text)
    counts = textindex.term_counts(session, terms, COMMON)
    ranked = sorted((n, t) for n, t in zip(counts, terms, strict=True) if n)
    groups = [[t] for n, t in ranked if n <= RARE]
    groups += [list(pair) for pair in combinations([t for _, t in ranked][:PAIRED], 2)]
    found = textindex.claims_holding_any(session, groups, LOOKUP)
    stems = [t[:5] for t in terms]
    scored = []
    for claim_id, claim_text in found:
        words = {w[:5] for w in re.findall(r"\w+", claim_text.lower())}
        scored.append((-sum(1 for s in stems if s in words), claim_id, claim_text))
    return {claim_id: claim_text for _, claim_id, claim_text in sorted(scored)[:CANDIDATES]}


def _links(session: Session, claim_id: int) -> dict[int, LinkState]:
    rows = session.exec(select(ClaimLink).where(
        or_(ClaimLink.claim_id == claim_id, ClaimLink.other_id == claim_id)))
    return {(r.other_id if r.claim_id == claim_id else r.claim_id): r.state for r in rows}


def match_text(*, session: Session, text: str, lv: matching.Levels,
               claim: matching.ClaimText | None = None, exclude_claim: int | None = None,
               exclude_article: int | None = None, limit: int = 10) -> list[Match]:
    """Stored claims matching ``text``, best first (``claim`` may pass its features)."""
    if not text.strip():
        raise InputError("The text to match is empty.")
    links = _links(session, exclude_claim) if exclude_claim is not None else {}
    found = _candidates(session, text)
    ids = {i for i, t in found.items() if matching.could_match(text, t, lv)}
    ids |= {i for i, state in links.items() if state != LinkState.rejected}
    ids -= {i for i, state in links.items() if state == LinkState.rejected}
    ids.discard(exclude_claim)  # type: ignore[arg-type]
    if not ids:
        return []
    mine, norm = claim or features(text), matching.normalise(text)
    out = []
    for other in session.exec(select(Claim).where(col(Claim.id).in_(ids))):
        if exclude_article is not None and other.article_id == exclude_article:
            continue
        link = links.get(other.id)  # type: ignore[arg-type]
        cmp = matching.compare(mine, stored_features(other), lv, norm_a=norm)
        if cmp.level is None and link is None:
            continue
        out.append(Match(
            claim_id=other.id, article_id=other.article_id, score=cmp.score,  # type: ignore[arg-type]
            level=cmp.level or "linked", status=other.status.value,
            verdict=other.verdict.value if other.verdict else None,
            numbers_agree=cmp.numbers_agree, dates_agree=cmp.dates_agree,
            negation_agree=cmp.negation_agree, entities_agree=cmp.entities_agree,
            differences=cmp.differences, text=other.text,
            link=link.value if link else None))
    out.sort(key=lambda m: (m.link is None, -m.score, m.claim_id))
    return out[:limit]


def similar_to(*, session: Session, claim_id: int, lv: matching.Levels,
               limit: int = 10) -> list[Match]:
    """Claims of other articles that match a stored claim (rejected links left out)."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFoundError(f"There is no claim with id {claim_id}.")
    return match_text(session=session, text=claim.text, lv=lv, claim=stored_features(claim),
                      exclude_claim=claim_id, exclude_article=claim.article_id, limit=limit)


def checked_before(matches: Iterable[Match]) -> list[Match]:
    """The matches that say the claim was checked before: same or suggested (or linked by a
    person) and not dismissed."""
    return [m for m in matches if m.status != ClaimStatus.dismissed.value
            and (matching.is_match(m.level) or m.link in {"auto", "confirmed"})]


def link_article(*, session: Session, actor: User | None, article_id: int,
                 lv: matching.Levels) -> dict[int, list[Match]]:
    """Match every claim of an article against the other articles' claims; pairs at the
    *same claim* level are linked at once (with a history event). Returns, for each claim
    with a match (checked before, or the same sentence with a figure that differs), its
    matches."""
    found: dict[int, list[Match]] = {}
    mine = session.exec(select(Claim).where(Claim.article_id == article_id)
                        .order_by(col(Claim.id))).all()
    for claim in mine:
        matches = similar_to(session=session, claim_id=claim.id, lv=lv)  # type: ignore[arg-type]
        for m in matches:
            if m.level == matching.SAME and m.link is None:
                _save_link(session, actor, claim, m.claim_id, LinkState.auto, m.score)
        if matches:
            found[claim.id] = matches  # type: ignore[index]
    session.flush()
    return found


def _save_link(session: Session, actor: User | None, claim: Claim, other_id: int,
               state: LinkState, score: float) -> ClaimLink:
    low, high = sorted((claim.id, other_id))  # type: ignore[type-var]
    row = session.exec(select(ClaimLink).where(ClaimLink.claim_id == low,
                                               ClaimLink.other_id == high)).first()
    if row is None:
        row = ClaimLink(claim_id=low, other_id=high, state=state, score=round(score, 4),
                        created_by_id=actor.id if actor else None)
    else:
        row.state, row.created_by_id = state, actor.id if actor else None
    session.add(row)
    workflow.record(session, actor=actor, action=f"link_{state.value}", claim=claim,
                    changes={"other_claim": other_id, "score": round(score, 4)})
    return row


def set_link(*, session: Session, actor: User, claim_id: int, other_id: int,
             state: LinkState) -> ClaimLink:
    """A person confirms that two claims are the same, or rejects it (kept for good)."""
    if actor is None or not actor.active:
        raise PermissionDenied("Only an active account may confirm or reject a match.")
    if state == LinkState.auto:
        raise InputError("A person confirms or rejects a match; auto links are the matcher's.")
    if claim_id == other_id:
        raise InputError("A claim cannot be linked to itself.")
    claim = session.get(Claim, claim_id)
    if claim is None or session.get(Claim, other_id) is None:
        missing = claim_id if claim is None else other_id
        raise NotFoundError(f"There is no claim with id {missing}.")
    cmp = matching.compare(stored_features(claim), stored_features(session.get(Claim, other_id)))  # type: ignore[arg-type]
    row = _save_link(session, actor, claim, other_id, state, cmp.score)
    session.flush()
    return row


def read_pairs(path: Path) -> list[tuple[bool, str, str]]:
    """Labelled pairs from a TSV with columns ``label`` (same / different), ``a`` and ``b``."""
    if not path.is_file():
        raise InputError(f"{path} is not a file.")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        if not {"label", "a", "b"} <= set(reader.fieldnames or ()):
            raise InputError(f"{path} needs the columns label, a and b (tab-separated).")
        pairs = []
        for n, row in enumerate(reader, 2):
            label = (row["label"] or "").strip().lower()
            if label not in {"same", "different"} or not row["a"] or not row["b"]:
                raise InputError(f"Line {n} of {path} needs a label (same or different), "
                                 "a and b.")
            pairs.append((label == "same", row["a"], row["b"]))
    if not pairs:
        raise InputError(f"{path} holds no pairs.")
    return pairs


def evaluate(path: Path, lv: matching.Levels) -> matching.PairScores:
    """Precision, recall and F1 of the matcher on labelled pairs, at the suggested level."""
    return matching.score_pairs([(same, matching.compare(features(a), features(b), lv))
                                 for same, a, b in read_pairs(path)])
