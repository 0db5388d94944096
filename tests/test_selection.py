"""Selection by debate: groups found in the sentence ids, folds of whole debates, intervals."""

from __future__ import annotations

import numpy as np

from tests.test_checkworthy import DATA, _need
from workbench.extraction import features, selection, selection_context, selection_words, train
from workbench.extraction.evaluate import Example, read_tsv
from workbench.extraction.train import FILES


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


def test_a_chosen_threshold_becomes_the_half_point():
    p = np.array([0.1, 0.3, 0.39, 0.41, 0.7, 0.95])
    shifted = selection._shift(p, 0.4)  # noqa: SLF001
    assert list(shifted >= 0.5) == [False, False, False, True, True, True]
    assert np.all(np.diff(shifted) > 0)  # the order of the scores is kept


def test_the_paired_interval_is_zero_against_itself_and_signed_otherwise():
    labels = np.array([True, False] * 100)
    groups = np.repeat(np.arange(20), 10)
    worse = labels.copy()
    worse[::5] = ~worse[::5]
    assert selection.bootstrap(labels, labels, groups, rounds=50, against=labels) == (0.0, 0.0)
    low, high = selection.bootstrap(labels, labels, groups, rounds=200, against=worse)
    assert 0.0 < low <= high


def _debates(n: int = 6, per: int = 24) -> list[Example]:
    """Sentences of ``n`` debates (ids jump between them); each debate has its own name."""
    names = ("Alvarez", "Brooks", "Castillo", "Dunmore", "Ellery", "Fairbanks", "Galloway")
    out = []
    for d in range(n):
        for i in range(per):
            sid = d * 1000 + i
            if i % 2:
                text = f"Jobless rates rose {3 + i % 5} percent in {1990 + i} under {names[d]}."
            else:
                text = f"Thank you, {names[d]}, it is good to be here with you {i % 3} times."
            out.append(Example(str(sid), text, bool(i % 2)))
    return out


def test_dropped_columns_leave_unit_blocks_and_names_of_one_debate_go():
    examples = _debates()
    split = selection.Split(examples[:-24], examples[-24:])
    full, _ = split.design()
    words, scored = split.design(("word",))
    assert words.shape[1] < full.shape[1] and scored.shape[1] == words.shape[1]
    assert np.allclose(np.sqrt(words.multiply(words).sum(axis=1)), 1.0)
    wide, _ = split.design(("word",), min_debates=1)
    narrow, _ = split.design(("word",), min_debates=2)
    assert narrow.shape[1] < wide.shape[1]  # each senator is named in one debate only


def test_every_candidate_separates_an_easy_case_under_grouped_folds(tmp_path):
    examples = _debates(n=7)
    for name, part in (("train", examples[:-48]), ("dev", examples[-48:-24]),
                       ("dev-test", examples[-24:])):
        rows = ["Sentence_id\tText\tclass_label"]
        rows += [f"{e.sentence_id}\t{e.text}\t{'Yes' if e.label else 'No'}" for e in part]
        (tmp_path / FILES[name]).write_text("\n".join(rows) + "\n", encoding="utf-8")
    rows = selection.table(tmp_path, log=lambda _: None)
    assert len(rows) == 2 + len(selection.CANDIDATES)
    for row in rows[2:]:
        grouped_cv = float(row.split(" | ")[1].split()[0])
        assert grouped_cv > 0.9, row


def test_the_nb_lr_average_is_one_linear_model():
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)
    x = sparse.csr_matrix(rng.random((200, 6)) * (rng.random((200, 6)) < 0.5))
    y = np.asarray(x[:, 0].toarray().ravel() + 0.2 * rng.random(200) > 0.4)
    ratio = train.nb_ratio(x, y)
    assert ratio[0] > 0 and ratio[0] == ratio.max()  # the cue of Yes counts most for Yes
    both = train.fit_linear(x, y, 2.0, nb_average=True)
    plain = LogisticRegression(C=2.0, max_iter=5000, class_weight="balanced").fit(x, y)
    nb = LogisticRegression(C=2.0, max_iter=5000, class_weight="balanced").fit(
        x @ sparse.diags(ratio), y)
    mean = (plain.decision_function(x) + nb.decision_function(x @ sparse.diags(ratio))) / 2
    assert np.allclose(both.proba(x), 1 / (1 + np.exp(-mean)))
    alone = train.fit_linear(x, y, 2.0, nb_average=False)
    assert np.allclose(alone.proba(x), plain.predict_proba(x)[:, 1])


