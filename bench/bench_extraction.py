"""Throughput of the extraction pipeline on one core.

Run ``python bench/bench_extraction.py [DATA_DIR]``.

The corpus is real text: the CT24 train sentences joined into articles of 30 sentences,
plus the seed article repeated, until it holds at least 50,000 sentences. Prints figures
only; the targets are stated next to them.
"""

from __future__ import annotations

import csv
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.extraction import extract, segment  # noqa: E402
from workbench.extraction.model import load_model  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "datasets" / "ct24-checkworthy-english"
SEED = ROOT.parent / "shared" / "seed" / "2026-02-04-trump-petro-white-house.txt"
TARGET_SENTENCES = 50_000
TARGET_RATE = 3_000


def build_corpus(data_dir: Path) -> list[str]:
    sentences: list[str] = []
    for name in ("train", "dev"):
        path = data_dir / f"CT24_checkworthy_english_{name}.tsv"
        if path.is_file():
            with path.open(encoding="utf-8", newline="") as handle:
                rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
            sentences.extend(row[1].strip('"') for row in rows if len(row) >= 2)
    articles = [" ".join(sentences[i : i + 30]) for i in range(0, len(sentences), 30)]
    seed = SEED.read_text(encoding="utf-8") if SEED.is_file() else ""
    if not articles and not seed:
        raise SystemExit(f"no text found in {data_dir} or {SEED}")
    total = sum(len(segment(a)) for a in articles)
    per_seed = len(segment(seed)) if seed else 0
    while seed and (total < TARGET_SENTENCES or len(articles) < 100):
        articles.append(seed)
        total += per_seed
    while total < TARGET_SENTENCES:
        articles = articles * 2
        total *= 2
    return articles


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    data_dir = Path(argv[0]) if argv else DEFAULT_DATA
    started = time.perf_counter()
    load_model.cache_clear()
    load_model()
    print(f"model load: {time.perf_counter() - started:.3f} s")
    articles = build_corpus(data_dir)

    started = time.perf_counter()
    count = sum(len(segment(a)) for a in articles)
    seg_time = time.perf_counter() - started
    print(f"segmentation: {count:,} sentences in {seg_time:.1f} s = "
          f"{count / seg_time:,.0f} sentences/s")

    started = time.perf_counter()
    for article in articles:
        extract(article, include_all=True)
    full = time.perf_counter() - started
    rate = count / full
    print(f"extraction: {count:,} sentences in {full:.1f} s = {rate:,.0f} sentences/s "
          f"(target >= {TARGET_RATE:,})")
    print(f"extraction / segmentation time ratio: {full / seg_time:.1f}x")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak:,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
