"""What the dashboard shares between reruns and users: the engine and the HTTP client.

Both are built once per process through ``st.cache_resource`` (keyed by the settings that
make them, so tests with their own database get their own engine) and never mutated; a
new ``Session`` is opened for every use.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import streamlit as st

from workbench import db, sources
from workbench.config import Settings, load_settings


def settings() -> Settings:
    return load_settings()


@st.cache_resource(show_spinner=False)
def _engine(database_url: str) -> Any:
    engine = db.make_engine(Settings(database_url=database_url))
    db.upgrade(engine)
    return engine


def engine() -> Any:
    return _engine(settings().database_url)


@st.cache_resource(show_spinner=False)
def _client(fingerprint: str) -> Any:
    return sources.make_client(load_settings())


def http_client() -> Any:
    """The shared guarded client, rebuilt when any setting (a secret included) changes."""
    s = settings()
    secrets = "|".join(v.get_secret_value() for v in (
        s.factcheck_api_key, s.wayback_access_key, s.wayback_secret_key) if v is not None)
    digest = hashlib.sha256(secrets.encode("utf-8")).hexdigest()
    return _client(s.model_dump_json() + digest)


@contextmanager
def session(*, write: bool = False) -> Iterator[Any]:
    """A session for one use; a database failure becomes one sentence (``StorageError``),
    never a traceback on the page."""
    with db.one_sentence_errors(), db.session_scope(engine(), write=write) as s:
        yield s
