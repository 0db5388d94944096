"""Throughput of the extraction pipeline.

Run ``python bench/bench_extraction.py [DATA_DIR]``.

Two measures. In process: the CT24 train sentences joined into articles of 30 sentences,
plus the seed article repeated, until it holds at least 50,000 sentences. The whole
command: ``workbench extract FILE --json --all`` in a new process (start, imports, model
load and JSON included) on 5 MB of news copy (the labelled reports of ``tests/news`` and
the seed article, repeated), as a user runs it (on the cores it finds) and with
``--jobs 1``, with its wall time, its CPU time (the machine may be shared) and its peak
memory: the proportional set sizes of its processes summed, so that pages the forked
processes share count once. Prints figures only; the targets are stated next to them.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import memory  # noqa: E402
from workbench.extraction import extract, segment  # noqa: E402
from workbench.extraction.model import load_model  # noqa: E402
from workbench.extraction.newsset import read_reports  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "datasets" / "ct24-checkworthy-english"
SEED = ROOT.parent / "shared" / "seed" / "2026-02-04-trump-petro-white-house.txt"
TARGET_SENTENCES = 50_000
TARGET_RATE = 3_000
GOAL_RATE = 5_000
NEWS_BYTES = 5_000_000
TARGET_PEAK_MB = 300


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

    memory.restart_peak()  # the corpus built above is not the pipeline's memory
    started, cpu_started = time.perf_counter(), time.process_time()
    for article in articles:
        extract(article, include_all=True)
    full = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    rate = count / full
    print(f"extraction: {count:,} sentences in {full:.1f} s = {rate:,.0f} sentences/s "
          f"(target >= {TARGET_RATE:,}); {count / cpu:,.0f} sentences per CPU second")
    print(f"extraction / segmentation time ratio: {full / seg_time:.1f}x")
    print(f"peak memory while extracting: {memory.peak_mb():,.0f} MB")
    command_figures()
    return 0


def news_file(folder: Path) -> Path:
    """About 5 MB of news copy: the labelled reports and the seed article, repeated."""
    texts = [r.text for r in read_reports(ROOT / "tests" / "news")]
    if SEED.is_file():
        texts.append(SEED.read_text(encoding="utf-8"))
    parts, size = [], 0
    while size < NEWS_BYTES:
        for text in texts:
            parts.append(text)
            size += len(text.encode("utf-8"))
    path = folder / "news.txt"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def command_figures() -> None:
    """``workbench extract FILE --json --all`` as a user runs it, process start included:
    on the cores it finds (the default) and in one process (``--jobs 1``)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = news_file(Path(tmp))
        size = path.stat().st_size
        runs = {jobs: _run_command(path, jobs) for jobs in ("0", "1")}
    for jobs, (count, wall, cpu, peak, largest) in runs.items():
        how = "one process (--jobs 1)" if jobs == "1" else "the default (its cores)"
        print(f"extract --json --all on {size / 1e6:.1f} MB of news, {how}: {count:,} "
              f"sentences in {wall:.1f} s wall = {count / wall:,.0f} sentences/s "
              f"(target >= {TARGET_RATE:,}, goal {GOAL_RATE:,})")
        print(f"  CPU time {cpu:.1f} s = {count / cpu:,.0f} sentences per CPU second")
        print(f"  peak memory of the command: {peak:,.0f} MB, its processes' proportional "
              f"set sizes summed (target < {TARGET_PEAK_MB}); largest process "
              f"{largest:,.0f} MB RSS")
    print(f"  one process / default wall time: {runs['1'][1] / runs['0'][1]:.2f}x")


def _run_command(path: Path, jobs: str) -> tuple[int, float, float, float, float]:
    """Sentences, wall seconds, CPU seconds, peak summed PSS (MB), largest RSS (MB).

    Timed in one run and measured in another: reading /proc every few milliseconds takes
    a core's time from the command. (The kernel's own maximum RSS of a child would count
    this process's memory, which a child holds between fork and exec.)"""
    command = [sys.executable, "-m", "workbench", "extract", str(path), "--json", "--all",
               "--jobs", jobs]
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status):
            raise SystemExit(f"workbench extract failed ({status})")
        out.seek(0)
        count = len(json.load(out))
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, cwd=ROOT)
    peak = largest = 0
    while proc.poll() is None:  # shared pages count once, split among the processes
        sizes = [_memory_kb(pid) for pid in _process_tree(proc.pid)]
        peak = max(peak, sum(pss for pss, _ in sizes))
        largest = max(largest, *(rss for _, rss in sizes))
        time.sleep(0.005)
    if proc.returncode:
        raise SystemExit(f"workbench extract failed ({proc.returncode})")
    if not peak:
        raise SystemExit("the memory of the command could not be read (/proc is needed)")
    return count, wall, usage.ru_utime + usage.ru_stime, peak / 1024, largest / 1024


def _process_tree(pid: int) -> list[int]:
    found = [pid]
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                found.extend(_process_tree(int(child)))
    except OSError:
        pass  # the process has ended
    return found


def _memory_kb(pid: int) -> tuple[int, int]:
    """A process's proportional and resident set sizes."""
    sizes = {"Pss:": 0, "Rss:": 0}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key = line.split(maxsplit=1)[0] if line else ""
            if key in sizes:
                sizes[key] = int(line.split()[1])
    except OSError:
        pass  # the process has ended
    return sizes["Pss:"], sizes["Rss:"]


if __name__ == "__main__":
    raise SystemExit(main())
