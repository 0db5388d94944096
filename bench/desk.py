"""A desk of any size, built with bulk inserts, for benchmarks (SQLite or PostgreSQL).

    python bench/desk.py sqlite:///data/big.db --claims 100000     # after `workbench init`

The default is a busy desk's years of work: 100,000 claims on 10,000 articles, 300,000
evidence links to 50,000 sources, sign-offs for the signed-off claims, a dozen people, and
the flags extraction sets on about one claim in five (FLAG_SHARES).
Rows are made from a fixed random seed, so two builds of one size are the same desk.
``temporary_database`` gives a migrated, empty database (a SQLite file, or a schema of its
own on the PostgreSQL named by WORKBENCH_TEST_POSTGRES_URL) that is removed afterwards.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlalchemy as sa  # noqa: E402

from workbench import db  # noqa: E402
from workbench.config import Settings  # noqa: E402
from workbench.models import (  # noqa: E402
    Article,
    Claim,
    ClaimKind,
    ClaimStatus,
    Evidence,
    SignOff,
    Source,
    Stance,
    User,
    Verdict,
)

BATCH = 5000
WORDS = (
    "cocaine seizures record tons Colombia Petro Trump White House meeting tariffs "
    "migrants deported flights sanctions visa minister election ceasefire budget deficit "
    "inflation unemployment percent million billion troops border wall drugs coast guard "
    "terrorist organization designation treaty embassy senator governor court ruling "
    "vaccine hospital schools teachers wages pension oil exports coffee emissions"
).split()
OUTLETS = ["Wall Street Journal", "El Tiempo", "Reuters", "AP", "BBC", "Semana", "NYT",
           "Guardian", "El Espectador", "Bloomberg"]
START = datetime(2024, 1, 1, tzinfo=UTC)
#: each flag and the share of claims that carry it
FLAG_SHARES = {"missing_speaker": 0.03, "anonymous_source": 0.05, "hedged": 0.10,
               "unattributed": 0.02}


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(10, 22))
    words.insert(rng.randint(0, len(words)), str(rng.randint(2, 990)))
    return " ".join(words).capitalize() + "."


def _insert(conn: Any, model: type, rows: list[dict]) -> None:
    table = model.__table__  # type: ignore[attr-defined]
    for i in range(0, len(rows), BATCH):
        conn.execute(table.insert(), rows[i:i + BATCH])


def build_desk(engine: Any, *, claims: int = 100_000, per_article: int = 10,
               evidence_per_claim: int = 3, seed: int = 7,
               recent_signoffs: float = 0.0) -> dict[str, int]:
    """Fill a migrated, empty database with a desk of ``claims`` claims; return counts.
    ``recent_signoffs`` is the share of sign-offs dated three days ago (the others follow
    their claim by one to forty days)."""
    recent = datetime.now(UTC) - timedelta(days=3)
    rng = random.Random(seed)
    flag_rng = random.Random(seed + 1)  # its own stream: the rest of the desk is unchanged
    users = [{"id": i + 1, "username": f"user{i + 1}", "display_name": f"User {i + 1}",
              "role": "editor" if i % 4 == 0 else "reviewer", "active": True,
              "created_at": START} for i in range(12)]
    articles_n = max(1, -(-claims // per_article))
    sources_n = max(evidence_per_claim, claims // 2)
    counts = {"user": len(users), "article": 0, "claim": 0, "source": sources_n,
              "evidence": 0, "signoff": 0}
    statuses = list(ClaimStatus)
    weights = [30, 10, 20, 10, 20, 10]
    verdicts = list(Verdict)
    with engine.begin() as conn:
        _insert(conn, User, users)
        _insert(conn, Source, [{
            "id": s + 1, "url": f"https://example.org/source/{s + 1}",
            "url_sha256": hashlib.sha256(f"s{s}".encode()).hexdigest(),
            "title": f"Source {s + 1}", "publisher": rng.choice(OUTLETS),
            "archive_url": f"https://web.archive.org/web/2025/https://example.org/source/{s + 1}"
            if s % 3 == 0 else None,
            "source_type": "web", "gone": False, "retrieved_at": START, "created_at": START,
        } for s in range(sources_n)])
        claim_id = 0
        for first in range(0, articles_n, 1000):
            arts, rows, links, signoffs = [], [], [], []
            for a in range(first, min(articles_n, first + 1000)):
                sentences = [_sentence(rng) for _ in range(
                    min(per_article, claims - a * per_article))]
                text = " ".join(sentences)
                day = START + timedelta(days=rng.randint(0, 700), minutes=rng.randint(0, 1440))
                arts.append({"id": a + 1, "key": f"desk-{a + 1}", "title": " ".join(
                    rng.choices(WORDS, k=6)).title(), "outlet": rng.choice(OUTLETS),
                    "byline": "", "url": f"https://news.example.com/{a + 1}",
                    "published_at": day, "text": text,
                    "sha256": hashlib.sha256(f"a{a}".encode()).hexdigest(),
                    "origin": "bench", "ingested_at": day})
                at = 0
                for sentence in sentences:
                    claim_id += 1
                    status = rng.choices(statuses, weights)[0]
                    judged = status in (ClaimStatus.in_review, ClaimStatus.signed_off)
                    assignee = rng.randint(1, len(users)) if status not in (
                        ClaimStatus.candidate, ClaimStatus.dismissed) else None
                    rows.append({
                        "id": claim_id, "article_id": a + 1, "text": sentence, "start": at,
                        "end": at + len(sentence), "restatement": sentence, "note": "",
                        "kind": rng.choice(list(ClaimKind)).value, "speaker": None,
                        "flags": [f for f, share in FLAG_SHARES.items()
                                  if flag_rng.random() < share], "entities": [], "numbers": [],
                        "score": round(rng.random(), 3), "status": status.value,
                        "verdict": rng.choice(verdicts).value if judged else None,
                        "rationale": "Checked against the record." if judged else "",
                        "dismiss_reason": "", "review_note": "", "assignee_id": assignee,
                        "submitted_by_id": assignee if judged else None,
                        "priority": rng.randint(0, 3), "origin": "extraction", "version": 1,
                        "created_at": day, "updated_at": day + timedelta(days=rng.randint(0, 60)),
                    })
                    at += len(sentence) + 1
                    for s in rng.sample(range(sources_n), evidence_per_claim):
                        links.append({"claim_id": claim_id, "source_id": s + 1,
                                      "stance": rng.choice(list(Stance)).value,
                                      "quote": "", "note": "", "title": f"Source {s + 1}",
                                      "added_by_id": assignee, "added_at": day})
                    if status is ClaimStatus.signed_off:
                        signoffs.append({"claim_id": claim_id, "editor_id": 1,
                                         "at": recent if rng.random() < recent_signoffs
                                         else day + timedelta(days=rng.randint(1, 40)),
                                         "claim_version": 1, "snapshot_sha256": "0" * 64,
                                         "snapshot": {}, "void_reason": ""})
            _insert(conn, Article, arts)
            _insert(conn, Claim, rows)
            _insert(conn, Evidence, links)
            _insert(conn, SignOff, signoffs)
            counts["article"] += len(arts)
            counts["claim"] += len(rows)
            counts["evidence"] += len(links)
            counts["signoff"] += len(signoffs)
        if conn.dialect.name == "postgresql":
            for name in ("user", "article", "claim", "source"):
                conn.execute(sa.text(f"SELECT setval(pg_get_serial_sequence('\"{name}\"', "
                                     f"'id'), (SELECT max(id) FROM \"{name}\"))"))
    db.analyze(engine)  # as after any bulk load: the planner's statistics
    return counts


@contextmanager
def _migrated(url: str) -> Iterator[Any]:
    engine = db.make_engine(Settings(database_url=url))
    try:
        db.upgrade(engine)
        yield engine
    finally:
        engine.dispose()


@contextmanager
def temporary_database(kind: str) -> Iterator[Any]:
    """A migrated, empty engine on ``kind`` ("sqlite" or "postgresql"), removed after."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory() as tmp, _migrated(f"sqlite:///{tmp}/desk.db") as e:
            yield e
        return
    base = os.environ["WORKBENCH_TEST_POSTGRES_URL"]
    schema = f"desk_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    try:
        with _migrated(f"{base}{sep}options=-csearch_path%3D{schema}") as engine:
            yield engine
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url", help="a database that `workbench init` made, empty")
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--per-article", type=int, default=10)
    parser.add_argument("--evidence-per-claim", type=int, default=3)
    args = parser.parse_args(argv)
    with _migrated(args.database_url) as engine:
        started = time.perf_counter()
        counts = build_desk(engine, claims=args.claims, per_article=args.per_article,
                            evidence_per_claim=args.evidence_per_claim)
        print(f"{db.describe_counts(counts)} in {time.perf_counter() - started:.1f} s")

if __name__ == "__main__":
    main()
