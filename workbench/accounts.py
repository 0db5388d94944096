"""Accounts: local users with argon2 password hashes, and who may manage them."""

from __future__ import annotations

import re
import secrets
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from workbench import permissions
from workbench.db import session_scope
from workbench.errors import AuthError, InputError, NotFoundError, PermissionDenied
from workbench.models import AuditEvent, Role, User, utcnow

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
MIN_PASSWORD_LENGTH = 10
_hasher = PasswordHasher()
# A hash to verify against when the user does not exist, so a wrong name costs the same
# time as a wrong password and does not tell which one was wrong.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


def _acting_admin(session: Session, actor: User | None, what: str) -> User | None:
    """The acting admin, checked against the database (None: the operator at the command
    line, who owns the database)."""
    if actor is None:
        return None
    actor = permissions.current_actor(session, actor)
    if actor.role != Role.admin:
        raise PermissionDenied(f"Only an admin may {what}.")
    return actor


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputError(f"A password needs at least {MIN_PASSWORD_LENGTH} characters.")


def _by_name(session: Session, username: str) -> User | None:
    return session.exec(select(User).where(User.username == username.strip().lower())).first()


def get_user(*, session: Session, username: str) -> User:
    user = _by_name(session, username)
    if user is None:
        raise NotFoundError(f"There is no user named {username!r}.")
    return user


def get_user_by_id(*, session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(f"There is no user with id {user_id}.")
    return user


def list_users(*, session: Session) -> list[User]:
    return list(session.exec(select(User).order_by(User.username)))


def create_user(
    *,
    session: Session,
    actor: User | None,
    username: str,
    role: Role | str,
    password: str,
    display_name: str = "",
) -> User:
    """Add an account. ``actor=None`` is the operator at the command line, who owns the
    database file; in the dashboard only an admin may add accounts."""
    actor = _acting_admin(session, actor, "add accounts")
    name = username.strip().lower()
    if not _USERNAME.match(name):
        raise InputError(
            f"{username!r} is not a valid user name: use 2-64 lower-case letters, digits, "
            "dots, dashes or underscores."
        )
    try:
        role = Role(role)
    except ValueError:
        raise InputError(
            f"{role!r} is not a role; choose one of: {', '.join(r.value for r in Role)}."
        ) from None
    _check_password(password)
    if _by_name(session, name) is not None:
        raise InputError(f"A user named {name!r} exists already.")
    user = User(
        username=name,
        display_name=display_name.strip() or name,
        role=role,
        password_hash=hash_password(password),
    )
    session.add(user)
    session.flush()
    session.add(
        AuditEvent(
            actor_id=actor.id if actor else None,
            action="user_added",
            changes={"username": name, "role": role.value},
        )
    )
    return user


def authenticate(*, session: Session, username: str, password: str) -> User:
    """Return the user whose name and password match, or raise one vague ``AuthError``."""
    user = _by_name(session, username)
    stored = user.password_hash if user is not None and user.password_hash else _DUMMY_HASH
    try:
        _hasher.verify(stored, password)
        ok = user is not None and user.password_hash is not None
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok or user is None:
        raise AuthError("The user name or password is wrong.")
    if not user.active:
        raise AuthError(f"The account {user.username!r} is disabled.")
    return user


MAX_FAILED_LOGINS = 5
LOGIN_WINDOW = timedelta(minutes=15)


def _recent_failures(session: Session, username: str) -> int:
    """Failed sign-ins of an account in the last window, since an admin last enabled it."""
    since = utcnow() - LOGIN_WINDOW
    unlocked = session.exec(
        select(func.max(AuditEvent.at)).where(
            AuditEvent.action == "user_enabled", AuditEvent.comment == username)
    ).one()
    if unlocked is not None:
        unlocked = unlocked if unlocked.tzinfo else unlocked.replace(tzinfo=since.tzinfo)
        since = max(since, unlocked)
    stmt = select(func.count()).select_from(AuditEvent).where(
        AuditEvent.action == "login_failed", AuditEvent.at >= since,
        AuditEvent.comment == username,
    )
    return int(session.exec(stmt).one())


def sign_in(*, engine: Engine, username: str, password: str) -> User:
    """Authenticate, refusing an account after too many failed attempts in a short time.

    Each failure is recorded (committed even though the sign-in fails), so the limit
    holds across browser sessions and dashboard processes sharing the database.
    """
    name = username.strip().lower()[:64]
    with session_scope(engine) as s:
        if _recent_failures(s, name) >= MAX_FAILED_LOGINS:
            raise AuthError(
                "Too many failed sign-ins for this account; wait 15 minutes and try again."
            )
        try:
            return authenticate(session=s, username=name, password=password)
        except AuthError as exc:
            error = exc
        known = _by_name(s, name) is not None
    if known:  # unknown names leave no rows: nobody can fill the table with made-up names
        with session_scope(engine, write=True) as s:
            s.add(AuditEvent(action="login_failed", comment=name))
    raise error


def bootstrap_admin(*, session: Session) -> tuple[User, str] | None:
    """Create ``admin`` with a random password if the database has no admin yet.

    Returns the user and the password (to print once), or None when an admin exists.
    """
    if session.exec(select(User).where(User.role == Role.admin)).first() is not None:
        return None
    password = secrets.token_urlsafe(12)
    user = create_user(
        session=session, actor=None, username="admin", role=Role.admin, password=password,
        display_name="Administrator",
    )
    return user, password


def set_active(*, session: Session, actor: User | None, username: str, active: bool) -> User:
    """Disable or enable an account (enabling also lifts a lock after failed sign-ins)."""
    actor = _acting_admin(session, actor, "disable or enable accounts")
    user = get_user(session=session, username=username)
    if actor is not None and actor.id == user.id and not active:
        raise InputError("You cannot disable your own account.")
    user.active = active
    session.add(user)
    session.add(AuditEvent(actor_id=actor.id if actor else None,
                           action="user_enabled" if active else "user_disabled",
                           comment=user.username))
    return user


def set_password(*, session: Session, actor: User | None, username: str, password: str) -> User:
    user = get_user(session=session, username=username)
    if actor is not None:
        actor = permissions.current_actor(session, actor)
    if actor is not None and actor.role != Role.admin and actor.id != user.id:
        raise PermissionDenied("Only an admin may change another user's password.")
    _check_password(password)
    user.password_hash = hash_password(password)
    session.add(user)
    session.add(
        AuditEvent(
            actor_id=actor.id if actor else None,
            action="password_changed",
            changes={"username": user.username},
        )
    )
    return user
