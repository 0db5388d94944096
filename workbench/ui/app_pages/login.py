"""Sign in: the only page a visitor without an account sees."""

from __future__ import annotations

import streamlit as st

from workbench.errors import WorkbenchError
from workbench.ui import auth
from workbench.ui.components.feedback import show_error

st.title("Claim workbench")
st.caption("Propose, research, verify and sign off the claims of news articles.")

with st.form("login", clear_on_submit=False):
    username = st.text_input("User name", key="login_username", autocomplete="username")
    password = st.text_input("Password", type="password", key="login_password",
                             autocomplete="current-password")
    submitted = st.form_submit_button("Sign in", type="primary")

if submitted:
    try:
        auth.sign_in(username, password)
    except WorkbenchError as exc:
        show_error(exc)
    else:
        st.rerun()

if auth.sso_configured():
    st.divider()
    if st.button("Sign in with the desk's account", key="sso_login"):
        st.login()
