"""`workbench audit verify` on a desk of 100,000 signed-off claims.

Builds 2,000 articles of 50 claims each (100,000 claims), every one signed off with one
source and three history events (300,000 chained events), written in bulk with the same
links and HMACs the workbench writes. Then times the whole verification and reports how
much the process grew while it ran (it streams: the growth stays flat as the desk grows).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert  # noqa: E402

from bench import memory  # noqa: E402
from workbench import audit, db, verify, workflow  # noqa: E402
from workbench.config import Settings  # noqa: E402
from workbench.models import (  # noqa: E402
    Article,
    AuditEvent,
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

KEY = "bench-audit-key-0123456789abcdef0123456789"
SENTENCE = "Colombia seized a record 960 tons of cocaine in 2025, officials said. "
URL = "https://www.state.gov/foreign-terrorist-organizations"


def _build(engine, articles: int, per_article: int) -> None:  # noqa: ANN001
    key = KEY.encode()
    now = datetime(2026, 2, 4, 12, tzinfo=UTC)
    state = {"seq": 0, "prev": ""}

    def event(**values) -> dict:  # noqa: ANN003
        state["seq"] += 1
        row = {"seq": state["seq"], "at": now, "actor_id": 1, "claim_id": None,
               "article_id": None, "from_status": None, "to_status": None, "changes": {},
               "comment": "", **values}
        row["prev_hmac"] = state["prev"]
        row["chain_hmac"] = state["prev"] = audit.link(key, state["prev"], _Row(row))
        return row

    with engine.begin() as conn:
        conn.execute(insert(User), [dict(id=1, username="erin", display_name="", role="editor",
                                         active=True, created_at=now)])
        conn.execute(insert(Source), [dict(id=1, url=URL, url_sha256="0" * 64, title="FTO",
                                           publisher="", author="", excerpt="", gone=False,
                                           content_sha256="a" * 64, retrieved_at=now,
                                           source_type="web", created_at=now)])
        step = len(SENTENCE)
        cid = 0
        for a in range(1, articles + 1):
            conn.execute(insert(Article), [dict(id=a, key=f"bench-{a}", title="", outlet="",
                                                byline="", text=SENTENCE * per_article,
                                                sha256=f"{a:064x}", origin="bench",
                                                ingested_at=now)])
            claims, evidence, signoffs, events = [], [], [], []
            for i in range(per_article):
                cid += 1
                claims.append(dict(
                    id=cid, article_id=a, text=SENTENCE[:-1], start=i * step,
                    end=(i + 1) * step - 1, restatement="", note="", kind=ClaimKind.statistic,
                    flags=[], entities=[], numbers=[], status=ClaimStatus.signed_off,
                    verdict=Verdict.mostly_true, rationale=f"Rationale {cid}.",
                    dismiss_reason="", review_note="", priority=0, origin="bench",
                    version=5, created_at=now, updated_at=now))
                evidence.append(dict(id=cid, claim_id=cid, source_id=1, stance=Stance.supports,
                                     quote="record", note="", title="FTO",
                                     content_sha256="a" * 64, added_at=now))
                snap = {"claim_id": cid, "text": SENTENCE[:-1], "verdict": "Mostly true",
                        "rationale": f"Rationale {cid}.",
                        "evidence": [{"url": URL, "content_sha256": "a" * 64,
                                      "archive_url": None, "stance": "supports",
                                      "quote": "record"}]}
                so = dict(id=cid, claim_id=cid, editor_id=1, at=now, claim_version=5,
                          snapshot_sha256=workflow.snapshot_hash(snap), snapshot=snap,
                          void_reason="")
                so["snapshot_hmac"] = audit.signoff_mac(key, _Row(so))
                signoffs.append(so)
                events += [event(action="proposed", claim_id=cid, article_id=a,
                                 to_status="candidate"),
                           event(action="source_attached", claim_id=cid, article_id=a),
                           event(action="signoff", claim_id=cid, article_id=a,
                                 from_status="in_review", to_status="signed_off",
                                 changes={"snapshot_sha256": so["snapshot_sha256"]})]
            conn.execute(insert(Claim), claims)
            conn.execute(insert(Evidence), evidence)
            conn.execute(insert(SignOff), signoffs)
            conn.execute(insert(AuditEvent), events)


class _Row:
    def __init__(self, values: dict) -> None:
        self.__dict__.update(values)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--per-article", type=int, default=50)
    parser.add_argument("--database-url", help="an empty database (default: a SQLite file)")
    args = parser.parse_args(argv)
    os.environ.setdefault("WORKBENCH_AUDIT_KEY", KEY)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{tmp}/bench.db"
        engine = db.make_engine(Settings(database_url=url, audit_key=KEY))
        db.upgrade(engine)
        started = time.perf_counter()
        _build(engine, args.articles, args.per_article)
        total = args.articles * args.per_article
        print(f"built {total:,} signed-off claims and {3 * total:,} chained events in "
              f"{time.perf_counter() - started:.1f} s ({engine.dialect.name})")
        memory.restart_peak()  # the build's own peak is not the verification's
        before = memory.peak_mb()
        tally = verify.Tally()
        started = time.perf_counter()
        with db.session_scope(engine) as s:
            findings = sum(1 for _ in verify.verify_desk(session=s, tally=tally))
        took = time.perf_counter() - started
        print(f"audit verify: {took:.1f} s for {tally.claims:,} claims and {tally.events:,} "
              f"events ({tally.claims / took:,.0f} claims/s; target: under 60 s)")
        print(f"findings: {findings} (expected 0); peak memory grew by "
              f"{memory.peak_mb() - before:.1f} MB while verifying (peak "
              f"{memory.peak_mb():.0f} MB)")
        engine.dispose()


if __name__ == "__main__":
    main()
