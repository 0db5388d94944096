"""A database failure reaches a person as one sentence: the driver's first line, never the
statement, its parameters or a traceback."""

from __future__ import annotations

import pytest
from sqlmodel import select

from workbench import db
from workbench.config import Settings
from workbench.errors import StorageError
from workbench.models import Claim


def test_a_database_failure_becomes_one_sentence(sqlite_url):
    engine = db.make_engine(Settings(database_url=sqlite_url))  # never migrated: no tables
    try:
        with pytest.raises(StorageError) as caught:
            with db.one_sentence_errors(), db.session_scope(engine) as s:
                s.exec(select(Claim).where(Claim.text == "secret parameter")).all()
        message = str(caught.value)
        assert message == ("The database could not complete this: no such table: claim; "
                           "nothing was changed.")
    finally:
        engine.dispose()


def test_other_errors_pass_through_unchanged(sqlite_url):
    engine = db.make_engine(Settings(database_url=sqlite_url))
    try:
        with pytest.raises(KeyError):
            with db.one_sentence_errors(), db.session_scope(engine):
                raise KeyError("not the database's")
    finally:
        engine.dispose()
