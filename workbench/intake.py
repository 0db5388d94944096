"""What an article's ingest keeps of the extraction's proposals: at most a set number per
article (the highest-scoring, back in article order), so that a huge upload never stores
or shows tens of thousands of candidates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Capped:
    kept: list[Any]
    found: int

    @property
    def dropped(self) -> int:
        return self.found - len(self.kept)

    def note(self) -> str:
        """One sentence on what was left out ("" when nothing was)."""
        if not self.dropped:
            return ""
        return (f"Kept the {len(self.kept):,} highest-scoring of {self.found:,} proposed claims "
                "(WORKBENCH_MAX_CANDIDATES_PER_ARTICLE); the others were not stored.")


def cap_candidates(candidates: Sequence[Any], *, limit: int) -> Capped:
    """The ``limit`` highest-scoring candidates, in article order."""
    if len(candidates) <= limit:
        return Capped(list(candidates), len(candidates))
    best = sorted(candidates, key=lambda c: (-float(c.score), c.start))[:limit]
    return Capped(sorted(best, key=lambda c: c.start), len(candidates))
