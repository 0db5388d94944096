"""What kind of claim a sentence makes and whether it is hedged (its restatement: restate.py;
what a sentence's figure is checked as: measures.py).

The kind tells a reviewer where to look: a ``designation`` is checked against an official
list (the State Department's FTO list), a ``statistic`` against the data behind it, a
``quote`` against a recording or transcript. When a sentence carries several kinds, the
one with the most specific source of truth wins, in the order of ``KINDS``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from workbench.extraction import cues, measures
from workbench.extraction.firstlook import first_looks

KINDS = ("designation", "statistic", "causal", "comparison", "prediction", "quote", "opinion",
         "event")


def value_judgement(text: str) -> bool:
    """Whether ``text`` judges (praise, blame, feelings) rather than states."""
    plain = text.replace("’", "'")
    if not cues.JUDGING_WORDS.isdisjoint(cues.LOWER_WORDS.findall(plain.lower())):
        return True
    return bool(cues.JUDGING_PHRASES.search(plain))


# Every cues.DESIGNATION match holds one of these (lowercased): a fast first look.
_DESIGNATION_KEYS = (
    "designat", "classified", "classed", "listed as", "blacklist", "sanction", "terrorist",
    "state sponsor", "declared", "recogni", "outlaw", "indicted", "convicted", "legal",
    "unconstitutional", "signed into law", "executive order", "charged", "pleaded",
    "accused of", "fined", "acquitted", "sentenced", "term limit", "term-limited", " again",
    "maximum sentence", "maximum penalty", "bond", "bail", "qualif", "regarded as", "caps ",
    " cap ", "capped", "agreement",
    "deficient", " law", "under the", "unsafe", "inadequate", "failing", "substandard",
    "uninhabitable", "eligible", "guilty", "liable", "rules",
    "regulations", "jailed", "imprisoned", "violat", "breach", "broke ",
    "statute", "constitution", "code ", "code,", "code.", "act ", "act,", "act.", "ordinance",
    "charter", "treaty", "directive",
    "convention", "placed", "blocked", "accord ", "accord,", "criminal offen",
    "struck down", "upheld", "overturned", "halted", "suspended", "cited for", "barred",
    "in effect", "in force", " level", "void", "licen", "permit", "zoning", "special measures",
    "rated", "charge", "receivership", "administration",
)


def designation(text: str) -> bool:
    """Whether ``text`` states a legal or official status (see ``cues.DESIGNATION``)."""
    low = text.lower()
    return any(key in low for key in _DESIGNATION_KEYS) and bool(cues.DESIGNATION.search(text))


# Substrings that every match of a pattern holds (lowercased): a cheap first look that
# spares the pattern's search on most sentences. They change no answer, only the speed.
_CAUSAL_KEYS = (
    "because", "caus", "due to", "result", "led to", "lead to", "driven", "reflect",
    "coincidence", "forc", "only after",
    "thanks to", "blamed", "responsible for", "so that", "attribut", " back", "prompted",
    "triggered", "sparked", "fuel", "contribut", "without", "explain", "traced",
    "linked to", "account", "drove", "drives", "pushe", "reason", "retaliat",
)
_COMPARISON_KEYS = ("than", "compared", "versus", "twice as", "outp", "surpass", "overt")
_PREDICTION_KEYS = (
    "will", "won't", "going to", "expect", "forecast", "predict", "plan", "next ", "likely",
    "on track",
)
_HEDGE_KEYS = (
    "may", "could", "might", "perhaps", "possibl", "probabl", "likely", "considered",
    "reportedly", "allegedly", "apparent", "believe", "appear", "seem", "suggest",
    "estimate", "roughly", "nearly", "almost", "worries", "expect", "about", "around",
    "approximately", "as many", "as much", "as few", "typically", "some ",
)




@lru_cache(maxsize=1024)
def fact_kinds(text: str) -> frozenset[str]:
    """The kinds of fact ``text`` states: a number (``statistic``), a legal or official
    status (``designation``), a cause (``causal``), an explicit ``comparison``. Cached: the
    prior, the kind and the checks of one sentence all ask."""
    found = set()
    low = text.lower()
    if _statistic(text):
        found.add("statistic")
    if designation(text):
        found.add("designation")
    if _causal(text, low):
        found.add("causal")
    if measures.keyed(_COMPARISON_KEYS, cues.EXPLICIT_COMPARISON, text, low) or ratio(text):
        found.add("comparison")
    return frozenset(found)


def _causal(text: str, low: str) -> bool:
    """A cause named outside the aside that says why a source is anonymous."""
    if not measures.keyed(_CAUSAL_KEYS, cues.CAUSAL, text, low):
        return False
    if any(key in low for key in cues.ANONYMITY_KEYS):
        return measures.keyed(_CAUSAL_KEYS, cues.CAUSAL, cues.ANONYMITY_ASIDE.sub(" ", text))
    return True


def _statistic(text: str) -> bool:
    """A number, a record or a share, other than a date, an age or a vote's tally."""
    if not (cues.statistic(_strip_dates(text)) or cues.FREQUENCY.search(text)
            or _COUNT_FIRST.match(text) or (
        _BOUNDS.search(text) and cues.WORD_COUNT.search(text) and not _prediction(text)
    )):
        return False
    low = text.lower()
    return (not measures.keyed(_VOTE_KEYS, cues.VOTE, text, low)
            or bool(cues.MONEY_OR_SHARE.search(text)))


