"""Selection candidates that read a sentence's neighbours (see :mod:`selection`).

The pipeline knows each sentence's neighbours in the article, so a linear model may read
them too. In the data a sentence's neighbours are the sentences whose ``Sentence_id`` is
one less and one more, looked up across the texts of train, dev and dev-test (text only,
never a label); a missing neighbour gives zeros. Two candidates, fixed before their run:

* neighbour signals: the shipped design plus the news signals of the previous and of the
  next sentence, two dense blocks left unscaled, as the signals block is;
* neighbour words: the shipped design plus one word-unigram sublinear TF-IDF block of the
  previous and next sentences together (vocabulary and idf from the sentences fitted on,
  L2-normalised), multiplied by 0.5.

Both fit the shipped design's logistic regression (C = 2, balanced) on the wider matrix,
on the same splits and folds as every other candidate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np

from workbench.extraction import features
from workbench.extraction.evaluate import Example
from workbench.extraction.model import Block, tfidf_entries
from workbench.extraction.train import WORD_MIN_DF, _classifier

NEIGHBOUR_WORDS_WEIGHT = 0.5


class _Split(Protocol):  # selection.Split, without importing it (selection imports us)
    fit: list[Example]
    score: list[Example]
    texts: dict[int, str]
    _designs: dict

    @property
    def labels(self) -> np.ndarray: ...

    def design(self): ...


def neighbours(examples: Sequence[Example], texts: dict[int, str]
               ) -> tuple[list[str | None], list[str | None]]:
    """(previous, next) text of each example: ids one less and one more, None if absent."""
    ids = [int(e.sentence_id) for e in examples]
    return [texts.get(i - 1) for i in ids], [texts.get(i + 1) for i in ids]


def _texts(split: _Split) -> dict[int, str]:
    """Every text the split may look up: all three files' when given, else its own."""
    own = {int(e.sentence_id): e.text for e in (*split.fit, *split.score)}
    return {**own, **split.texts}


def signal_block(texts: Sequence[str | None]) -> np.ndarray:
    """The news signals of each text as the signals block holds them; None gives zeros."""
    out = np.zeros((len(texts), len(features.SIGNAL_NAMES)))
    for i, text in enumerate(texts):
        if text is not None:
            for j, value in features.analyse(text)[2].items():
                out[i, j] = value
    return out


def _unigrams(text: str | None) -> list[str]:
    """The word block's unigrams of a text (bigrams hold a space, unigrams never do)."""
    return [] if text is None else [g for g in features.analyse(text)[0] if " " not in g]


class UnigramBlock:
    """Word unigrams with vocabulary (seen in ``WORD_MIN_DF`` sentences) and smoothed idf
    fitted on ``fitted`` texts, as the shipped word block's are."""

    def __init__(self, fitted: Sequence[str]) -> None:
        df: Counter[str] = Counter()
        for text in fitted:
            df.update(set(_unigrams(text)))
        vocab = sorted(g for g, n in df.items() if n >= WORD_MIN_DF)
        idf = np.log((1.0 + len(fitted)) / (1.0 + np.array([df[g] for g in vocab]))) + 1.0
        self.block = Block({g: i for i, g in enumerate(vocab)},
                           idf.astype(np.float32).astype(np.float64), np.ones(0))

    def matrix(self, bags: Sequence[Sequence[str | None]]):
        """One sublinear TF-IDF row (L2-normalised) per bag of texts, their words pooled."""
        from scipy import sparse

        lengths, cols = [], []
        for bag in bags:
            found = [j for text in bag for j in self.block.gram_indices(_unigrams(text))]
            lengths.append(len(found))
            cols.extend(found)
        r, j, v = tfidf_entries(lengths, cols, self.block.idf)
        return sparse.csr_matrix((v, (r, j)), shape=(len(bags), len(self.block.vocab)))


def _extra_signals(split: _Split):
    from scipy import sparse

    texts = _texts(split)
    blocks = []
    for examples in (split.fit, split.score):
        before, after = neighbours(examples, texts)
        blocks.append(sparse.csr_matrix(np.hstack([signal_block(before), signal_block(after)])))
    return blocks


def _extra_words(split: _Split):
    texts = _texts(split)
    unigrams = UnigramBlock([e.text for e in split.fit])
    blocks = []
    for examples in (split.fit, split.score):
        before, after = neighbours(examples, texts)
        blocks.append(NEIGHBOUR_WORDS_WEIGHT * unigrams.matrix(list(zip(before, after,
                                                                        strict=True))))
    return blocks


def _with(extra: Callable[[_Split], list], key: str, c: float = 2.0
          ) -> Callable[[_Split], np.ndarray]:
    """The shipped design with ``extra`` blocks appended, one logistic regression."""
    def fit(split: _Split) -> np.ndarray:
        from scipy import sparse

        x, x_score = split.design()
        cache = split._designs  # noqa: SLF001 - cleared with the matrices after each split
        if key not in cache:
            cache[key] = extra(split)
        more, more_score = cache[key]
        wide, wide_score = (sparse.hstack([a, b]).tocsr()
                            for a, b in ((x, more), (x_score, more_score)))
        return _classifier(c).fit(wide, split.labels).predict_proba(wide_score)[:, 1]
    return fit


CONTEXT_CANDIDATES = {
    "Neighbour signals: shipped design + news signals of the previous and next sentences":
        _with(_extra_signals, "neighbour-signals"),
    "Neighbour words: shipped design + word unigrams of the previous and next sentences "
    "(TF-IDF, x 0.5)": _with(_extra_words, "neighbour-words"),
}
