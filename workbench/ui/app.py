"""The dashboard's entry point: it only routes (``streamlit run workbench/ui/app.py``)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from workbench.models import Role
from workbench.ui import auth
from workbench.ui.components.text import md_escape

HERE = Path(__file__).parent / "app_pages"
DESK_PATHS = ("queue", "claim", "ingest", "export", "users")  # the url paths below

st.set_page_config(page_title="Claim workbench", page_icon=":material/fact_check:",
                   layout="wide")

user = auth.current_user()
if user is None and auth.unlinked_identity() is not None:
    page = st.navigation([st.Page(HERE / "unlinked.py", title="Not yet authorised",
                                  icon=":material/lock:", url_path="unlinked")],
                         position="hidden")
elif user is None:
    # Every page's address shows the sign-in page, so that a link (`?claim=20`, the
    # queue's filters) opens where it points once the visitor has signed in.
    page = st.navigation([st.Page(HERE / "login.py", title="Sign in", icon=":material/login:",
                                  url_path=path, default=path == "login")
                          for path in ("login", *DESK_PATHS)], position="hidden")
else:
    pages = {
        "Desk": [
            st.Page(HERE / "queue.py", title="Queue", icon=":material/list:", url_path="queue",
                    default=True),
            st.Page(HERE / "claim.py", title="Claim", icon=":material/fact_check:",
                    url_path="claim"),
            st.Page(HERE / "for_me.py", title="For me", icon=":material/inbox:",
                    url_path="for-me"),
            st.Page(HERE / "ingest.py", title="Ingest an article", icon=":material/upload:",
                    url_path="ingest"),
            st.Page(HERE / "export.py", title="Export", icon=":material/download:",
                    url_path="export"),
            st.Page(HERE / "overview.py", title="Overview", icon=":material/bar_chart:",
                    url_path="overview"),
        ],
    }
    if user.role == Role.admin:
        pages["Admin"] = [st.Page(HERE / "users.py", title="Accounts",
                                  icon=":material/group:", url_path="users")]
    page = st.navigation(pages)
    with st.sidebar:
        st.caption(f"Signed in as **{md_escape(user.username)}** ({user.role.value})")
        if st.button("Sign out", key="sign_out"):
            auth.sign_out()
            st.rerun()
page.run()