# A count spelled out as the subject of the sentence is its figure: "Fourteen catalytic
# converters were cut", "Nine of the thefts took place" (not "Two people familiar with the
# talks said", whose count is of sources).
_COUNT_FIRST = re.compile(
    r"(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen|"
    r"Fifteen|Sixteen|Seventeen|Eighteen|Nineteen|Twenty|Thirty|Forty|Fifty|Sixty|Seventy|"
    r"Eighty|Ninety)(?:-[a-z]+)? (?:of (?:the |its |their |them )?)?(?:[\w’'-]+ ){0,4}?"
    r"(?:were|was|have|has|had|are|is|remain(?:ed)?|took|occurred|died)\b"
    r"(?! (?:expected|likely|due)\b)"
)
def _figure_because_of(text: str) -> bool:
    """A figure given first and its reason after "because of" and nothing else causal."""
    at = text.find("because of")
    head = text[:at]
    return at > 0 and _DIGIT.search(head) is not None and not _causal(head, head.lower())


_VOTE_KEYS = ("vot", "motion", "passed", "carried", "adopted", "approved", "rejected",
              "defeated")
_BOUNDS = re.compile(r"\b(?:at least|at most|than|up to|as many)\b", re.I)  # a first look


def states_fact(text: str) -> bool:
    """Whether ``text`` states a fact (see :func:`fact_kinds`): what keeps a judging
    sentence checkable ("a disgrace that cost us $3 million")."""
    return bool(fact_kinds(text))


def ratio(text: str) -> bool:
    """Whether ``text`` compares by a ratio ("twice as far as", "ten times as much")."""
    low = text.lower()
    return any(key in low for key in _RATIO_KEYS) and bool(cues.RATIO.search(text))


_RATIO_KEYS = (" as ", "times ", "twice", "half", "double", "triple")


@lru_cache(maxsize=1024)
def forecast(text: str) -> bool:
    """Whether ``text`` says what will happen: "will", "is expected to", "next month", or
    reported speech about what someone would do ("said the company would move ...")."""
    if _prediction(text):
        return True
    return any(modal in text for modal in _MODALS) and bool(
        cues.REPORTED_FUTURE.search(text) or cues.OWN_PLAN.search(text)
    )


_MODALS = ("would", "could", "will", "might")


def _prediction(text: str) -> bool:
    return measures.keyed(_PREDICTION_KEYS, cues.PREDICTION, text)


