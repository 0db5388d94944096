"""`audit verify` proves an untouched desk and names the claim after each kind of
tampering, done with raw SQL as the database's owner could (triggers dropped first)."""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import text
from sqlmodel import select

from tests.conftest import SEED_CASE
from tests.test_audit import _drop_triggers, _signed
from tests.test_cli import _runner
from tests.test_workflow import _move
from workbench import db, verify, workflow
from workbench.models import AuditEvent


def _findings(engine) -> tuple[list[verify.Finding], verify.Tally]:
    tally = verify.Tally()
    with db.session_scope(engine) as s:
        return list(verify.verify_desk(session=s, tally=tally)), tally


def _tamper(engine, *statements: tuple[str, dict]) -> None:
    with engine.begin() as conn:
        _drop_triggers(conn)
        for sql, params in statements:
            conn.execute(text(sql), params)


def test_untouched_desk_holds(seeded, attach):
    cid = _signed(seeded, attach)
    _move(seeded, cid, "ed", "reopen", note="A newer list.")
    _move(seeded, cid, "rita", "submit", verdict="True", rationale="All four are listed.")
    _move(seeded, cid, "ed", "signoff")
    found, tally = _findings(seeded)
    assert found == []
    assert tally.signed == 1 and tally.claims == 27 and tally.events > 30
    assert tally.summary().startswith("The record holds: ")


def test_verdict_changed_with_sql_is_found(seeded, attach):
    cid = _signed(seeded, attach)
    with seeded.begin() as conn:  # the claim table is not append-only: no trigger to drop
        conn.execute(text("UPDATE claim SET verdict = 'False' WHERE id = :c"), {"c": cid})
    found, _ = _findings(seeded)
    assert [(f.claim_id, f.what) for f in found] == [
        (cid, 'its verdict differs from what was signed ("Mostly true" signed, "False" now).')]


def test_snapshot_rehashed_with_plain_sha256_is_found(seeded, attach):
    cid = _signed(seeded, attach)
    with db.session_scope(seeded) as s:
        so = workflow.active_signoff(s, cid)
    snap = dict(so.snapshot, verdict="False")
    canonical = json.dumps(snap, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    _tamper(seeded,
            ("UPDATE claim SET verdict = 'False' WHERE id = :c", {"c": cid}),
            ("UPDATE signoff SET snapshot = :j, snapshot_sha256 = :h WHERE id = :i",
             {"j": json.dumps(snap), "h": hashlib.sha256(canonical.encode()).hexdigest(),
              "i": so.id}))
    found, _ = _findings(seeded)
    assert {f.claim_id for f in found} == {cid}
    assert [f.what for f in found] == [
        "its sign-off was changed or forged (the HMAC under the audit key does not hold)."]


def test_deleted_signoff_is_found(seeded, attach):
    cid = _signed(seeded, attach)
    _tamper(seeded, ("DELETE FROM signoff WHERE claim_id = :c", {"c": cid}))
    found, _ = _findings(seeded)
    assert [(f.claim_id, f.what) for f in found] == [
        (cid, "is signed off but has no sign-off; it was deleted or never made.")]


def test_deleted_history_row_is_found(seeded, attach):
    cid = _signed(seeded, attach)
    with db.session_scope(seeded) as s:
        submit = s.exec(select(AuditEvent).where(AuditEvent.claim_id == cid,
                                                 AuditEvent.action == "submit")).one()
    _tamper(seeded, ("DELETE FROM auditevent WHERE id = :i", {"i": submit.id}))
    found, _ = _findings(seeded)
    assert [(f.claim_id, f.event_seq, f.what) for f in found] == [
        (cid, submit.seq + 1, f"1 history event missing before event #{submit.seq + 1} "
                              "(signoff); the chain is broken.")]


def test_deleted_last_history_row_is_found(seeded, attach):
    cid = _signed(seeded, attach)
    _tamper(seeded, ("DELETE FROM auditevent WHERE claim_id = :c AND action = 'signoff'",
                     {"c": cid}))
    found, _ = _findings(seeded)
    assert [(f.claim_id, f.what) for f in found] == [
        (cid, "is signed_off but its history leaves it in_review; its status was changed "
              "outside the workflow or an event was deleted.")]


def test_edited_history_row_is_found(seeded, attach):
    cid = _signed(seeded, attach)
    _tamper(seeded, ("UPDATE auditevent SET actor_id = NULL WHERE claim_id = :c "
                     "AND action = 'submit'", {"c": cid}))
    found, _ = _findings(seeded)
    assert len(found) == 1 and found[0].claim_id == cid
    assert "(submit) was changed after it was written" in found[0].what


def test_cli_exit_codes_and_json(tmp_path, page_server):
    run = _runner(tmp_path, tmp_path / "cli.db")
    run("init")
    run("casefiles", "import", str(SEED_CASE.parent))
    ok = run("audit", "verify")
    assert ok.stdout.startswith("The record holds: ") and ok.stdout.count("\n") == 1
    report = json.loads(run("audit", "verify", "--json").stdout)
    assert report["ok"] and report["findings"] == 0 and report["claims"] == 27
    engine = db.make_engine(db.Settings(database_url=f"sqlite:///{tmp_path / 'cli.db'}"))
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE claim SET status = 'signed_off' WHERE id = 3"))
    finally:
        engine.dispose()
    bad = run("audit", "verify", ok=False)
    assert bad.returncode == 1
    lines = bad.stdout.splitlines()
    assert lines[:-1] == [
        "claim 3: is signed_off but its history leaves it candidate; its status was changed "
        "outside the workflow or an event was deleted.",
        "claim 3: is signed off but has no sign-off; it was deleted or never made."]
    assert lines[-1].startswith("The record does NOT hold: 2 findings")
    rows = [json.loads(line) for line in run("audit", "verify", "--json", ok=False)
            .stdout.splitlines()]
    assert rows[0] == {"claim_id": 3, "event_seq": None, "finding": rows[0]["finding"]}
    assert rows[-1]["ok"] is False and rows[-1]["findings"] == 2
