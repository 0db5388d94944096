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

from collections.abc import Callable, Sequence

import numpy as np

from workbench.extraction import features
from workbench.extraction.evaluate import Example
from workbench.extraction.selection_words import Split, WordBlock
from workbench.extraction.train import _classifier

NEIGHBOUR_WORDS_WEIGHT = 0.5


def neighbours(examples: Sequence[Example], texts: dict[int, str]
               ) -> tuple[list[str | None], list[str | None]]:
    """(previous, next) text of each example: ids one less and one more, None if absent."""
    ids = [int(e.sentence_id) for e in examples]
    return [texts.get(i - 1) for i in ids], [texts.get(i + 1) for i in ids]


def _texts(split: Split) -> dict[int, str]:
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


def unigrams(text: str | None) -> list[str]:
    """The word block's unigrams of a text (bigrams hold a space, unigrams never do)."""
    return [] if text is None else [g for g in features.analyse(text)[0] if " " not in g]


def _extra_signals(split: Split):
    from scipy import sparse

    texts = _texts(split)
    blocks = []
    for examples in (split.fit, split.score):
        before, after = neighbours(examples, texts)
        blocks.append(sparse.csr_matrix(np.hstack([signal_block(before), signal_block(after)])))
    return blocks


def _extra_words(split: Split):
    """One row per sentence: the unigrams of its previous and next sentences pooled, in a
    block whose vocabulary and idf come from the sentences fitted on."""
    texts = _texts(split)
    block = WordBlock([unigrams(e.text) for e in split.fit])
    return [NEIGHBOUR_WORDS_WEIGHT * block.matrix(
                [unigrams(b) + unigrams(a) for b, a in zip(*neighbours(examples, texts),
                                                           strict=True)])
            for examples in (split.fit, split.score)]


def _with(extra: Callable[[Split], list], key: str, c: float = 2.0
          ) -> Callable[[Split], np.ndarray]:
    """The shipped design with ``extra`` blocks appended, one logistic regression."""
    def fit(split: Split) -> np.ndarray:
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
