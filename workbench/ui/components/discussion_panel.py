"""A claim's discussion: the comments (plain text, never markup) and a box to add one;
opening the claim marks the signed-in person's mentions on it as seen."""

from __future__ import annotations

import streamlit as st

from workbench import discussion
from workbench.errors import WorkbenchError
from workbench.models import User
from workbench.ui import resources
from workbench.ui.components import edits
from workbench.ui.components.feedback import show_error


def render(*, user: User, claim_id: int) -> None:
    try:
        with resources.session() as s:
            comments = discussion.thread(session=s, claim_id=claim_id)
            waiting = discussion.unseen(session=s, user=user, claim_id=claim_id)
        if waiting:
            with resources.session(write=True) as s:
                discussion.mark_read(session=s, actor=user, claim_id=claim_id)
    except WorkbenchError as exc:
        show_error(exc)
        return
    st.subheader(f"Discussion ({len(comments)})")
    for comment, author in comments:
        with st.container(border=True):
            st.caption(f"{author} · {comment.at:%Y-%m-%d %H:%M} UTC")
            st.text(comment.text)
    with st.form("comment_form", border=False, clear_on_submit=False):
        text = st.text_area("Add a comment (write @name to tell someone)",
                            key="comment_text", height=90)
        post = st.form_submit_button("Post comment", key="post_comment")
    if post:
        try:
            with resources.session(write=True) as s:
                discussion.add_comment(session=s, actor=user, claim_id=claim_id, text=text)
        except WorkbenchError as exc:
            show_error(exc)
            return
        st.session_state[edits.FLASH] = f"Comment posted on claim {claim_id}."
        st.session_state.pop("comment_text", None)
        st.rerun()
