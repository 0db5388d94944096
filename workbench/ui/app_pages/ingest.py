"""Ingest an article: paste, upload or fetch it, preview the proposed claims highlighted
in the text, and keep the ones worth checking in one action."""

from __future__ import annotations

import streamlit as st

from workbench import claims, intake, similar, sources
from workbench.errors import InputError, WorkbenchError
from workbench.models import Article, max_length
from workbench.ui import auth, resources
from workbench.ui.components.feedback import show_error
from workbench.ui.components.nav import open_claim
from workbench.ui.components.text import highlighted_paragraphs

DRAFT = "ingest_draft"
UNTICKED = "ingest_unticked"
PAGE_ROWS = 100  # proposals shown at once
PREVIEW_PARAGRAPHS = 200  # paragraphs of the article shown with the highlights

user = auth.require_user()
st.title("Ingest an article")
settings = resources.settings()
limit = settings.max_article_bytes


def propose(text: str, meta: dict) -> None:
    """Extract once and keep the result: reruns (a ticked box) reuse it."""
    with st.spinner("Reading the article and proposing claims…"):
        capped = intake.cap_candidates(
            claims.candidates(text, threshold=settings.checkworthy_threshold),
            limit=settings.max_candidates_per_article)
    st.session_state.pop("ingest_stored", None)
    st.session_state.pop(UNTICKED, None)
    st.session_state[DRAFT] = {"text": text, "meta": meta, "found": capped.kept,
                               "note": capped.note()}


stored = st.session_state.get("ingest_stored")
if stored:
    st.success(stored["message"])
    if stored.get("first_claim") and st.button("Open the first accepted claim",
                                               key="ingest_open_first"):
        open_claim(stored["first_claim"])

paste, upload, by_url = st.tabs(["Paste text", "Upload a file", "Fetch a URL"])
with paste, st.form("ingest_paste"):
    pasted = st.text_area("Article text", height=220, key="ingest_text")
    if st.form_submit_button("Propose claims", key="ingest_paste_go"):
        try:
            if len(pasted.encode("utf-8")) > limit:
                raise InputError(f"The text is larger than {limit:,} bytes.")
            propose(pasted, {})
        except WorkbenchError as exc:
            show_error(exc)
with upload, st.form("ingest_upload"):
    file = st.file_uploader("A .txt, .md or .html file", type=["txt", "md", "html", "htm"],
                            key="ingest_file")
    if st.form_submit_button("Propose claims", key="ingest_upload_go") and file is not None:
        try:
            text, meta = claims.read_document(file.getvalue(), filename=file.name,
                                              max_bytes=limit)
            propose(text, meta)
        except WorkbenchError as exc:
            show_error(exc)
with by_url, st.form("ingest_url"):
    url = st.text_input("Article URL", key="ingest_url_value", placeholder="https://…")
    if st.form_submit_button("Fetch and propose claims", key="ingest_url_go"):
        try:
            with st.spinner("Fetching the article…"):
                text, meta = sources.fetch_article(client=resources.http_client(), url=url)
            propose(text, meta)
        except WorkbenchError as exc:
            show_error(exc)

draft = st.session_state.get(DRAFT)
if not draft:
    st.stop()

text, meta, found = draft["text"], draft["meta"], draft["found"]

st.subheader(f"{len(found)} proposed claim(s)")
if draft.get("note"):
    st.info(draft["note"])
m1, m2, m3 = st.columns(3)
title = m1.text_input("Title", value=meta.get("title") or "", key="ingest_title")
outlet = m2.text_input("Outlet", value=meta.get("site_name") or "", key="ingest_outlet",
                       max_chars=max_length(Article, "outlet"))
byline = m3.text_input("Byline", value=meta.get("author") or "", key="ingest_byline",
                       max_chars=max_length(Article, "byline"))

st.caption("The proposed claims are highlighted in the text; untick the ones not worth "
           "checking in the table below.")
with st.container(height=420, key="ingest_preview_text"):
    paragraphs = highlighted_paragraphs(text, [(c.start, c.end) for c in found])
    for para in paragraphs[:PREVIEW_PARAGRAPHS]:
        st.markdown(para)
    if len(paragraphs) > PREVIEW_PARAGRAPHS:
        st.caption(f"The first {PREVIEW_PARAGRAPHS} of {len(paragraphs):,} paragraphs.")
unticked: set[int] = st.session_state.setdefault(UNTICKED, set())
pages = max(1, -(-len(found) // PAGE_ROWS))
page_no = st.number_input(f"Proposals, page (of {pages})", min_value=1, max_value=pages,
                          value=1, key="ingest_page") if pages > 1 else 1
first = (page_no - 1) * PAGE_ROWS
shown = range(first, min(len(found), first + PAGE_ROWS))
rows = [{"keep": i not in unticked, "score": round(found[i].score, 2), "kind": found[i].kind,
         "speaker": found[i].speaker or "", "flags": ", ".join(found[i].flags),
         "claim": found[i].text} for i in shown]
edited = st.data_editor(
    rows, key=f"ingest_pick_{page_no}", hide_index=True,
    disabled=["score", "kind", "speaker", "flags", "claim"],
    column_config={"keep": st.column_config.CheckboxColumn("keep", width="small"),
                   "claim": st.column_config.TextColumn("claim", width="large")},
)
for i, row in zip(shown, edited, strict=True):  # ticks are kept across pages
    if row.get("keep"):
        unticked.discard(i)
    else:
        unticked.add(i)

keep = [i for i in range(len(found)) if i not in unticked]
if st.button(f"Store the article and accept {len(keep)} claim(s)", type="primary",
             key="ingest_store"):
    try:
        with resources.session(write=True) as s:
            stored = claims.ingest_and_accept(
                session=s, actor=user, text=text, candidates=found,
                keep=[(found[i].start, found[i].end) for i in keep], title=title,
                outlet=outlet, byline=byline, url=meta.get("url"))
            result, ids = stored.result, [c.id for c in stored.accepted]
            found_before = similar.link_article(
                session=s, actor=user, article_id=result.article.id,
                lv=similar.levels(resources.settings())) if result.created else {}
            before = [k for k, v in found_before.items() if similar.checked_before(v)]
    except WorkbenchError as exc:
        show_error(exc)
    else:
        st.session_state.pop(DRAFT, None)
        if result.created:
            message = (f"Stored article {result.article.id} with {len(result.claims)} "
                       f"candidate(s); {len(ids)} accepted; {len(before)} checked before "
                       "(each claim's page shows the earlier one).")
        else:
            message = (f"This article was stored already (article {result.article.id}); "
                       "nothing was added.")
        st.session_state["ingest_stored"] = {
            "message": message, "first_claim": ids[0] if result.created and ids else None}
        st.rerun()
