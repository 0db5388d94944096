"""Selection that imitates new material: ``python -m workbench.extraction.selection DATA_DIR``.

Random folds put sentences of the same debate on both sides of a split; neighbouring
sentences share topics, names and phrasing, so a model looks better than it will on a new
debate. Here the folds are whole debates. The data has no debate column, but its
sentence ids run in order within a debate and jump between debates: a jump of more than
``GAP`` ids starts a new group (about forty groups in train).

Every candidate is fitted with balanced class weights and scored at the threshold 0.5
(the shipped threshold), on the same folds:

* grouped CV: the pooled out-of-fold F1 (Yes) over train, folds by debate;
* dev: fitted on train, scored on dev (expert labels);
* dev-test: fitted on train + dev, scored once on dev-test, for the record only.

Each figure carries a 95 % bootstrap interval (debates resampled with replacement for
grouped CV; sentences for dev and dev-test). The plain reference is scikit-learn's word
TF-IDF and logistic regression, as the issue of the shipped model was measured against.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

from workbench.extraction.evaluate import Example, read_tsv
from workbench.extraction.train import FILES, Featurizer, _classifier

GAP = 20
FOLDS = 5
THRESHOLD = 0.5
BOOTSTRAP, SEED = 1000, 0
Fit = Callable[[list[Example], list[Example]], np.ndarray]


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


def bootstrap(labels: np.ndarray, predicted: np.ndarray, groups: np.ndarray | None = None,
              rounds: int = BOOTSTRAP) -> tuple[float, float]:
    """95 % interval of F1 (Yes), resampling groups (or single sentences) with replacement."""
    rng = np.random.default_rng(SEED)
    units = groups if groups is not None else np.arange(len(labels))
    members = [np.flatnonzero(units == u) for u in np.unique(units)]
    values = []
    for _ in range(rounds):
        pick = rng.integers(0, len(members), len(members))
        rows = np.concatenate([members[i] for i in pick])
        values.append(f1(labels[rows], predicted[rows]))
    low, high = np.percentile(values, [2.5, 97.5])
    return float(low), float(high)


def fit_shipped(fit: list[Example], score: list[Example], c: float = 2.0) -> np.ndarray:
    """The shipped design (word and character TF-IDF blocks and news signals)."""
    featurizer = Featurizer(fit)
    y = np.array([e.label for e in fit])
    model = _classifier(c).fit(featurizer.design(fit), y)
    return model.predict_proba(featurizer.design(score))[:, 1]


def fit_reference(fit: list[Example], score: list[Example]) -> np.ndarray:
    """Plain word TF-IDF (scikit-learn's defaults) and logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer()
    x = vectorizer.fit_transform([e.text for e in fit])
    model = _classifier(1.0).fit(x, np.array([e.label for e in fit]))
    return model.predict_proba(vectorizer.transform([e.text for e in score]))[:, 1]


CANDIDATES: dict[str, Fit] = {
    "plain word TF-IDF + logistic regression (reference)": fit_reference,
    "shipped: word + character TF-IDF + news signals, C = 2": fit_shipped,
}


def grouped_cv(examples: list[Example], fit: Fit) -> tuple[float, tuple[float, float]]:
    labels = np.array([e.label for e in examples])
    groups = debate_groups(examples)
    probs = np.zeros(len(examples))
    for held in grouped_folds(groups):
        keep = np.ones(len(examples), dtype=bool)
        keep[held] = False
        train = [e for e, k in zip(examples, keep, strict=True) if k]
        probs[held] = fit(train, [examples[i] for i in held])
    predicted = probs >= THRESHOLD
    return f1(labels, predicted), bootstrap(labels, predicted, groups)


def held_out(fit_on: list[Example], score: list[Example], fit: Fit
             ) -> tuple[float, tuple[float, float]]:
    labels = np.array([e.label for e in score])
    predicted = fit(fit_on, score) >= THRESHOLD
    return f1(labels, predicted), bootstrap(labels, predicted)


def table(data_dir: Path, *, log=print) -> list[str]:
    """The selection table (markdown rows), one candidate a row."""
    splits = {name: read_tsv(data_dir / file) for name, file in FILES.items()}
    groups = debate_groups(splits["train"])
    log(f"train: {len(splits['train'])} sentences in {groups.max() + 1} debate groups")
    rows = ["| candidate | grouped CV F1 (train) | dev F1 | dev-test F1 |", "|---|---|---|---|"]
    for name, fit in CANDIDATES.items():
        cells = [grouped_cv(splits["train"], fit),
                 held_out(splits["train"], splits["dev"], fit),
                 held_out(splits["train"] + splits["dev"], splits["dev-test"], fit)]
        rows.append(f"| {name} | " + " | ".join(
            f"{value:.3f} ({low:.3f}–{high:.3f})" for value, (low, high) in cells) + " |")
        log(rows[-1])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    args = parser.parse_args(argv)
    table(args.data_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
