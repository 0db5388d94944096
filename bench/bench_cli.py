"""How long the command line takes to start: a few simple commands, each in a fresh process
(median of a few runs), beside a bare `python -c pass` for the interpreter's own start-up.
Goal: under 0.6 s each. `users list` runs on an empty, initialised SQLite desk; `extract`
on a three-sentence file."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL = 0.6
SMALL_ARTICLE = (
    "Colombia seized 960 metric tons of cocaine in 2025, the most ever recorded, the defense "
    "ministry said on Tuesday.\n\nThe Clan del Golfo was designated a Foreign Terrorist "
    "Organization by the U.S. State Department in December, officials said.\n\n"
    "Forty percent of the seizures were made at sea, according to the navy.\n"
)
COMMANDS = (
    ("workbench --help", ["--help"]),
    ("workbench users --help", ["users", "--help"]),
    ("workbench users list", ["users", "list"]),
    ("workbench extract FILE --json", ["extract", "small.txt", "--json"]),
)


def _median(args: list[str], repeat: int, **kw: object) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(args, capture_output=True, check=True, **kw)  # type: ignore[call-overload]
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "small.txt").write_text(SMALL_ARTICLE, encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith("WORKBENCH_")}
        env.update(WORKBENCH_DATABASE_URL=f"sqlite:///{folder / 'desk.db'}",
                   WORKBENCH_SECRETS_FILE=str(folder / "none.toml"))
        workbench = [sys.executable, "-m", "workbench"]
        subprocess.run([*workbench, "init"], cwd=folder, env=env, capture_output=True,
                       check=True)
        bare = _median([sys.executable, "-c", "pass"], args.repeat)
        print(f"{'python -c pass':<32} {bare:5.2f} s")
        for label, cmd in COMMANDS:
            took = _median([*workbench, *cmd], args.repeat, cwd=folder, env=env)
            mark = "ok" if took < GOAL else "over"
            print(f"{label:<32} {took:5.2f} s  ({took / bare:4.0f}x python -c pass; "
                  f"goal < {GOAL} s: {mark})")


if __name__ == "__main__":
    main()
