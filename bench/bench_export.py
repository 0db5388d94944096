"""The claims CSV export on a busy desk, against a bare pandas baseline.

Builds a desk (default 100,000 claims, 300,000 evidence links; see bench/desk.py) on
SQLite and, where WORKBENCH_TEST_POSTGRES_URL names a server, on PostgreSQL. On each, it
times in a fresh process each (so that peak memory is that run's alone):
- the workbench's streamed export (``export.claims_csv_chunks`` written to a file), and
- the bare pandas baseline: the same SQL join, source URLs aggregated in SQL,
  ``pandas.read_sql`` then ``to_csv``;
and prints seconds, peak resident memory and the ratios (goal: time <= 1.2x the baseline,
peak <= 300 MB).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import memory  # noqa: E402
from bench.desk import build_desk, temporary_database  # noqa: E402


def _measure(which: str, url: str, out: str) -> None:
    """Run one export in this process and print "seconds peak_mb"."""
    from workbench import db, export
    from workbench.config import Settings

    engine = db.make_engine(Settings(database_url=url))
    started = time.perf_counter()
    if which == "workbench":
        with db.session_scope(engine) as s, open(out, "wb") as f:
            for chunk in export.claims_csv_chunks(session=s):
                f.write(chunk)
    else:
        import pandas as pd

        with engine.connect() as conn:
            frame = pd.read_sql(export.claims_query(engine.dialect.name), conn)
        frame.to_csv(out, index=False)
    seconds = time.perf_counter() - started
    print(f"{seconds:.3f} {memory.peak_mb():.1f}")
    engine.dispose()


def _run(which: str, url: str, out: str) -> tuple[float, float]:
    done = subprocess.run([sys.executable, __file__, "--measure", which, url, out],
                          capture_output=True, text=True, check=True)
    seconds, peak = done.stdout.split()
    return float(seconds), float(peak)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--measure", nargs=3, metavar=("WHICH", "URL", "OUT"))
    args = parser.parse_args(argv)
    if args.measure:
        _measure(*args.measure)
        return
    kinds = ["sqlite"] + (["postgresql"] if os.environ.get("WORKBENCH_TEST_POSTGRES_URL")
                          else [])
    for kind in kinds:
        with temporary_database(kind) as engine, tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            counts = build_desk(engine, claims=args.claims)
            print(f"{kind}: built {counts['claim']:,} claims, {counts['evidence']:,} evidence "
                  f"links in {time.perf_counter() - started:.1f} s")
            url = engine.url.render_as_string(hide_password=False)
            ours = _run("workbench", url, f"{tmp}/ours.csv")
            base = _run("pandas", url, f"{tmp}/pandas.csv")
            size = Path(f"{tmp}/ours.csv").stat().st_size / 1e6
            print(f"{kind}: streamed export {ours[0]:6.2f} s, peak {ours[1]:6.0f} MB "
                  f"({size:.1f} MB of CSV)")
            print(f"{kind}: pandas baseline {base[0]:6.2f} s, peak {base[1]:6.0f} MB")
            print(f"{kind}: ratio time {ours[0] / base[0]:.2f}x (goal <= 1.2x), "
                  f"memory {ours[1] / base[1]:.2f}x; peak {ours[1]:.0f} MB (goal <= 300 MB)")
    if len(kinds) == 1:
        print("postgresql: skipped (set WORKBENCH_TEST_POSTGRES_URL)")


if __name__ == "__main__":
    main()
