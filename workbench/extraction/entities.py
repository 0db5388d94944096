"""Named entities and numbers in a sentence, by rule, with offsets into the article.

A reviewer needs to know what to look up: the people, the organisations, the places, the
official lists ("Foreign Terrorist Organizations"), and every figure with its unit or date.
Rules are enough for that and they are predictable; they are not a general NER system.
"""

from __future__ import annotations

import re

from workbench.extraction.firstlook import first_looks
from workbench.extraction.letters import CAP

PERSON_TITLES = frozenset(
    """president vice-president sen senator rep representative gov governor secretary minister
    mr mrs ms dr prof gen general adm admiral col colonel ambassador judge justice chairman
    chairwoman director spokesman spokeswoman mayor king queen prince pope lady""".split()
)
_ORG_HEADS = frozenset(
    """organization organizations organisation department ministry center centre program
    programme embassy house office agency council committee commission party army navy
    court congress senate parliament university institute foundation bank fund union
    association administration bureau service corporation company group network times
    journal post reuters cartel front movement forces""".split()
)
_LAW_HEADS = frozenset("doctrine act law treaty accord agreement plan amendment".split())
_DATES = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
_PLACES = frozenset(
    """afghanistan argentina bogotá bogota brazil canada caracas chile china colombia cuba
    ecuador europe honduras iran iraq israel mexico nicaragua panama peru russia syria ukraine
    venezuela washington america americas latin new york california texas florida gaza
    london paris moscow beijing havana medellín medellin cali africa asia""".split()
)
_NORP = re.compile(
    r"^(?:American|Colombian|Venezuelan|Mexican|Cuban|Chinese|Russian|European|Latin|"
    r"Democratic|Republican|Democrat|Republicans|Democrats|Israeli|Palestinian|Ukrainian|"
    r"Brazilian|Argentine|Honduran|Peruvian|Canadian|British|French|German|Iranian)$"
)
# Capitalised words that are not names at the start of a sentence or of a clause.
_FUNCTION = frozenset(
    """the a an he she it they we i you his her its their our this that these those there
    but and or so yet if when while after before since although though however despite
    in on at for to from as by with of just last next moments relations many some most all
    both what who why how not no one two should would could may might will can does did
    has have had was were is are be been being mr mrs ms""".split()
)
_CONNECTORS = frozenset({"of", "the", "de", "del", "la", "for", "on"})
_TOKEN = re.compile(rf"{CAP}[\w’'.-]*|(?:{CAP}\.){{2,}}|[a-z][\w’'-]*")
_ACRONYM = re.compile(rf"^(?:{CAP}\.){{2,}}$|^{CAP}{{2,6}}s?$")
_INITIALISM_END = re.compile(rf"(?:{CAP}\.){{2,}}$")
_POSSESSIVE = re.compile(r"[’']s$")


def _label(words: list[str], people: frozenset[str]) -> str:
    lowered = [w.lower().rstrip(".").removesuffix("’s").removesuffix("'s") for w in words]
    text = " ".join(words)
    if len(words) == 1 and lowered[0] in _DATES:
        return "DATE"
    if lowered[-1] in _LAW_HEADS:
        return "LAW"
    if lowered[-1] in _ORG_HEADS or (_ACRONYM.match(words[-1]) and lowered[-1] not in {"u.s"}):
        return "ORG"
    if text in {"U.S.", "D.C.", "U.K.", "E.U."}:
        return "GPE"
    if all(w in _PLACES for w in lowered):
        return "GPE"
    if len(words) == 1 and _NORP.match(words[0]):
        return "NORP"
    if lowered[-1] in _PLACES:
        return "GPE"
    if lowered[0] in PERSON_TITLES or len(words) in (2, 3) or text in people:
        return "PERSON"
    return "MISC"


