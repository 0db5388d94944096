"""Accounts: local users with argon2 password hashes, and who may manage them."""

from __future__ import annotations

import functools
import gzip
import hashlib
import re
import secrets
import string
from datetime import UTC, datetime, timedelta
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import and_, case, or_, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from workbench import permissions
from workbench.db import session_scope
from workbench.errors import AuthError, InputError, NotFoundError, PermissionDenied
from workbench.models import AuditEvent, Role, User, UserSession, utcnow

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
MIN_PASSWORD_LENGTH = 12
COMMON_PASSWORDS = Path(__file__).parent / "data" / "common-passwords.txt.gz"
_hasher = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """A hash to verify against when the user does not exist, so a wrong name costs the
    same time as a wrong password and does not tell which one was wrong (made on first use,
    so that importing this module costs no password hash)."""
    return _hasher.hash(secrets.token_urlsafe(16))


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
    lowered = password.strip().lower()
    stem = lowered.rstrip(string.digits + string.punctuation + " ")
    common = _common_passwords()
    if lowered in common or (len(stem) >= 4 and stem in common):
        raise InputError("That password is on the list of the most common passwords; "
                         "choose another.")


@functools.cache
def _common_passwords() -> frozenset[str]:
    """The 20,000 most common passwords (shipped with the workbench), lower-cased."""
    with gzip.open(COMMON_PASSWORDS, "rt", encoding="utf-8") as lines:
        return frozenset(line.strip().lower() for line in lines if line.strip())


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
    stored = user.password_hash if user is not None and user.password_hash else _dummy_hash()
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
LOCK_TIME = timedelta(minutes=15)
#: One answer for a wrong password, an unknown name and a locked account, so that none
#: of them tells which it was.
SIGN_IN_REFUSED = ("The user name or password is wrong, or the account is locked for "
                   f"{LOCK_TIME.seconds // 60} minutes after {MAX_FAILED_LOGINS} failed "
                   "sign-ins.")


def sign_in(*, engine: Engine, username: str, password: str) -> User:
    """Authenticate, allowing at most ``MAX_FAILED_LOGINS`` password checks in a row.

    An attempt is counted on the user row *before* the password is checked, in one atomic
    UPDATE, so that concurrent attempts can never make more checks than the limit; the
    fifth sets ``locked_until``. A success resets the count (and rehashes the password if
    the argon2 parameters changed). A wrong password, an unknown name and a locked account
    cost one password check each and get the same sentence.
    """
    name = username.strip().lower()[:64]
    with session_scope(engine, write=True) as s:
        taken = _take_attempt(s, name, utcnow())
    stored = taken[1] if taken and taken[1] else _dummy_hash()
    try:
        _hasher.verify(stored, password)
        ok = taken is not None and taken[1] is not None
    except (VerificationError, InvalidHashError):
        ok = False
    if taken is None:
        raise AuthError(SIGN_IN_REFUSED)
    with session_scope(engine, write=True) as s:
        user = get_user_by_id(session=s, user_id=taken[0])
        if not ok:
            s.add(AuditEvent(action="login_failed", comment=name))
        else:
            user.failed_logins, user.locked_until = 0, None
            if _hasher.check_needs_rehash(stored):
                user.password_hash = hash_password(password)
            s.add(user)
    if not ok:
        raise AuthError(SIGN_IN_REFUSED)
    if not user.active:
        raise AuthError(f"The account {user.username!r} is disabled.")
    return user


def _take_attempt(session: Session, name: str, now: datetime) -> tuple[int, str | None] | None:
    """Count one attempt on the account, if it may make one now; its id and hash, or None
    for an unknown or locked account."""
    expired = and_(col(User.locked_until).is_not(None), col(User.locked_until) <= now)
    row = session.execute(
        update(User)
        .where(col(User.username) == name,
               or_(col(User.failed_logins) < MAX_FAILED_LOGINS, expired))
        .values(failed_logins=case((expired, 1), else_=col(User.failed_logins) + 1),
                locked_until=case((and_(~expired,
                                        col(User.failed_logins) + 1 >= MAX_FAILED_LOGINS),
                                   now + LOCK_TIME), else_=None))
        .returning(col(User.id), col(User.password_hash)),
        execution_options={"synchronize_session": False},
    ).first()
    return (row[0], row[1]) if row else None


