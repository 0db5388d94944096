"""The cap on proposals per article: the highest-scoring are kept, in article order."""

from __future__ import annotations

from dataclasses import dataclass

from workbench import intake


@dataclass
class Cand:
    start: int
    score: float


def test_keeps_the_best_in_article_order_and_says_so():
    found = [Cand(start=i * 10, score=s) for i, s in enumerate([0.2, 0.9, 0.5, 0.9, 0.1])]
    capped = intake.cap_candidates(found, limit=3)
    assert [c.start for c in capped.kept] == [10, 20, 30]
    assert capped.dropped == 2
    assert capped.note() == ("Kept the 3 highest-scoring of 5 proposed claims "
                             "(WORKBENCH_MAX_CANDIDATES_PER_ARTICLE); the others were not "
                             "stored.")
    whole = intake.cap_candidates(found, limit=5)
    assert whole.kept == found and whole.note() == ""
