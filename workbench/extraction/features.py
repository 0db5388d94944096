"""Turn one sentence into the features the check-worthiness model reads.

Training and inference both call :func:`analyse`, so the weights file only has to hold a
vocabulary and coefficients: there is no second implementation of the tokenizer that could
drift from the one the model was fitted with.

Three blocks, each normalised on its own so that a long sentence does not drown the others:

* word unigrams and bigrams, lowercased, with every number also seen as a shape (``#``),
  because "$5 billion" and "$7 billion" are the same kind of claim;
* character 2-5-grams inside word boundaries, which carry morphology ("-ed", "-tion",
  "percent") and survive spelling variants;
* signals a fact-checker looks for in news: numbers and units, records and rankings,
  comparisons, official designations and legal status, attributions, past-tense reports,
  named entities, hedges, predictions, first/second-person opinion and chatter.

Speed matters (the pipeline scores every sentence of an article), so the text is
tokenised once and the signals are read off the tokens and bigrams through cached
per-token lookups instead of one regular expression per signal.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": " - ", "–": " - "})
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*|[$%€£]")
_DIGITS = re.compile(r"\d")
# A capitalised run not at the start of the text or of a sentence, and an acronym ("NATO",
# "U.S."). Both open with the capital and look behind it afterwards, so that a search skips
# straight to the capitals; ``(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*`` finds
# the same runs and ``\b[A-Z]{2,}\b|\b(?:[A-Z]\.){2,}`` an acronym in the same sentences,
# several times slower.
_CAPITALISED = re.compile(r"[A-Z](?<=\W[A-Z])(?<![.!?]\s[A-Z])[a-z]+(?:\s+[A-Z][a-z]+)*")
_ACRONYM = re.compile(r"[A-Z](?<!\w[A-Z])(?:[A-Z]+\b|\.[A-Z]\.)")

CHAR_MIN, CHAR_MAX = 2, 5


def normalise(text: str) -> str:
    """Fold typographic quotes and dashes so news text and debate transcripts look alike."""
    return text if text.isascii() else text.translate(_APOSTROPHES)  # it maps no ASCII


def word_tokens(text: str) -> list[str]:
    return _WORD.findall(normalise(text).lower())


@lru_cache(maxsize=200_000)
def _char_grams(word: str) -> tuple[str, ...]:
    """Character n-grams of one padded word; cached because words repeat (Zipf)."""
    padded = f" {word} "
    size = len(padded)
    return tuple(
        padded[i : i + n] for n in range(CHAR_MIN, CHAR_MAX + 1) for i in range(size - n + 1)
    )


def _shape(token: str) -> str:
    return _DIGITS.sub("#", token) if token[0].isdigit() else token


def word_grams(tokens: list[str], max_n: int = 2) -> list[str]:
    """Unigrams (numbers shaped, and raw), trigrams if ``max_n`` is 3, then bigrams of the
    shaped tokens (bigrams last: the signals read them off the end)."""
    shaped = [_shape(t) if t[0].isdigit() else t for t in tokens]
    grams = list(shaped)
    grams.extend([t for t, s in zip(tokens, shaped, strict=True) if t is not s])
    if max_n >= 3:
        grams.extend(" ".join(shaped[i : i + 3]) for i in range(len(shaped) - 2))
    grams.extend([f"{a} {b}" for a, b in zip(shaped, shaped[1:], strict=False)])
    return grams


def char_grams(text: str) -> list[str]:
    grams: list[str] = []
    for word in normalise(text).lower().split():
        grams.extend(_char_grams(word))
    return grams


# --- news signals -------------------------------------------------------------------------

_WORD_SIGNALS: dict[str, str] = {
    "magnitude": "hundred hundreds thousand thousands million millions billion billions "
    "trillion trillions dozen dozens",
    "percent": "% percent percentage",
    "money": "$ € £ dollars euros",
    "record": "record highest lowest largest biggest smallest most least fewest first ever "
    "all-time doubled tripled half twice rank ranked ranks ranking lead leading leads worst "
    "best",
    "comparison": "more less fewer higher lower than compared versus vs",
    "designation": "designated designation classified listed sanctions sanctioned "
    "terrorist terrorists terrorism illegal illegally unconstitutional law laws legal "
    "legally bill act treaty ban banned bans veto vetoed indicted convicted charged sued "
    "ruled court tariff tariffs vote voted votes voting",
    "attribution": "said says say told reported stated announced claimed wrote posted "
    "testified",
    "causal": "because cause caused causes reflect reflects",
    "hedge": "could might may perhaps possibly likely considered believed reportedly",
    "future": "will going won't gonna",
    "first_person": "i me my we us our i'm we're i've we've",
    "second_person": "you your you're",
    "government": "government congress senate administration federal president state "
    "military budget deficit debt economy unemployment spending medicare security social",
    "chatter": "thank thanks applause laughter welcome congratulations",
    "past": "was were had did been",
}
_STEM_SIGNALS: dict[str, re.Pattern[str]] = {
    "trend": re.compile(
        r"(?:increas|decreas|declin|grow|gain|creat|drop|rais|cut)\w*|ris(?:e|es|ing|en)|"
        r"rose|fell|fall(?:en|ing|s)?|grew|los[te]|jobs?"
    ),
    "designation": re.compile(r"(?:designat|classif|sanction|indict|convict|legisla)\w*"),
}
_BIGRAM_SIGNALS: dict[str, str] = {
    "percent": "per cent",
    "attribution": "according to",
    "causal": "due to|result in|resulted in|led to|driven by|as a",
    "opinion": "i think|i believe|i feel|i hope|i want|we need|we must|we should|let me|"
    "i'm going|we're going|i will|we will|we have|we can",
    "future": "going to",
}
_OPINION_WORDS = frozenset(("should", "must", "ought"))

_BASE_SIGNALS = (
    "number", "year", "magnitude", "percent", "money", "record", "trend", "comparison",
    "designation", "attribution", "causal", "hedge", "future", "opinion", "first_person",
    "second_person", "government", "chatter", "past", "past_ed", "question", "exclaim",
    "quote",
)
SIGNAL_NAMES: tuple[str, ...] = (
    *(f"s:{name}" for name in _BASE_SIGNALS),
    "s:entities",
    "s:acronym",
    "s:numbers",
    "s:short",
    "s:long",
    "s:length",
)
_INDEX = {name: i for i, name in enumerate(SIGNAL_NAMES)}
_WORD_TABLE: dict[str, tuple[int, ...]] = {}
for _name, _words in _WORD_SIGNALS.items():
    for _w in _words.split():
        _WORD_TABLE[_w] = (*_WORD_TABLE.get(_w, ()), _INDEX[f"s:{_name}"])
for _w in _OPINION_WORDS:
    _WORD_TABLE[_w] = (*_WORD_TABLE.get(_w, ()), _INDEX["s:opinion"])
_BIGRAM_TABLE: dict[str, tuple[int, ...]] = {}
for _name, _grams in _BIGRAM_SIGNALS.items():
    for _g in _grams.split("|"):
        _BIGRAM_TABLE[_g] = (*_BIGRAM_TABLE.get(_g, ()), _INDEX[f"s:{_name}"])
_YEAR = re.compile(r"(?:1[89]\d\d|20\d\d)")
_I_NUMBER, _I_YEAR, _I_PAST_ED = _INDEX["s:number"], _INDEX["s:year"], _INDEX["s:past_ed"]
_LOG60 = math.log1p(60)


@lru_cache(maxsize=100_000)
def _token_signals(token: str) -> tuple[int, ...]:
    """Signal indexes one token fires (cached: the vocabulary of news is Zipfian)."""
    if token[0].isdigit():
        return (_I_NUMBER, _I_YEAR) if _YEAR.fullmatch(token) else (_I_NUMBER,)
    found = list(_WORD_TABLE.get(token, ()))
    for name, pattern in _STEM_SIGNALS.items():
        if pattern.fullmatch(token):
            found.append(_INDEX[f"s:{name}"])
    if len(token) > 4 and token.endswith("ed"):
        found.append(_I_PAST_ED)
    return tuple(found)


def signal_vector(text: str, tokens: list[str], bigrams: list[str]) -> dict[int, float]:
    """Presence (0/1) or bounded counts of the cues that make a sentence checkable.

    ``text`` is the normalised sentence (case kept); ``tokens`` and ``bigrams`` come from
    :func:`analyse`. Keys are indexes into :data:`SIGNAL_NAMES`.
    """
    out: dict[int, float] = {}
    numbers = 0
    for token in tokens:
        hit = _token_signals(token)
        if hit:
            if hit[0] == _I_NUMBER:
                numbers += 1
            for j in hit:
                out[j] = 1.0
    table = _BIGRAM_TABLE
    for gram in bigrams:
        hit = table.get(gram)
        if hit:
            for j in hit:
                out[j] = 1.0
    if numbers:
        out[_INDEX["s:numbers"]] = min(numbers, 4) / 4.0
    stripped = text.rstrip(" \"'")
    if stripped.endswith("?"):
        out[_INDEX["s:question"]] = 1.0
    if "!" in text:
        out[_INDEX["s:exclaim"]] = 1.0
    if '"' in text:
        out[_INDEX["s:quote"]] = 1.0
    entities = len(_CAPITALISED.findall(text))
    if entities:
        out[_INDEX["s:entities"]] = min(entities, 4) / 4.0
    if _ACRONYM.search(text):
        out[_INDEX["s:acronym"]] = 1.0
    words = text.count(" ") + 1
    if words <= 6:
        out[_INDEX["s:short"]] = 1.0
    if words >= 30:
        out[_INDEX["s:long"]] = 1.0
    out[_INDEX["s:length"]] = min(math.log1p(words) / _LOG60, 1.0)
    return out


def analyse(text: str, max_n: int = 2) -> tuple[list[str], list[str], dict[int, float]]:
    """(word n-grams, words for the character block, signals) of one sentence."""
    normal = normalise(text)
    lowered = normal.lower()
    tokens = _WORD.findall(lowered)
    grams = word_grams(tokens, max_n)
    n = len(tokens)
    bigrams = grams[len(grams) - max(n - 1, 0) :] if n > 1 else []
    return grams, lowered.split(), signal_vector(normal, tokens, bigrams)


def signals(text: str) -> dict[str, float]:
    """The signals of one sentence by name (for inspection and tests)."""
    return {SIGNAL_NAMES[j]: v for j, v in analyse(text)[2].items()}
