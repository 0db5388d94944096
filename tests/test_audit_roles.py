"""The README's deployment with two roles, run on the real PostgreSQL: the application
role, which owns nothing, works a claim through sign-off and reopen, and cannot change or
delete the history and the sign-offs, nor drop their triggers."""

from __future__ import annotations

import re
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from tests.conftest import PASSWORD, ROOT, SEED_CASE, postgres_url
from tests.test_workflow import _first_claim, _move
from workbench import accounts, casefiles, db, sources, verify
from workbench.config import Settings
from workbench.models import Role


def _readme_sql() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Running the dashboard under a role that owns nothing")[1]
    return re.findall(r"```sql\n(.*?)```", section.split("\n## ")[0], re.S)


def _run(engine, sql: str, names: dict[str, str]) -> None:  # noqa: ANN001
    for old, new in names.items():
        sql = re.sub(rf"\b{old}\b", new, sql)
    with engine.begin() as conn:
        for statement in filter(str.strip, sql.split(";")):
            conn.execute(text(statement))


@pytest.fixture
def roles():  # noqa: ANN201
    """The README's roles and schema under unique names; dropped afterwards."""
    base = postgres_url()
    tag = uuid.uuid4().hex[:10]
    names = {"workbench_owner": f"wb_owner_{tag}", "workbench_app": f"wb_app_{tag}",
             "workbench": f"wb_{tag}"}
    superuser = create_engine(base, isolation_level="AUTOCOMMIT")
    setup, grants = _readme_sql()
    try:
        _run(superuser, setup, names)
        url = make_url(base)
        yield (names, url.set(username=names["workbench_owner"]),
               url.set(username=names["workbench_app"]), grants)
    finally:
        with superuser.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{names["workbench"]}" CASCADE'))
            for role in (names["workbench_app"], names["workbench_owner"]):
                conn.execute(text(f'DROP OWNED BY "{role}"'))
                conn.execute(text(f'DROP ROLE "{role}"'))
        superuser.dispose()


def test_application_role_may_only_append(roles, page_server):
    names, owner_url, app_url, grants = roles
    owner = db.make_engine(Settings(database_url=owner_url.render_as_string(False)))
    app = db.make_engine(Settings(database_url=app_url.render_as_string(False)))
    try:
        db.upgrade(owner)
        _run(owner, grants, names)
        with db.session_scope(app, write=True) as s:
            for name, role in (("rita", Role.reviewer), ("erin", Role.editor),
                               ("ed", Role.editor)):
                accounts.create_user(session=s, actor=None, username=name, role=role,
                                     password=PASSWORD)
            casefiles.import_dir(session=s, root=SEED_CASE)
        cid = _first_claim(app)
        _move(app, cid, "rita", "accept")
        _move(app, cid, "rita", "assign", to="rita")
        with sources.open_client(Settings(lookup_allow_hosts=["127.0.0.1"],
                                          lookup_retries=0)) as client:
            page = sources.preview(client=client, url=page_server.url("/fto/1"))
        with db.session_scope(app, write=True) as s:
            sources.attach(session=s, actor=accounts.get_user(session=s, username="rita"),
                           claim_id=cid, page=page, stance="supports", quote="Clan del Golfo",
                           expected_version=None)
        _move(app, cid, "rita", "submit", verdict="True", rationale="Listed.")
        _move(app, cid, "erin", "signoff")
        _move(app, cid, "ed", "reopen", note="A newer list.")
        with app.connect() as conn:
            assert tuple(conn.execute(text("SELECT current_user, current_schema()")).one()) \
                == (names["workbench_app"], names["workbench"])
        with db.session_scope(app) as s:
            assert list(verify.verify_desk(session=s, tally=verify.Tally())) == []
        for statement in ("UPDATE auditevent SET comment = 'x'", "DELETE FROM auditevent",
                          "UPDATE signoff SET snapshot_sha256 = 'x'", "DELETE FROM signoff",
                          "DELETE FROM signoffvoid", "TRUNCATE auditevent",
                          "DROP TRIGGER auditevent_append_only ON auditevent",
                          "ALTER TABLE signoff DISABLE TRIGGER USER",
                          "UPDATE alembic_version SET version_num = '0001'"):
            with pytest.raises(DBAPIError, match="permission denied|must be owner"), \
                    app.begin() as conn:
                conn.execute(text(statement))
    finally:
        owner.dispose()
        app.dispose()