def find_entities(sentence: str, offset: int, people: frozenset[str] = frozenset()) -> list[dict]:
    """Capitalised sequences (with "of", "de" ... inside), acronyms and known places.

    ``people`` holds the single names ("Petro") that the article elsewhere gives in full
    ("Gustavo Petro"), so that a bare surname is labelled a person.
    """
    out: list[dict] = []
    run: list[re.Match[str]] = []

    def flush() -> None:
        while run and run[-1].group().lower() in _CONNECTORS:
            run.pop()
        while run and run[0].group().lower() in _FUNCTION:
            run.pop(0)
        if run:
            s, e = run[0].start(), run[-1].end()
            raw = sentence[s:e]
            trimmed = raw.rstrip(".,’'")
            if raw.endswith(".") and _INITIALISM_END.search(raw):
                trimmed = raw  # keep the period of "U.S."
            trimmed = _POSSESSIVE.sub("", trimmed)
            words = trimmed.split()
            if words and (len(trimmed) > 2 or _ACRONYM.match(trimmed)) and "’" not in trimmed:
                out.append({"text": trimmed, "label": _label(words, people),
                            "start": offset + s, "end": offset + s + len(trimmed)})
        run.clear()

    prev_end = 0
    for m in _TOKEN.finditer(sentence):
        token = m.group()
        if run:
            gap = sentence[prev_end : m.start()]
            if gap.strip() or "\n" in gap:
                flush()
        if token[0].isupper() or (run and token.lower() in _CONNECTORS):
            run.append(m)
        elif run:
            flush()
        prev_end = m.end()
    flush()
    return [e for e in out if e["text"] and e["text"].lower() not in _FUNCTION]


def with_people(found: list[dict], people: frozenset[str]) -> list[dict]:
    """``found`` (from :func:`find_entities` without ``people``) as if ``people`` were given.

    ``people`` only turns a name that would otherwise be ``MISC`` into a ``PERSON``, so the
    article's entities can be found once and relabelled instead of found twice.
    """
    return [
        {**e, "label": "PERSON"} if e["label"] == "MISC" and e["text"] in people else e
        for e in found
    ]


# --- numbers ------------------------------------------------------------------------------

_SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12, "half": 0.5, "a": 1, "an": 1,
}
MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_UNITS = (
    r"years?|months?|weeks?|days?|hours?|decades?|centuries|percent|per cent|"
    r"points?|people|fighters|troops|soldiers|deaths|jobs|tons?|tonnes|hectares|acres|"
    r"kilograms?|kilos?|pounds|miles?|kilometers?|barrels|votes|seats|countries|cases|"
    r"times|dollars|euros|pesos|members|migrants|deportations"
)
_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|a|an|half\ a|a\ dozen"
)
_NUMBER_RE = re.compile(
    rf"""
    (?P<money>[$€£]\s?\d[\d,]*(?:\.\d+)?
        (?:\s*(?:hundred|thousand|million|billion|trillion|[mbk]n?)\b)?)
    | (?P<percent>\d[\d,]*(?:\.\d+)?\s*(?:%|percent\b|per\ cent\b))
    | (?P<date>(?:{MONTH_NAMES})\s+\d{{1,2}}(?!\d)(?:,\s*\d{{4}})?
        |(?<![\w.])(?:{MONTH_NAMES})(?:\s+\d{{4}})?(?=[\s,.;:]|$)
        |(?:{_DAYS})|(?:last|next|this)\s+(?:year|month|week)
        |(?:1[89]|20)\d\d(?:s)?(?!\s*(?:%|percent)))
    | (?P<magnitude>(?:hundreds|thousands|millions|billions|dozens|tens\ of\ thousands)
        \s+of\s+[a-z]+)
    | (?P<count>(?:\d[\d,]*(?:\.\d+)?
        |\b(?:{_NUMBER_WORDS}))
       \s*(?:hundred|thousand|million|billion|trillion)?\s*(?:{_UNITS})\b)
    | (?P<plain>(?<![\w.])\d[\d,]*(?:\.\d+)?
        (?:\s*(?:hundred|thousand|million|billion|trillion))?)
    """,
    re.X | re.I,
)
# Where a figure can begin, for a first pass over the lowercased sentence: case-sensitive
# alternatives are skipped quickly, while _NUMBER_RE (case-insensitive, tried at every
# position) is several times slower. It finds every start _NUMBER_RE can match at, and more.
_NUMBER_START = re.compile(
    rf"""[\d$€£]|{MONTH_NAMES.lower()}|{_DAYS.lower()}|(?:last|next|this)\s+(?:year|month|week)
    |hundreds|thousands|millions|billions|dozens|tens\ of\ thousands
    |(?:{_NUMBER_WORDS})\s*(?:hundred|thousand|million|billion|trillion)?\s*(?:{_UNITS})""",
    re.X,
)
# The letters that match an ASCII one when case is ignored but that str.lower() keeps
# (the other two, "İ" and "K", lowercase to "i̇" and "k").
_FOLD = str.maketrans("ıſ", "is")
_MAGNITUDE_VALUE = {"hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
                    "dozens": 12, "tens of thousands": 1e4}


