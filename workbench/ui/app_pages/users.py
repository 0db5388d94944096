"""Accounts (admins only): who works on the desk, in which role."""

from __future__ import annotations

import streamlit as st

from workbench import accounts
from workbench.errors import WorkbenchError
from workbench.models import Role, User, max_length
from workbench.ui import auth, resources
from workbench.ui.components.feedback import show_error

user = auth.require_user()
st.title("Accounts")
if user.role != Role.admin:
    st.error("Only an admin may manage accounts.")
    st.stop()

with resources.session() as s:
    users = accounts.list_users(session=s)
st.dataframe([{"user": u.username, "name": u.display_name, "role": u.role.value,
               "active": u.active,
               "locked until": (f"{u.locked_until:%Y-%m-%d %H:%M} UTC"
                                if accounts.is_locked(u) else ""),
               "failed sign-ins": u.failed_logins,
               "sign-on identity": u.external_id or ""} for u in users],
             hide_index=True, key="users_table")
locked = [u.username for u in users if accounts.is_locked(u)]
if locked:
    st.warning(f"Locked after too many failed sign-ins: {', '.join(locked)}. "
               "Lift a lock below.")

with st.form("add_user", clear_on_submit=True):
    st.subheader("Add an account")
    name = st.text_input("User name", key="new_username", max_chars=max_length(User, "username"))
    display = st.text_input("Display name", key="new_display_name",
                            max_chars=max_length(User, "display_name"))
    role = st.selectbox("Role", [r.value for r in Role], key="new_role")
    password = st.text_input(f"Password ({accounts.MIN_PASSWORD_LENGTH} characters or more, "
                             "not a common one)", type="password",
                             key="new_password")
    if st.form_submit_button("Add account", key="add_user_go"):
        try:
            with resources.session(write=True) as s:
                made = accounts.create_user(session=s, actor=user, username=name, role=role,
                                            password=password, display_name=display)
        except WorkbenchError as exc:
            show_error(exc)
        else:
            st.success(f"Added {made.username} as {made.role.value}.")

with st.form("manage_user", clear_on_submit=True):
    st.subheader("Change an account")
    names = [u.username for u in users]
    target = st.selectbox("Account", names, key="manage_username")
    action = st.radio("Change", ["Disable", "Enable (also lifts a sign-in lock)",
                                 "Lift the sign-in lock", "Set a new password",
                                 "Link a sign-on identity"],
                      key="manage_action")
    new_password = st.text_input("New password (for a new password only)", type="password",
                                 key="manage_password")
    identity = st.text_input("Sign-on identity (to link one; empty removes the link)",
                             key="manage_identity", max_chars=max_length(User, "external_id"))
    if st.form_submit_button("Apply", key="manage_go"):
        try:
            with resources.session(write=True) as s:
                if action.startswith("Link"):
                    changed = accounts.link_identity(session=s, actor=user, username=target,
                                                     identity=identity)
                    done = f"The sign-on identity of {changed.username} is set."
                elif action.startswith("Lift"):
                    changed = accounts.unlock(session=s, actor=user, username=target)
                    done = f"The sign-in lock of {changed.username} is lifted."
                elif action.startswith("Set"):
                    changed = accounts.set_password(session=s, actor=user, username=target,
                                                    password=new_password)
                    done = f"Password of {changed.username} changed."
                else:
                    changed = accounts.set_active(session=s, actor=user, username=target,
                                                  active=action.startswith("Enable"))
                    done = f"{changed.username} is {'enabled' if changed.active else 'disabled'}."
        except WorkbenchError as exc:
            show_error(exc)
        else:
            st.success(done)
