"""What a person signed in through the desk's single sign-on sees until an admin links
their identity to an account: nothing of the desk."""

from __future__ import annotations

import streamlit as st

from workbench.ui import auth

st.title("Not yet authorised")
st.write("You are signed in with the desk's single sign-on, but no account of the "
         "workbench is linked to you yet. Ask an admin to link this identity:")
st.code(auth.unlinked_identity() or "", language=None)
if st.button("Sign out", key="unlinked_sign_out"):
    auth.sign_out()
    st.rerun()
