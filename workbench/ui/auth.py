"""Who is signed in. A sign-in is a server-side session (``accounts.start_session``): the
browser keeps its random token in a cookie, so a reload or a restart of the dashboard
finds the person still signed in, while the database holds only the token's hash and can
end the session at any time (sign-out, a disabled account, a new password, the idle and
absolute time limits). The account is reloaded on every rerun, so a disabled account
stops working at once.

Streamlit reads cookies (``st.context.cookies``) but cannot set them; the token is
written by a one-line script that sets ``document.cookie`` (SameSite=Strict, and Secure
over HTTPS). The script carries only the random token, never anything a user typed.
"""

from __future__ import annotations

import time
from datetime import timedelta

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from workbench import accounts
from workbench.errors import NotFoundError
from workbench.models import User
from workbench.ui import resources
from workbench.ui.components import session_cookie

USER_KEY = "user_id"
SESSION_KEY = "session_token"
_COOKIE_JOB = "session_cookie_job"
_SIGNED_OUT = "signed_out"
_TOUCHED = "session_touched"
_UNLINKED = "unlinked_identity"
TOUCH_EVERY = 60.0  # seconds between two records of a session's use


def current_user() -> User | None:
    job = st.session_state.pop(_COOKIE_JOB, None)
    if job is not None:  # set by a sign-in or a sign-out on the run before
        session_cookie.write(job, max_age=int(resources.settings().session_max_hours * 3600))
    token = st.session_state.get(SESSION_KEY)
    if token is None and not st.session_state.get(_SIGNED_OUT):
        cookie = st.context.cookies.get(session_cookie.NAME)
        token = cookie if isinstance(cookie, str) else None  # (no browser: no cookie)
    if token:
        return _resume(token)
    if sso_configured() and st.user.is_logged_in:
        return _single_sign_on()
    user_id = st.session_state.get(USER_KEY)
    if user_id is None:
        return None
    try:
        with resources.session() as s:
            user = accounts.get_user_by_id(session=s, user_id=int(user_id))
    except NotFoundError:
        user = None
    if user is None or not user.active:
        st.session_state.pop(USER_KEY, None)
        return None
    return user


def _resume(token: str) -> User | None:
    settings = resources.settings()
    with resources.session() as s:
        user = accounts.resume_session(session=s, token=token,
                                       idle=timedelta(minutes=settings.session_idle_minutes),
                                       absolute=timedelta(hours=settings.session_max_hours))
    if user is None:
        for key in (USER_KEY, SESSION_KEY):
            st.session_state.pop(key, None)
        st.session_state[_SIGNED_OUT] = True
        st.session_state[_COOKIE_JOB] = ""
        return None
    st.session_state[USER_KEY], st.session_state[SESSION_KEY] = user.id, token
    if time.monotonic() - st.session_state.get(_TOUCHED, 0.0) > TOUCH_EVERY:
        with resources.session(write=True) as s:
            accounts.touch_session(session=s, token=token)
        st.session_state[_TOUCHED] = time.monotonic()
    return user


def sso_configured() -> bool:
    """Is the desk's OpenID Connect provider set up (``[auth]`` in the secrets file)?"""
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, StreamlitSecretNotFoundError):
        return False


def _single_sign_on() -> User | None:
    identity = str(st.user.get("sub") or "")
    with resources.session() as s:
        user = accounts.user_for_identity(session=s, identity=identity)
    if user is None:
        st.session_state[_UNLINKED] = identity
        return None
    st.session_state.pop(_UNLINKED, None)
    st.session_state[USER_KEY] = user.id
    return user


def unlinked_identity() -> str | None:
    """The sign-on identity of a visitor no admin has linked to an account yet."""
    return st.session_state.get(_UNLINKED)


def require_user() -> User:
    """The signed-in user, or stop the page with a pointer to the login page."""
    user = current_user()
    if user is None:
        st.warning("Sign in to use the workbench.")
        st.stop()
    return user  # type: ignore[return-value]


def sign_in(username: str, password: str) -> User:
    user = accounts.sign_in(engine=resources.engine(), username=username, password=password)
    with resources.session(write=True) as s:
        token = accounts.start_session(session=s, user=user)
    st.session_state.pop(_SIGNED_OUT, None)
    st.session_state[USER_KEY], st.session_state[SESSION_KEY] = user.id, token
    st.session_state[_COOKIE_JOB] = token
    st.session_state[_TOUCHED] = time.monotonic()
    return user


def sign_out() -> None:
    token = st.session_state.get(SESSION_KEY)
    if token:
        with resources.session(write=True) as s:
            accounts.end_session(session=s, token=token)
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    st.session_state[_SIGNED_OUT] = True
    st.session_state[_COOKIE_JOB] = ""
    if sso_configured() and st.user.is_logged_in:
        st.logout()
