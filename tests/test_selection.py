"""Selection by debate: groups found in the sentence ids, folds of whole debates, intervals."""

from __future__ import annotations

import numpy as np

from tests.test_checkworthy import DATA, _need
from workbench.extraction import selection
from workbench.extraction.evaluate import Example, read_tsv


def _examples(ids: list[int]) -> list[Example]:
    return [Example(str(i), f"sentence {i}", i % 3 == 0) for i in ids]


def test_a_jump_in_sentence_ids_starts_a_new_debate():
    examples = _examples([105, 3, 1, 2, 100, 101, 400])  # any order
    groups = selection.debate_groups(examples)
    assert list(groups) == [1, 0, 0, 0, 1, 1, 2]


def test_folds_hold_whole_debates_and_cover_every_sentence():
    groups = np.repeat(np.arange(12), [50, 40, 40, 30, 30, 20, 20, 20, 10, 10, 5, 5])
    folds = selection.grouped_folds(groups, k=5)
    held = np.concatenate(folds)
    assert sorted(held.tolist()) == list(range(len(groups)))
    for fold in folds:
        for g in np.unique(groups[fold]):
            assert set(np.flatnonzero(groups == g)) <= set(fold.tolist())
    sizes = [len(f) for f in folds]
    assert max(sizes) - min(sizes) <= 20


def test_bootstrap_interval_contains_the_figure_and_narrows_with_agreement():
    labels = np.array([True, False] * 200)
    noisy = labels.copy()
    noisy[::7] = ~noisy[::7]
    low, high = selection.bootstrap(labels, noisy, rounds=300)
    assert low <= selection.f1(labels, noisy) <= high < 1.0
    assert selection.bootstrap(labels, labels, rounds=50) == (1.0, 1.0)


def test_the_training_data_falls_into_debates():
    train = read_tsv(_need(DATA / "CT24_checkworthy_english_train.tsv"))
    groups = selection.debate_groups(train)
    assert 20 <= groups.max() + 1 <= 60
    assert np.bincount(groups).max() < len(train) / 5  # no fold is one debate's worth alone
