"""What a sentence's figure is checked as (the rules that weigh these: kinds.py).

A number in a sentence is usually checked as a ``statistic``; these patterns find the
sentences where it is not the claim itself: a forecast (its words, or a date to come), a
figure set against its peers or a yardstick (a ``comparison``), or a detail of an action
(bail set at $250,000: an ``event``). What a plan costs is kept a statistic.
"""

from __future__ import annotations

import re

from workbench.extraction import cues
from workbench.extraction.firstlook import first_looks


def keyed(keys: tuple[str, ...], pattern: re.Pattern[str], text: str,
          low: str | None = None) -> bool:
    """Whether ``pattern`` finds something in ``text``, looked for only when one of ``keys``
    (substrings every match holds, lowercased) is in it: the same answer, sooner."""
    low = text.lower() if low is None else low
    return any(key in low for key in keys) and bool(pattern.search(text))


# The words of a forecast: "expects one cut in 2027", "projected that growth would slow to
# 1.6 percent", "a 60 per cent chance of", "likely to peak", "would likely fall short" (not
# "had forecast", "than expected").
_OUTLOOK = re.compile(
    cues.NOT_A_BODYS_NAME + r"\b(?:(?<!than )(?<!as )"
    r"expects?|expected to|(?<!had )(?:projected|forecasts?)(?! \w+ed\b)|"
    r"had (?:forecast|projected)(?= (?:a|an|about|around|some|up to|\d))|"
    r"projects? that|projections?|predicts?|predicted|outlook|likely to|"
    r"(?:would|will)(?:n['’]t)? (?:likely|probably)|"
    r"(?:per ?cent|percent|%) chance|modell?ing)\b",
    re.I,
)
_OUTLOOK_KEYS = (
    "expect", "project", "forecast", "predict", "outlook", "likely", "probably", "chance",
    "modell", "modeling",
)
# A figure that will, would or could be reached by a date to come: "could reach 9,000 by
# 2029", "will raise $1 billion a year from 2028", "will be handing out eight inches next
# year", "would add 0.2 points in early 2027".
_HORIZON = re.compile(
    # "would have" looks back at what did not happen; "will have 400 beds" looks ahead
    r"(?:(?<!which )(?<!who )\b(?:[Ww]ill\b|(?:would|could|might)\b(?! have\b(?! to\b)))|['’]ll\b)"
    r"(?:[^.;]|\.\d){0,80}?\b(?:"
    r"by (?:the (?:end|middle|start) of )?(?:early |late |mid-)?(?:(?:19|20)\d\d|next \w+)|"
    r"next (?:year|month|decade|spring|summer|autumn|fall|winter)|"
    r"in (?:early|late|mid-) ?(?:19|20)\d\d|"
    # a month or a year to come: "will raise $1 billion a year from 2028", "will not open
    # before June 2027", "will be issued in the second half of 2027" (not a date something
    # was done, "the record set in August 2023", "the level reached in 2019")
    r"(?:(?:be|been) [a-z]+ed |(?<!\bset )(?<!ed ))(?:in|from|before|until) "
    r"(?:the (?:first|second) half of |"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December) )?(?:19|20)\d\d)\b"
)
_HORIZON_KEYS = ("will", "would", "could", "might", "'ll", "’ll")  # every match holds a modal
# What a plan or a change costs, saves or loses in money: "is expected to cost about $4.5
# million a year", "could cost counties up to $60 million" (a statistic, even in the future).
_COST_ESTIMATE = re.compile(
    r"\b(?:cost|costs|save|saves|lose|loses)\b[^.;]{0,40}?(?:[$€£]|\b(?:dollars|euros|pounds)\b)"
)
_COST_KEYS = ("cost", "save", "lose")
# A gap between two figures is the comparison itself: "about a million fewer than last
# year", "for 20% to 30% less", ", fewer than in any year since".
_GAP = re.compile(
    r"(?:\d%?|\b(?:million|billion|thousand|hundred|dozen|percent|cent))\s+(?:fewer|less|"
    r"cheaper)\b|,\s+(?:fewer|more|less) than (?:in|at|during|the same)\b"
)
_GAP_KEYS = ("fewer", "less", "cheaper", "more than")
# A figure set against its peers is the comparison itself: "the second-lowest of any state",
# "the highest rate among the five largest economies", "less than any of its neighbours",
# "outpacing a 9% rise in", "below every estimate" (a record against earlier years, "the
# most in any year since 2011", is a number).
_PEERS = re.compile(
    r"\bthe (?:[\w-]+ )?(?:[\w-]+est|most|least|fewest) (?:[\w-]+ ){0,2}?(?:of|among) any\b|"
    r"\b(?:[\w-]+est|most(?! of\b)|least(?! of\b)|fewest) (?:[\w.-]+ ){0,4}?among\b|"
    r"\bthan any (?:other|of)\b|\boutpac(?:e|es|ed|ing)\b|\b(?:below|above) (?:every|all)\b",
    re.I,
)
_PEERS_KEYS = (" any", "among", "outpac", " every", " all")
# A figure set against a yardstick is the comparison itself: "62% below the 30-year average",
# "below the national average of 64", "31 centimetres above the record set in 1990".
_BENCHMARK = re.compile(
    r"\b(?:above|below|beneath|short of) (?:the |its |their |this |a |an )?(?:[\w’'-]+ ){0,3}?"
    r"(?:average|median|norm|normal|target|guideline|benchmark|forecasts?|estimates?|"
    r"expectations?|record|level|threshold|limit)s?\b"
)
_BENCHMARK_KEYS = ("above", "below", "beneath", "short of")
# A sentence that sets the figure of the sentence before against another: "That is up from
# 7.9 percent", "That compares with 17 per cent", "That is nearly eight times the guideline",
# "This would top the record" (its subject is the figure; its claim, the comparison).
_THAT_COMPARED = re.compile(
    r"(?:That|This)(?: \w+)?(?:['’]s|\s)[^,;]{0,40}?\b(?:(?:up|down) from|above|below|"
    r"\w+ times|double|triple|twice|half|compares? (?:with|to)|tops?|exceeds?|surpass\w*|"
    r"beats?|than)\b"
)
# A figure set against another place or group is the comparison itself ("52% at the trust,
# compared with 59% across England"); against an earlier time it is a change in one series,
# checked as the number ("612 cases, compared with 285 in 2025").
_COMPARED_ELSEWHERE = re.compile(
    r"\bcompared (?:with|to)\b(?!(?:[^,;]|,(?=\d))*\b(?:(?:19|20)\d\d|years?|months?|weeks?|"
    r"period|ago|earlier|before|last)\b)"
)
# Actions whose number is a detail of what was done: a rate left unchanged, bond set at
# $250,000, men arrested.
_ACTION = re.compile(
    r"\b(?:(?:left|kept|held) (?:[\w’'-]+ ){0,4}?(?:unchanged|steady)|(?:set|posted|denied|"
    r"granted) (?:bail|bond)|arrest(?:ed|s)|(?:bail|bond) (?:was|of|at)|detained)\b"
)
_ACTION_KEYS = ("unchanged", "steady", "bail", "bond", "arrest", "detained")


