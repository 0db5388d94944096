"""The queue: how many claims are where, and the claims to work on, filtered, sorted and
paged by key. The filters and the sort live in the URL, so a view can be bookmarked,
shared or saved."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from workbench import accounts, bulk, queue, reuse
from workbench.errors import WorkbenchError
from workbench.models import ClaimKind, Role, Verdict
from workbench.ui import auth, resources
from workbench.ui.components.feedback import show_error
from workbench.ui.components.nav import open_claim

LABELS = {
    "candidate": "Candidates", "open": "Open", "in_research": "In research",
    "in_review": "In review", "signed_off": "Signed off", "dismissed": "Dismissed",
}
FLAG_LABELS = {"missing_speaker": "missing speaker", "anonymous_source": "anonymous source",
               "hedged": "hedged", "unattributed": "unattributed"}
BULK_LABELS = {"accept": "Accept", "dismiss": "Dismiss (with a reason)", "assign": "Assign",
               "priority": "Set the priority", "deadline": "Set the deadline"}
# widget key -> the filter field it edits
KEYS = {"q_statuses": "statuses", "q_kinds": "kinds", "q_verdicts": "verdicts",
        "q_flags": "flags", "q_outlet": "outlet", "q_assignee": "assignee_id",
        "q_unassigned": "unassigned", "q_awaiting": "awaiting_review_by",
        "q_min_priority": "min_priority", "q_from": "created_from", "q_to": "created_to",
        "q_overdue": "overdue", "q_text": "text", "q_article": "article_id"}

user = auth.require_user()
st.title("Queue")


def _load_params() -> None:
    """Set the widgets from the URL (on arrival, a bookmark or a saved view)."""
    try:
        flt, sort = queue.from_params(dict(st.query_params.to_dict()))
    except WorkbenchError as exc:
        show_error(exc)
        flt, sort = queue.ClaimFilter(), queue.Sort()
    for key, name in KEYS.items():
        value = getattr(flt, name)
        st.session_state[key] = bool(value) if name == "awaiting_review_by" else value
    st.session_state["q_sort"] = sort.column
    st.session_state["q_order"] = "desc" if sort.descending else "asc"
    st.session_state["q_loaded"] = True


def _column_way_round() -> None:
    """A newly chosen column sorts its own way round first (newest, highest, A to Z)."""
    descending = queue.SORTS[st.session_state["q_sort"]].descending
    st.session_state["q_order"] = "desc" if descending else "asc"


def _apply(params: dict[str, str]) -> None:
    st.query_params.from_dict(params)
    st.session_state.pop("q_loaded", None)


if not st.session_state.get("q_loaded"):
    _load_params()

with resources.session() as s:
    people = {u.id: u.username for u in accounts.list_users(session=s)}
    outlet_names = queue.outlets(session=s)
    views = queue.list_views(session=s, actor=user)

# Saved views and the quick views
v1, v2, v3 = st.columns([3, 2, 2], vertical_alignment="bottom")
names = {v.name: v for v in views}
chosen = v1.selectbox("Saved views", [None, *names], key="q_view",
                      format_func=lambda n: "Choose a saved view" if n is None else n)
if v2.button("Open view", key="q_open_view", disabled=chosen is None) and chosen:
    _apply(dict(names[chosen].params))
    st.rerun()
if user.role in (Role.editor, Role.admin):
    v3.toggle("Awaiting my review", key="q_awaiting",
              help="Claims in review that someone else submitted.")
else:
    st.session_state["q_awaiting"] = False

with st.expander("Filters", expanded=True):
    f1, f2, f3, f4 = st.columns(4)
    f1.multiselect("Status", list(LABELS), format_func=LABELS.get, key="q_statuses")
    f2.multiselect("Kind", [k.value for k in ClaimKind], key="q_kinds")
    f3.multiselect("Verdict", [v.value for v in Verdict], key="q_verdicts")
    f4.multiselect("Flags", list(FLAG_LABELS), format_func=FLAG_LABELS.get, key="q_flags")
    g1, g2, g3, g4 = st.columns(4)
    article_search = g1.text_input("Find an article", key="q_article_search",
                                   placeholder="title, key or outlet")
    with resources.session() as s:
        found = queue.find_articles(session=s, text=article_search)
        current = st.session_state.get("q_article")
        if current is not None and current not in {a.id for a in found}:
            picked = queue.article_choice(session=s, article_id=current)
            found = [picked, *found] if picked else found
    titles = {a.id: f"{a.title} ({a.outlet})" if a.outlet else a.title for a in found}
    if current is not None and current not in titles:
        st.session_state["q_article"] = None
    g2.selectbox("Article", [None, *titles], key="q_article",
                 format_func=lambda a: "All articles" if a is None else titles[a])
    g3.selectbox("Outlet", [None, *outlet_names], key="q_outlet",
                 format_func=lambda o: "All outlets" if o is None else o)
    g4.selectbox("Assignee", [None, *people], key="q_assignee",
                 format_func=lambda u: "Anyone" if u is None else people.get(u, str(u)))
    h1, h2, h3, h4, h5 = st.columns([2, 2, 2, 1, 1])
    h1.text_input("Search the text", key="q_text", placeholder="words in the claim")
    h2.date_input("Added from", key="q_from")  # values come from the URL (see above)
    h3.date_input("Added until", key="q_to")
    h4.number_input("Priority at least", min_value=0, max_value=9, step=1,
                    key="q_min_priority")
    h5.toggle("Unassigned", key="q_unassigned")
    h5.toggle("Overdue", key="q_overdue")

state = st.session_state
try:
    flt = queue.ClaimFilter(
        statuses=state["q_statuses"], kinds=state["q_kinds"], verdicts=state["q_verdicts"],
        flags=state["q_flags"], article_id=state["q_article"], outlet=state["q_outlet"],
        assignee_id=state["q_assignee"], unassigned=state["q_unassigned"],
        awaiting_review_by=user.id if state.get("q_awaiting") else None,
        min_priority=state["q_min_priority"], created_from=state["q_from"],
        created_to=state["q_to"], overdue=state["q_overdue"], text=state["q_text"] or "")
except WorkbenchError as exc:
    show_error(exc)
    st.stop()

o1, o2, _space = st.columns([2, 2, 3])
by = o1.selectbox("Sort by", list(queue.SORTS), key="q_sort", on_change=_column_way_round,
                      format_func=lambda k: queue.SORTS[k].label,
                      help="Sorts every matching claim, page after page (the table's own "
                           "headers sort only the page shown).")
ways = queue.SORTS[by].words  # (ascending, descending) in the column's own words
o2.radio("Order", ["asc", "desc"], key="q_order", horizontal=True,
         format_func=lambda o: ways[o == "desc"])
sort = queue.Sort(by, state["q_order"] == "desc")
params = queue.to_params(flt, sort)
if params != st.query_params.to_dict():
    st.query_params.from_dict(params)

with resources.session() as s:
    tiles = queue.status_counts(session=s)  # the whole desk: the same cost for any filter
    total = queue.count(session=s, flt=flt, cap=queue.COUNT_CAP)

# Status tiles (each count capped): click one to see those claims
for column, (status, label) in zip(st.columns(len(LABELS)), LABELS.items(), strict=True):
    if column.button(f"{label}  \n**{tiles[status]}**", key=f"q_tile_{status}",
                     width="stretch"):
        _apply(queue.to_params(queue.with_changes(flt, statuses=[status]), sort))
        st.rerun()

if flt.article_id is not None:
    with resources.session() as s:
        mine = queue.status_counts(session=s, flt=queue.ClaimFilter(article_id=flt.article_id))
    waiting = sum(mine[k].n for k in ("open", "in_research", "in_review"))
    done = sum(mine[k].n for k in ("signed_off", "dismissed"))
    st.caption("This article is cleared: every accepted claim is signed off or dismissed."
               if done and not waiting else
               f"This article is not cleared: {waiting:,} accepted claim(s) still in work.")

# Keyset paging: the keys of the pages before this one, reset when the view changes
signature = repr(sorted(params.items()))
if state.get("q_signature") != signature:
    state["q_signature"] = signature
    state["q_keys"] = []
keys: list = state["q_keys"]
with resources.session() as s:
    page = queue.page(session=s, flt=flt, sort=sort, after=keys[-1] if keys else None)
    before = reuse.earlier_verdicts(session=s, claim_ids=[r.id for r in page.rows])

st.caption(f"{total} claim(s) match. Page {len(keys) + 1}.")
now = datetime.now(UTC)


def _age(moment: datetime) -> int:
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return (now - moment).days


table = [
    {"claim": r.text, "article": r.article_title, "outlet": r.outlet,
     "age (days)": _age(r.created_at), "priority": r.priority,
     "deadline": r.deadline.date() if r.deadline else None, "status": LABELS[r.status],
     "assignee": r.assignee or "", "verdict": r.verdict or "",
     "checked before": before[r.id].badge() if r.id in before else "",
     "flags": ", ".join(FLAG_LABELS.get(f, f) for f in r.flags), "score": r.score, "id": r.id}
    for r in page.rows
]
picked = st.dataframe(
    table, hide_index=True, key=f"q_table_{abs(hash((signature, len(keys))))}",
    on_select="rerun", selection_mode="multi-row", width="stretch",
    column_config={
        "claim": st.column_config.TextColumn("claim", width="large"),
        "score": st.column_config.ProgressColumn("score", min_value=0.0, max_value=1.0,
                                                 format="%.2f"),
        "deadline": st.column_config.DateColumn("deadline"),
    },
)
selected = getattr(getattr(picked, "selection", None), "rows", None) or []
chosen_ids = [table[i]["id"] for i in selected if i < len(table)]  # rows of this very page
if st.button("Open the selected claim", key="q_open_selected", disabled=len(chosen_ids) != 1):
    open_claim(chosen_ids[0])

p1, p2, _rest = st.columns([1, 1, 4])
if p1.button("Previous page", key="q_prev", disabled=not keys):
    keys.pop()
    st.rerun()
if p2.button("Next page", key="q_next", disabled=page.next_after is None):
    keys.append(page.next_after)
    st.rerun()

with st.expander("Bulk actions"):
    scope = st.radio("Claims", ["selected", "matching"], horizontal=True, key="q_bulk_scope",
                     format_func=lambda k: f"The {len(chosen_ids)} selected row(s)"
                     if k == "selected" else f"All {total} matching this filter")
    action = st.selectbox("Action", list(bulk.ACTIONS), key="q_bulk_action",
                          format_func=lambda a: BULK_LABELS[a])
    b1, b2 = st.columns(2)
    reason = b1.text_input("Reason (to dismiss)", key="q_bulk_reason")
    to = b2.selectbox("Assign to", [None, *people], key="q_bulk_to",
                      format_func=lambda u: "Nobody chosen" if u is None else people[u])
    new_priority = b1.number_input("Priority", min_value=0, max_value=9, value=1,
                                   key="q_bulk_priority")
    new_deadline = b2.date_input("Deadline", value=None, key="q_bulk_deadline")
    if st.button("Apply", key="q_bulk_apply", type="primary"):
        bar = st.progress(0.0, text="Working")
        try:
            with resources.session(write=True) as s:
                ids = chosen_ids if scope == "selected" else bulk.matching_ids(session=s,
                                                                              flt=flt)
                result = bulk.apply(
                    session=s, actor=accounts.get_user_by_id(session=s, user_id=user.id),
                    action=action, claim_ids=ids, reason=reason,
                    assignee=accounts.get_user_by_id(session=s, user_id=to) if to else None,
                    priority=new_priority, deadline=new_deadline,
                    progress=lambda n, of: bar.progress(n / of, text=f"{n:,} of {of:,}"))
            bar.empty()
            st.success(result.summary())
            if result.refused:
                st.dataframe([{"reason": why, "claims": ", ".join(map(str, ids))}
                              for why, ids in result.reasons().items()],
                             hide_index=True, key="q_bulk_refused")
        except WorkbenchError as exc:
            bar.empty()
            show_error(exc)

with st.form("q_save_view", border=False, clear_on_submit=True):
    s1, s2 = st.columns([3, 1], vertical_alignment="bottom")
    view_name = s1.text_input("Save this view as", key="q_view_name")
    if s2.form_submit_button("Save view"):
        try:
            with resources.session(write=True) as s:
                queue.save_view(session=s, actor=user, name=view_name, params=params)
            st.success("View saved.")
        except WorkbenchError as exc:
            show_error(exc)

with st.form("open_claim_form", border=False, clear_on_submit=True):
    c1, c2 = st.columns([1, 4], vertical_alignment="bottom")
    claim_id = c1.number_input("Claim id", min_value=1, step=1, value=None, key="q_open_id")
    if c2.form_submit_button("Open claim") and claim_id:
        open_claim(int(claim_id))
