"""Selection candidates whose word block may carry over to a new debate (see :mod:`selection`).

Debates differ by their names and topics, so the word block may learn one debate's proper
nouns and inflections. Three candidates, fixed before their run, change only the tokens
the word block is built from (the shipped ones: lowercased, number shapes added by
:func:`features.word_grams`); the character block and the news signals stay the shipped
design's, and so do the word block's unigrams and bigrams, vocabulary (seen in
``WORD_MIN_DF`` sentences), smoothed idf and sublinear, L2-normalised TF-IDF:

* stemmed: each word token stemmed by the Snowball English stemmer (memoised per word);
  numbers and symbols are left as they are, so their shapes are unchanged;
* names masked: each token that was capitalised in the text (its first letter upper case,
  acronyms too), unless it is the text's first token or "I" (or "I'm", "I've", ...),
  becomes the one token ``NAME``;
* both: names masked, then the other words stemmed.

Each fits the shipped design's logistic regression (C = 2, balanced) on the shipped
design with its word block replaced, on the same splits and folds as every other candidate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Protocol

import numpy as np

from workbench.extraction import features
from workbench.extraction.evaluate import Example
from workbench.extraction.model import Block, tfidf_entries
from workbench.extraction.train import WORD_MIN_DF, _classifier

NAME = "_name_"  # the shape of a masked name (lowercase, as the word block's tokens are)


class Split(Protocol):  # selection.Split, without importing it (selection imports us)
    fit: list[Example]
    score: list[Example]
    texts: dict[int, str]  # every file's texts by id, no labels
    _designs: dict

    @property
    def labels(self) -> np.ndarray: ...

    def design(self): ...


def cased_tokens(text: str) -> tuple[list[str], list[bool]]:
    """The word block's tokens of ``text`` (exactly :func:`features.analyse`'s) and, for
    each, whether its first letter is upper case in the text."""
    normal = features.normalise(text)
    lowered = normal.lower()
    if len(lowered) == len(normal):
        source = list(range(len(normal)))
    else:  # a character whose lower case is longer: map each lowered position back
        source = [i for i, ch in enumerate(normal) for _ in ch.lower()]
    tokens, capitalised = [], []
    for match in features._WORD.finditer(lowered):  # noqa: SLF001 - the shared tokenizer
        tokens.append(match.group())
        capitalised.append(normal[source[match.start()]].isupper())
    return tokens, capitalised


def mask_names(tokens: Sequence[str], capitalised: Sequence[bool]) -> list[str]:
    """Tokens with each capitalised one, but the first and "I" ("I'm", ...), as ``NAME``."""
    return [NAME if cap and i > 0 and t != "i" and not t.startswith("i'") else t
            for i, (t, cap) in enumerate(zip(tokens, capitalised, strict=True))]


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def stem(token: str) -> str:
    """The Snowball English stem of a word token; numbers, symbols and ``NAME`` unchanged."""
    if token == NAME or not token[0].isalpha():
        return token
    return _stemmer().stemWord(token)


def word_block_grams(text: str, *, stemmed: bool, masked: bool) -> list[str]:
    """The word block's unigrams and bigrams of ``text`` built from the changed tokens
    (with neither change, exactly the shipped word block's n-grams)."""
    tokens, capitalised = cased_tokens(text)
    if masked:
        tokens = mask_names(tokens, capitalised)
    if stemmed:
        tokens = [stem(t) for t in tokens]
    return features.word_grams(tokens)


class WordBlock:
    """The word block over ``grams`` of each text: vocabulary (n-grams seen in
    ``WORD_MIN_DF`` sentences) and smoothed idf fitted on ``fitted``, as the shipped block's."""

    def __init__(self, fitted: Sequence[list[str]]) -> None:
        df: Counter[str] = Counter()
        for grams in fitted:
            df.update(set(grams))
        vocab = sorted(g for g, n in df.items() if n >= WORD_MIN_DF)
        idf = np.log((1.0 + len(fitted)) / (1.0 + np.array([df[g] for g in vocab]))) + 1.0
        self.block = Block({g: i for i, g in enumerate(vocab)},
                           idf.astype(np.float32).astype(np.float64), np.ones(0))

    def matrix(self, rows: Sequence[list[str]]):
        """One sublinear TF-IDF row (L2-normalised) per list of n-grams."""
        from scipy import sparse

        lengths, cols = [], []
        for grams in rows:
            found = self.block.gram_indices(grams)
            lengths.append(len(found))
            cols.extend(found)
        r, j, v = tfidf_entries(lengths, cols, self.block.idf)
        return sparse.csr_matrix((v, (r, j)), shape=(len(rows), len(self.block.vocab)))


def design(split: Split, *, stemmed: bool, masked: bool):
    """(fit, score) matrices: the shipped design with its word block built from the changed
    tokens; the character block and the signals are the shipped design's own columns."""
    from scipy import sparse

    x, x_score = split.design()
    first_char = int(split._designs["full"][2][1])  # noqa: SLF001 - word block's end
    fit_grams, score_grams = ([word_block_grams(e.text, stemmed=stemmed, masked=masked)
                               for e in examples] for examples in (split.fit, split.score))
    words = WordBlock(fit_grams)
    out = []
    for grams, m in ((fit_grams, x), (score_grams, x_score)):
        block = words.matrix(grams)
        # normalised once more, as selection._select does to the shipped blocks (the same
        # rounding: with neither change the design is the shipped one to the last bit)
        norms = np.sqrt(np.asarray(block.multiply(block).sum(axis=1)).ravel())
        block = sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ block
        out.append(sparse.hstack([block, m[:, first_char:]]).tocsr())
    return out[0], out[1]


def _words(stemmed: bool, masked: bool, c: float = 2.0) -> Callable[[Split], np.ndarray]:
    """The shipped design's regression on the design with the changed word block."""
    def fit(split: Split) -> np.ndarray:
        x, x_score = design(split, stemmed=stemmed, masked=masked)
        return _classifier(c).fit(x, split.labels).predict_proba(x_score)[:, 1]
    return fit


WORD_CANDIDATES = {
    "Words across debates: shipped design, word block stemmed (Snowball English)":
        _words(stemmed=True, masked=False),
    "Words across debates: shipped design, names masked in the word block":
        _words(stemmed=False, masked=True),
    "Words across debates: shipped design, word block stemmed and names masked":
        _words(stemmed=True, masked=True),
}
