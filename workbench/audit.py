"""The provable record: a keyed hash chain over the history, and keyed sign-offs.

Every ``AuditEvent`` inserted through a session gets, at flush time, its place in the
desk's chain (``seq``), the link of the event before it (``prev_hmac``) and its own link
(``chain_hmac`` = HMAC-SHA256 of the previous link and the event's content). Every new
``SignOff`` gets ``snapshot_hmac``, an HMAC of the claim, editor, version, time and
snapshot it records. The callers do nothing: a ``before_flush`` listener on every
``Session`` does it, so no service can forget.

The key lives outside the database (``WORKBENCH_AUDIT_KEY`` or ``audit_key`` in the
secrets file): someone who can write the database but does not hold the key cannot
forge a link or a sign-off, and rehashing with plain sha256 does not verify.

Appending is serialised: on PostgreSQL a transaction-level advisory lock (one per schema)
is held from reading the chain's head until commit; on SQLite the database's single
writer does it. The unique ``seq`` refuses a fork whatever happens.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, and_, event, exists, inspect, select, text
from sqlalchemy.orm import Session

from workbench.config import DEFAULT_SECRETS_FILE, Settings, load_settings
from workbench.errors import ConfigError
from workbench.models import AuditEvent, SignOff, SignOffVoid

KEY_OPTION = "workbench_audit_key"
# The advisory lock's first key; the second is the schema's hash, so desks sharing a
# PostgreSQL server in different schemas do not wait for each other.
_PG_LOCK_CLASS = 7_240_311


def key_bytes(settings: Settings) -> bytes | None:
    return settings.audit_key.get_secret_value().encode("utf-8") if settings.audit_key else None


def session_key(session: Session) -> bytes:
    """The audit key for ``session``'s database: the engine's (from its settings), or the
    environment's and secrets file's."""
    bind = session.get_bind()
    key = bind.get_execution_options().get(KEY_OPTION)
    if key is None:
        key = key_bytes(load_settings())
    if not key:
        raise ConfigError(
            "No audit key is set; set WORKBENCH_AUDIT_KEY or run `workbench audit key` to "
            "create one in the secrets file."
        )
    return key


def _canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def _stamp(value: datetime | None) -> str | None:
    """A timestamp in UTC, whatever the database hands back (SQLite drops the zone)."""
    if value is None:
        return None
    value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.%f")


def mac(key: bytes, data: Any) -> str:
    return hmac.new(key, _canonical(data), hashlib.sha256).hexdigest()


def event_content(row: Any) -> dict[str, Any]:
    """What an event's link covers (an ``AuditEvent`` or a row with its columns)."""
    return {
        "seq": row.seq,
        "at": _stamp(row.at),
        "actor_id": row.actor_id,
        "action": row.action,
        "claim_id": row.claim_id,
        "article_id": row.article_id,
        "from_status": row.from_status,
        "to_status": row.to_status,
        "changes": row.changes,
        "comment": row.comment,
    }


def link(key: bytes, prev_hmac: str, row: Any) -> str:
    return mac(key, {"prev": prev_hmac, "event": event_content(row)})


def signoff_content(row: Any) -> dict[str, Any]:
    """What a sign-off's HMAC covers: the snapshot through its sha256 (which the verifier
    checks against the stored snapshot), who signed which version, and when."""
    return {
        "claim_id": row.claim_id,
        "editor_id": row.editor_id,
        "at": _stamp(row.at),
        "claim_version": row.claim_version,
        "snapshot_sha256": row.snapshot_sha256,
    }


def signoff_mac(key: bytes, row: Any) -> str:
    return mac(key, {"signoff": signoff_content(row)})


def signoff_intact(session: Session, signoff: SignOff) -> bool:
    """Does the sign-off carry a valid HMAC of what it records?"""
    expected = signoff_mac(session_key(session), signoff)
    return signoff.snapshot_hmac is not None and hmac.compare_digest(
        signoff.snapshot_hmac, expected)


def signoff_active(signoff: Any = SignOff) -> ColumnElement[bool]:
    """A sign-off (``SignOff`` or an alias of it) that no reopen has voided (a void is a row
    of its own; ``voided_at`` is kept for sign-offs voided before voids were rows)."""
    return and_(signoff.voided_at.is_(None),
                ~exists().where(SignOffVoid.signoff_id == signoff.id))


def chain_head(session: Session) -> tuple[int, str]:
    """The last event's place and link ((0, "") for an empty chain)."""
    row = session.execute(
        select(AuditEvent.seq, AuditEvent.chain_hmac)
        .where(AuditEvent.seq.is_not(None))  # type: ignore[union-attr]
        .order_by(AuditEvent.seq.desc()).limit(1)  # type: ignore[union-attr]
    ).first()
    return (row[0], row[1] or "") if row else (0, "")


@event.listens_for(Session, "before_flush")
def _seal(session: Session, _context, _instances) -> None:  # type: ignore[no-untyped-def]
    events = [o for o in session.new if isinstance(o, AuditEvent) and o.chain_hmac is None]
    signoffs = [o for o in session.new if isinstance(o, SignOff) and o.snapshot_hmac is None]
    if not events and not signoffs:
        return
    key = session_key(session)
    for signoff in signoffs:
        signoff.snapshot_hmac = signoff_mac(key, signoff)
    if not events:
        return
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:k, hashtext(current_schema()))"),
                           {"k": _PG_LOCK_CLASS})
    seq, prev = chain_head(session)
    for item in sorted(events, key=lambda o: inspect(o).insert_order):
        seq += 1
        item.seq = seq
        item.prev_hmac = prev
        item.chain_hmac = prev = link(key, prev, item)


def ensure_key(settings: Settings) -> Path | None:
    """Create an audit key in the secrets file if none is set; return where, or None if a
    key was there already."""
    if settings.audit_key is not None:
        return None
    path = Path(os.environ.get("WORKBENCH_SECRETS_FILE", DEFAULT_SECRETS_FILE))
    key = secrets.token_hex(32)
    line = (f'# The audit key (HMACs of the history and the sign-offs): back it up.\n'
            f'audit_key = "{key}"\n')
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        # Top-level keys must come before the first table of a TOML file; the new file
        # replaces the old one whole, readable by its owner alone.
        partial = path.with_name(path.name + ".new")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(line + old)
        os.replace(partial, path)
    except OSError as exc:
        raise ConfigError(f"The audit key could not be written to {path}: {exc}.") from exc
    return path