def own_plan(text: str) -> bool:
    """ "The office said it would review ...": a body announcing what it will do."""
    return ("would" in text or "will" in text) and bool(cues.OWN_PLAN.search(text))


# A step an actor has set for itself: "will close on Jan. 15", "said Voss would appeal", "would
# hold a meeting next month". The announcement is checked now, as an event; an outcome beyond
# the actor ("sales would return to growth") stays a forecast.
_SCHEDULED_ACT = re.compile(
    r"\b(?:will|would|['’]ll) (?:(?:not|also|then|now|formally) )?(?:appeal|testify|hold|meet|"
    r"submit|file|close|open|reopen|offer|publish|release|host|visit|seek|review|resume|"
    r"launch|hear)\b(?! (?:higher|lower|up|down|flat|at)\b)"  # not "shares will open lower"
)


def _scheduled_act(text: str) -> bool:
    """A scheduled act (see ``_SCHEDULED_ACT``) that nothing before it hedges ("is expected
    to", "may", "people familiar with the plans said"), told by no one whose trade is to
    forecast ("Analysts said the central bank would hold rates", "..., most economists
    polled said": their forecast, not the actor's announcement)."""
    if "will" not in text and "would" not in text and "ll " not in text:
        return False
    m = _SCHEDULED_ACT.search(text)
    return bool(m) and not hedged(text[:m.start()]) and not _prediction(text[:m.start()]) and (
        not _FORECASTERS.search(text))


_FORECASTERS = re.compile(
    r"\b(?:analysts|economists|strategists|traders|forecasters|dealers|polled|surveyed)\b", re.I
)


# "are already stretched", "I'm not convinced": a participle after "is" or "feel" describes
# a state, not an event ("was discovered" is one).
_STATE_BEFORE = re.compile(
    r"(?:\b(?:is|are|am|be|being|seems?|feels?|looks?|gets?)|['’](?:re|m|s))"
    r"(?:\s+(?:already|not|so|very|too|really|just|still|quite|all))*\s+$",
    re.I,
)


def past_event(text: str) -> bool:
    """Whether ``text`` reports something that happened (a past tense, regular or not)."""
    for m in cues.PAST_EVENT.finditer(text):
        at = m.start()
        if not (m.group().endswith("ed") and _STATE_BEFORE.search(text[max(0, at - 40):at])):
            return True
    return False


def checkable(text: str) -> bool:
    """Whether ``text`` states something a record could confirm: a fact as above, a
    forecast or a past event."""
    return bool(states_fact(text) or forecast(text) or cues.MAY_HAPPEN.search(text)
                or past_event(text))


def hedged(text: str) -> bool:
    """Hedges are matched case-sensitively: "May" the month is not "may" the modal."""
    low = text.lower()
    return measures.keyed(_HEDGE_KEYS, cues.HEDGES, text, low) or (
        ("expect" in low or "chance" in low or "probab" in low or "likelihood" in low
         or "odds" in low) and bool(cues.EXPECT_TO.search(text)))


def _quoted_words_only(text: str) -> bool:
    """Whether the facts of a sentence of reported speech are all in the words it quotes
    (a characterisation in quote marks inside the sentence)."""
    if "“" not in text or text.lstrip()[:1] == "“":
        return False
    for quote in cues.QUOTED.finditer(text):
        before = text[:quote.start()].rstrip()
        if not before[-1:].isalpha():  # a quoted sentence, not words within one
            return False
    return not fact_kinds(cues.QUOTED.sub(" ", text))


# "resigned in March, two weeks after a grand jury indicted him": a status in a clause of
# time dates what the sentence reports; it is not its claim.
_TIME_CLAUSE = re.compile(r"\b(?:after|before|until|since|when)\b[^,;]*$", re.I)


