"""The session cookie, written in the browser: Streamlit reads cookies
(``st.context.cookies``) but cannot set them, so a one-line script sets ``document.cookie``.

The script carries only a token the server generated (``secrets.token_urlsafe``), quoted
as a JSON string; nothing a user typed ever reaches it.
"""

from __future__ import annotations

import json

import streamlit as st

NAME = "workbench_session"


def write(token: str | None, *, max_age: int) -> None:
    """Set the cookie to ``token``; an empty token clears it; None does nothing."""
    if token is None:
        return
    cookie = json.dumps(f"{NAME}={token}; Path=/; Max-Age={max_age if token else 0}; "
                        "SameSite=Strict")
    st.html(f"<script>document.cookie = {cookie} + (location.protocol === 'https:' ? "
            "'; Secure' : '');</script>", unsafe_allow_javascript=True)
