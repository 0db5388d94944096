"""Engine and sessions: SQLite (WAL, foreign keys, busy timeout) or PostgreSQL (psycopg 3)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC
from pathlib import Path

from sqlalchemy import DateTime, Integer, event, func, insert, select
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DataError, IntegrityError, SQLAlchemyError
from sqlmodel import Session, SQLModel, create_engine

from workbench import audit
from workbench.config import Settings
from workbench.errors import InputError, StorageError

SQLITE_BUSY_TIMEOUT_MS = 10_000
_LABELS = {"display_name": "display name", "username": "user name"}


def make_engine(settings: Settings) -> Engine:
    """Create the engine for ``settings.database_url``; the caller owns its lifetime."""
    engine = _make_engine(settings)
    key = audit.key_bytes(settings)
    if key:  # the history chain and sign-offs are sealed with it (see audit.py)
        engine.update_execution_options(**{audit.KEY_OPTION: key})
    return engine


def _make_engine(settings: Settings) -> Engine:
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        # Let SQLAlchemy, not the sqlite3 module, open transactions, so that BEGIN
        # IMMEDIATE takes the write lock before a read-modify-write.
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


@event.listens_for(Session, "before_flush")
def _check_lengths(session: Session, _context, _instances) -> None:  # type: ignore[no-untyped-def]
    """Refuse a value longer than its column, on SQLite as on PostgreSQL.

    SQLite would store it whole and PostgreSQL would refuse it with a driver error; both
    now say which field is too long, in one sentence, before anything is written.
    """
    for obj in (*session.new, *session.dirty):
        table = getattr(obj, "__table__", None)
        if table is None:
            continue
        for column in table.columns:
            limit = getattr(column.type, "length", None)
            value = getattr(obj, column.key, None)
            if limit and isinstance(value, str) and len(value) > limit:
                what = f"{table.name} {_LABELS.get(column.key, column.key.replace('_', ' '))}"
                raise InputError(f"The {what} is {len(value):,} characters long; "
                                 f"at most {limit:,} fit.")


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(conn) -> None:  # type: ignore[no-untyped-def]
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def session_scope(engine: Engine, *, write: bool = False) -> Iterator[Session]:
    """A session whose transaction commits on success and rolls back on any error.

    ``write=True`` takes SQLite's write lock when the transaction starts (BEGIN IMMEDIATE),
    so two writers never interleave a read and a write; on PostgreSQL the claim's version
    column catches a concurrent edit instead.
    """
    bind = engine.execution_options(sqlite_immediate=True) if write else engine
    with Session(bind, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


@contextmanager
def one_sentence_errors() -> Iterator[None]:
    """Turn a database failure into one sentence (``StorageError``): the driver's first
    line, never the statement or its parameters."""
    try:
        yield
    except SQLAlchemyError as exc:
        first = str(getattr(exc, "orig", None) or type(exc).__name__).splitlines()[0]
        raise StorageError(f"The database could not complete this: {first[:200]}; "
                           "nothing was changed.") from None


def _alembic_config(connection):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Create or migrate the schema (Alembic upgrade) in one transaction."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def revision(engine: Engine, message: str) -> None:
    """Autogenerate a new revision against ``engine`` (a developer's command)."""
    from alembic import command

    with engine.begin() as connection:
        command.revision(_alembic_config(connection), message=message, autogenerate=True)


COPY_BATCH = 1000
NOT_COPIED = {"usersession"}  # sign-ins stay with their database: people sign in again
COPY_BATCH_BY_TABLE = {"article": 10, "sourcecheck": 10}  # texts may be megabytes
TABLE_LABELS = {"user": "user", "article": "article", "source": "source", "claim": "claim",
                "auditevent": "history event", "evidence": "evidence link",
                "signoff": "sign-off", "signoffvoid": "voided sign-off",
                "claimlink": "claim link", "savedview": "saved view",
                "sourcecheck": "source check"}


def describe_counts(counts: dict[str, int]) -> str:
    """``{"user": 5, "article": 1}`` as "5 users, 1 article"."""
    return ", ".join(f"{n} {TABLE_LABELS.get(name, name)}{'' if n == 1 else 's'}"
                     for name, n in counts.items())


def row_counts(engine: Engine) -> dict[str, int]:
    """Rows in each of the workbench's tables that a copy moves, in dependency order."""
    with engine.connect() as connection:
        return _count_rows(connection, copied_tables())


def copied_tables() -> list:
    return [t for t in SQLModel.metadata.sorted_tables if t.name not in NOT_COPIED]


def _count_rows(connection, tables: list) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {t.name: connection.execute(select(func.count()).select_from(t)).scalar_one()
            for t in tables}


def copy_database(source: Engine, target: Engine) -> dict[str, int]:
    """Copy every record from ``source`` into the empty database ``target``.

    For a desk moving from the embedded SQLite file to PostgreSQL (or taking a copy home).
    Both must be at this workbench's schema revision: the target is migrated first (that
    much stays, even when the copy is refused); the source is only read, in one
    transaction. Ids are kept, so links, history and sign-off snapshots stay valid;
    PostgreSQL's id sequences are moved past the copied ids. The target is locked against
    other writers, found empty and filled in one transaction: on any error it holds no row.
    """
    from workbench import models  # noqa: F401  (fills SQLModel.metadata)

    upgrade(target)
    source_revision, target_revision = current_revision(source), current_revision(target)
    if source_revision != target_revision:
        raise InputError(
            f"The source database is at schema revision {source_revision or 'none'} and "
            f"this workbench at {target_revision}; run `workbench init` on the source first."
        )
    read = source.execution_options(isolation_level="REPEATABLE READ") \
        if source.dialect.name == "postgresql" else source
    try:
        return _copy_rows(read, target, copied_tables())
    except (IntegrityError, DataError) as exc:
        # The first line of the driver's message only: the statement's parameters would
        # print the row, password hashes included.
        first = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        raise InputError(f"The target database refuses a row of the source ({first}); "
                         "nothing was copied.") from None


def _copy_rows(read: Engine, target: Engine, tables: list) -> dict[str, int]:
    copied: dict[str, int] = {}
    write = target.execution_options(sqlite_immediate=True)  # SQLite: take the write lock
    with read.connect() as src, src.begin(), write.begin() as dst:
        if target.dialect.name == "postgresql":
            names = ", ".join(dst.dialect.identifier_preparer.format_table(t) for t in tables)
            dst.exec_driver_sql(f"LOCK TABLE {names} IN SHARE ROW EXCLUSIVE MODE")
        held = {name: n for name, n in _count_rows(dst, tables).items() if n}
        if held:
            raise InputError(f"The target database is not empty ({describe_counts(held)}); "
                             "copy into a new one.")
        for table in tables:
            stamps = [c.name for c in table.columns
                      if isinstance(c.type, DateTime) and c.type.timezone]
            batch = COPY_BATCH_BY_TABLE.get(table.name, COPY_BATCH)
            result = src.execution_options(yield_per=batch).execute(
                select(table).order_by(*table.primary_key.columns))
            copied[table.name] = 0
            for part in result.mappings().partitions():
                rows = [_as_utc(dict(row), stamps) for row in part]
                dst.execute(insert(table), rows)
                copied[table.name] += len(rows)
        if target.dialect.name == "postgresql":
            _move_sequences(dst, tables)
    return copied


def _move_sequences(dst, tables: list) -> None:  # type: ignore[no-untyped-def]
    """Make PostgreSQL's id sequences continue after the copied ids."""
    for table in tables:
        for column in table.primary_key.columns:
            if column.autoincrement is True or (
                column.autoincrement == "auto" and isinstance(column.type, Integer)
            ):
                quoted = dst.dialect.identifier_preparer.format_table(table)
                dst.execute(select(func.setval(
                    func.pg_get_serial_sequence(quoted, column.name),
                    func.coalesce(func.max(column), 0) + 1, False,
                )).select_from(table))


def _as_utc(row: dict, stamps: list[str]) -> dict:
    """Timestamps in UTC: SQLite hands them back without a zone (the workbench writes UTC),
    PostgreSQL in the session's time zone, which SQLite would store as if it were UTC."""
    for name in stamps:
        value = row.get(name)
        if value is not None:
            row[name] = value.replace(tzinfo=UTC) if value.tzinfo is None \
                else value.astimezone(UTC)
    return row


def analyze(engine: Engine) -> None:
    """Refresh the query planner's statistics (``ANALYZE``), so that SQLite walks the
    right index for a filtered, sorted page of a large desk; `workbench init` runs it."""
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
