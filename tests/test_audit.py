"""The provable record: the database refuses changes to the history and the sign-offs,
every event is sealed into a keyed chain, and sign-offs carry an HMAC that plain sha256
cannot forge. Runs on SQLite and PostgreSQL, with raw SQL as an attacker would."""

from __future__ import annotations

import hashlib
import json
import threading

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import select

from tests.test_workflow import _first_claim, _move, _to_review
from workbench import accounts, audit, db, workflow
from workbench.config import Settings
from workbench.errors import ConfigError
from workbench.models import AuditEvent, Claim, Role, SignOff


def _signed(engine, attach) -> int:
    cid = _first_claim(engine)
    _to_review(engine, attach, cid)
    _move(engine, cid, "erin", "signoff")
    return cid


@pytest.mark.parametrize("statement", [
    "UPDATE auditevent SET comment = 'nothing happened'",
    "DELETE FROM auditevent",
    "UPDATE signoff SET snapshot_sha256 = 'x'",
    "DELETE FROM signoff",
    "UPDATE signoffvoid SET reason = 'x'",
    "DELETE FROM signoffvoid",
])
def test_raw_update_and_delete_are_refused(seeded, attach, statement):
    cid = _signed(seeded, attach)
    _move(seeded, cid, "ed", "reopen", note="A newer list.")
    table = statement.split()[1] if statement.startswith("UPDATE") else statement.split()[2]
    with seeded.connect() as conn:
        before = conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
        assert before > 0
    with pytest.raises(DBAPIError, match="append-only"), seeded.begin() as conn:
        conn.execute(text(statement))
    with seeded.connect() as conn:
        assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == before


def test_truncate_is_refused_on_postgres(pg_schema_url):
    engine = db.make_engine(Settings(database_url=pg_schema_url))
    try:
        db.upgrade(engine)
        with db.session_scope(engine, write=True) as s:
            accounts.create_user(session=s, actor=None, username="ada", role=Role.admin,
                                 password="correct horse battery")
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(text("TRUNCATE auditevent CASCADE"))
    finally:
        engine.dispose()


def test_every_event_is_chained_in_order(seeded, attach):
    _signed(seeded, attach)
    key = audit.key_bytes(Settings())
    with db.session_scope(seeded) as s:
        events = list(s.exec(select(AuditEvent).order_by(AuditEvent.seq)))
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    prev = ""
    for e in events:
        assert e.prev_hmac == prev
        assert e.chain_hmac == audit.link(key, prev, e)
        prev = e.chain_hmac
    # Another key gives other links: the chain cannot be rebuilt without the key.
    assert audit.link(b"x" * 32, events[0].prev_hmac, events[0]) != events[0].chain_hmac


def test_signoff_hmac_needs_the_key(seeded, attach):
    cid = _signed(seeded, attach)
    with db.session_scope(seeded) as s:
        so = workflow.active_signoff(s, cid)
        assert so.snapshot_hmac and audit.signoff_intact(s, so)
        assert workflow.verify_signoff(s, s.get(Claim, cid))
    # Change the verdict, and rehash the snapshot with plain sha256 as an attacker would
    # (an owner who dropped the triggers first): the claim no longer verifies.
    with seeded.begin() as conn:
        _drop_triggers(conn)
        conn.execute(text("UPDATE claim SET verdict = 'False' WHERE id = :c"), {"c": cid})
        snap = dict(so.snapshot, verdict="False")
        canonical = json.dumps(snap, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        conn.execute(text("UPDATE signoff SET snapshot = :j, snapshot_sha256 = :h WHERE id = :i"),
                     {"j": json.dumps(snap), "h": hashlib.sha256(canonical.encode()).hexdigest(),
                      "i": so.id})
    with db.session_scope(seeded) as s:
        claim = s.get(Claim, cid)
        assert claim.verdict.value == "False"
        assert not workflow.verify_signoff(s, claim)


def test_reopen_then_sign_again_verifies(seeded, attach):
    cid = _signed(seeded, attach)
    _move(seeded, cid, "ed", "reopen", note="A newer list.")
    with db.session_scope(seeded) as s:
        assert not workflow.verify_signoff(s, s.get(Claim, cid))
    _move(seeded, cid, "rita", "submit", verdict="True", rationale="All four are listed.")
    _move(seeded, cid, "ed", "signoff")
    with db.session_scope(seeded) as s:
        assert workflow.verify_signoff(s, s.get(Claim, cid))
        assert len(list(s.exec(select(SignOff).where(SignOff.claim_id == cid)))) == 2


def test_writing_history_without_a_key_is_refused(sqlite_url, monkeypatch, tmp_path):
    monkeypatch.delenv("WORKBENCH_AUDIT_KEY")
    monkeypatch.setenv("WORKBENCH_SECRETS_FILE", str(tmp_path / "none.toml"))
    engine = db.make_engine(Settings(database_url=sqlite_url))
    try:
        db.upgrade(engine)
        with pytest.raises(ConfigError, match="No audit key is set"), \
                db.session_scope(engine, write=True) as s:
            accounts.create_user(session=s, actor=None, username="ada", role=Role.admin,
                                 password="correct horse battery")
        with db.session_scope(engine) as s:
            assert s.exec(select(AuditEvent)).first() is None
    finally:
        engine.dispose()


def test_concurrent_writers_never_fork_the_chain(seeded):
    """Eight threads appending at once: one unbroken chain, no seq twice."""
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(5):
                with db.session_scope(seeded, write=True) as s:
                    s.add(AuditEvent(action="note", comment=f"{n}-{i}"))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    key = audit.key_bytes(Settings())
    with db.session_scope(seeded) as s:
        events = list(s.exec(select(AuditEvent).order_by(AuditEvent.seq)))
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    prev = ""
    for e in events:
        assert e.prev_hmac == prev and e.chain_hmac == audit.link(key, prev, e)
        prev = e.chain_hmac


def test_ensure_key_creates_one_in_the_secrets_file(tmp_path, monkeypatch):
    secrets_file = tmp_path / "secrets.toml"
    secrets_file.write_text('[workbench]\nfactcheck_api_key = "abc"\n')
    monkeypatch.delenv("WORKBENCH_AUDIT_KEY")
    monkeypatch.setenv("WORKBENCH_SECRETS_FILE", str(secrets_file))
    assert audit.ensure_key(Settings()) == secrets_file
    settings = Settings()
    assert settings.audit_key is not None and len(settings.audit_key.get_secret_value()) == 64
    assert settings.factcheck_api_key.get_secret_value() == "abc"  # the rest is kept
    assert secrets_file.stat().st_mode & 0o077 == 0
    assert audit.ensure_key(settings) is None  # never replaced


def _drop_triggers(conn) -> None:  # noqa: ANN001
    if conn.dialect.name == "postgresql":
        for table in ("auditevent", "signoff", "signoffvoid"):
            conn.execute(text(f"DROP TRIGGER {table}_append_only ON {table}"))
    else:
        for table in ("auditevent", "signoff", "signoffvoid"):
            for verb in ("update", "delete"):
                conn.execute(text(f"DROP TRIGGER {table}_no_{verb}"))


def test_a_short_audit_key_is_refused():
    from workbench.config import load_settings

    with pytest.raises(ConfigError, match="the audit key needs at least 32 characters"):
        load_settings(audit_key="short")
