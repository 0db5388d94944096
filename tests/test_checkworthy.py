"""The check-worthiness model against the CheckThat! 2024 data and its model card."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.conftest import skip_or_fail
from workbench.errors import InputError
from workbench.extraction import DEFAULT_THRESHOLD, Scores, evaluate
from workbench.extraction.model import WEIGHTS_PATH, load_model

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("WORKBENCH_TEST_DATASETS",
                           ROOT.parent / "shared" / "datasets" / "ct24-checkworthy-english"))
DEV_TEST = DATA / "CT24_checkworthy_english_dev-test.tsv"
CARD = WEIGHTS_PATH.with_name("MODEL_CARD.md")


def _need(path: Path) -> Path:
    if not path.is_file():
        skip_or_fail(f"{path} is absent; set WORKBENCH_TEST_DATASETS to the CT24 English folder.")
    return path


def test_weights_file_is_small_and_consistent():
    assert WEIGHTS_PATH.stat().st_size < 2_000_000
    model = load_model()
    assert 0.0 < DEFAULT_THRESHOLD < 1.0 and model.threshold == DEFAULT_THRESHOLD
    assert len(model.words.vocab) == len(model.words.coef) == len(model.words.idf)


def test_scores_separate_obvious_cases():
    model = load_model()
    claim = model.score("Unemployment fell to 3.5 percent last year, the lowest rate since 1969.")
    chatter = model.score("Thank you very much, it is great to be here tonight.")
    assert claim > DEFAULT_THRESHOLD > chatter


@pytest.mark.datasets
def test_dev_test_f1_matches_model_card():
    scores = evaluate(_need(DEV_TEST))
    assert isinstance(scores, Scores) and scores.total == 318 and scores.positives == 108
    stated = re.search(r"dev-test F1 \(Yes\): ([0-9.]+)", CARD.read_text(encoding="utf-8"))
    assert stated, "the model card does not state the dev-test F1"
    assert abs(scores.f1 - float(stated.group(1))) < 0.001
    assert scores.threshold == DEFAULT_THRESHOLD


@pytest.mark.datasets
def test_threshold_trades_precision_for_recall():
    path = _need(DEV_TEST)
    low, high = evaluate(path, threshold=0.2), evaluate(path, threshold=0.9)
    assert low.recall > high.recall and high.precision >= low.precision


def _write(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "data.tsv"
    path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "empty"),
        ("Sentence_id\tText\tclass_label\n", "no sentences"),
        ("id\ttext\tlabel\n1\tx\tYes\n", "header"),
        ("Sentence_id\tText\tclass_label\n1\tOnly two columns\n", "columns"),
        ("Sentence_id\tText\tclass_label\n1\tA sentence.\tMaybe\n", "label"),
    ],
)
def test_malformed_tsv_is_refused(tmp_path, content, message):
    with pytest.raises(InputError, match=message):
        evaluate(_write(tmp_path, content))


def test_small_tsv_with_quotes_is_scored(tmp_path):
    path = _write(tmp_path, 'Sentence_id\tText\tclass_label\n'
                  '1\t"We cut taxes by 40 percent, ""the largest cut ever."""\tYes\n'
                  "2\tThank you all for coming tonight.\tNo\n")
    scores = evaluate(path, threshold=0.5)
    assert (scores.total, scores.positives) == (2, 1)
    assert scores.f1 == 1.0 and scores.precision == 1.0


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        evaluate(tmp_path / "nope.tsv")


def test_batch_scores_match_one_at_a_time():
    model = load_model()
    texts = ["We cut taxes by 40 percent.", "", "Thank you.", "Jobs rose 3% in 2019, he said."]
    batch = model.logits(texts)
    assert batch.shape == (4,)
    for text, z in zip(texts, batch, strict=True):
        assert abs(model.logit(text) - z) < 1e-9


def test_signals_read_news_cues():
    from workbench.extraction.features import SIGNAL_NAMES, signals

    sig = signals("Unemployment fell to 3.5 percent in 2019, according to the BLS.")
    for name in ("s:number", "s:year", "s:percent", "s:trend", "s:attribution", "s:acronym"):
        assert sig.get(name) == 1.0, name
    assert set(sig) <= set(SIGNAL_NAMES)
    chatter = signals("Thank you, I think we should go!")
    assert {"s:chatter", "s:opinion", "s:first_person", "s:exclaim"} <= set(chatter)
