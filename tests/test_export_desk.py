"""The streamed exports on a generated desk (bench/desk.py), on SQLite and PostgreSQL:
every claim and every evidence link comes out once, with numbers as numbers."""

from __future__ import annotations

import csv
import io

from bench.desk import build_desk
from workbench import db, export, queue


def _rows(chunks) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(chunks).decode("utf-8-sig"), newline="")))


def test_generated_desk_exports_every_claim_and_link(engine):
    counts = build_desk(engine, claims=1_203, per_article=10, evidence_per_claim=3)
    assert (counts["claim"], counts["article"], counts["evidence"]) == (1_203, 121, 3_609)
    assert db.row_counts(engine)["claim"] == 1_203
    with db.session_scope(engine) as s:
        claims = _rows(export.claims_csv_chunks(session=s, chunk_rows=500))
        links = _rows(export.evidence_csv_chunks(session=s, chunk_rows=1000))
        signed = queue.count(session=s, flt=queue.ClaimFilter(statuses=["signed_off"]))
    header, body = claims[0], claims[1:]
    assert header == export.CSV_COLUMNS and len(body) == 1_203
    assert len({r[0] for r in body}) == 1_203
    assert all(len(r[16].split(" | ")) == 3 for r in body)
    assert sum(1 for r in body if r[14]) == signed == counts["signoff"]
    assert all(r[4].isdigit() and r[5].isdigit() for r in body)  # start, end: numbers
    assert len(links) - 1 == 3_609 and links[0] == export.EVIDENCE_COLUMNS
    # the desk continues: new rows get ids after the generated ones
    with db.session_scope(engine) as s:
        nxt = s.connection().execute(queue.CLAIM.insert().values(
            article_id=1, text="x", start=100_000, end=100_001, kind="event",
            status="candidate", flags=[], entities=[], numbers=[], restatement="", note="",
            rationale="", dismiss_reason="", review_note="", priority=0, origin="test",
            version=1)).inserted_primary_key[0]
    assert nxt == 1_204
