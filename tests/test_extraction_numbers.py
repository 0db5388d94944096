"""Figures in a sentence: the fast first pass finds exactly what the full pattern finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.extraction import entities

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
