"""Claim matching against 100,000 stored claims, on SQLite and on PostgreSQL.

Stores 100,000 claims made from the CheckThat! sentences (each sentence as said, attributed
twice, quoted and with a figure or a negation changed, so that every search meets near
copies),
times the full-text indexing, then times matching one article's 30 proposals against them,
side by side with reading those 30 claims by id. PostgreSQL is used when
WORKBENCH_BENCH_POSTGRES_URL (or WORKBENCH_TEST_POSTGRES_URL) names a server; the bench
makes a schema of its own there and drops it after.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, insert, text  # noqa: E402
from sqlmodel import col, select  # noqa: E402

from workbench import db, matching, similar, textindex  # noqa: E402
from workbench.config import Settings  # noqa: E402
from workbench.models import Article, Claim, ClaimKind, ClaimStatus  # noqa: E402

DATA = Path(os.environ.get("WORKBENCH_TEST_DATASETS",
                           Path(__file__).resolve().parents[2] / "shared" / "datasets"
                           / "ct24-checkworthy-english"))
SPEAKERS = ["the senator", "a spokeswoman", "the minister", "the governor", "officials"]


def _sentences(wanted: int) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for name in sorted(DATA.glob("CT24_checkworthy_english_*.tsv")):
        with name.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                sentence = (row.get("Text") or "").strip().strip('"')
                if len(sentence.split()) >= 6 and sentence.lower() not in seen:
                    seen.add(sentence.lower())
                    out.append(sentence)
    if not out:  # no data set here: sentences made up from a few templates
        out = [f"Country {i % 997} seized {i} tons of cocaine in {1990 + i % 35}, officials "
               f"of agency {i % 131} said." for i in range(wanted // 4 + 1)]
    return out


def _variants(sentence: str, n: int) -> list[str]:
    who = SPEAKERS[n % len(SPEAKERS)]
    changed = re.sub(r"\d+", lambda m: str(int(m.group()) + 7), sentence, count=1)
    if changed == sentence:
        changed = re.sub(r"\b(is|are|was|were|has|have|will)\b", r"\1 not", sentence, count=1)
    return [sentence, f"{who.capitalize()} said that {sentence}",
            f"“{sentence.rstrip('.')},” {who} said.", changed,
            f"According to {who}, {sentence[0].lower()}{sentence[1:]}"]


def _build(engine, total: int, per_article: int = 100) -> list[str]:
    texts: list[str] = []
    for n, sentence in enumerate(_sentences(total)):
        texts.extend(_variants(sentence, n))
        if len(texts) >= total:
            break
    texts = texts[:total]
    kinds, statuses = list(ClaimKind), list(ClaimStatus)
    with db.session_scope(engine, write=True) as s:
        articles = [Article(key=f"bench-{a}", title=f"Article {a}", text="x",
                            sha256=f"{a:064x}") for a in range(0, total // per_article + 1)]
        s.add_all(articles)
        s.flush()
        ids = [a.id for a in articles]
        template = Claim(article_id=0, text="", start=0, end=1, kind=ClaimKind.event)
        base = template.model_dump(exclude={"id"})
        rows = []
        for i, sentence in enumerate(texts):
            feats = similar.features(sentence)
            rows.append({**base, "article_id": ids[i // per_article], "text": sentence,
                         "start": (i % per_article) * 10, "end": (i % per_article) * 10 + 5,
                         "kind": kinds[i % len(kinds)], "status": statuses[i % len(statuses)],
                         "numbers": list(feats.numbers), "entities": list(feats.entities)})
        for start in range(0, len(rows), 5000):
            s.execute(insert(Claim), rows[start:start + 5000])
    return texts


def _median(fn, repeat: int) -> tuple[float, float]:
    """Median wall time and median CPU time of this process (the machine may be shared)."""
    walls, cpus = [], []
    for _ in range(repeat):
        started, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def _reindex_seconds(engine) -> float:
    dialect = engine.dialect.name
    with engine.begin() as conn:
        for statement in textindex.drop_ddl(dialect):
            conn.execute(text(statement))
    started = time.perf_counter()
    with engine.begin() as conn:
        for statement in textindex.ddl(dialect):
            conn.execute(text(statement))
    return time.perf_counter() - started


def run(url: str, label: str, total: int, repeat: int) -> None:
    engine = db.make_engine(Settings(database_url=url))
    try:
        db.upgrade(engine)
        started = time.perf_counter()
        texts = _build(engine, total)
        print(f"[{label}] stored {len(texts):,} claims (index kept by triggers) in "
              f"{time.perf_counter() - started:.1f} s")
        print(f"[{label}] building the full-text index over them: "
              f"{_reindex_seconds(engine):.1f} s (target: under 60 s)")
        if engine.dialect.name == "postgresql":  # statistics of the new index
            with engine.begin() as conn:
                conn.execute(text("ANALYZE claim"))
        step = len(texts) // 30
        proposals = [f"“{texts[i * step].rstrip('.')},” the minister told reporters."
                     for i in range(30)]
        wanted = [i * step + 1 for i in range(30)]
        lv = similar.levels(Settings())
        found = []

        def match_all() -> None:
            matching.normalise.cache_clear()  # every run as cold as the first
            found.clear()
            with db.session_scope(engine) as s:
                found.extend(similar.match_text(session=s, text=p, lv=lv) for p in proposals)

        def read_thirty() -> None:
            with db.session_scope(engine) as s:
                list(s.exec(select(Claim).where(col(Claim.id).in_(wanted))))

        matching_time, matching_cpu = _median(match_all, repeat)
        reading_time, _ = _median(read_thirty, repeat)
        hits = sum(1 for ms in found if ms)
        print(f"[{label}] matching 30 proposals: {matching_time * 1000:7.1f} ms "
              f"(target: 200 ms; {matching_cpu * 1000:.0f} ms of it CPU in this process); "
              f"{hits}/30 found a stored claim")
        print(f"[{label}] reading those 30 claims: {reading_time * 1000:7.1f} ms; "
              f"ratio matching / reading: {matching_time / reading_time:.0f}")
        print(f"[{label}] load average while measuring: {os.getloadavg()[0]:.1f} "
              f"on {os.cpu_count()} CPUs")
    finally:
        engine.dispose()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        run(f"sqlite:///{tmp}/bench.db", "sqlite", args.claims, args.repeat)
    base = (os.environ.get("WORKBENCH_BENCH_POSTGRES_URL")
            or os.environ.get("WORKBENCH_TEST_POSTGRES_URL"))
    if not base:
        print("[postgresql] skipped: set WORKBENCH_BENCH_POSTGRES_URL to measure it")
        return
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        sep = "&" if "?" in base else "?"
        run(f"{base}{sep}options=-csearch_path%3D{schema}", "postgresql", args.claims,
            args.repeat)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    main()
