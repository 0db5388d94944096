"""How long the command line takes to start: `workbench --help`, in a fresh process each
time (median of a few runs), beside a bare `python -c pass` for the interpreter's own
start-up. Goal: under 0.6 s."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def _median(args: list[str], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(args, capture_output=True, check=True)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    bare = _median([sys.executable, "-c", "pass"], args.repeat)
    helped = _median([sys.executable, "-m", "workbench", "--help"], args.repeat)
    print(f"python -c pass:        {bare:5.2f} s")
    print(f"workbench --help:      {helped:5.2f} s (goal < 0.6 s)")


if __name__ == "__main__":
    main()
