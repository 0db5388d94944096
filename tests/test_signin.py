"""Sign-in that holds: five checks mean five under any concurrency, one sentence for a
wrong password, an unknown name and a locked account, the lock on the user row and an
admin to lift it, no common passwords, and hashes renewed when argon2's parameters change.
Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, update
from sqlmodel import select

from tests.conftest import PASSWORD
from tests.test_ui import _signed_in, _texts, desk  # noqa: F401 (fixture)
from workbench import accounts, db
from workbench.errors import AuthError, InputError, PermissionDenied
from workbench.models import AuditEvent, User, utcnow


def _refused(engine, name: str, password: str) -> str:
    with pytest.raises(AuthError) as refused:
        accounts.sign_in(engine=engine, username=name, password=password)
    return str(refused.value)


def _failures(engine, name: str) -> int:
    with db.session_scope(engine) as s:
        return s.exec(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "login_failed", AuditEvent.comment == name)).one()


def test_twenty_concurrent_wrong_passwords_make_exactly_five_checks(engine, users):
    start = threading.Barrier(20)
    answers: list[str] = []

    def attempt() -> None:
        start.wait()
        try:
            accounts.sign_in(engine=engine, username="rita", password="not it at all!")
        except AuthError as exc:
            answers.append(str(exc))

    threads = [threading.Thread(target=attempt) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answers == [accounts.SIGN_IN_REFUSED] * 20
    # One failure is recorded per password check: five checks, then refusals.
    assert _failures(engine, "rita") == accounts.MAX_FAILED_LOGINS
    with db.session_scope(engine) as s:
        rita = accounts.get_user(session=s, username="rita")
    assert rita.failed_logins == accounts.MAX_FAILED_LOGINS and accounts.is_locked(rita)
    # Locked, unknown and wrong all get the same sentence; the right password is refused.
    assert _refused(engine, "rita", PASSWORD) == accounts.SIGN_IN_REFUSED
    assert _refused(engine, "nobody", PASSWORD) == accounts.SIGN_IN_REFUSED
    assert _refused(engine, "erin", "not it at all!") == accounts.SIGN_IN_REFUSED
    assert _failures(engine, "rita") == accounts.MAX_FAILED_LOGINS  # no further check
    assert _failures(engine, "nobody") == 0  # unknown names leave no rows


def test_admin_lifts_a_lock_and_a_success_resets_the_count(engine, users):
    for _ in range(accounts.MAX_FAILED_LOGINS):
        _refused(engine, "rita", "not it at all!")
    with db.session_scope(engine, write=True) as s:
        with pytest.raises(PermissionDenied, match="Only an admin"):
            accounts.unlock(session=s, actor=accounts.get_user(session=s, username="erin"),
                            username="rita")
    with db.session_scope(engine, write=True) as s:
        ada = accounts.get_user(session=s, username="ada")
        assert not accounts.is_locked(accounts.unlock(session=s, actor=ada, username="rita"))
    assert accounts.sign_in(engine=engine, username="rita", password=PASSWORD).username == "rita"
    _refused(engine, "rita", "not it at all!")
    assert accounts.sign_in(engine=engine, username="rita", password=PASSWORD)
    with db.session_scope(engine) as s:
        assert accounts.get_user(session=s, username="rita").failed_logins == 0


def test_a_lock_ends_by_itself(engine, users):
    for _ in range(accounts.MAX_FAILED_LOGINS):
        _refused(engine, "rita", "not it at all!")
    assert _refused(engine, "rita", PASSWORD) == accounts.SIGN_IN_REFUSED
    with db.session_scope(engine, write=True) as s:  # as if the lock time had passed
        s.execute(update(User).where(User.username == "rita")
                  .values(locked_until=utcnow() - timedelta(seconds=1)))
    assert accounts.sign_in(engine=engine, username="rita", password=PASSWORD).username == "rita"


def test_disabled_account_is_told_only_after_the_right_password(engine, users):
    with db.session_scope(engine, write=True) as s:
        accounts.set_active(session=s, actor=None, username="rita", active=False)
    assert _refused(engine, "rita", "not it at all!") == accounts.SIGN_IN_REFUSED
    assert _refused(engine, "rita", PASSWORD) == "The account 'rita' is disabled."


@pytest.mark.parametrize("password", ["password1234", "Password123456!", "1qaz2wsx3edc",
                                      "iloveyou2024!!", "short-pass"])
def test_short_and_common_passwords_are_refused(engine, users, password):
    with db.session_scope(engine, write=True) as s, pytest.raises(InputError) as refused:
        accounts.set_password(session=s, actor=None, username="rita", password=password)
    assert str(refused.value) in {
        "A password needs at least 12 characters.",
        "That password is on the list of the most common passwords; choose another."}
    with db.session_scope(engine) as s:  # nothing changed
        assert accounts.authenticate(session=s, username="rita", password=PASSWORD)


def test_hash_is_renewed_when_argon2_parameters_change(engine, users):
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
    with db.session_scope(engine, write=True) as s:
        s.execute(update(User).where(User.username == "rita")
                  .values(password_hash=weak.hash(PASSWORD)))
    accounts.sign_in(engine=engine, username="rita", password=PASSWORD)
    with db.session_scope(engine) as s:
        renewed = accounts.get_user(session=s, username="rita").password_hash
    assert not PasswordHasher().check_needs_rehash(renewed)
    assert PasswordHasher().verify(renewed, PASSWORD)


def test_cli_lists_and_lifts_a_lock(tmp_path):
    from tests.test_cli import _runner
    from workbench.config import Settings

    run = _runner(tmp_path, tmp_path / "cli.db")
    run("init")
    run("users", "add", "rita", "--role", "reviewer", "--password-stdin", stdin=PASSWORD + "\n")
    engine = db.make_engine(Settings(database_url=f"sqlite:///{tmp_path / 'cli.db'}"))
    try:
        for _ in range(accounts.MAX_FAILED_LOGINS):
            _refused(engine, "rita", "not it at all!")
        assert "(locked until " in run("users", "list").stdout
        assert run("users", "unlock", "rita").stdout == "The sign-in lock of rita is lifted.\n"
        assert "locked" not in run("users", "list").stdout
        assert accounts.sign_in(engine=engine, username="rita", password=PASSWORD)
    finally:
        engine.dispose()


def test_users_page_shows_and_lifts_a_lock(desk):
    for _ in range(accounts.MAX_FAILED_LOGINS):
        _refused(desk, "rita", "not it at all!")
    admin = _signed_in("ada", "app_pages/users.py")
    assert _texts(admin.warning) == [
        "Locked after too many failed sign-ins: rita. Lift a lock below."]
    admin.selectbox(key="manage_username").set_value("rita")
    admin.radio(key="manage_action").set_value("Lift the sign-in lock")
    admin.button[[b.label for b in admin.button].index("Apply")].click().run()
    assert [s.value for s in admin.success] == ["The sign-in lock of rita is lifted."]
    assert accounts.sign_in(engine=desk, username="rita", password=PASSWORD)


def _resume(engine, token: str, idle=timedelta(minutes=30), absolute=timedelta(hours=12)):
    with db.session_scope(engine) as s:
        user = accounts.resume_session(session=s, token=token, idle=idle, absolute=absolute)
        return user.username if user else None


def _start(engine, name: str) -> str:
    with db.session_scope(engine, write=True) as s:
        return accounts.start_session(session=s, user=accounts.get_user(session=s, username=name))


def test_sessions_end_on_sign_out_disable_password_and_time(engine, users):
    from workbench.models import UserSession

    token = _start(engine, "rita")
    assert _resume(engine, token) == "rita"
    assert _resume(engine, token + "x") is None
    with db.session_scope(engine) as s:  # only the hash is stored
        assert s.exec(select(UserSession).where(UserSession.token_sha256 == token)).first() \
            is None
    with db.session_scope(engine, write=True) as s:
        accounts.end_session(session=s, token=token)
    assert _resume(engine, token) is None

    token = _start(engine, "rita")
    with db.session_scope(engine, write=True) as s:
        accounts.set_password(session=s, actor=None, username="rita",
                              password="a brand new long phrase")
    assert _resume(engine, token) is None

    token = _start(engine, "rita")
    with db.session_scope(engine, write=True) as s:
        accounts.set_active(session=s, actor=None, username="rita", active=False)
    assert _resume(engine, token) is None
    with db.session_scope(engine, write=True) as s:
        accounts.set_active(session=s, actor=None, username="rita", active=True)
    assert _resume(engine, token) is None  # enabling again does not revive it

    token = _start(engine, "erin")
    with db.session_scope(engine, write=True) as s:  # 31 minutes without use
        s.execute(update(UserSession).values(last_seen_at=utcnow() - timedelta(minutes=31)))
    assert _resume(engine, token) is None
    with db.session_scope(engine, write=True) as s:
        accounts.touch_session(session=s, token=token)
    assert _resume(engine, token) == "erin"
    assert _resume(engine, token, absolute=timedelta(seconds=0)) is None  # too old


def test_only_an_admin_links_a_sign_on_identity(engine, users):
    with db.session_scope(engine, write=True) as s:
        rita = accounts.get_user(session=s, username="rita")
        with pytest.raises(PermissionDenied, match="Only an admin"):
            accounts.link_identity(session=s, actor=rita, username="rita", identity="me")
    with db.session_scope(engine, write=True) as s:
        ada = accounts.get_user(session=s, username="ada")
        accounts.link_identity(session=s, actor=ada, username="rita", identity="sub-rita")
    with db.session_scope(engine, write=True) as s:
        ada = accounts.get_user(session=s, username="ada")
        with pytest.raises(InputError, match="linked to 'rita' already"):
            accounts.link_identity(session=s, actor=ada, username="erin", identity="sub-rita")
    with db.session_scope(engine) as s:
        assert accounts.user_for_identity(session=s, identity="sub-rita").username == "rita"
        assert accounts.user_for_identity(session=s, identity="sub-erin") is None
    with db.session_scope(engine, write=True) as s:
        accounts.set_active(session=s, actor=None, username="rita", active=False)
    with db.session_scope(engine) as s:  # a disabled account is not signed in by its identity
        assert accounts.user_for_identity(session=s, identity="sub-rita") is None
