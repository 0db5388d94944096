"""News conventions: unnamed sources, institutions as speakers, captions, opinion quotes,
quotes over several sentences, restatements without attribution, kinds by what is checked."""

from __future__ import annotations

import pytest

from workbench.extraction import extract
from workbench.extraction.attribution import attribute


def _last(text: str):
    return extract(text, include_all=True)[-1]


@pytest.mark.parametrize("sentence", [
    "A senior official at the ministry said the budget would be cut.",
    "The budget will be cut, said an official who spoke on condition of anonymity.",
    "A council aide, who asked not to be named, said the funds were moved.",
    "Experts warned that the river could flood again.",
    "Prices will rise, according to people familiar with the plan.",
    "A nurse, who was not authorized to speak publicly, said two wards had closed.",
    "A teacher, who declined to be identified, said the school had no heating.",
    "Investigators say the fire started in the kitchen.",
])
def test_unnamed_sources_are_flagged(sentence):
    found, _ = attribute(sentence)
    assert found is not None and "anonymous_source" in found.flags


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Cultivation rose 10 percent, the United Nations Office on Drugs and Crime said.",
     "United Nations Office on Drugs and Crime"),
    ("The mayor's office said on Monday that the deficit would reach $3 million.",
     "the mayor's office"),
    ("The town grew 6 percent, the census bureau reported.", "the census bureau"),
    ("The Congressional Budget Office estimated that the plan would cost $9 billion.",
     "the Congressional Budget Office"),
    ("U.S. employers added 212,000 jobs in May, the Bureau of Labor Statistics reported.",
     "Bureau of Labor Statistics"),
])
def test_institutions_speak(sentence, speaker):
    assert _last(sentence).speaker == speaker


def test_generic_plurals_are_not_named_speakers():
    c = _last("Supporters say the mayor is the only candidate who can win.")
    assert "anonymous_source" in c.flags


@pytest.mark.parametrize("line", [
    "Photo: Senators leave the Capitol after the vote.",
    "Pictured: A nurse prepares a vaccine. (Photo: Kim Lee/Denver Post)",
    "The harbour at dawn. Credit: Jo Banks/AFP",
    "Additional reporting by Mark Ellis.",
    "By Laura Chen",
])
def test_furniture_is_never_proposed(line):
    article = f"{line}\n\nThe council cut the budget by $4 million on Monday.\n"
    proposed = extract(article)
    assert [c.text for c in proposed] == ["The council cut the budget by $4 million on Monday."]


def test_opinion_quotes_are_not_proposed_but_checkable_quotes_are():
    article = (
        "“This is the right decision, and it is long overdue,” said Rachel Kim.\n\n"
        "“We set aside $1 million in 2023 and it was never spent,” Kim said.\n"
    )
    proposed = extract(article)
    assert [c.speaker for c in proposed] == ["Kim"]
    assert proposed[0].kind == "statistic"


def test_a_quote_over_two_sentences_is_one_claim_restated_without_its_tail():
    text = ("“Inspections were cut by a third. The bill does nothing to restore them,” "
            "Hollis said.")
    (claim,) = extract(text, include_all=True)
    assert (claim.start, claim.end, claim.speaker) == (0, len(text), "Hollis")
    assert "Hollis said" not in claim.restatement
    assert claim.restatement.endswith("The bill does nothing to restore them.")


@pytest.mark.parametrize(("sentence", "restatement"), [
    ("The mayor's office said on Monday that the deficit would reach $3 million.",
     "The deficit would reach $3 million."),
    ("The deficit reached $4 million last year, Hollis said.",
     "The deficit reached $4 million last year."),
    ("Colorado has confirmed 47 cases, the state health department said Wednesday, the most "
     "since 1994.", "Colorado has confirmed 47 cases, the most since 1994."),
    ("A council aide, who asked not to be named, said the money had been moved.",
     "The money had been moved."),
    ("He said nothing.", "He said nothing."),
])
def test_restatements_are_sentences_without_the_attribution(sentence, restatement):
    assert _last(sentence).restatement == restatement


@pytest.mark.parametrize(("sentence", "kind"), [
    ("A hearing on the matter is scheduled for April 3.", "event"),
    ("The Senate voted 61-38 on Thursday to approve the bill.", "event"),
    ("Police arrested a 34-year-old man on Sunday.", "event"),
    ("The man has been charged with burglary.", "designation"),
    ("Petro cannot run again but an ally is leading in the polls.", "designation"),
    ("Wage growth has outpaced inflation for a year.", "comparison"),
    ("The unemployment rate fell to 3.9 percent in May.", "statistic"),
    ("The researchers attributed the loss to a dry winter.", "causal"),
])
def test_kinds_follow_what_would_be_checked(sentence, kind):
    assert _last(sentence).kind == kind


@pytest.mark.parametrize(("sentence", "hedged"), [
    ("The bridge carries about 14,000 vehicles a day.", True),
    ("Nearly all of the cases were in children.", True),
    ("A single year says little about long-term trends.", False),
    ("The hearing is in May.", False),
])
def test_hedges(sentence, hedged):
    assert ("hedged" in _last(sentence).flags) is hedged
