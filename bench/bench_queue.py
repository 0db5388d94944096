"""The queue page's queries on a desk-sized SQLite database.

Builds 400 articles with 50 claims each (20,000 claims), then times what one rerun of the
queue page asks for (counts per status, the filtered count and one page of 50 claims),
and, in the same run, loading every claim, to show what paging saves.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench import claims, db  # noqa: E402
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


def _time(fn, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--per-article", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        engine = db.make_engine(Settings(database_url=f"sqlite:///{tmp}/bench.db"))
        db.upgrade(engine)
        started = time.perf_counter()
        _build(engine, args.articles, args.per_article)
        total = args.articles * args.per_article
        print(f"built {total:,} claims in {time.perf_counter() - started:.1f} s")

        def queue_rerun(offset: int = 0, status: str | None = None) -> None:
            with db.session_scope(engine) as s:
                claims.count_by_status(session=s)
                claims.count_claims(session=s, status=status)
                claims.list_claims(session=s, status=status, limit=50, offset=offset)

        def load_everything() -> None:
            with db.session_scope(engine) as s:
                claims.list_claims(session=s, limit=claims.MAX_PAGE * 1000)

        first = _time(queue_rerun, args.repeat)
        deep = _time(lambda: queue_rerun(offset=total - 50), args.repeat)
        filtered = _time(lambda: queue_rerun(status="in_review"), args.repeat)
        everything = _time(load_everything, max(3, args.repeat // 5))
        print(f"queue rerun, first page:      {first * 1000:7.1f} ms")
        print(f"queue rerun, last page:       {deep * 1000:7.1f} ms")
        print(f"queue rerun, status filter:   {filtered * 1000:7.1f} ms")
        print(f"loading one page of {claims.MAX_PAGE} instead (the most a request may ask): "
              f"{everything * 1000:7.1f} ms")
        print(f"ratio page of 50 / page of {claims.MAX_PAGE}: {first / everything:.2f}")
        engine.dispose()


if __name__ == "__main__":
    main()