def test_a_weighted_nb_lr_average_with_raw_columns_is_still_one_linear_model():
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(1)
    x = sparse.csr_matrix(rng.random((200, 6)) * (rng.random((200, 6)) < 0.5))
    y = np.asarray(x[:, 0].toarray().ravel() + 0.2 * rng.random(200) > 0.4)
    ratio = train.nb_ratio(x, y)
    ratio[4:] = 1.0  # the last two columns enter unscaled
    nb = LogisticRegression(C=2.0, max_iter=5000, class_weight="balanced").fit(
        x @ sparse.diags(ratio), y)
    member = train.nb_member(x, y, 2.0, raw=slice(4, None))
    assert np.allclose(x @ member.coef + member.intercept,
                       nb.decision_function(x @ sparse.diags(ratio)))
    plain = train.fit_linear(x, y, 2.0, nb_average=False)
    mixed = train.mix(plain, member, 0.75)
    logit = 0.25 * (x @ plain.coef + plain.intercept) + 0.75 * (x @ member.coef + member.intercept)
    assert np.allclose(mixed.proba(x), 1 / (1 + np.exp(-logit)))


def test_neighbours_are_the_ids_one_less_and_one_more_and_a_missing_one_gives_zeros():
    examples = _examples([10, 2, 1, 3])
    texts = {int(e.sentence_id): e.text for e in examples}
    before, after = selection_context.neighbours(examples, texts)
    assert before == [None, "sentence 1", None, "sentence 2"]
    assert after == [None, "sentence 3", "sentence 2", None]
    signals = selection_context.signal_block(before)
    assert not signals[0].any() and signals[1].any()  # 10 has no neighbour: zeros
    words = selection_words.WordBlock(
        [selection_context.unigrams(t) for t in ("sentence 1", "sentence 2", "sentence 3")])
    rows = words.matrix([selection_context.unigrams(b) + selection_context.unigrams(a)
                         for b, a in zip(before, after, strict=True)]).toarray()
    assert not rows[0].any() and np.allclose(np.linalg.norm(rows[1:], axis=1), 1.0)


def test_the_word_block_stems_and_masks_names_and_unchanged_it_is_the_shipped_one():
    text = "Senator Alvarez said I'm sure the U.S. taxes rose 5% in Ohio and I voted."
    tokens, capitalised = selection_words.cased_tokens(text)
    assert tokens == features.word_tokens(text)  # the shipped tokens, case looked up
    masked = selection_words.mask_names(tokens, capitalised)
    name = selection_words.NAME
    assert masked == ["senator", name, "said", "i'm", "sure", "the", name, name, "taxes",
                      "rose", "5", "%", "in", name, "and", "i", "voted"]
    both = selection_words.word_block_grams(text, stemmed=True, masked=True)
    assert both[:17] == ["senat", name, "said", "i'm", "sure", "the", name, name, "tax", "rose",
                         "#", "%", "in", name, "and", "i", "vote"]
    assert "5" in both and f"{name} {name}" in both and "# %" in both  # shapes as shipped
    stemmed = selection_words.word_block_grams(text, stemmed=True, masked=False)
    assert "alvarez" in stemmed and name not in stemmed and "tax rose" in stemmed
    plain = selection_words.word_block_grams(text, stemmed=False, masked=False)
    assert plain == features.analyse(text)[0]
    examples = _debates()
    split = selection.Split(examples[:-24], examples[-24:])
    for shipped, same in zip(split.design(), selection_words.design(
            split, stemmed=False, masked=False), strict=True):
        assert shipped.shape == same.shape and abs(shipped - same).max() == 0
