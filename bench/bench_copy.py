"""Copying a desk-sized database (``workbench copy-database``).

Builds 200 articles with 100 claims each (20,000 claims) in SQLite, then copies it into
a new SQLite file and, where WORKBENCH_TEST_POSTGRES_URL names a PostgreSQL server, into a
new schema there. Prints rows per second and the peak of Python memory during a copy
(traced in a second, untimed copy),
and, in the same run, SQLite's own page-by-page backup of the same file, the floor that a
row-by-row copy through SQLAlchemy is compared with.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text  # noqa: E402

from workbench import db  # noqa: E402
from workbench.config import Settings  # noqa: E402
from workbench.models import Article, Claim, ClaimKind, ClaimStatus  # noqa: E402


def _build(engine, articles: int, per_article: int) -> None:
    statuses = list(ClaimStatus)
    kinds = list(ClaimKind)
    sentence = "Colombia seized a record 960 tons of cocaine in 2025, officials said. "
    with db.session_scope(engine, write=True) as s:
        for a in range(articles):
            text = sentence * per_article
            article = Article(key=f"bench-{a}", title=f"Article {a}", text=text,
                              sha256=f"{a:064x}")
            s.add(article)
            s.flush()
            step = len(sentence)
            s.add_all(Claim(article_id=article.id, text=sentence[:-1], start=i * step,
                            end=(i + 1) * step - 1, kind=kinds[i % len(kinds)],
                            status=statuses[(a + i) % len(statuses)], score=0.5)
                      for i in range(per_article))


def _copy(source, url: str, *, trace: bool = False) -> tuple[float, int, float]:
    """Seconds and rows of one copy into ``url``; with ``trace``, Python's memory peak."""
    target = db.make_engine(Settings(database_url=url))
    try:
        db.upgrade(target)
        if trace:
            tracemalloc.start()
        started = time.perf_counter()
        copied = db.copy_database(source, target)
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] / 1e6 if trace else 0.0
        tracemalloc.stop()
        return seconds, sum(copied.values()), peak
    finally:
        target.dispose()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--per-article", type=int, default=100)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "source.db"
        source = db.make_engine(Settings(database_url=f"sqlite:///{path}"))
        db.upgrade(source)
        _build(source, args.articles, args.per_article)

        seconds, rows, _ = _copy(source, f"sqlite:///{tmp}/copy.db")
        peak = _copy(source, f"sqlite:///{tmp}/traced.db", trace=True)[2]  # slower: untimed
        print(f"SQLite -> SQLite:     {rows:,} rows in {seconds:5.2f} s = "
              f"{rows / seconds:9,.0f} rows/s; Python memory peak {peak:5.1f} MB")

        started = time.perf_counter()
        with sqlite3.connect(path) as src, sqlite3.connect(Path(tmp) / "backup.db") as dst:
            src.backup(dst)
        floor = time.perf_counter() - started
        print(f"SQLite backup API of the same file: {floor:5.2f} s "
              f"(ratio copy / backup: {seconds / floor:.1f}x)")

        base = os.environ.get("WORKBENCH_TEST_POSTGRES_URL")
        if base:
            schema = f"bench_{uuid.uuid4().hex[:10]}"
            admin = create_engine(base, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE SCHEMA "{schema}"'))
            try:
                sep = "&" if "?" in base else "?"
                seconds, rows, _ = _copy(source, f"{base}{sep}options=-csearch_path%3D{schema}")
                print(f"SQLite -> PostgreSQL: {rows:,} rows in {seconds:5.2f} s = "
                      f"{rows / seconds:9,.0f} rows/s")
            finally:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
                admin.dispose()
        else:
            print("SQLite -> PostgreSQL: skipped (set WORKBENCH_TEST_POSTGRES_URL)")
        source.dispose()


if __name__ == "__main__":
    main()
