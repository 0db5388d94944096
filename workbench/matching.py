"""Claim matching: does one sentence say the same claim as another? (A pure engine: no I/O.)

Two claims are compared in two steps. First their wording: both are normalised (case,
accents, quotes, contractions, "%", "U.S.", an opening or closing "X said") and scored with
rapidfuzz, 0 to 1. Then what a fuzzy score cannot see: whether their numbers (value and
unit, magnitudes such as "billion" already multiplied out), their dates, their negation and
their names agree. A pair scores a *level*:

- ``same``: worded alike above ``Levels.same`` and nothing disagrees or is missing on one
  side (a pair whose numbers differ never reaches it);
- ``suggested``: worded alike above ``Levels.suggested`` and nothing disagrees; a person
  confirms or rejects;
- ``differs``: worded alike above ``Levels.suggested`` but a number, date, negation or name
  disagrees (shown with both values: the same sentence with another figure);
- ``None``: not alike.

The numbers and names come from extraction (``find_numbers`` / ``find_entities`` dicts, as
stored on each claim); the caller passes them in :class:`ClaimText`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

SAME = "same"
SUGGESTED = "suggested"
DIFFERS = "differs"


@dataclass(frozen=True, slots=True)
class Levels:
    """Score thresholds (0..1) of the two levels; ``same`` is never below ``suggested``."""

    suggested: float = 0.70
    same: float = 0.90


@dataclass(frozen=True, slots=True)
class ClaimText:
    """A claim's text with the numbers and entities extraction found in it."""

    text: str
    numbers: tuple[dict, ...] = ()
    entities: tuple[dict, ...] = ()


@dataclass(frozen=True, slots=True)
class Comparison:
    """How two claims compare. ``*_agree`` is None where there is nothing to compare."""

    score: float
    level: str | None
    numbers_agree: bool | None
    dates_agree: bool | None
    negation_agree: bool
    entities_agree: bool | None
    differences: tuple[tuple[str, str], ...] = field(default=())

    def to_dict(self) -> dict:
        return {"score": round(self.score, 3), "level": self.level,
                "numbers_agree": self.numbers_agree, "dates_agree": self.dates_agree,
                "negation_agree": self.negation_agree, "entities_agree": self.entities_agree,
                "differences": [list(d) for d in self.differences]}


# --- wording ------------------------------------------------------------------------------

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": " ", "–": " "})
_REWRITES = [
    (re.compile(r"\bcan't\b"), "cannot"), (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"n't\b"), " not"), (re.compile(r"'(?:re|ve|ll|d|m)\b"), ""),
    (re.compile(r"'s\b"), ""), (re.compile(r"\s*%"), " percent"),
    (re.compile(r"\bper cent\b"), "percent"),
    (re.compile(r"\b(?:the )?(?:united states(?: of america)?|u\.s\.a?\.?|america)(?=\W|$)"),
     "us"),
    (re.compile(r"\b(?:uh|um|er|you know)\b"), " "),
]
_SPEAKER = r"(?:[\w.'-]+\s+){0,6}?"
_ATTRIBUTION_HEAD = re.compile(rf"^{_SPEAKER}(?:said|says|told reporters|stated|claimed)"
                               r"(?:\s+that)?[\s,:]+")
_ATTRIBUTION_TAIL = re.compile(rf"[\s,]+{_SPEAKER}(?:said|says|told reporters|stated|claimed)"
                               r"(?:\s+[\w.'-]+){0,8}$")
_ACCORDING = re.compile(r"(?:^|[\s,]+)according to (?:[\w.'-]+\s*){1,6}[,.]?")
_PUNCT = re.compile(r"[^\w\s]")
_NEGATIONS = frozenset("not no never none nobody nothing neither nor without cannot".split())


