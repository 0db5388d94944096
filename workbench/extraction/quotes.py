"""What the words inside quote marks state, sentence by sentence: a quote is checkable when
one of its sentences states a figure, a record, a dated or past event, a cause or a forecast,
and not when its sentences only tell what the speaker lived, felt or wants, ask a question,
weigh one thing against another without a measure or describe with a participle.
"""

from __future__ import annotations

import re

from workbench.extraction import cues, kinds
from workbench.extraction.entities import MONTH_NAMES
from workbench.extraction.firstlook import first_looks

_MONTH = f"(?:{MONTH_NAMES})"
DATE_ANCHOR = re.compile(
    r"\b(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"yesterday|(?:last|this|earlier this|late last|early last) (?:week|month|year|night)|"
    rf"(?:in|on|since|by|until|from|early|late) {_MONTH}|{_MONTH} \d{{1,2}}\b|"
    r"(?:in|since|by|until) (?:19|20)\d\d)\b"
)
_DIGIT = re.compile(r"\d")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")


def checkable(said: str) -> bool:
    """Whether quoted words say something checkable in a sentence that is not the
    speaker's own experience or a question put to the listener: "We have waited four years
    for this day" and "How do they expect us to survive?" state no record; "We cut 40 jobs",
    "We ran out of beds by Wednesday", "Our data points to waterfowl" (a figure, a date, a
    cause) and "The line was shut in May" do."""
    if not kinds.checkable(said):
        return False
    return any(_sentence_checkable(part) for part in _SENTENCE_BREAK.split(said)
               if part.strip() and not part.rstrip(" ,”\"'’").endswith("?"))


def _sentence_checkable(part: str) -> bool:
    """Whether one quoted sentence states a fact, a past event or a forecast that a record
    could confirm: what the speaker (or "you", anyone) lived, felt, saw or wants counts only
    with a figure, a date or a fact ("We have waited four years for this day", "You never
    think it will be your street" do not; "We ran out of beds by Wednesday" does), while a
    deed or a pledge in the first person counts ("We lost one vote", "We will raise wages")."""
    if _DIGIT.search(part) or DATE_ANCHOR.search(part) or _measures(part):
        return kinds.checkable(part)
    # a comparison with no figure is how the speaker weighs things ("matters more than how
    # much you burn", "We'd rather help than take a report"), not a measure
    return not _EXPERIENCE.match(part) and bool(
        kinds.past_event(_DESCRIBED.sub(" ", part)) or kinds.forecast(part)
        or cues.MAY_HAPPEN.search(part))


_BARE_COMPARISON = frozenset({"comparison"})


def states_measure(said: str) -> bool:
    """Whether quoted words state a fact in some sentence (see :func:`_measures`)."""
    return any(_measures(part) for part in _SENTENCE_BREAK.split(said))


def _measures(part: str) -> bool:
    """Whether one sentence states a fact, a comparison counting only with a figure or a
    record ("spends more than it earns" weighs, "costs twice as much" measures)."""
    facts = kinds.fact_kinds(part)
    return bool(facts) and (facts != _BARE_COMPARISON or bool(_DIGIT.search(part))
                            or bool(_FIGURE_WORD.search(part)))


# a participle that describes, not an act: "a sophisticated operation", "calls itself
# civilised", "a bit lazy", "have been a mess"
_DESCRIBED = re.compile(
    r"\b(?:a|an|itself|themselves|very|so|too|most|quite|rather) (?:[a-z]+ed|bit)\b"
    r"|\b(?:have|has) been (?=an? )")
# a measure in words ("less than half its capacity", "more than an hour", "twice as far")
# or a record ("higher than anywhere else", "more than ever")
_FIGURE_WORD = re.compile(
    r"\bthan (?:any|anywhere|anyone|anything|ever|every|all)\b|"
    r"\b(?:half|twice|double|triple|thirds?|quarters?|dozens?|hundreds?|thousands?|millions?|"
    r"billions?|per ?cent|percent|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"an? (?:hour|day|week|month|year|decade|mile|kilometre|kilometer))\b", re.I)


# a sentence of the speaker's own experience: "I never felt", "We have waited", "You spend",
# "We want a verdict", "You don't expect that here"
_EXPERIENCE = re.compile(
    r"[“\"'‘]?(?:I|We|You)(?:['’]ve|['’]d| (?:have|had|just|never|always|all|really|still|"
    r"only|do not|don['’]t|did not|didn['’]t|can|could|can['’]t|cannot|would|kept|finally))* "
    r"(?:wait(?:ed)?|felt|feel|knew|know|saw|see|seen|heard|hear|hoped?|wanted|wants?|tried|"
    r"try|thought|think|walk(?:ed)?|lived?|lov(?:e|ed)|expect(?:ed)?|remember(?:ed)?|spen[dt]|"
    r"cried|pray(?:ed)?|miss(?:ed)?|fought|fight|worr(?:y|ied)|tell|told|wish(?:ed)?|"
    r"dream(?:ed)?|believed?|imagined?|grew up|came here|moved here)\b"
)


# The same patterns with a first look in front: the same matches, found faster
# (see firstlook.py).
(
    _FIGURE_WORD,
) = first_looks(
    _FIGURE_WORD,
)
