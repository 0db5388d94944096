"""On the claim page, before submit and sign-off: whether the desk checked this claim
before (with the earlier verdict), and what its sources say of its numbers, years and
places (the last stored check of each, and a button to check them again). An editor who
may sign the claim off may instead reuse the verdict of a signed-off claim linked to it as
the same claim (a button per such claim)."""

from __future__ import annotations

import streamlit as st

from workbench import claims, reuse, similar, sourcecheck, workflow
from workbench.errors import WorkbenchError
from workbench.models import User
from workbench.ui import resources
from workbench.ui.components import edits
from workbench.ui.components.feedback import show_error
from workbench.ui.components.text import md_escape

_SYMBOL = {"agrees": "✅", "differs": "⚠️", "not found": "…", "unreachable": "✖"}


def _earlier(user: User, claim_id: int) -> None:
    with resources.session() as s:
        matches = similar.similar_to(session=s, claim_id=claim_id,
                                     lv=similar.levels(resources.settings()))
        detail = claims.claim_detail(session=s, claim_id=claim_id)
        may_reuse = "reuse" in {m.name for m in workflow.allowed_moves(
            detail.claim, user, authors=detail.authors)}
    before = similar.checked_before(matches)
    for m in before:
        verdict = m.verdict or "no verdict yet"
        st.info(md_escape(f"Checked before: claim {m.claim_id} ({m.status}, {verdict}; "
                          f"score {m.score:.2f}): {m.text}"), icon="🔁")
        if may_reuse and m.status == "signed_off" and m.link in reuse.SAME and st.button(
                f"Sign off with the verdict of claim {m.claim_id} ({verdict})",
                key=f"reuse_{claim_id}_{m.claim_id}"):
            edits.write(detail.claim, lambda s, seen, earlier=m.claim_id: reuse.reuse_verdict(
                session=s, actor=user, claim_id=claim_id, earlier_id=earlier,
                expected_version=seen), done=f"Claim {claim_id} signed off with the verdict "
                f"of claim {m.claim_id}.")
    for m in matches:
        if m.level == "differs" and m not in before:
            diffs = "; ".join(f"{a} here, {b} there" for a, b in m.differences)
            st.warning(md_escape(f"Like claim {m.claim_id} ({m.status}) but not the same: "
                                 f"{diffs}. {m.text}"), icon="≠")


def _sources(user: User, claim_id: int, has_sources: bool) -> None:
    with resources.session() as s:
        checks = sourcecheck.latest(session=s, claim_id=claim_id)
    for check in checks:
        st.markdown(md_escape(f"{_SYMBOL.get(check.result, '')} source {check.source_id}: "
                              f"{check.result} (checked {check.checked_at:%Y-%m-%d %H:%M} "
                              f"UTC, text sha256 {check.text_sha256[:12]}…)"))
        # st.table renders Markdown in its cells: what was read from a page is escaped
        rows = [{"value": f["what"], "claim": md_escape(f["claimed"]),
                 "source": md_escape(f["found"] or ""), "result": f["result"]}
                for f in check.findings]
        if rows:
            st.table(rows)
    if has_sources and st.button("Check the sources against the claim",
                                 key=f"check_sources_{claim_id}"):
        try:
            with resources.session(write=True) as s:
                done = sourcecheck.check_sources(session=s, client=resources.http_client(),
                                                 claim_id=claim_id, actor=user)
        except WorkbenchError as exc:
            show_error(exc)
            return
        for c in done:
            if c.error:
                st.warning(md_escape(f"Source {c.source_id}: {c.error}"))
        st.rerun()


def render(*, user: User, claim_id: int, has_sources: bool) -> None:
    """The two checks, in one bordered box."""
    with st.container(border=True, key=f"claim_checks_{claim_id}"):
        st.markdown("**Checked before? Do the sources agree?**")
        try:
            _earlier(user, claim_id)
            _sources(user, claim_id, has_sources)
        except WorkbenchError as exc:
            show_error(exc)
