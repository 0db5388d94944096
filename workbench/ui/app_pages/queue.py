"""The queue: how many claims are where, and the claims to work on, filtered and paged."""

from __future__ import annotations

import streamlit as st

from workbench import claims
from workbench.models import ClaimKind, ClaimStatus
from workbench.ui import auth, resources
from workbench.ui.components.nav import open_claim
from workbench.ui.components.text import md_escape as md

PAGE_SIZE = 50
LABELS = {
    "candidate": "Candidates", "open": "Open", "in_research": "In research",
    "in_review": "In review", "signed_off": "Signed off", "dismissed": "Dismissed",
}

user = auth.require_user()
st.title("Queue")

with resources.session() as s:
    articles = claims.list_articles(session=s)
    counts = claims.count_by_status(session=s)

cols = st.columns(len(LABELS))
for col, (status, label) in zip(cols, LABELS.items(), strict=True):
    col.metric(label, counts.get(status, 0))

article_names = {a.article.id: a.article.title or a.article.key for a in articles}
f1, f2, f3, f4 = st.columns([2, 3, 2, 3])
status_filter = f1.multiselect(
    "Status", [s.value for s in ClaimStatus], format_func=LABELS.get, key="queue_status",
)
article_filter = f2.selectbox(
    "Article", [None, *article_names], format_func=lambda a: "All articles" if a is None
    else article_names[a], key="queue_article",
)
kind_filter = f3.selectbox("Kind", [None, *(k.value for k in ClaimKind)],
                           format_func=lambda k: "All kinds" if k is None else k,
                           key="queue_kind")
search = f4.text_input("Text contains", key="queue_search")
mine = st.toggle("Only claims assigned to me", key="queue_mine")

filters = dict(status=status_filter or None, article_id=article_filter, kind=kind_filter,
               search=search or None, assignee_id=user.id if mine else None)
with resources.session() as s:
    total = claims.count_claims(session=s, **filters)
    pages = max(1, -(-total // PAGE_SIZE))
    page_no = st.number_input(f"Page (of {pages})", min_value=1, max_value=pages, value=1,
                              key="queue_page") if pages > 1 else 1
    rows = claims.list_claims(session=s, limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE,
                              **filters)

st.caption(f"{total} claim(s) match.")
ROW_LABELS = {"candidate": "candidate", "open": "open", "in_research": "in research",
              "in_review": "in review", "signed_off": "signed off", "dismissed": "dismissed"}
table = [
    {"id": r.claim.id, "status": ROW_LABELS[r.claim.status.value], "kind": r.claim.kind.value,
     "speaker": r.claim.speaker or "", "flags": ", ".join(r.claim.flags or []),
     "score": r.claim.score, "verdict": r.claim.verdict.value if r.claim.verdict else "",
     "assignee": r.assignee or "", "claim": r.claim.text, "article": r.article_title}
    for r in rows
]
# The table and the id box start afresh whenever the filters change, so that a row picked
# or an id typed before never opens a claim of another list.
shown = repr(sorted(filters.items(), key=str)) + repr(page_no)
if st.session_state.get("queue_shown") != shown:
    st.session_state["queue_shown"] = shown
    st.session_state["queue_generation"] = st.session_state.get("queue_generation", 0) + 1
    st.session_state["queue_open_id"] = table[0]["id"] if table else 1
picked = st.dataframe(
    table, hide_index=True, key=f"queue_table_{st.session_state['queue_generation']}",
    on_select="rerun", selection_mode="single-row",
    column_config={"score": st.column_config.ProgressColumn("score", min_value=0.0,
                                                            max_value=1.0, format="%.2f"),
                   "claim": st.column_config.TextColumn("claim", width="large")},
)
selected = getattr(getattr(picked, "selection", None), "rows", None) or []
if selected:
    open_claim(table[selected[0]]["id"])

with st.form("open_claim_form", border=False):
    c1, c2 = st.columns([1, 4], vertical_alignment="bottom")
    claim_id = c1.number_input("Claim id", min_value=1, step=1, key="queue_open_id")
    if c2.form_submit_button("Open claim"):
        open_claim(int(claim_id))

with st.expander("Articles", expanded=False):
    for a in articles:
        accepted = sum(n for k, n in a.counts.items() if k != "candidate")
        state = "cleared" if a.cleared else f"{accepted} accepted"
        st.markdown(f"**{md(a.article.title or a.article.key)}** — {state}; "
                    f"{a.counts.get('candidate', 0)} candidate(s)")