def _numeric(text: str) -> float | None:
    m = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    value: float | None
    if m:
        value = float(m.group().replace(",", ""))
    else:
        first = text.lower().split()[0] if text.split() else ""
        value = _WORD_NUMBERS.get(first)
        if text.lower().startswith("half a"):
            value = 0.5
        if text.lower().startswith("a dozen"):
            value = 12
        if value is None:
            return None
    lowered = text.lower()
    for word, scale in _SCALE.items():
        if word in lowered:
            return value * scale
    suffix = re.search(r"\d\s*([mbk])n?\b", lowered)
    if suffix:
        value *= {"k": 1e3, "m": 1e6, "b": 1e9}[suffix.group(1)]
    return value


def find_numbers(sentence: str, offset: int) -> list[dict]:
    """Figures with unit: money, percentages, dates, magnitudes ("thousands of fighters")."""
    out = []
    for m in _number_matches(sentence):
        kind = m.lastgroup or "plain"
        text = m.group()
        if kind == "date" and text == "May" and _modal_may(sentence, m.start()):
            continue
        value: float | None
        unit: str | None
        if kind == "money":
            value, unit = _numeric(text), {"$": "USD", "€": "EUR", "£": "GBP"}[text[0]]
        elif kind == "percent":
            value, unit = _numeric(text), "percent"
        elif kind == "date":
            year = re.search(r"\b(?:1[89]|20)\d\d\b", text)
            value, unit = (float(year.group()) if year else None), "date"
        elif kind == "magnitude":
            head = text.lower().split(" of ")[0]
            value, unit = _MAGNITUDE_VALUE.get(head), text.lower().split()[-1]
        elif kind == "count":
            value = _numeric(text)
            unit = re.search(rf"({_UNITS})$", text, re.I).group(1).lower()  # type: ignore[union-attr]
            if text.lower().startswith(("a ", "an ")) and unit not in {"year", "month", "week",
                                                                        "day", "decade"}:
                continue  # "a people", "an hour" are not figures worth listing
        else:
            value, unit = _numeric(text), None
        out.append({"text": text, "value": value, "unit": unit,
                    "start": offset + m.start(), "end": offset + m.end()})
    return out


def _number_matches(sentence: str) -> list[re.Match[str]]:
    """``_NUMBER_RE.finditer(sentence)``, tried only where :data:`_NUMBER_START` finds that
    a figure can begin."""
    lowered = sentence.lower().translate(_FOLD)
    if len(lowered) != len(sentence):  # "İ": the offsets would not line up
        return list(_NUMBER_RE.finditer(sentence))
    out: list[re.Match[str]] = []
    at = 0
    while (start := _NUMBER_START.search(lowered, at)) is not None:
        m = _NUMBER_RE.match(sentence, start.start())
        if m:
            out.append(m)
            at = m.end()
        else:
            at = start.start() + 1
    return out


def _modal_may(sentence: str, at: int) -> bool:
    """"May" opening a sentence or question is the verb, elsewhere the month."""
    before = sentence[:at].rstrip(" “\"‘'")
    return not before or before[-1] in ".!?:"


# The same patterns with a first look in front: the same matches, found faster
# (see firstlook.py).
(
    _INITIALISM_END, _NUMBER_START,
) = first_looks(
    _INITIALISM_END, _NUMBER_START,
)