def _background_status(text: str) -> bool:
    """Whether every legal status ``text`` names sits in a clause of time that follows the
    main clause ("..., days after he was charged")."""
    matches = list(cues.DESIGNATION.finditer(text))
    return bool(matches) and all(
        (clause := _TIME_CLAUSE.search(text, 0, m.start())) and clause.start() > 0
        for m in matches
    )


def _quoted_share(text: str) -> float:
    quoted = cues.QUOTED.findall(text)
    return sum(len(q) for q in quoted) / max(len(text), 1)


def quoted_phrase(text: str) -> bool:
    """Reported speech that states a fact in its own words and quotes only a short phrase
    ('Police said a search found a pistol and "a significant sum" of cash')."""
    if text[:1] in ('"', "“"):
        return False
    rest = cues.QUOTED.sub(" ", text)
    return len(rest) >= 0.75 * len(text) and checkable(rest)


def classify(
    text: str, *, speaker: str | None, quote_run: bool, flags: tuple[str, ...] = ()
) -> str:
    """The most specific kind this sentence supports (see module docstring)."""
    facts = fact_kinds(text)
    if facts and speaker and _quoted_words_only(text):
        # 'told MPs that the NHS was “better prepared than ever”': what was said is checked
        return "quote"
    if "statistic" in facts and cues.AGE.search(text) and not _statistic(cues.AGE.sub(" ", text)):
        facts = facts - {"statistic"}
    if "designation" in facts and _background_status(text):
        facts = facts - {"designation"}
    if "causal" in facts and "statistic" in facts and _figure_because_of(text):
        facts = facts - {"causal"}  # "sell for $150 because of the metals": the figure is checked
    # the most specific first; a number in a causal claim or a ratio is not the check itself
    for kind in ("designation", "causal"):
        if kind in facts:
            return kind
    low = text.lower()
    if "statistic" not in facts and "die" in low and _DIED_OF.search(text):
        return "causal"  # a cause of death; "150,000 have died of AIDS" is checked as the count
    if measures.keyed(_CONSEQUENCE_KEYS, _CONSEQUENCE, text, low) and not _forecast_first(text):
        return "causal"
    if "statistic" in facts and measures.cost_estimate(text, low):
        return "statistic"  # what a plan costs or saves is checked against its estimate now
    if measures.outlook(text, low) or ("statistic" in facts and measures.horizon(text, low)):
        return "prediction"  # a forecast is checked when its date comes, whatever its numbers
    if "statistic" in facts and _uncertain_figure(text):
        return "prediction"  # "could reach C$880", "may be needed": the figure is an outlook
    if measures.that_compared(text):
        return "comparison"  # "That is up from 7.9 percent": the figure was the sentence before
    if ratio(text) and not ("statistic" in facts and cues.EARLIER.search(text)):
        return "comparison"
    if "statistic" in facts:
        if measures.set_against(text, low):
            return "comparison"
        if measures.action_detail(text, low):
            return "event"
        return "statistic"
    mostly_quote = quote_run or _quoted_share(text) > 0.5
    if cues.OPINION.search(text) and (mostly_quote or not speaker):
        return "opinion" if not speaker else "quote"
    if measures.keyed(_COMPARISON_KEYS, cues.EXPLICIT_COMPARISON, text, low):
        return "comparison"
    if not mostly_quote and (own_plan(text) or _scheduled_act(text)):
        return "event"
    if not mostly_quote and (forecast(text) or cues.MAY_HAPPEN.search(text)):
        return "prediction"
    if mostly_quote or (speaker and cues.QUOTE_MARKS.search(text)):
        # what a quote says happened is checked as an event; the rest, as words said
        said = " ".join(cues.QUOTED.findall(text)) or text
        if past_event(said) or (not mostly_quote and quoted_phrase(text)
                                and past_event(cues.QUOTED.sub(" ", text))):
            return "event"
        return "prediction" if forecast(said) or cues.MAY_HAPPEN.search(said) else "quote"
    if "missing_speaker" in flags:
        return "quote"
    if cues.DEGREE_COMPARISON.search(text):  # "significantly higher" (an explicit "than" is above)
        return "comparison"
    return "event"


