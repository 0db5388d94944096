"""The claim page's sources: what is attached, a lookup to attach more, earlier
fact-checks, context, and a refresh of every source with a summary of what changed."""

from __future__ import annotations

from typing import Any

import streamlit as st

from workbench import claims, sources
from workbench.errors import WorkbenchError
from workbench.models import Stance, User
from workbench.ui import resources
from workbench.ui.components import edits
from workbench.ui.components.feedback import show_error, show_lines
from workbench.ui.components.text import md_escape


def _key(name: str, claim_id: int) -> str:
    """Session keys per claim, so one claim's lookups never show up on another."""
    return f"{name}_{claim_id}"


def render(*, user: User, detail: claims.ClaimDetail, allowed: set[str]) -> None:
    """The sources of a claim; ``allowed`` are the workflow actions open to ``user`` now
    (``attach``, ``detach``), as the claim page got them from the workflow."""
    claim = detail.claim
    editable = "attach" in allowed
    st.subheader(f"Sources ({len(detail.evidence)})")
    if not detail.evidence:
        st.caption("No source attached yet. A verdict needs at least one.")
    for ev, src in detail.evidence:
        with st.container(border=True):
            st.markdown(f"**{md_escape(ev.title or src.title or src.url)}** · "
                        f"{ev.stance.value}")
            st.code(src.url, language=None, wrap_lines=True)
            attached = ev.retrieved_at or src.retrieved_at
            facts = [src.publisher, src.author,
                     f"retrieved {attached:%Y-%m-%d %H:%M} UTC",
                     f"HTTP {ev.http_status}" if ev.http_status else "",
                     f"sha256 {ev.content_sha256[:12]}…" if ev.content_sha256 else ""]
            st.caption(md_escape(" · ".join(f for f in facts if f)))
            if src.gone:
                st.warning("The page is gone (the server answered "
                           f"{src.http_status}) since it was attached.")
            elif ev.content_sha256 and src.content_sha256 != ev.content_sha256:
                st.warning(md_escape(
                    f"The page changed since it was attached (now sha256 "
                    f"{(src.content_sha256 or '')[:12]}…, fetched "
                    f"{src.retrieved_at:%Y-%m-%d %H:%M} UTC)."))
            archive_url = ev.archive_url or src.archive_url
            if archive_url:
                st.caption("Archived: " + md_escape(archive_url))
            else:
                st.caption("Not archived yet.")
            if ev.quote:
                st.markdown(f"> {md_escape(ev.quote)}")
            c1, c2 = st.columns(2)
            if editable and not archive_url and c1.button("Archive in the Wayback Machine",
                                                          key=f"archive_{src.id}"):
                _run(lambda sid=src.id: sources.archive(
                    engine=resources.engine(), client=resources.http_client(), actor=user,
                    source_id=sid), "Archived.")
            if "detach" in allowed and c2.button("Remove", key=f"detach_{ev.id}"):
                edits.write(claim, lambda s, seen, ev=ev: sources.detach(
                    session=s, actor=user, claim_id=claim.id, evidence_id=ev.id,
                    expected_version=seen), done=f"Source removed from claim {claim.id}.")

    if detail.evidence and st.button("Refresh all sources", key="refresh_sources"):
        bar = st.progress(0.0, text="Refreshing sources…")
        total = len(detail.evidence)
        done = {"n": 0}

        def step(n: int) -> None:
            done["n"] += n
            bar.progress(min(1.0, done["n"] / total), text=f"{done['n']} of {total}")

        try:
            summary = sources.refresh(engine=resources.engine(), client=resources.http_client(),
                                      source_ids=[s.id for _e, s in detail.evidence],
                                      actor_name=user.username, progress=step)
        except WorkbenchError as exc:
            show_error(exc)
        else:
            st.session_state[_key("refresh_summary", claim.id)] = summary.describe()
            st.rerun()
    if st.session_state.get(_key("refresh_summary", claim.id)):
        show_lines(st.session_state.pop(_key("refresh_summary", claim.id)))

    if editable:
        _lookup(user, claim)
    _research(claim)


