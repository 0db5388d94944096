"""Score the check-worthiness model on a CheckThat!-format TSV file.

The files are tab-separated with the header ``Sentence_id  Text  class_label`` and must be
read with ``csv.QUOTE_NONE``: the texts contain quote characters. Some texts arrive wrapped
in CSV-style quotes (a doubled quote inside, a quote at each end); they are unwrapped
here, for training and
evaluation alike, so that the model sees the sentence a reader would.
"""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass
from pathlib import Path

from workbench.errors import InputError

LABELS = {"Yes": True, "No": False}
HEADER = ("Sentence_id", "Text", "class_label")


@dataclass(frozen=True, slots=True)
class Example:
    sentence_id: str
    text: str
    label: bool


@dataclass(frozen=True, slots=True)
class Scores:
    """Precision, recall and F1 of the ``Yes`` class at ``threshold``."""

    precision: float
    recall: float
    f1: float
    threshold: float
    total: int
    positives: int
    predicted: int
    true_positives: int

    def to_dict(self) -> dict[str, float | int]:
        return asdict(self)


def _unwrap(text: str) -> str:
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        return text[1:-1].replace('""', '"')
    return text


def read_tsv(path: str | Path) -> list[Example]:
    """Labelled examples of a CheckThat! TSV; a malformed file raises InputError."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    except FileNotFoundError as exc:
        raise InputError(f"The file {path} does not exist.") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"The file {path} is not UTF-8 text.") from exc
    except (OSError, csv.Error) as exc:
        raise InputError(f"The file {path} could not be read: {exc}.") from exc
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise InputError(f"The file {path} is empty.")
    header = tuple(cell.strip() for cell in rows[0])
    if header[:3] != HEADER:
        raise InputError(
            f"The file {path} does not start with the header Sentence_id, Text, class_label."
        )
    examples = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) < 3:
            raise InputError(f"Line {number} of {path} has {len(row)} columns instead of 3.")
        label = row[2].strip()
        if label not in LABELS:
            raise InputError(f"Line {number} of {path} has the label {label!r}, not Yes or No.")
        examples.append(Example(row[0].strip(), _unwrap(row[1]), LABELS[label]))
    if not examples:
        raise InputError(f"The file {path} has a header but no sentences.")
    return examples


def scores_from(labels: list[bool], predictions: list[bool], threshold: float) -> Scores:
    tp = sum(1 for y, p in zip(labels, predictions, strict=True) if y and p)
    predicted = sum(predictions)
    positives = sum(labels)
    precision = tp / predicted if predicted else 0.0
    recall = tp / positives if positives else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, threshold, len(labels), positives, predicted, tp)


def evaluate(tsv_path: str | Path, *, threshold: float | None = None) -> Scores:
    """Precision, recall and F1 of ``Yes`` for the committed model on one TSV file."""
    from workbench.extraction.model import load_model

    model = load_model()
    cut = model.threshold if threshold is None else float(threshold)
    if not 0.0 <= cut <= 1.0:
        raise InputError(f"The threshold must be between 0 and 1, not {cut}.")
    examples = read_tsv(tsv_path)
    predictions = [model.score(e.text) >= cut for e in examples]
    return scores_from([e.label for e in examples], predictions, cut)
