"""Figures and dates found in a sentence, on sentences written for these tests."""

from __future__ import annotations

import pytest

from workbench.extraction.entities import find_numbers


@pytest.mark.parametrize(("sentence", "date"), [
    ("The plant opened in May 2024 with 300 staff.", "May 2024"),
    ("Sales fell in March 2025.", "March 2025"),
    ("It rose on May 20, 2024.", "May 20, 2024"),
    ("On May 3 it fell.", "May 3"),
])
def test_a_month_and_a_year_is_read_whole_not_as_a_day(sentence, date):
    dates = [n["text"] for n in find_numbers(sentence, 0) if n["unit"] == "date"]
    assert dates == [date]


def test_the_offset_places_each_figure_in_the_article():
    (figure,) = find_numbers("It cost $40 million.", 100)
    assert (figure["text"], figure["start"], figure["end"]) == ("$40 million", 108, 119)
