"""The check-worthiness model at inference: a linear model over TF-IDF blocks and signals.

Scoring needs only numpy and the standard library. The weights live in one compressed
``.npz`` next to this module (written by ``python -m workbench.extraction.train``); it is
read the first time a score is asked for and cached, never at import.

For each block (word n-grams, character n-grams) a sentence becomes sublinear TF-IDF
weights, L2-normalised within the block, exactly as during training; the logit is the
intercept plus the two block dot products plus the signal dot product. Sentences are
scored in batches (:meth:`CheckworthyModel.logits`): Python maps n-grams to vocabulary
indexes through dictionaries (memoised per word for the character block) and numpy does
the arithmetic for the whole batch at once.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from workbench.errors import InputError
from workbench.extraction import features

WEIGHTS_PATH = Path(__file__).with_name("model") / "checkworthy.npz"
DESK_WEIGHTS = "checkworthy-desk.npz"  # retrained with the desk's decisions
CHOICE_FILE = "active-model"  # "desk" or "shipped"
MODEL_NAMES = ("shipped", "desk")
_CACHE_LIMIT = 500_000


def desk_dir() -> Path:
    """Where the desk's weights and the choice live: ``WORKBENCH_MODEL_DIR`` or beside the
    shipped weights."""
    return Path(os.environ.get("WORKBENCH_MODEL_DIR") or WEIGHTS_PATH.parent)


def active_name() -> str:
    """The model in use: "desk" when chosen and its weights exist, else "shipped"."""
    folder = desk_dir()
    try:
        chosen = (folder / CHOICE_FILE).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return "shipped"
    return "desk" if chosen == "desk" and (folder / DESK_WEIGHTS).is_file() else "shipped"


def weights_path(name: str | None = None) -> Path:
    """The weights file of ``name`` ("shipped" or "desk"), or of the model in use."""
    name = active_name() if name is None else name
    return desk_dir() / DESK_WEIGHTS if name == "desk" else WEIGHTS_PATH


def use_model(name: str) -> Path:
    """Switch the model in use; the desk's needs its weights (``workbench model retrain``)."""
    if name not in MODEL_NAMES:
        raise InputError(f"The model must be shipped or desk, not {name!r}.")
    path = weights_path(name)
    if not path.is_file():
        raise InputError(f"There are no desk weights at {path}; run workbench model retrain.")
    choice = desk_dir() / CHOICE_FILE
    choice.parent.mkdir(parents=True, exist_ok=True)
    choice.write_text(name + "\n", encoding="utf-8")
    load_model.cache_clear()
    return path


@dataclass
class Block:
    """One TF-IDF block: vocabulary, idf and coefficient per n-gram."""

    vocab: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray
    cache: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def gram_indices(self, grams: list[str]) -> list[int]:
        return [j for j in map(self.vocab.get, grams) if j is not None]

    def word_indices(self, words: list[str]) -> list[int]:
        """Character n-gram indexes of ``words``, memoised per word because words recur."""
        out: list[int] = []
        cache, vocab = self.cache, self.vocab
        for word in words:
            hit = cache.get(word)
            if hit is None:
                grams = features._char_grams(word)  # noqa: SLF001 - shared tokenizer
                hit = tuple(j for j in map(vocab.get, grams) if j is not None)
                if len(cache) < _CACHE_LIMIT:
                    cache[word] = hit
            out.extend(hit)
        return out


@dataclass
class Indexed:
    """A batch of sentences as vocabulary indexes: the model's input, before weighting."""

    word_lengths: list[int]
    word_cols: list[int]
    char_lengths: list[int]
    char_cols: list[int]
    signals: list[dict[int, float]]


def index_batch(texts: Sequence[str], words: Block, chars: Block, max_n: int = 2) -> Indexed:
    """Tokenise and index ``texts`` (training and inference both go through here)."""
    out = Indexed([], [], [], [], [])
    for text in texts:
        grams, tokens, sig = features.analyse(text, max_n)
        w = words.gram_indices(grams)
        c = chars.word_indices(tokens)
        out.word_lengths.append(len(w))
        out.word_cols.extend(w)
        out.char_lengths.append(len(c))
        out.char_cols.extend(c)
        out.signals.append(sig)
    return out


