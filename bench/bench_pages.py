"""Dashboard reruns on a small and a busy desk (Streamlit AppTest, SQLite).

Builds a desk of 1,000 claims and one of 100,000 (bench/desk.py), signs a person in, and
times reruns of the queue page (first page, a status filter, a full-text search, a sort by
priority, a sort by a joined column, the article's title, and a flags filter), of the
overview and of one claim's page on each, printing the medians and the ratio busy /
small (goal <= 1.2, every rerun under 150 ms).
Both desks are measured in the same run, one after the other.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import streamlit as st  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from bench.desk import build_desk  # noqa: E402
from workbench import accounts, db  # noqa: E402
from workbench.config import Settings  # noqa: E402
from workbench.models import Role  # noqa: E402
from workbench.ui.auth import USER_KEY  # noqa: E402

APP = str(Path(__file__).resolve().parents[1] / "workbench" / "ui" / "app.py")
VIEWS = {
    "first page": {},
    "status filter": {"statuses": "in_review"},
    "text search": {"text": "cocaine record"},
    "priority sort": {"sort": "priority", "statuses": "open,in_research"},
    "article sort": {"sort": "article"},
    "flags filter": {"flags": "hedged"},
}
#: other pages a desk reruns all day: (page file, session state to set before switching)
PAGES = {
    "overview": ("app_pages/overview.py", {}),  # its figures are cached for a minute
    "overview, uncached": ("app_pages/overview.py", {}),  # every figure counted again
    "claim page": ("app_pages/claim.py", {}),  # a claim halfway through the small desk
}


def _desk(folder: str, claims: int) -> tuple[str, int]:
    url = f"sqlite:///{folder}/desk-{claims}.db"
    engine = db.make_engine(Settings(database_url=url))
    db.upgrade(engine)
    build_desk(engine, claims=claims)
    with db.session_scope(engine, write=True) as s:
        user = accounts.create_user(session=s, actor=None, username="bench", role=Role.editor,
                                    password="bench password 1")
        user_id = int(user.id)  # type: ignore[arg-type]
    engine.dispose()
    return url, user_id


def _app(url: str, user_id: int, params: dict[str, str], page: str | None = None,
         state: dict | None = None) -> AppTest:
    """The queue page opened on ``params`` (or another ``page``) by a signed-in person, run
    once: the first run builds the engine; reruns are what a person waits for."""
    os.environ["WORKBENCH_DATABASE_URL"] = url
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[USER_KEY] = user_id
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page is not None:
        for key, value in (state or {}).items():
            at.session_state[key] = value
        at.switch_page(page)
        at.run()
        if at.exception or (state and not at.subheader and not at.markdown):
            raise RuntimeError(f"{page} did not open: {at.exception}")
    if at.exception:
        raise RuntimeError(at.exception[0].message)
    return at


def _rerun(at: AppTest, url: str, fresh: bool = False) -> float:
    os.environ["WORKBENCH_DATABASE_URL"] = url
    if fresh:
        st.cache_data.clear()
    started = time.perf_counter()
    at.run()
    return time.perf_counter() - started


def _reruns(small: tuple[str, int], busy: tuple[str, int], params: dict[str, str],
            repeat: int, page: str | None = None, state: dict | None = None,
            fresh: bool = False) -> tuple[float, float]:
    """Median reruns on each desk, taken in turns (small, busy, small, ...) so that a
    change in the machine's load weighs on both alike."""
    apps = [(_app(*desk, params, page, state), desk[0]) for desk in (small, busy)]
    samples: list[list[float]] = [[], []]
    for _ in range(repeat):
        for i, (at, url) in enumerate(apps):
            samples[i].append(_rerun(at, url, fresh))
    return statistics.median(samples[0]), statistics.median(samples[1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--busy", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args(argv)
    os.environ.setdefault("WORKBENCH_SECRETS_FILE", "/nonexistent/secrets.toml")
    os.environ.setdefault("WORKBENCH_AUDIT_KEY", "bench-pages-" + "0" * 52)  # a desk of its own
    with tempfile.TemporaryDirectory() as tmp:
        small = _desk(tmp, args.small)
        busy = _desk(tmp, args.busy)
        for name, params in VIEWS.items():
            a, b = _reruns(small, busy, params, args.repeat)
            print(f"queue, {name:13}: {args.small:,} claims {a * 1000:6.1f} ms, "
                  f"{args.busy:,} claims {b * 1000:6.1f} ms, ratio {b / a:.2f} "
                  f"(goal <= 1.2, each < 150 ms)")
        for name, (page, state) in PAGES.items():
            if page.endswith("claim.py"):
                state = {"claim_id": max(1, args.small // 2)}
            a, b = _reruns(small, busy, {}, args.repeat, page, state, "uncached" in name)
            print(f"{name:20}: {args.small:,} claims {a * 1000:6.1f} ms, "
                  f"{args.busy:,} claims {b * 1000:6.1f} ms, ratio {b / a:.2f} "
                  f"(goal <= 1.2, each < 150 ms)")


if __name__ == "__main__":
    main()
