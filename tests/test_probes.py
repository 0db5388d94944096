"""The probes of ``tests/probes/``: single sentences in many outlets' styles, labelled for
the speaker or for whether a desk would check them (see ``tests/probes/README.md``). The
third sets are held out: only their columns are checked here.

Each sentence is read as the second paragraph of a short article, as the pipeline reads
any sentence. The floors sit just below the figures of the rules that were written from
the probes' first and second sets, so that a change which loses what those rules gained
fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.extraction import extract
from workbench.extraction.newsset import same_speaker

PROBES = Path(__file__).parent / "probes"
LEAD = "Dana Ruiz met reporters.\n\n"


def _rows(name: str) -> list[list[str]]:
    lines = (PROBES / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip()]


def _last(sentence: str) -> list:
    """The claims the pipeline reads in ``sentence``, after the lead paragraph."""
    return [c for c in extract(LEAD + sentence, include_all=True) if c.start >= len(LEAD)]


def test_every_probe_line_has_its_columns():
    for name, width in (("speakers-1.probe", 3), ("speakers-2.probe", 3), ("speakers-3.probe", 3),
                        ("precision-1.probe", 2), ("precision-2.probe", 2), ("precision-3.probe", 2)):
        rows = _rows(name)
        assert len(rows) >= 150
        assert all(len(row) == width for row in rows), name
        if width == 2:
            assert {row[0] for row in rows} == {"Y", "N"}


@pytest.mark.parametrize(("name", "floor"), [("speakers-1.probe", 0.92), ("speakers-2.probe", 0.97)])
def test_speakers_of_the_probes(name, floor):
    rows = _rows(name)
    right = 0
    for speaker, flag, sentence in rows:
        claim = _last(sentence)[-1]
        anonymous = "anonymous_source" in claim.flags
        found = None if anonymous else claim.speaker
        wanted = None if speaker == "-" else speaker
        right += same_speaker(wanted, found) and anonymous == (flag == "anonymous")
    assert right / len(rows) >= floor, f"{right} of {len(rows)}"


@pytest.mark.parametrize(("name", "precision_floor", "recall_floor"), [
    ("precision-1.probe", 0.86, 0.79),
    ("precision-2.probe", 0.89, 0.98),
])
def test_proposals_of_the_probes(name, precision_floor, recall_floor):
    found = wrong = missed = 0
    for label, sentence in _rows(name):
        proposed = any(c.checkworthy for c in _last(sentence))
        found += proposed and label == "Y"
        wrong += proposed and label == "N"
        missed += not proposed and label == "Y"
    assert found / (found + wrong) >= precision_floor, (found, wrong)
    assert found / (found + missed) >= recall_floor, (found, missed)