def outlook(text: str, low: str) -> bool:
    """The words of a forecast (see ``_OUTLOOK``)."""
    return keyed(_OUTLOOK_KEYS, _OUTLOOK, text, low)


def horizon(text: str, low: str) -> bool:
    """A figure to be reached by a date to come (see ``_HORIZON``)."""
    return keyed(_HORIZON_KEYS, _HORIZON, text, low)


def cost_estimate(text: str, low: str) -> bool:
    """What a plan or a change costs, saves or loses (see ``_COST_ESTIMATE``)."""
    return keyed(_COST_KEYS, _COST_ESTIMATE, text, low)


def that_compared(text: str) -> bool:
    """ "That is up from 7.9 percent": the figure of the sentence before, set against another."""
    return text[:4] in ("That", "This") and bool(_THAT_COMPARED.match(text))


def set_against(text: str, low: str) -> bool:
    """A figure set against another: a gap, its peers, a yardstick or another place."""
    return (keyed(_GAP_KEYS, _GAP, text, low) or keyed(_PEERS_KEYS, _PEERS, text, low)
            or keyed(_BENCHMARK_KEYS, _BENCHMARK, text, low)
            or ("compared" in low and bool(_COMPARED_ELSEWHERE.search(text))))


def action_detail(text: str, low: str) -> bool:
    """A number that is a detail of what was done (see ``_ACTION``)."""
    return keyed(_ACTION_KEYS, _ACTION, text, low)


# The same patterns with a first look in front: the same matches, found faster
# (see firstlook.py).
(
    _BENCHMARK, _COMPARED_ELSEWHERE, _COST_ESTIMATE, _GAP, _HORIZON, _OUTLOOK,
) = first_looks(
    _BENCHMARK, _COMPARED_ELSEWHERE, _COST_ESTIMATE, _GAP, _HORIZON, _OUTLOOK,
)
