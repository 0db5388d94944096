"""For me: the claims assigned to me, the claims awaiting my review (editors), and the
claims where someone mentioned me since I last looked."""

from __future__ import annotations

import streamlit as st

from workbench import discussion, workflow
from workbench.errors import WorkbenchError
from workbench.ui import auth, resources
from workbench.ui.components import edits
from workbench.ui.components.feedback import show_error
from workbench.ui.components.nav import open_claim

user = auth.require_user()
st.title("For me")
edits.flash()

try:
    with resources.session() as s:
        mine = discussion.for_me(session=s, user=user)
except WorkbenchError as exc:
    show_error(exc)
    st.stop()


def _table(rows: list, key: str) -> None:
    """Claims as a table; picking a row opens the claim."""
    table = [{"id": r.claim.id, "status": r.claim.status.label, "kind": r.claim.kind.label,
              "claim": r.claim.text, "article": r.article_title} for r in rows]
    picked = st.dataframe(table, hide_index=True, key=key, on_select="rerun",
                          selection_mode="single-row",
                          column_config={"claim": st.column_config.TextColumn(width="large")})
    chosen = getattr(getattr(picked, "selection", None), "rows", None) or []
    if chosen:
        open_claim(table[chosen[0]]["id"])


st.subheader(f"Assigned to me ({len(mine.assigned)})")
if mine.assigned:
    _table(mine.assigned, "for_me_assigned")
else:
    st.caption("No claim is assigned to you and still open.")

if user.role in workflow.MOVES["signoff"].roles:
    st.subheader(f"Awaiting my review ({len(mine.to_review)})")
    if mine.to_review:
        _table(mine.to_review, "for_me_review")
    else:
        st.caption("No claim waits for your sign-off.")

st.subheader(f"Mentions of me ({len(mine.mentioned)})")
if not mine.mentioned:
    st.caption("Nobody mentioned you since you last looked.")
for row in mine.mentioned:
    with st.container(border=True):
        st.caption(f"{row.author} on claim {row.claim.id} · {row.comment.at:%Y-%m-%d %H:%M} UTC")
        st.text(row.comment.text)
        if st.button(f"Open claim {row.claim.id}", key=f"for_me_open_{row.comment.id}"):
            open_claim(row.claim.id)
if mine.mentioned and st.button("Mark all as read", key="for_me_read"):
    try:
        with resources.session(write=True) as s:
            n = discussion.mark_read(session=s, actor=user)
    except WorkbenchError as exc:
        show_error(exc)
    else:
        st.session_state[edits.FLASH] = f"{n} mention(s) marked as read."
        st.rerun()
