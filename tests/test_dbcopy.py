"""Copying a desk's records to another database (SQLite to PostgreSQL and back): every row
arrives with its id, signed verdicts still verify, new rows get fresh ids, and a copy that
cannot be made leaves the target as it was."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import UTC
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import AUDIT_KEY, ROOT
from tests.test_workflow import _first_claim, _move, _to_review
from workbench import accounts, claims, db, workflow
from workbench.config import Settings
from workbench.errors import InputError
from workbench.models import Claim, Role

SQLITE_SOURCE = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def _engine(url: str):
    return db.make_engine(Settings(database_url=url))


def _rows(engine) -> dict[str, list[dict]]:
    """Every row of every table a copy moves, timestamps in UTC, ordered by primary key."""
    out = {}
    with engine.connect() as conn:
        for table in db.copied_tables():
            rows = conn.execute(select(table).order_by(*table.primary_key.columns)).mappings()
            out[table.name] = [
                {k: (v.replace(tzinfo=UTC) if hasattr(v, "tzinfo") and v.tzinfo is None
                     else v.astimezone(UTC) if hasattr(v, "tzinfo") else v)
                 for k, v in row.items()}
                for row in rows
            ]
    return out


@pytest.fixture
def worked(seeded, attach):
    """The first case with one claim signed off and one in review: rows in every table."""
    first = _first_claim(seeded)
    _to_review(seeded, attach, first)
    _move(seeded, first, "erin", "signoff")
    with db.session_scope(seeded) as s:
        second = claims.list_claims(session=s, limit=2)[1].claim.id
    _to_review(seeded, attach, second, who="rob")
    return seeded, first


@pytest.fixture
def other_url(request, database_url, tmp_path):
    """A new, empty database of the other kind than the source."""
    if database_url.startswith("sqlite"):
        return request.getfixturevalue("pg_schema_url")
    return f"sqlite:///{tmp_path / 'copy.db'}"


def test_copy_keeps_every_row_and_signed_verdicts_verify(worked, other_url):
    source, signed = worked
    target = _engine(other_url)
    try:
        copied = db.copy_database(source, target)
        before = _rows(source)
        assert copied == {name: len(rows) for name, rows in before.items()}
        assert all(copied[name] > 0 for name in ("user", "article", "claim", "source",
                                                  "evidence", "auditevent", "signoff"))
        assert _rows(target) == before

        with db.session_scope(target) as s:
            assert workflow.verify_signoff(s, s.get(Claim, signed))
        # New rows get new ids (PostgreSQL's sequences were moved past the copied ones).
        with db.session_scope(target, write=True) as s:
            user = accounts.create_user(session=s, actor=None, username="newcomer",
                                        role=Role.reviewer, password="a long enough one")
        assert user.id == max(r["id"] for r in before["user"]) + 1
        in_review = next(r["id"] for r in before["claim"] if r["status"] == "in_review")
        claim = _move(target, in_review, "erin", "signoff")
        assert claim.status == "signed_off"
        assert len(_rows(target)["auditevent"]) == len(before["auditevent"]) + 2
    finally:
        target.dispose()


def test_copy_refuses_a_target_that_holds_data(worked, tmp_path):
    source, _ = worked
    target = _engine(f"sqlite:///{tmp_path / 'copy.db'}")
    db.copy_database(source, target)
    before = _rows(target)
    with pytest.raises(InputError, match=r"not empty \(5 users, 1 article.*"
                       r"27 claims, \d+ history events, 2 evidence links, 1 sign-off\)"):
        db.copy_database(source, target)
    assert _rows(target) == before
    target.dispose()


def test_copy_refuses_a_source_without_the_schema(tmp_path):
    empty = _engine(f"sqlite:///{tmp_path / 'empty.db'}")
    target = _engine(f"sqlite:///{tmp_path / 'copy.db'}")
    with pytest.raises(InputError, match="revision none .* run `workbench init` on the source"):
        db.copy_database(empty, target)
    assert set(db.row_counts(target).values()) == {0}
    empty.dispose()
    target.dispose()


@SQLITE_SOURCE
def test_a_source_that_breaks_the_schema_copies_nothing(sqlite_url, seeded, tmp_path):
    # A row that points at no claim, written behind the workbench's back.
    path = sqlite_url.removeprefix("sqlite:///")
    seeded.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("INSERT INTO auditevent (at, claim_id, action, changes, comment) "
                     "VALUES ('2026-02-04 12:00:00', 9999, 'note', '{}', '')")
    target = _engine(f"sqlite:///{tmp_path / 'copy.db'}")
    with pytest.raises(InputError, match="refuses a row of the source .*nothing was copied"):
        db.copy_database(seeded, target)
    assert set(db.row_counts(target).values()) == {0}
    target.dispose()


def _cli(tmp_path: Path, target_url: str, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WORKBENCH_")}
    env.update(WORKBENCH_DATABASE_URL=target_url,
               WORKBENCH_SECRETS_FILE=str(tmp_path / "none.toml"), WORKBENCH_AUDIT_KEY=AUDIT_KEY)
    return subprocess.run([sys.executable, "-m", "workbench", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@SQLITE_SOURCE
def test_cli_copies_sqlite_into_postgresql(sqlite_url, seeded, pg_schema_url, tmp_path):
    seeded.dispose()
    proc = _cli(tmp_path, pg_schema_url, "copy-database", sqlite_url)
    assert proc.returncode == 0, proc.stderr
    assert ("Copied 5 users, 1 article, 0 saved views, 0 sources, 27 claims, 33 history events"
            in proc.stdout)
    assert "postgresql+psycopg://" in proc.stdout
    target = _engine(pg_schema_url)
    assert _rows(target) == _rows(seeded)
    target.dispose()


@SQLITE_SOURCE
def test_a_value_postgresql_refuses_gives_one_sentence_without_the_row(
        sqlite_url, seeded, pg_schema_url, tmp_path):
    # SQLite does not enforce VARCHAR lengths; PostgreSQL does.
    path = sqlite_url.removeprefix("sqlite:///")
    seeded.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE user SET display_name = ? WHERE username = 'rita'", ("R" * 250,))
    proc = _cli(tmp_path, pg_schema_url, "copy-database", sqlite_url)
    assert proc.returncode == 1
    assert proc.stderr.startswith("Error: The target database refuses a row of the source (")
    assert "value too long" in proc.stderr
    assert "nothing was copied" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "argon2" not in proc.stderr and "RRRR" not in proc.stderr
    target = _engine(pg_schema_url)
    assert set(db.row_counts(target).values()) == {0}
    target.dispose()


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_timestamps_stay_in_utc_from_a_postgresql_session_in_another_zone(
        worked, database_url, tmp_path):
    source, _ = worked
    berlin = _engine(database_url + "%20-ctimezone%3DEurope/Berlin")
    with berlin.connect() as conn:
        assert conn.exec_driver_sql("SHOW TimeZone").scalar_one() == "Europe/Berlin"
    target = _engine(f"sqlite:///{tmp_path / 'copy.db'}")
    try:
        db.copy_database(berlin, target)
        copied, before = _rows(target), _rows(source)
        assert copied["claim"][0]["created_at"] == before["claim"][0]["created_at"]
        assert copied == before
    finally:
        berlin.dispose()
        target.dispose()


@SQLITE_SOURCE
def test_cli_says_what_is_wrong_in_one_sentence(sqlite_url, seeded, tmp_path):
    seeded.dispose()
    missing = _cli(tmp_path, f"sqlite:///{tmp_path / 'new.db'}", "copy-database",
                   f"sqlite:///{tmp_path / 'typo.db'}")
    assert missing.returncode == 1
    typo = tmp_path / "typo.db"
    assert missing.stderr.strip() == f"Error: There is no SQLite database at {typo}."
    assert not (tmp_path / "typo.db").exists()

    itself = _cli(tmp_path, sqlite_url, "copy-database", sqlite_url)
    assert itself.returncode == 1
    assert "is the configured database itself" in itself.stderr

    wrong = _cli(tmp_path, f"sqlite:///{tmp_path / 'new.db'}", "copy-database", "mysql://x/y")
    assert wrong.returncode == 1
    assert "must start with sqlite:/// or postgresql://" in wrong.stderr
    assert "Traceback" not in missing.stderr + itself.stderr + wrong.stderr