def tfidf_entries(
    lengths: list[int], cols: list[int], idf: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(rows, cols, values) of the sublinear TF-IDF rows, L2-normalised per row."""
    n_rows = len(lengths)
    if not cols:
        empty = np.zeros(0)
        return empty.astype(np.int64), empty.astype(np.int64), empty
    size = idf.shape[0]
    # the keys sort faster as 32-bit integers when they fit (the same keys, the same order)
    kind = np.int32 if n_rows * size < 2**31 else np.int64
    rows = np.repeat(np.arange(n_rows, dtype=kind), lengths)
    keys, counts = np.unique(rows * size + np.asarray(cols, dtype=kind), return_counts=True)
    r, j = np.divmod(keys, size)
    v = (1.0 + np.log(counts)) * idf[j]
    norms = np.sqrt(np.bincount(r, v * v, minlength=n_rows))
    return r, j, v / norms[r]


@dataclass
class CheckworthyModel:
    words: Block
    chars: Block
    signal_names: tuple[str, ...]
    signal_coef: np.ndarray
    intercept: float
    threshold: float
    meta: dict

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        """Log-odds of check-worthiness for each of ``texts``."""
        batch = index_batch(texts, self.words, self.chars)
        total = np.full(len(texts), self.intercept)
        for block, lengths, cols in (
            (self.words, batch.word_lengths, batch.word_cols),
            (self.chars, batch.char_lengths, batch.char_cols),
        ):
            r, j, v = tfidf_entries(lengths, cols, block.idf)
            total += np.bincount(r, v * block.coef[j], minlength=len(texts))
        coef = self.signal_coef.tolist()  # Python floats: the same products, made faster
        for i, sig in enumerate(batch.signals):
            total[i] += sum([coef[j] * value for j, value in sig.items()])
        return total

    def logit(self, text: str) -> float:
        return float(self.logits([text])[0])

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """Probability-like scores in [0, 1] that a fact-checker would check each text."""
        return 1.0 / (1.0 + np.exp(-self.logits(texts)))

    def score(self, text: str) -> float:
        """Probability-like score in [0, 1] that a fact-checker would check ``text``."""
        return sigmoid(self.logit(text))


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _block(data: np.lib.npyio.NpzFile, prefix: str) -> Block:
    vocab_list = bytes(data[f"{prefix}_vocab"]).decode("utf-8").split("\n")
    return Block(
        vocab={g: i for i, g in enumerate(vocab_list)},
        idf=data[f"{prefix}_idf"].astype(np.float64),
        coef=data[f"{prefix}_coef"].astype(np.float64),
    )


def load_model(path: Path | None = None) -> CheckworthyModel:
    """The model in use (or the one at ``path``), read once per process and cached."""
    return _load(weights_path() if path is None else path)


def _cache_clear() -> None:
    _load.cache_clear()


load_model.cache_clear = _cache_clear  # type: ignore[attr-defined]


@lru_cache(maxsize=4)
def _load(path: Path) -> CheckworthyModel:
    """Read the weights file once per process (it is small and read-only)."""
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(bytes(data["meta"]).decode("utf-8"))
            if tuple(meta["signal_names"]) != features.SIGNAL_NAMES:
                raise InputError(
                    f"The weights file {path} was trained with other signals; retrain it with "
                    "python -m workbench.extraction.train DATA_DIR."
                )
            return CheckworthyModel(
                words=_block(data, "word"),
                chars=_block(data, "char"),
                signal_names=tuple(meta["signal_names"]),
                signal_coef=data["signal_coef"].astype(np.float64),
                intercept=float(meta["intercept"]),
                threshold=float(meta["threshold"]),
                meta=meta,
            )
    except FileNotFoundError as exc:
        raise InputError(
            f"The check-worthiness weights file {path} is missing; run "
            "python -m workbench.extraction.train DATA_DIR to create it."
        ) from exc


def default_threshold() -> float:
    """The decision threshold fixed when the weights were trained (see the model card)."""
    return load_model().threshold


def save_model(
    path: Path,
    *,
    words: tuple[list[str], np.ndarray, np.ndarray],
    chars: tuple[list[str], np.ndarray, np.ndarray],
    signal_coef: np.ndarray,
    meta: dict,
) -> None:
    """Write the weights compactly: float32 arrays and newline-joined vocabularies."""
    arrays: dict[str, np.ndarray] = {}
    for prefix, (vocab, idf, coef) in (("word", words), ("char", chars)):
        if any("\n" in g for g in vocab):
            raise ValueError("a vocabulary entry contains a newline")
        arrays[f"{prefix}_vocab"] = np.frombuffer("\n".join(vocab).encode("utf-8"), np.uint8)
        arrays[f"{prefix}_idf"] = np.asarray(idf, dtype=np.float32)
        arrays[f"{prefix}_coef"] = np.asarray(coef, dtype=np.float32)
    arrays["signal_coef"] = np.asarray(signal_coef, dtype=np.float32)
    arrays["meta"] = np.frombuffer(json.dumps(meta, sort_keys=True).encode("utf-8"), np.uint8)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **arrays)
    load_model.cache_clear()