def _lookup(user: User, claim: Any) -> None:
    st.markdown("#### Add a source")
    with st.form("lookup_form", border=False):
        url = st.text_input("URL of the source", key="lookup_url",
                            placeholder="https://…")
        go = st.form_submit_button("Look up")
    preview_key = _key("lookup_preview", claim.id)
    if go:
        try:
            page = sources.preview(client=resources.http_client(), url=url)
        except WorkbenchError as exc:
            st.session_state.pop(preview_key, None)
            show_error(exc)
        else:
            st.session_state[preview_key] = page
    page = st.session_state.get(preview_key)
    if page is None:
        return
    data = sources.page_dict(page)
    with st.container(border=True, key="lookup_preview_box"):
        st.markdown(f"**{md_escape(data.get('title') or data.get('final_url') or '')}**")
        for field in ("final_url", "canonical_url", "site_name", "author", "published_at",
                      "modified_at", "language", "content_type", "status", "sha256"):
            if data.get(field) not in (None, "", []):
                st.caption(f"{field.replace('_', ' ')}: {md_escape(str(data[field]))}")
        if data.get("excerpt"):
            st.text(str(data["excerpt"])[:600])
        with st.form("attach_form", border=False):
            stance = st.radio("Stance", [s.value for s in Stance], horizontal=True,
                              key="attach_stance", index=2)
            quote = st.text_area("The passage that matters", key="attach_quote", height=80)
            archive = st.checkbox("Also look for a Wayback Machine snapshot",
                                  key="attach_archive")
            attach = st.form_submit_button("Attach source", type="primary")
    if attach:
        snap = None
        if archive:
            try:
                snap = sources.find_archive(client=resources.http_client(), url=page.final_url)
            except WorkbenchError as exc:
                st.warning(md_escape(f"No snapshot: {exc}"))
        edits.write(claim, lambda s, seen: sources.attach(
            session=s, actor=user, claim_id=claim.id, page=page, stance=stance, quote=quote,
            archive=snap, expected_version=seen),
            done=f"Source attached to claim {claim.id}.", forget=(preview_key,))


def _research(claim: Any) -> None:
    st.markdown("#### Research")
    c1, c2 = st.columns(2)
    if c1.button("Earlier fact-checks", key="factchecks"):
        try:
            st.session_state[_key("factchecks", claim.id)] = [
                sources.plain(f) for f in sources.factchecks(
                    client=resources.http_client(), text=claim.restatement or claim.text)
            ]
        except WorkbenchError as exc:
            show_error(exc)
    if c2.button("Context", key="context"):
        topic = claim.speaker or next((e.get("text") for e in claim.entities or []
                                       if isinstance(e, dict)), None) or claim.text
        try:
            st.session_state[_key("context", claim.id)] = sources.describe_context(
                sources.context(client=resources.http_client(), text=topic))
        except WorkbenchError as exc:
            show_error(exc)
    found = st.session_state.get(_key("factchecks", claim.id))
    if found is not None:
        if not found:
            st.caption("No earlier fact-checks found.")
        for f in found:
            st.markdown(f"- **{md_escape(str(f.get('publisher_name') or '?'))}** rated "
                        f"*{md_escape(str(f.get('rating') or '?'))}*: "
                        f"{md_escape(str(f.get('claim_text') or ''))}")
            if f.get("url"):
                st.code(f["url"], language=None)
    lines = st.session_state.get(_key("context", claim.id))
    if lines:
        for line in lines:
            st.markdown(f"- {md_escape(line)}")


def _run(fn: Any, message: str) -> None:
    try:
        fn()
    except WorkbenchError as exc:
        show_error(exc)
    else:
        st.toast(message)
        st.rerun()

