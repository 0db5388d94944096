"""The queue's queries on a small and a busy desk, without the dashboard around them.

Builds a desk of 1,000 claims and one of 100,000 (bench/desk.py; SQLite, or with
``--postgres`` schemas on the server WORKBENCH_TEST_POSTGRES_URL names) and times what one
rerun of the queue page asks the database for (the status tiles, the capped count and one
page of 50 claims), for each view of bench_pages.py and for the second page of a sort, and
prints the medians and the ratio busy / small, and the fastest of each (on a shared
machine a few milliseconds of work are often interrupted, which the fastest run is not),
both desks measured in turns in the same run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_pages import VIEWS  # noqa: E402
from bench.desk import build_desk, temporary_database  # noqa: E402
from workbench import db, queue  # noqa: E402


def _rerun(engine, params: dict[str, str], pages: int) -> None:
    """What one rerun of the queue page reads, on page ``pages``."""
    flt, sort = queue.from_params(params)
    with db.session_scope(engine) as s:
        queue.status_counts(session=s)
        queue.count(session=s, flt=flt, cap=queue.COUNT_CAP)
        after = None
        for _ in range(pages):
            after = queue.page(session=s, flt=flt, sort=sort, after=after).next_after


def _samples(engines: tuple, params: dict[str, str], pages: int,
             repeat: int) -> list[list[float]]:
    """Reruns on each desk, taken in turns so that the machine's load weighs on both
    alike."""
    for engine in engines:
        _rerun(engine, params, pages)  # warm the caches, as a person's second look does
    samples: list[list[float]] = [[] for _ in engines]
    for _ in range(repeat):
        for i, engine in enumerate(engines):
            started = time.perf_counter()
            _rerun(engine, params, pages)
            samples[i].append(time.perf_counter() - started)
    return samples


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--busy", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--postgres", action="store_true",
                        help="on PostgreSQL (WORKBENCH_TEST_POSTGRES_URL) instead of SQLite")
    args = parser.parse_args(argv)
    kind = "postgresql" if args.postgres else "sqlite"
    views = [(name, params, 1) for name, params in VIEWS.items()]
    views.append(("article sort, p2", VIEWS["article sort"], 2))
    with temporary_database(kind) as small, temporary_database(kind) as busy:
        build_desk(small, claims=args.small)
        build_desk(busy, claims=args.busy)
        print(f"queue queries on {kind}, one rerun (tiles, capped count, a page of 50):")
        for name, params, pages in views:
            a, b = _samples((small, busy), params, pages, args.repeat)
            median_a, median_b = statistics.median(a), statistics.median(b)
            print(f"  {name:16}: {args.small:,} claims {median_a * 1000:5.1f} ms, "
                  f"{args.busy:,} claims {median_b * 1000:5.1f} ms, "
                  f"ratio {median_b / median_a:.2f}; fastest {min(a) * 1000:4.1f} vs "
                  f"{min(b) * 1000:4.1f} ms, ratio {min(b) / min(a):.2f}")


if __name__ == "__main__":
    main()
