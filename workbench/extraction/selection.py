"""Selection that imitates new material: ``python -m workbench.extraction.selection DATA_DIR``.

Random folds put sentences of the same debate on both sides of a split; neighbouring
sentences share topics, names and phrasing, so a model looks better than it will on a new
debate. Here the folds are whole debates. The data has no debate column, but its
sentence ids run in order within a debate and jump between debates: a jump of more than
``GAP`` ids starts a new group (33 groups in train).

Every candidate is fitted with balanced class weights and scored at the threshold 0.5 (a
candidate that picks its own threshold shifts its scores so that 0.5 is its threshold),
on the same folds:

* grouped CV: the pooled out-of-fold F1 (Yes) over train, folds by debate;
* against the shipped design: the difference of grouped-CV F1, paired on the same debates;
* dev: fitted on train, scored on dev (expert labels);
* dev-test: fitted on train + dev, scored once on dev-test, for the record only.

Each figure carries a 95 % bootstrap interval (debates resampled with replacement for
grouped CV and the difference; sentences for dev and dev-test). The plain reference is
scikit-learn's word TF-IDF and logistic regression. Features are built once per split
(vocabulary and idf from the sentences fitted on, never from those scored) and shared by
the candidates; a candidate that needs a choice inside its fit (labels to clean, C and
threshold) makes it on grouped folds of the sentences it is fitted on.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from workbench.extraction.evaluate import Example, read_tsv
from workbench.extraction.selection_context import CONTEXT_CANDIDATES
from workbench.extraction.selection_words import WORD_CANDIDATES
from workbench.extraction.train import (
    FILES,
    Featurizer,
    Linear,
    _classifier,
    best_threshold,
    fit_linear,
    mix,
    nb_member,
)

GAP = 20
FOLDS, INNER_FOLDS = 5, 3
THRESHOLD = 0.5
BOOTSTRAP, SEED = 1000, 0
BLOCKS = ("word", "char", "signals")


def debate_groups(examples: list[Example]) -> np.ndarray:
    """A group number per example: a jump of more than ``GAP`` sentence ids starts a new one."""
    ids = np.array([int(e.sentence_id) for e in examples])
    order = np.argsort(ids, kind="stable")
    jumps = np.diff(ids[order]) > GAP
    groups = np.empty(len(ids), dtype=np.int64)
    groups[order] = np.concatenate([[0], np.cumsum(jumps)])
    return groups


def grouped_folds(groups: np.ndarray, k: int = FOLDS) -> list[np.ndarray]:
    """Held-out indexes of ``k`` folds, whole groups each, sizes balanced (largest first)."""
    sizes = np.bincount(groups)
    load = np.zeros(k)
    fold_of = np.empty(len(sizes), dtype=np.int64)
    for g in np.argsort(-sizes, kind="stable"):
        fold_of[g] = int(np.argmin(load))
        load[fold_of[g]] += sizes[g]
    return [np.flatnonzero(fold_of[groups] == f) for f in range(k)]


def f1(labels: np.ndarray, predicted: np.ndarray) -> float:
    tp = float(np.sum(labels & predicted))
    denominator = float(np.sum(labels) + np.sum(predicted))
    return 2 * tp / denominator if denominator else 0.0


def _resamples(units: np.ndarray, rounds: int):
    rng = np.random.default_rng(SEED)
    members = [np.flatnonzero(units == u) for u in np.unique(units)]
    for _ in range(rounds):
        yield np.concatenate([members[i] for i in rng.integers(0, len(members), len(members))])


def bootstrap(labels: np.ndarray, predicted: np.ndarray, groups: np.ndarray | None = None,
              rounds: int = BOOTSTRAP, against: np.ndarray | None = None
              ) -> tuple[float, float]:
    """95 % interval of F1 (Yes), resampling groups (or single sentences) with replacement;
    with ``against``, of the F1 difference ``predicted`` minus ``against`` on the same rows."""
    units = groups if groups is not None else np.arange(len(labels))
    values = [f1(labels[rows], predicted[rows])
              - (f1(labels[rows], against[rows]) if against is not None else 0.0)
              for rows in _resamples(units, rounds)]
    low, high = np.percentile(values, [2.5, 97.5])
    return float(low), float(high)


@dataclass
class Split:
    """Sentences to fit on and sentences to score, with features built once for both."""

    fit: list[Example]
    score: list[Example]
    _designs: dict = field(default_factory=dict)
    texts: dict[int, str] = field(default_factory=dict)  # all files' texts by id, no labels

    @property
    def labels(self) -> np.ndarray:
        return np.array([e.label for e in self.fit])

    def design(self, blocks: tuple[str, ...] = BLOCKS, min_debates: int = 1, max_n: int = 2):
        """(fit, score) matrices of the chosen blocks, each block L2-normalised on its own;
        ``min_debates`` keeps only n-grams seen in that many debates of the fit set;
        ``max_n`` is the longest word n-gram."""
        full = "full" if max_n == 2 else f"full{max_n}"
        if full not in self._designs:
            featurizer = Featurizer(self.fit, max_n)
            sizes = (len(featurizer.word_vocab), len(featurizer.char_vocab))
            self._designs[full] = (featurizer.design(self.fit), featurizer.design(self.score),
                                   np.cumsum((0, *sizes)))
        if max_n != 2:
            return self._designs[full][:2]
        key = (blocks, min_debates)
        if key not in self._designs:
            self._designs[key] = _select(*self._designs["full"], blocks, min_debates,
                                         debate_groups(self.fit))
        return self._designs[key]


def _select(x_fit, x_score, edges, blocks, min_debates, groups):
    from scipy import sparse

    fit_parts, score_parts = [], []
    for name, start, end in zip(BLOCKS, edges, (*edges[1:], x_fit.shape[1]), strict=True):
        if name not in blocks:
            continue
        cols = np.arange(start, end)
        if min_debates > 1 and name != "signals":
            present = sparse.csr_matrix((np.ones(len(groups)), (groups, np.arange(len(groups)))))
            debates = np.asarray(((present @ (x_fit[:, cols] != 0)) > 0).sum(axis=0)).ravel()
            cols = cols[debates >= min_debates]
        for x, parts in ((x_fit, fit_parts), (x_score, score_parts)):
            block = x[:, cols]
            if name != "signals":  # renormalise: exactly the block built on these columns
                norms = np.sqrt(np.asarray(block.multiply(block).sum(axis=1)).ravel())
                block = sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ block
            parts.append(block)
    return sparse.hstack(fit_parts).tocsr(), sparse.hstack(score_parts).tocsr()


Fit = Callable[[Split], np.ndarray]


def linear(c: float = 2.0, blocks: tuple[str, ...] = BLOCKS, min_debates: int = 1) -> Fit:
    """Logistic regression on the chosen feature blocks."""
    def fit(split: Split) -> np.ndarray:
        x, x_score = split.design(blocks, min_debates)
        return _classifier(c).fit(x, split.labels).predict_proba(x_score)[:, 1]
    return fit


def fit_reference(split: Split) -> np.ndarray:
    """Plain word TF-IDF (scikit-learn's defaults) and logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer()
    x = vectorizer.fit_transform([e.text for e in split.fit])
    model = _classifier(1.0).fit(x, split.labels)
    return model.predict_proba(vectorizer.transform([e.text for e in split.score]))[:, 1]


def _inner_folds(x, y: np.ndarray, groups: np.ndarray,
                 score: Callable[..., np.ndarray]) -> np.ndarray:
    """Out-of-fold values over the fit set, inner folds of whole debates:
    ``score(x_fit, y_fit, x_held)`` gives the values of the held-out rows."""
    oof = np.zeros(len(y))
    for held in grouped_folds(np.unique(groups, return_inverse=True)[1], INNER_FOLDS):
        keep = np.ones(len(y), dtype=bool)
        keep[held] = False
        oof[held] = score(x[keep], y[keep], x[held])
    return oof


def _inner_oof(x, y: np.ndarray, groups: np.ndarray, c: float) -> np.ndarray:
    """Out-of-fold probabilities of the shipped design over the fit set."""
    return _inner_folds(x, y, groups,
                        lambda xf, yf, xh: _classifier(c).fit(xf, yf).predict_proba(xh)[:, 1])


def tuned(grid: tuple[float, ...] = (1.0, 2.0)) -> Fit:
    """C and threshold chosen on grouped folds of the fit set (nested), scores shifted so
    that 0.5 is the chosen threshold."""
    def fit(split: Split) -> np.ndarray:
        x, x_score = split.design()
        y, groups = split.labels, debate_groups(split.fit)
        best = max((best_threshold(list(y), _inner_oof(x, y, groups, c))[::-1], c) for c in grid)
        (_, threshold), c = best
        p = _classifier(c).fit(x, y).predict_proba(x_score)[:, 1]
        return _shift(p, threshold)
    return fit


def _shift(p: np.ndarray, threshold: float) -> np.ndarray:
    """Scores whose 0.5 is ``threshold`` (a change of intercept)."""
    logit = np.log(np.clip(p, 1e-12, 1.0)) - np.log(np.clip(1.0 - p, 1e-12, 1.0))
    return 1.0 / (1.0 + np.exp(-(logit - np.log(threshold / (1.0 - threshold)))))


def cleaned(weight: float, c: float = 2.0) -> Fit:
    """Crowd labels that the fit set's own out-of-fold predictions confidently contradict
    count ``weight`` times (confident-learning rule: a Yes whose No-probability reaches the
    mean No-probability of the No sentences, and the reverse)."""
    def fit(split: Split) -> np.ndarray:
        x, x_score = split.design()
        y = split.labels
        p = _inner_oof(x, y, debate_groups(split.fit), c)
        doubtful = (y & (1.0 - p >= (1.0 - p[~y]).mean())) | (~y & (p >= p[y].mean()))
        weights = np.where(doubtful, weight, 1.0)
        return _classifier(c).fit(x, y, sample_weight=weights).predict_proba(x_score)[:, 1]
    return fit


def nb_lr_ensemble(c: float = 2.0) -> Fit:
    """The shipped design averaged (in log-odds) with NB-LR: logistic regression on the same
    features scaled by their naive-Bayes log-count ratio. Still one linear model."""
    def fit(split: Split) -> np.ndarray:
        x, x_score = split.design()
        return mix(_member(split, "plain", c), _member(split, "nb", c), 0.5).proba(x_score)
    return fit


def nb_trigrams(c: float = 2.0) -> Fit:
    """The NB-LR average on the shipped blocks with word trigrams in the word block."""
    def fit(split: Split) -> np.ndarray:
        x, x_score = split.design(max_n=3)
        return fit_linear(x, split.labels, c, nb_average=True).proba(x_score)
    return fit


def _memo(split: Split, key: tuple, compute: Callable[[], object]):
    """A fit shared by the candidates of one split (the same data gives the same fit)."""
    cache = split._designs  # noqa: SLF001 - cleared with the matrices after each split
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def _signal_columns(split: Split) -> slice:
    """Columns of the news signals in the full design (after the word and char blocks)."""
    split.design()
    return slice(int(split._designs["full"][2][-1]), None)  # noqa: SLF001


def _fit_member(kind: str, x, y: np.ndarray, c: float, split: Split) -> Linear:
    if kind == "plain":
        return fit_linear(x, y, c, nb_average=False)
    raw = _signal_columns(split) if kind == "nb-raw-signals" else None
    return nb_member(x, y, c, raw=raw)


def _member(split: Split, kind: str, c: float) -> Linear:
    """The plain or NB-LR member fitted on all the sentences of the fit set."""
    def compute() -> Linear:
        x, _ = split.design()
        return _fit_member(kind, x, split.labels, c, split)
    return _memo(split, ("member", kind, c), compute)


def _inner_logits(split: Split, kind: str, c: float) -> np.ndarray:
    """Out-of-fold log-odds of a member over the fit set, inner folds of whole debates."""
    def compute() -> np.ndarray:
        x, _ = split.design()

        def logits(xf, yf, xh):
            member = _fit_member(kind, xf, yf, c, split)
            return xh @ member.coef + member.intercept
        return _inner_folds(x, split.labels, debate_groups(split.fit), logits)
    return _memo(split, ("inner", kind, c), compute)


NB_WEIGHTS = (0.25, 0.5, 0.75, 1.0)
NB_GRID = (1.0, 2.0, 4.0)


def nb_mix_tuned(weights: tuple[float, ...] = NB_WEIGHTS, grid: tuple[float, ...] = NB_GRID
                 ) -> Fit:
    """The NB-LR average with NB-LR's weight in it and its C chosen on inner grouped folds
    (best pooled F1 at 0.5; ties go to the plain average's 0.5 and C = 2)."""
    def fit(split: Split) -> np.ndarray:
        y = split.labels
        plain = _inner_logits(split, "plain", 2.0)
        score = {(w, c): f1(y, (1.0 - w) * plain + w * _inner_logits(split, "nb", c) >= 0.0)
                 for w in weights for c in grid}
        w, c = max(score, key=lambda k: (round(score[k], 6), -abs(k[0] - 0.5),
                                         -abs(np.log2(k[1] / 2.0))))
        _, x_score = split.design()
        return mix(_member(split, "plain", 2.0), _member(split, "nb", c), w).proba(x_score)
    return fit


def nb_raw_signals(c: float = 2.0) -> Fit:
    """The NB-LR average with log-count ratios on the word and character n-grams only: the
    news signals are dense values, not counts, and enter NB-LR unscaled."""
    def fit(split: Split) -> np.ndarray:
        _, x_score = split.design()
        return mix(_member(split, "plain", c), _member(split, "nb-raw-signals", c),
                   0.5).proba(x_score)
    return fit


def _svm_logits(split: Split, c: float) -> tuple[np.ndarray, np.ndarray]:
    """A linear SVM's decision values, Platt-scaled to log-odds on inner grouped folds
    (balanced, like the other members): (inner out-of-fold values, calibrated scores)."""
    from sklearn.svm import LinearSVC

    def svm(x, y):
        return LinearSVC(C=c, class_weight="balanced", max_iter=20000).fit(x, y)

    x, x_score = split.design()
    y = split.labels
    oof = _inner_folds(x, y, debate_groups(split.fit),
                       lambda xf, yf, xh: svm(xf, yf).decision_function(xh))
    platt = _classifier(1e6).fit(oof.reshape(-1, 1), y)
    a, b = float(platt.coef_[0, 0]), float(platt.intercept_[0])
    return a * oof + b, a * svm(x, y).decision_function(x_score) + b


def three_members(c: float = 2.0, svm_c: float = 0.1) -> Fit:
    """The shipped design, NB-LR and a Platt-scaled linear SVM on the same features,
    averaged in log-odds with equal weights: a sum of three linear models is one."""
    def fit(split: Split) -> np.ndarray:
        _, x_score = split.design()
        _, svm = _svm_logits(split, svm_c)
        logit = sum(x_score @ m.coef + m.intercept
                    for m in (_member(split, "plain", c), _member(split, "nb", c)))
        return 1.0 / (1.0 + np.exp(-(logit + svm) / 3.0))
    return fit


def nb_cleaned(weight: float, c: float = 2.0) -> Fit:
    """The NB-LR average fitted with the doubted crowd labels (the rule of :func:`cleaned`,
    on the shipped design's inner out-of-fold predictions) counting ``weight`` times."""
    def fit(split: Split) -> np.ndarray:
        x, x_score = split.design()
        y = split.labels
        p = 1.0 / (1.0 + np.exp(-_inner_logits(split, "plain", c)))
        doubtful = (y & (1.0 - p >= (1.0 - p[~y]).mean())) | (~y & (p >= p[y].mean()))
        weights = np.where(doubtful, weight, 1.0)
        return fit_linear(x, y, c, sample_weight=weights, nb_average=True).proba(x_score)
    return fit


SHIPPED = "shipped: word + character TF-IDF + news signals, C = 2"
CANDIDATES: dict[str, Fit] = {
    "plain word TF-IDF + logistic regression (reference)": fit_reference,
    SHIPPED: linear(),
    "shipped design, C (1 or 2) and threshold chosen on inner grouped folds": tuned(),
    "word n-grams only, C = 2": linear(blocks=("word",)),
    "word + character n-grams, C = 2": linear(blocks=("word", "char")),
    "word n-grams + news signals, C = 2": linear(blocks=("word", "signals")),
    "shipped design, n-grams seen in at least 3 debates": linear(min_debates=3),
    "shipped design, contradicted crowd labels weighted 0.3": cleaned(0.3),
    "shipped design averaged with NB-LR": nb_lr_ensemble(),
    "NB-LR average, NB-LR's weight (0.25-1) and C (1, 2, 4) chosen on inner grouped folds":
        nb_mix_tuned(),
    "NB-LR average, log-count ratios on word + character n-grams only": nb_raw_signals(),
    "shipped design, NB-LR and a Platt-scaled linear SVM (C = 0.1), averaged":
        three_members(),
    "NB-LR average, contradicted crowd labels weighted 0.3": nb_cleaned(0.3),
    "NB-LR average, word n-grams up to 3": nb_trigrams(),
    **CONTEXT_CANDIDATES,  # neighbouring sentences: selection_context.py
    **WORD_CANDIDATES,  # word blocks that may carry over to a new debate: selection_words.py
}
REFERENCE = "plain word TF-IDF + logistic regression (reference)"


def _split(examples: list[Example], held: np.ndarray) -> Split:
    keep = np.ones(len(examples), dtype=bool)
    keep[held] = False
    return Split([e for e, k in zip(examples, keep, strict=True) if k],
                 [examples[i] for i in held])


def predictions(splits: dict[str, list[Example]], candidates: dict[str, Fit], *, log=print
                ) -> dict[str, dict[str, np.ndarray]]:
    """Probabilities of every candidate: out-of-fold on train (folds by debate), on dev
    (fitted on train) and on dev-test (fitted on train + dev). Features are built once per
    split and shared by the candidates."""
    train = splits["train"]
    out = {name: {"cv": np.zeros(len(train))} for name in candidates}
    jobs = [("cv", held, _split(train, held)) for held in grouped_folds(debate_groups(train))]
    jobs += [("dev", None, Split(train, splits["dev"])),
             ("dev-test", None, Split(train + splits["dev"], splits["dev-test"]))]
    texts = {int(e.sentence_id): e.text for part in splits.values() for e in part}
    for _, _, split in jobs:
        split.texts = texts  # for the candidates that read a sentence's neighbours
    for n, (kind, held, split) in enumerate(jobs, 1):
        for name, fit in candidates.items():
            started = time.perf_counter()
            p = fit(split)
            if held is None:
                out[name][kind] = p
            else:
                out[name]["cv"][held] = p
            log(f"split {n}/{len(jobs)} ({kind}): {name} in {time.perf_counter() - started:.0f} s")
        split._designs.clear()  # noqa: SLF001 - free the matrices before the next split
    return out


def table(data_dir: Path, candidates: dict[str, Fit] | None = None, *, log=print
          ) -> list[str]:
    """The selection table (markdown rows), one candidate a row."""
    candidates = CANDIDATES if candidates is None else candidates
    splits = {name: read_tsv(data_dir / file) for name, file in FILES.items()}
    groups = debate_groups(splits["train"])
    log(f"train: {len(splits['train'])} sentences in {groups.max() + 1} debate groups")
    probs = predictions(splits, candidates, log=log)
    labels = {name: np.array([e.label for e in split]) for name, split in splits.items()}
    shipped = probs[SHIPPED]["cv"] >= THRESHOLD if SHIPPED in probs else None
    rows = ["| candidate | grouped CV F1 (train) | minus shipped, same debates | dev F1 | "
            "dev-test F1 |", "|---|---|---|---|---|"]
    for name, p in probs.items():
        cv = p["cv"] >= THRESHOLD
        cells = [_cell(f1(labels["train"], cv), bootstrap(labels["train"], cv, groups))]
        if shipped is None or name == SHIPPED:
            cells.append("")
        else:
            diff = f1(labels["train"], cv) - f1(labels["train"], shipped)
            interval = bootstrap(labels["train"], cv, groups, against=shipped)
            cells.append(_cell(diff, interval, sign=True))
        for split in ("dev", "dev-test"):
            predicted = p[split] >= THRESHOLD
            cells.append(_cell(f1(labels[split], predicted), bootstrap(labels[split], predicted)))
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
        log(rows[-1])
        log(f"  unrounded: grouped CV F1 {f1(labels['train'], cv):.4f}")
    return rows


def _cell(value: float, interval: tuple[float, float], sign: bool = False) -> str:
    if sign:
        return f"{value:+.3f} ({interval[0]:+.3f} to {interval[1]:+.3f})"
    return f"{value:.3f} ({interval[0]:.3f}–{interval[1]:.3f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--only", action="append", default=[], metavar="WORDS",
                        help="run only the candidates whose name contains WORDS (repeatable); "
                        "the shipped design and the reference always run, for the paired "
                        "figures")
    args = parser.parse_args(argv)
    chosen = {name: fit for name, fit in CANDIDATES.items()
              if not args.only or name in (SHIPPED, REFERENCE)
              or any(w in name for w in args.only)}
    table(args.data_dir, chosen)
    return 0


if __name__ == "__main__":
    sys.exit(main())
