"""Run every benchmark and print its figures (``make bench``).

Each benchmark prints measured figures and the ratios that matter, measured within the
same run so that a noisy machine affects both sides alike. Nothing here asserts a time:
targets are printed beside the figures for a person to read.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import (  # noqa: E402
    bench_audit,
    bench_cli,
    bench_copy,
    bench_export,
    bench_extraction,
    bench_lookups,
    bench_matching,
    bench_pages,
    bench_queue,
    bench_signin,
)


def main() -> int:
    for name, run in (("extraction", bench_extraction.main), ("lookups", bench_lookups.main),
                      ("queue", bench_queue.main), ("copy-database", bench_copy.main),
                      ("audit verify", bench_audit.main), ("sign-in", bench_signin.main),
                      ("export", bench_export.main), ("matching", bench_matching.main),
                      ("pages", bench_pages.main), ("cli start-up", bench_cli.main)):
        print(f"== {name} ==", flush=True)
        started = time.perf_counter()
        run([])
        print(f"({name} took {time.perf_counter() - started:.1f} s)\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
