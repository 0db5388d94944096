"""Who is signed in. The dashboard keeps only the user's id in the session state and
reloads the account on every rerun, so a disabled account stops working at once."""

from __future__ import annotations

import streamlit as st

from workbench import accounts
from workbench.errors import NotFoundError
from workbench.models import User
from workbench.ui import resources

USER_KEY = "user_id"


def current_user() -> User | None:
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


def require_user() -> User:
    """The signed-in user, or stop the page with a pointer to the login page."""
    user = current_user()
    if user is None:
        st.warning("Sign in to use the workbench.")
        st.stop()
    return user  # type: ignore[return-value]


def sign_in(username: str, password: str) -> User:
    user = accounts.sign_in(engine=resources.engine(), username=username, password=password)
    st.session_state[USER_KEY] = user.id
    return user


def sign_out() -> None:
    for key in list(st.session_state.keys()):
        del st.session_state[key]