def is_locked(user: User, *, now: datetime | None = None) -> bool:
    until = user.locked_until
    if until is None:
        return False
    return _utc(until) > (now or utcnow())


def unlock(*, session: Session, actor: User | None, username: str) -> User:
    """Lift a sign-in lock (an admin's move)."""
    if actor is not None and actor.role != Role.admin:
        raise PermissionDenied("Only an admin may lift a sign-in lock.")
    user = get_user(session=session, username=username)
    user.failed_logins, user.locked_until = 0, None
    session.add(user)
    session.add(AuditEvent(actor_id=actor.id if actor else None, action="user_unlocked",
                           comment=user.username))
    return user


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
    if active:
        user.failed_logins, user.locked_until = 0, None
    else:
        revoke_sessions(session, user)
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
    revoke_sessions(session, user)
    session.add(user)
    session.add(
        AuditEvent(
            actor_id=actor.id if actor else None,
            action="password_changed",
            changes={"username": user.username},
        )
    )
    return user


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start_session(*, session: Session, user: User) -> str:
    """A new dashboard session for ``user``: the random token for the browser (only its
    hash is stored)."""
    token = secrets.token_urlsafe(32)
    session.add(UserSession(token_sha256=_token_hash(token), user_id=user.id))  # type: ignore[arg-type]
    return token


def resume_session(*, session: Session, token: str, idle: timedelta,
                   absolute: timedelta) -> User | None:
    """The active user of a session token that is neither revoked nor expired (idle for
    longer than ``idle``, or older than ``absolute``), or None. Reads only."""
    now = utcnow()
    row = session.exec(select(UserSession).where(
        UserSession.token_sha256 == _token_hash(token))).first()
    if row is None or row.revoked_at is not None:
        return None
    if now - _utc(row.last_seen_at) > idle or now - _utc(row.created_at) > absolute:
        return None
    user = session.get(User, row.user_id)
    return user if user is not None and user.active else None


def touch_session(*, session: Session, token: str) -> None:
    """Record that the session is in use (what its idle time counts from)."""
    session.execute(update(UserSession)
                    .where(col(UserSession.token_sha256) == _token_hash(token))
                    .values(last_seen_at=utcnow()),
                    execution_options={"synchronize_session": False})


def end_session(*, session: Session, token: str) -> None:
    """Sign out: the token no longer resumes anything."""
    session.execute(update(UserSession)
                    .where(col(UserSession.token_sha256) == _token_hash(token),
                           col(UserSession.revoked_at).is_(None))
                    .values(revoked_at=utcnow()),
                    execution_options={"synchronize_session": False})


def revoke_sessions(session: Session, user: User) -> None:
    """End every session of ``user`` (on disable and on a password change)."""
    session.execute(update(UserSession)
                    .where(col(UserSession.user_id) == user.id,
                           col(UserSession.revoked_at).is_(None))
                    .values(revoked_at=utcnow()),
                    execution_options={"synchronize_session": False})


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def user_for_identity(*, session: Session, identity: str) -> User | None:
    """The active account an administrator linked to a single sign-on identity, if any."""
    user = session.exec(select(User).where(User.external_id == identity)).first()
    return user if user is not None and user.active else None


def link_identity(*, session: Session, actor: User | None, username: str,
                  identity: str) -> User:
    """Let the desk's single sign-on identity ``identity`` act as ``username`` (an admin's
    move); an empty identity removes the link."""
    if actor is not None and actor.role != Role.admin:
        raise PermissionDenied("Only an admin may link a sign-on identity to an account.")
    user = get_user(session=session, username=username)
    identity = identity.strip()
    if len(identity) > 255:
        raise InputError("A sign-on identity is at most 255 characters long.")
    other = session.exec(select(User).where(User.external_id == identity)).first() \
        if identity else None
    if other is not None and other.id != user.id:
        raise InputError(f"That identity is linked to {other.username!r} already.")
    user.external_id = identity or None
    revoke_sessions(session, user)
    session.add(user)
    session.add(AuditEvent(actor_id=actor.id if actor else None, action="identity_linked",
                           comment=user.username, changes={"identity": identity or None}))
    return user