# "could", "might", "may" (not "could have", which looks back; "May" the month is capitalised).
_UNSURE = re.compile(r"\b(?:could\b|might\b|" + cues.MAY_NOT_LEAVE + r")(?! have\b(?! to\b))")
# A break between sentences or between clauses that each state their own thing ("Tenants
# may apply for relief, which has hired 12 inspectors"; "declined to say whether more
# plants could close, but filings show it cut 1,100 jobs").
_SENTENCE_BREAK = re.compile(
    r"(?<=[.!?])\s+|;\s+|,\s+(?=(?:but|which|while|although|though|and)\b)"
)
# An aside set off by commas ("The law, which may be challenged, affects 2 million renters")
# is a clause of its own: it is checked apart from the sentence around it.
_ASIDE = re.compile(r",\s+(?:which|who)\b(?:[^,;]|,(?=\d))*,(?=\s)")
_WHETHER = re.compile(r"\b(?:whether|if)\b")


def _uncertain_figure(text: str) -> bool:
    """Whether a figure and a "could", "might" or "may" share one sentence: what may come to
    pass is checked when it does, whatever its number ("hundreds of hearings could be
    postponed"). What a plan costs is kept apart above; "will" and "would" are not here, as
    an announced cut of 1,400 jobs is checked as the number now. The "may" and the figure
    must share a clause, and a "could" after "whether" asks rather than forecasts."""
    if not any(word in text for word in ("could", "might", "may")):
        return False
    asides = _ASIDE.findall(text) if ", wh" in text else []
    plain = _ASIDE.sub(" ", text) if asides else text
    for part in _SENTENCE_BREAK.split(plain) + asides:
        unsure = _UNSURE.search(part)
        # "whether other plants could close" asks; it forecasts nothing
        if unsure and not _WHETHER.search(part, 0, unsure.start()) and _statistic(part):
            return True
    return False


_DIED_OF = re.compile(r"\b(?:died|dies|die|dying) (?:of|from)\b")
# A consequence stated as such: "stocks are low, so any cut gets priced in", "that is why we
# are seeing so many patients". It decides the kind of a sentence found worth checking; it
# makes no fact of its own, as "That's why I'm proud of them" states none.
_CONSEQUENCE = re.compile(
    r"\b(?:that|this|which)(?: is|['’]s) why\b|"
    r",\s+so (?!(?:far|much|many|few|long|that|too|as|on|called|to|let|let's)\b)(?=\w)",
    re.I,
)
_CONSEQUENCE_KEYS = ("why", ", so")


def _forecast_first(text: str) -> bool:
    """Whether a forecast comes before the consequence the sentence draws: in "Gales will
    peak at dawn. The ground is soaked, so trees fall easily" the claim is the forecast,
    and the reason after it explains; "That is why sales are up. Profit will follow" is a
    consequence first."""
    found = _CONSEQUENCE.search(text)
    return bool(found) and forecast(text[: found.start()])




def _strip_dates(text: str) -> str:
    """Days, years, times, ages and vote tallies do not make a statistic: "on April 3",
    "in 2026", "at 2 a.m.", "a 34-year-old man", "voted 61-38", "on 28 November", "Route 9",
    "a 48-hour strike" are context. Each of them holds a digit: a sentence without one is
    left as it is, unsearched."""
    return cues.DATES.sub(" ", text) if _DIGIT.search(text) else text


_DIGIT = re.compile(r"\d")


# The same patterns with a first look in front: the same matches, found faster
# (see firstlook.py).
(
    _CONSEQUENCE, _DIED_OF, _SCHEDULED_ACT, _STATE_BEFORE, _WHETHER,
) = first_looks(
    _CONSEQUENCE, _DIED_OF, _SCHEDULED_ACT, _STATE_BEFORE, _WHETHER,
)