def _fold(text: str) -> str:
    text = text.translate(_QUOTES)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return text.lower()


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Lower case, no accents, contractions spelled out, "X said" cut, no punctuation."""
    out = _fold(text)
    for pattern, new in _REWRITES:
        out = pattern.sub(new, out)
    quoted = re.fullmatch(r'\s*"([^"]{12,})"(.*)', out)
    if quoted:  # '"…," the senator said.' -> the quote
        out = quoted.group(1) if len(quoted.group(2).split()) <= 8 else out
    out = _ACCORDING.sub(" ", out)
    stripped = _ATTRIBUTION_TAIL.sub("", _ATTRIBUTION_HEAD.sub("", out.strip(" .\"'")))
    if len(stripped.split()) >= 4:
        out = stripped
    return " ".join(_PUNCT.sub(" ", out).split())


def similarity(a: str, b: str) -> float:
    """0..1 likeness of two normalised texts: word order and extra words count little."""
    if not a or not b:
        return 0.0
    return (0.5 * fuzz.token_sort_ratio(a, b) + 0.5 * fuzz.token_set_ratio(a, b)) / 100.0


def could_match(a: str, b: str, levels: Levels) -> bool:
    """A quick first look on the raw texts: False only for pairs far below *suggested*
    (the full score of a pair is never far above this one; 0.15 is the margin)."""
    quick = fuzz.token_set_ratio(a, b, processor=default_process) / 100.0
    return quick >= levels.suggested - 0.15


# --- numbers, dates, negation, names -------------------------------------------------------

_UNIT_ALIASES = {
    "%": "percent", "per cent": "percent", "dollars": "USD", "dollar": "USD",
    "euros": "EUR", "tonnes": "ton", "tons": "ton", "tonne": "ton", "kilos": "kilogram",
    "kilo": "kilogram", "centuries": "century", "people": None,
}


def _unit(number: dict) -> str | None:
    unit = number.get("unit")
    if unit is None:
        return None
    unit = str(unit).lower()
    if unit in _UNIT_ALIASES:
        return _UNIT_ALIASES[unit]
    return unit if unit in {"percent", "usd", "eur", "gbp"} else unit.removesuffix("s")


def _quantities(numbers: tuple[dict, ...]) -> list[tuple[str | None, float, str]]:
    return [(_unit(n), float(n["value"]), n["text"]) for n in numbers
            if n.get("unit") != "date" and n.get("value") is not None]


def _dates(numbers: tuple[dict, ...]) -> list[tuple[str, str]]:
    """Each dated year as a comparable key and its text ("last month" names no year)."""
    return [(str(int(n["value"])), n["text"]) for n in numbers
            if n.get("unit") == "date" and n.get("value")]


def _same_quantity(x: tuple[str | None, float, str], y: tuple[str | None, float, str]) -> bool:
    close = abs(x[1] - y[1]) <= 1e-9 * max(1.0, abs(x[1]), abs(y[1]))
    return close and (x[0] is None or y[0] is None or x[0].lower() == y[0].lower())


def _agreement(left: list, right: list, same) -> tuple[bool | None, list, list]:  # noqa: ANN001
    """(agree, unmatched on the left, unmatched on the right).

    They disagree only where each side has a value the other lacks (a substitution); a value
    stated on one side only is not a disagreement, but is reported as unmatched.
    """
    if not left or not right:
        return None, left, right
    new = list(right)
    lost = []
    for x in left:  # one to one: "18%" and a plain "18" are two figures, not one
        hit = next((y for y in new if same(x, y)), None)
        if hit is None:
            lost.append(x)
        else:
            new.remove(hit)
    if lost and new:
        return False, lost, new
    return True, lost, new


def _negations(norm: str) -> int:
    return sum(1 for w in norm.split() if w in _NEGATIONS)


def _names(entities: tuple[dict, ...], sentence: str) -> list[str]:
    """Names that matter: not dates, not a lone capitalised word opening the sentence."""
    opening = sentence.lstrip(" \"'“‘(").split()[:1]
    out = []
    for e in entities:
        label, text = e.get("label"), e.get("text", "")
        if label == "DATE" or (label == "MISC" and [text] == opening):
            continue
        name = normalise(text)
        if name and name not in out:
            out.append(name)
    return out


def _named_in(name: str, words: set[str]) -> bool:
    return all(p in words for p in name.split())


# --- comparing ----------------------------------------------------------------------------


def compare(a: ClaimText, b: ClaimText, levels: Levels | None = None,
            *, norm_a: str | None = None, norm_b: str | None = None) -> Comparison:
    """Compare two claims (``norm_*`` may pass :func:`normalise` results already made)."""
    levels = levels or Levels()
    na = normalise(a.text) if norm_a is None else norm_a
    nb = normalise(b.text) if norm_b is None else norm_b
    score = similarity(na, nb)

    numbers_agree, lost_n, new_n = _agreement(_quantities(a.numbers), _quantities(b.numbers),
                                              _same_quantity)
    dates_agree, lost_d, new_d = _agreement(_dates(a.numbers), _dates(b.numbers),
                                            lambda x, y: x[0] == y[0])
    negation_agree = bool(_negations(na)) == bool(_negations(nb))
    words_a, words_b = set(na.split()), set(nb.split())
    names_a, names_b = _names(a.entities, a.text), _names(b.entities, b.text)
    missing_a = [n for n in names_a if not _named_in(n, words_b)]
    missing_b = [n for n in names_b if not _named_in(n, words_a)]
    if not names_a or not names_b:
        entities_agree = None
    else:
        entities_agree = not (missing_a and missing_b)

    differences: list[tuple[str, str]] = []
    if numbers_agree is False:
        differences.append((", ".join(x[2] for x in lost_n), ", ".join(y[2] for y in new_n)))
    if dates_agree is False:
        differences.append((", ".join(x[1] for x in lost_d), ", ".join(y[1] for y in new_d)))
    if not negation_agree:
        differences.append(("negated" if _negations(na) else "affirmed",
                            "negated" if _negations(nb) else "affirmed"))
    if entities_agree is False:
        differences.append((", ".join(missing_a), ", ".join(missing_b)))

    level: str | None = None
    if score >= levels.suggested:
        if differences:
            level = DIFFERS
        elif score >= levels.same and not (lost_n or new_n or lost_d or new_d):
            level = SAME
        else:
            level = SUGGESTED
    return Comparison(score=score, level=level, numbers_agree=numbers_agree,
                      dates_agree=dates_agree, negation_agree=negation_agree,
                      entities_agree=entities_agree, differences=tuple(differences))


def is_match(level: str | None) -> bool:
    """Whether a level counts as "the same claim" for a person to see (suggested or same)."""
    return level in {SUGGESTED, SAME}


@dataclass(frozen=True, slots=True)
class PairScores:
    """Precision, recall and F1 of ``same`` labels at the suggested level."""

    pairs: int
    true_positive: int
    false_positive: int
    false_negative: int
    numbers_differ_at_same: int

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 0.0

    @property
    def recall(self) -> float:
        wanted = self.true_positive + self.false_negative
        return self.true_positive / wanted if wanted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {"pairs": self.pairs, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "true_positive": self.true_positive, "false_positive": self.false_positive,
                "false_negative": self.false_negative,
                "numbers_differ_at_same": self.numbers_differ_at_same}


def score_pairs(labelled: list[tuple[bool, Comparison]]) -> PairScores:
    """Scores of comparisons against their labels (True: the same claim)."""
    tp = sum(1 for same, c in labelled if same and is_match(c.level))
    fp = sum(1 for same, c in labelled if not same and is_match(c.level))
    fn = sum(1 for same, c in labelled if same and not is_match(c.level))
    bad = sum(1 for _, c in labelled if c.level == SAME and c.numbers_agree is False)
    return PairScores(pairs=len(labelled), true_positive=tp, false_positive=fp,
                      false_negative=fn, numbers_differ_at_same=bad)


# --- a claim against a source's text -------------------------------------------------------

AGREES, NOT_FOUND = "agrees", "not found"
_CONTENT = re.compile(r"[a-z]{4,}")
_COMMON = frozenset("""that this with have from they their there were what when which will
would about been into more than then them these those your said says also percent""".split())


@dataclass(frozen=True, slots=True)
class Finding:
    """One value of the claim looked for in the source: agrees, differs or not found."""

    what: str  # "number", "date" or "place"
    claimed: str
    found: str | None
    result: str
    passage: str = ""

    def to_dict(self) -> dict:
        return {"what": self.what, "claimed": self.claimed, "found": self.found,
                "result": self.result, "passage": self.passage}


@dataclass(frozen=True, slots=True)
class SourceReading:
    """What a source's text says about a claim: the passages on its subject and each value."""

    result: str  # "agrees", "differs" or "not found"
    findings: tuple[Finding, ...]
    passages: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"result": self.result, "findings": [f.to_dict() for f in self.findings],
                "passages": list(self.passages)}


