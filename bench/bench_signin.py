"""Sign-in answers take about the same time whatever the reason for a refusal.

Times the median of repeated sign-ins for a wrong password, an unknown user name and a
locked account (and a right password, for reference) on a SQLite database, and prints
the ratios: each refusal should be within 20% of the others, so that timing does not tell
which names exist or which accounts are locked.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench import accounts, db  # noqa: E402
from workbench.config import Settings  # noqa: E402
from workbench.errors import AuthError  # noqa: E402
from workbench.models import Role  # noqa: E402

KEY = "bench-audit-key-0123456789abcdef0123456789"
PASSWORD = "a bench password that is long"


def _once(engine, name: str, password: str) -> float:  # noqa: ANN001
    started = time.perf_counter()
    try:
        accounts.sign_in(engine=engine, username=name, password=password)
    except AuthError:
        pass
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        engine = db.make_engine(Settings(database_url=f"sqlite:///{tmp}/bench.db",
                                         audit_key=KEY))
        db.upgrade(engine)
        with db.session_scope(engine, write=True) as s:
            for name in ("wrong", "locked", "right"):
                accounts.create_user(session=s, actor=None, username=name, role=Role.reviewer,
                                     password=PASSWORD)
        for _ in range(accounts.MAX_FAILED_LOGINS):
            _once(engine, "locked", "not the password")
        cases = {"wrong password": ("wrong", "not the password"),
                 "unknown user": ("nobody", PASSWORD),
                 "locked account": ("locked", PASSWORD),
                 "right password": ("right", PASSWORD)}
        samples: dict[str, list[float]] = {what: [] for what in cases}
        for _ in range(args.repeat):  # in turn, so that a busy moment touches every case
            with db.session_scope(engine, write=True) as s:  # keep "wrong" below its limit
                accounts.unlock(session=s, actor=None, username="wrong")
            for what, (name, password) in cases.items():
                samples[what].append(_once(engine, name, password))
        times = {what: statistics.median(values) for what, values in samples.items()}
        for what, took in times.items():
            print(f"sign-in, {what + ':':16} {took * 1000:7.1f} ms (median of {args.repeat})")
        refusals = [times["wrong password"], times["unknown user"], times["locked account"]]
        print(f"slowest / fastest refusal: {max(refusals) / min(refusals):.2f} "
              "(target: at most 1.20)")
        engine.dispose()


if __name__ == "__main__":
    main()
