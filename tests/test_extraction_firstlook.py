"""A first look changes where a pattern is tried, never what it finds (see firstlook)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.extraction import firstlook, segment
from workbench.extraction.newsset import read_reports

NEWS = Path(__file__).resolve().parent / "news" / "tune"


def _found(pattern: re.Pattern[str], text: str) -> list:
    return [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(("pattern", "look"), [
    (r"\bfoo|(?<=x)bar", "(?=[fb])"),
    (r"(?:\b\d+|[$€]) ?(?:million)?", r"(?=[\d\$€])"),
    (r"(?:a|b)?c", "(?=[abc])"),
    (r"x*(?i:y)", "(?=[x]|(?i:[y]))"),
    (r"(?=\w)\s*[A-Z]", r"(?=[\sA-Z])"),
])
def test_first_look_of_a_pattern(pattern, look):
    assert firstlook.first_look(re.compile(pattern)) == look


@pytest.mark.parametrize("pattern", [
    r"^\bfoo", r"\Afoo", r"a?", r"\b.x", r"[^a]b", r"(a?)\1b", r"(?s:x)", "",
])
def test_no_first_look_when_it_cannot_be_told(pattern):
    assert firstlook.first_look(re.compile(pattern)) is None
    assert firstlook.with_first_look(re.compile(pattern)).pattern == pattern


def test_a_case_blind_pattern_keeps_its_case_in_the_look():
    plain = re.compile(r"\b(?:kelvin|(?-i:Big))", re.I)
    twin = firstlook.with_first_look(plain)
    for text in ("\u212aelvin", "KELVIN", "big Big", "ſ K"):
        assert _found(twin, text) == _found(plain, text)


def test_a_verbose_pattern_may_end_on_a_comment():
    plain = re.compile(r"""\b(?: 12 | ab )  # a comment""", re.X)
    twin = firstlook.with_first_look(plain)
    assert twin is not plain
    assert _found(twin, "x 12 ab 1") == _found(plain, "x 12 ab 1")


def test_every_pattern_given_a_first_look_takes_one():
    """A pattern passed to first_looks gains a look (else it is listed for nothing); the
    modules pass them on import."""
    assert len(firstlook.DEFERRED) >= 50
    for deferred in firstlook.DEFERRED:
        assert deferred.compiled() is not deferred.plain, deferred.pattern[:60]


def test_a_deferred_pattern_compiles_on_first_use_and_keeps_the_plain_attributes():
    plain = re.compile(r"\b(?:foo|(?<=x)bar)(?P<n>\d)?")
    deferred = firstlook.Deferred(plain)
    assert "search" not in vars(deferred)  # nothing compiled at import
    assert (deferred.pattern, deferred.flags, deferred.groupindex) == (
        plain.pattern, plain.flags, plain.groupindex)
    assert _found(deferred, "a foo1 xbar") == _found(plain, "a foo1 xbar")
    assert "search" in vars(deferred) and deferred.sub("-", "foo bar") == plain.sub("-", "foo bar")
    with pytest.raises(AttributeError):
        deferred.no_such_method  # noqa: B018


def _twins():
    return [(d.plain, d.compiled()) for d in firstlook.DEFERRED]


@cache
def _sentences() -> list[str]:
    return [s.text for r in read_reports(NEWS) for s in segment(r.text)]


def test_twins_find_what_the_plain_patterns_find_in_the_news_reports():
    for plain, twin in _twins():
        for text in _sentences():
            assert _found(twin, text) == _found(plain, text), (plain.pattern[:60], text)


_PIECES = st.sampled_from(
    list("aAbBcCdDeEfFiIkKmMnNoOpPrRsStTwWyY 0123456789$€£%.,:;-“”’'\n()İıſK")
    + ["May 3", " in 1631", "said", " the ", "because", "per cent", "Street", "will"]
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(_PIECES, max_size=30).map("".join)))
def test_twins_find_what_the_plain_patterns_find_in_any_text(text):
    for plain, twin in _twins():
        assert _found(twin, text) == _found(plain, text), plain.pattern[:60]