def _subject(text: str) -> set[str]:
    return {w for w in _CONTENT.findall(normalise(text)) if w not in _COMMON}


def passages_about(claim: ClaimText, sentences: list[ClaimText],
                   limit: int = 3) -> list[ClaimText]:
    """The source's sentences that speak of the claim's subject, the closest first: they
    share at least two of its content words (or its only one)."""
    subject = _subject(claim.text)
    need = min(2, len(subject))
    if not need:
        return []
    ranked = []
    for n, s in enumerate(sentences):
        shared = len(subject & _subject(s.text))
        if shared >= need:
            ranked.append((-shared, n, s))
    return [s for _, _, s in sorted(ranked, key=lambda r: r[:2])[:limit]]


def _look_for(what: str, claimed: list, found: list[tuple], same, comparable) -> list[Finding]:  # noqa: ANN001
    """Each claimed value against the values of the passages (value, text, passage)."""
    out = []
    for value in claimed:
        hit = next((f for f in found if same(value, f[0])), None)
        if hit is not None:
            out.append(Finding(what, value[-1], hit[1], AGREES, hit[2]))
            continue
        other = next((f for f in found if comparable(value, f[0])), None)
        if other is not None:
            out.append(Finding(what, value[-1], other[1], DIFFERS, other[2]))
        else:
            out.append(Finding(what, value[-1], None, NOT_FOUND))
    return out


