"""The patterns written for speed find exactly what their plain forms find."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from workbench.extraction import cues, entities, features, pagelines

_PIECES = st.sampled_from(
    list("aeinost ymdhAEMJK 0123456789$€£%.,:;-“”’\nİıſK")
    + ["May ", "two years", "half a dozen", "a dozen kilos", "tens of thousands of", "1990s",
       "last week", "Hundreds of people", "per cent", "March 3, 2024", "$5bn", "an hour"]
)


def _found(matches) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in matches]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), st.lists(_PIECES, max_size=40).map("".join)))
def test_number_matches_are_those_of_the_full_pattern(text):
    assert _found(entities._number_matches(text)) == _found(entities._NUMBER_RE.finditer(text))


def test_number_kinds_in_a_sentence():
    found = entities.find_numbers("On March 3, 2024, 2 million people paid $5bn, up 12 percent.", 0)
    assert [(n["text"], n["unit"]) for n in found] == [
        ("March 3, 2024", "date"), ("2 million people", "people"), ("$5bn", "USD"),
        ("12 percent", "percent"),
    ]


# The plain forms of the two patterns of features.py that are written to skip to capitals.
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b|\b(?:[A-Z]\.){2,}")
_CAPITALS = st.sampled_from(list("aZ .!?\n\tAB.éÉ_1-") + ["U.S.", "NATO", "Mr. Li", "St."])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(_CAPITALS, max_size=30).map("".join)))
def test_capitalised_runs_and_acronyms_as_the_plain_patterns(text):
    assert features._CAPITALISED.findall(text) == _CAPITALISED.findall(text)
    assert bool(features._ACRONYM.search(text)) == bool(_ACRONYM.search(text))


# Words of STATISTIC in several cases, and the letters that lower() and re.I treat apart.
_STAT_PIECES = st.sampled_from(
    list("aeiorstİıſKk -%7\n’") + [
        "Record", "RECORDS", "record-high", "Thousands", "billion", "Twenty-Five", "forty-",
        "Second time", "third in a row", "Majority of", "per capita", "Per Cent", "percent",
        "two-thirds", "Three quarters of", "a half", "ten-year low", "than ever", "Ranked",
        "more people than ever", "All-Time", "doubled", "nearly all", "most of", "AVERAGE",
        "İstanbul", "ıranked", "ſecond time", "recordſ",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(_STAT_PIECES, max_size=20).map("".join)))
def test_statistic_finds_what_the_pattern_finds(text):
    assert cues.statistic(text) == bool(cues.STATISTIC.search(text))


_CREDIT_PIECES = st.sampled_from(
    list("aA /()©-–—:.\t\nİıſ") + [
        " – Jonathan Ernst/Reuters", " — AP Photo/Evan Vucci", " (Photo: Getty Images)",
        "(PHOTO)", " photo by Jane Doe", " Image: ", " ımage: Ann", " İMAGE: Ann", " CREDIT: x",
        " crediT : y", " © JANE DOE / AFP", " (Ann Lee/AFP)", " - Getty Images", " -- EPA",
        "Submitted by", "pictured", "The mayor said", " Photograph: Ann Lee",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(_CREDIT_PIECES, max_size=6).map("".join)))
@example("Crowds on Main St. photo by Ann Lee")
@example("Crowds on Main St. ımage: Ann Lee")
@example("Crowds on Main St. İMAGE: Ann Lee")
@example("Crowds on Main St. crediT : Ann Lee")
@example("Crowds on Main St. © Ann Lee")
@example("Crowds on Main St.\t– AFP")
@example("Crowds on Main St. (Ann Lee/AFP)")
def test_credit_tail_finds_what_the_pattern_finds(line):
    found = pagelines.credit_tail(line)
    plain = pagelines.CREDIT_TAIL.search(line)
    assert (found and found.span()) == (plain and plain.span())
