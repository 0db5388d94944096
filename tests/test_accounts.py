"""Accounts: argon2 hashes, one vague message for a wrong name or password, no default
password, and only admins add accounts from the dashboard."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD
from workbench import accounts, db
from workbench.errors import AuthError, InputError, PermissionDenied


def test_password_is_stored_as_argon2_hash(engine, users):
    with db.session_scope(engine) as s:
        rita = accounts.get_user(session=s, username="rita")
    assert rita.password_hash.startswith("$argon2id$")
    assert PASSWORD not in rita.password_hash


@pytest.mark.parametrize("name,password", [("rita", "wrong password!"), ("nobody", PASSWORD)])
def test_wrong_name_or_password_gives_the_same_message(engine, users, name, password):
    with db.session_scope(engine) as s, \
            pytest.raises(AuthError, match="^The user name or password is wrong.$"):
        accounts.authenticate(session=s, username=name, password=password)


def test_authenticate_and_disabled_account(engine, users):
    with db.session_scope(engine, write=True) as s:
        assert accounts.authenticate(session=s, username="RITA", password=PASSWORD).id
        accounts.get_user(session=s, username="rita").active = False
    with db.session_scope(engine) as s, pytest.raises(AuthError, match="disabled"):
        accounts.authenticate(session=s, username="rita", password=PASSWORD)


def test_bootstrap_makes_one_admin_with_a_random_password(engine):
    with db.session_scope(engine, write=True) as s:
        user, password = accounts.bootstrap_admin(session=s)
    with db.session_scope(engine, write=True) as s:
        assert accounts.bootstrap_admin(session=s) is None
        assert accounts.authenticate(session=s, username="admin", password=password).id
    assert len(password) >= 12 and user.role.value == "admin"


def test_only_admin_adds_accounts_and_input_is_checked(engine, users):
    with db.session_scope(engine, write=True) as s:
        rita = accounts.get_user(session=s, username="rita")
        with pytest.raises(PermissionDenied, match="Only an admin"):
            accounts.create_user(session=s, actor=rita, username="x1", role="editor",
                                 password=PASSWORD)
        ada = accounts.get_user(session=s, username="ada")
        with pytest.raises(InputError, match="at least 12 characters"):
            accounts.create_user(session=s, actor=ada, username="x2", role="editor",
                                 password="short")
        with pytest.raises(InputError, match="is not a role"):
            accounts.create_user(session=s, actor=ada, username="x3", role="boss",
                                 password=PASSWORD)
        with pytest.raises(InputError, match="exists already"):
            accounts.create_user(session=s, actor=ada, username="rita", role="editor",
                                 password=PASSWORD)
        with pytest.raises(InputError, match="not a valid user name"):
            accounts.create_user(session=s, actor=ada, username="<b>", role="editor",
                                 password=PASSWORD)
        made = accounts.create_user(session=s, actor=ada, username="New.Editor", role="editor",
                                    password=PASSWORD)
    assert made.username == "new.editor"


def test_sign_in_is_refused_after_repeated_failures(engine, users):
    for _ in range(accounts.MAX_FAILED_LOGINS):
        with pytest.raises(AuthError, match="wrong"):
            accounts.sign_in(engine=engine, username="rita", password="not it at all")
    # Locked: the right password gets the same sentence as a wrong one.
    with pytest.raises(AuthError) as refused:
        accounts.sign_in(engine=engine, username="rita", password=PASSWORD)
    assert str(refused.value) == accounts.SIGN_IN_REFUSED
    # Another account is not affected.
    assert accounts.sign_in(engine=engine, username="erin", password=PASSWORD).username == "erin"