def _places(entities: tuple[dict, ...]) -> list[str]:
    return [e["text"] for e in entities if e.get("label") == "GPE"]


def read_source(claim: ClaimText, sentences: list[ClaimText]) -> SourceReading:
    """Compare the claim's numbers (with units and magnitudes), years and places with those
    of the source's passages on its subject."""
    near = passages_about(claim, sentences)
    quantities = [(q, q[2]) for q in _quantities(claim.numbers)]
    years = [(d, d[1]) for d in _dates(claim.numbers)]
    places = [(p, p) for p in _places(claim.entities)]
    found_q = [(q, q[2], s.text) for s in near for q in _quantities(s.numbers)]
    found_y = [(d, d[1], s.text) for s in near for d in _dates(s.numbers)]
    found_p = [(p, p, s.text) for s in near for p in _places(s.entities)]
    findings = _look_for("number", quantities, found_q,
                         lambda c, f: _same_quantity(c[0], f),
                         lambda c, f: _same_unit(c[0], f))
    findings += _look_for("date", years, found_y, lambda c, f: c[0][0] == f[0],
                          lambda c, f: True)
    findings += _look_for("place", places, found_p,
                          lambda c, f: normalise(c[0]) == normalise(f), lambda c, f: True)
    if any(f.result == DIFFERS for f in findings):
        result = DIFFERS
    elif any(f.result == AGREES for f in findings):
        result = AGREES
    else:
        result = NOT_FOUND
    return SourceReading(result, tuple(findings), tuple(s.text for s in near))


def _same_unit(x: tuple[str | None, float, str], y: tuple[str | None, float, str]) -> bool:
    return (x[0] or "").lower() == (y[0] or "").lower()
