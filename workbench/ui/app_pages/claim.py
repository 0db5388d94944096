"""One claim: its sentence in the article, its sources, the verdict, the moves the
signed-in user may make, and its history."""

from __future__ import annotations

import streamlit as st

from workbench import accounts, claims, workflow
from workbench.errors import WorkbenchError
from workbench.models import Verdict
from workbench.ui import auth, resources
from workbench.ui.components import claim_checks, discussion_panel, edits, lookup_panel
from workbench.ui.components.feedback import show_error
from workbench.ui.components.nav import selected_claim_id
from workbench.ui.components.text import highlighted_paragraphs, md_escape


def _done(move: workflow.Move) -> str:
    target = move.target.label.lower() if move.target else ""
    return f"{move.label}: claim {claim_id} is now {target}."


user = auth.require_user()
claim_id = selected_claim_id()
if claim_id is None:
    st.title("Claim")
    st.info("Pick a claim in the queue to open it here.")
    st.stop()

try:
    with resources.session() as s:
        detail = claims.claim_detail(session=s, claim_id=claim_id)
        users = [u for u in accounts.list_users(session=s) if u.active]
except WorkbenchError as exc:
    st.title("Claim")
    show_error(exc)
    st.stop()

claim, article = detail.claim, detail.article
st.session_state["claim_id"] = claim.id
st.title(f"Claim {claim.id}")
edits.flash()
edits.stale_notice(claim, forms=("verdict",))
st.markdown(f"> {md_escape(claim.text)}")

STATUS_COLOUR = {"candidate": "gray", "open": "blue", "in_research": "violet",
                 "in_review": "orange", "signed_off": "green", "dismissed": "red"}
with st.container(horizontal=True, key="claim_badges"):
    st.badge(claim.status.label, color=STATUS_COLOUR[claim.status.value])
    st.badge(f"version {claim.version}", color="gray")
    st.badge(claim.kind.value, color="primary", icon=":material/category:")
    st.badge(md_escape(claim.speaker) if claim.speaker else "no speaker named", color="gray",
             icon=":material/person:")
    if claim.score is not None:
        st.badge(f"check-worthiness {claim.score:.2f}", color="gray")
    if claim.verdict:
        st.badge(f"verdict: {claim.verdict.value}", color="green")
    for flag in claim.flags or []:
        st.badge(flag.replace("_", " "), color="yellow", icon=":material/flag:")
if claim.restatement:
    st.markdown(f"**Checkable restatement:** {md_escape(claim.restatement)}")
if claim.note:
    st.markdown(f"**What to check:** {md_escape(claim.note)}")
who = []
if detail.assignee:
    who.append(f"assigned to {detail.assignee}")
if detail.submitted_by:
    who.append(f"submitted by {detail.submitted_by}")
if detail.signoff_editor:
    who.append(f"signed off by {detail.signoff_editor}")
if who:
    st.caption(md_escape("; ".join(who)))
if claim.review_note and claim.status.value == "in_research":
    st.info(f"Editor's note: {md_escape(claim.review_note)}")

left, right = st.columns([3, 2], gap="large")

with left:
    st.subheader(md_escape(article.title or article.key))
    st.caption(md_escape(" · ".join(x for x in (article.outlet, article.byline,
               article.published_at.date().isoformat() if article.published_at else "") if x)))
    show_all = st.toggle("Show the whole article", key="claim_whole_article")
    with st.container(height=460, key="article_text"):
        for para in highlighted_paragraphs(article.text, [(claim.start, claim.end)],
                                           window=None if show_all else 1):
            st.markdown(para)

with right:
    claim_checks.render(user=user, claim_id=claim.id, has_sources=bool(detail.evidence))
    st.subheader("Verdict")
    allowed = {m.name for m in workflow.allowed_moves(claim, user, authors=detail.authors,
                                                       include_edits=True)}
    offered = {name: workflow.ACTIONS[name] for name in workflow.ACTIONS
               if name in edits.shown_actions(claim, allowed)}
    # The verdict form: every action that takes a verdict and a rationale (draft, submit).
    with_verdict = [m for m in workflow.ACTIONS.values() if "verdict" in m.needs]
    form_version = edits.form_version(claim, "verdict", {
        "verdict_choice": claim.verdict.value if claim.verdict else None,
        "verdict_rationale": claim.rationale})
    editable = any(m.name in offered for m in with_verdict)
    with st.form("verdict_form"):
        verdict = st.selectbox("Verdict", [v.value for v in Verdict], key="verdict_choice",
                               disabled=not editable, placeholder="Choose a verdict")
        rationale = st.text_area("Rationale", key="verdict_rationale", disabled=not editable,
                                 height=140)
        pressed = {m.name: col.form_submit_button(
                       m.label, key=f"do_{m.name}", disabled=m.name not in offered,
                       type="primary" if m.is_move else "secondary")
                   for m, col in zip(with_verdict, st.columns(len(with_verdict)), strict=True)}
    for name, clicked in pressed.items():
        if not clicked:
            continue
        if name == "draft":
            edits.write(claim, lambda s, seen: claims.save_draft(
                session=s, actor=user, claim_id=claim.id, verdict=verdict, rationale=rationale,
                expected_version=seen), done=f"Draft saved on claim {claim.id}.",
                version=form_version, forget=("form_verdict",))
        else:
            edits.write(claim, lambda s, seen, name=name: workflow.apply(
                session=s, actor=user, claim_id=claim.id, move=name, expected_version=seen,
                verdict=verdict, rationale=rationale),
                done=_done(workflow.ACTIONS[name]),
                version=form_version, forget=("form_verdict",))

    st.subheader("Actions")
    # One form per move open to the user now, with the fields the move needs.
    # (reusing an earlier verdict is offered on the checked-before panel, which names it)
    other = [m for m in offered.values() if m.is_move and "verdict" not in m.needs
             and "earlier" not in m.needs]
    if not other:
        st.caption("No other action is open to you on this claim now.")
    for move in other:
        with st.form(f"move_{move.name}", border=True):
            given: dict = {}
            if "assignee" in move.needs:
                names = [u.username for u in users]
                if workflow.may(move, user.role, workflow.relation(claim, user)) != "yes":
                    names = [user.username]  # a reviewer takes a claim for themselves only
                given["assignee"] = st.selectbox(
                    "Assign to", names, key="assign_to",
                    index=names.index(user.username) if user.username in names else 0)
            if "note" in move.needs:
                given["note"] = st.text_input(move.note_label, key=f"note_{move.name}")
            go = st.form_submit_button(move.label, key=f"do_{move.name}",
                                       type="primary" if move.name == "signoff" else "secondary")
        if go:
            edits.write(claim, lambda s, seen, move=move, given=given: workflow.apply(
                session=s, actor=user, claim_id=claim.id, move=move.name,
                expected_version=seen, **given),
                done=_done(move),
                forget=(f"note_{move.name}",))
    if detail.signoff:
        st.success(
            f"Signed off by {md_escape(detail.signoff_editor or '?')} on "
            f"{detail.signoff.at:%Y-%m-%d %H:%M} UTC · snapshot sha256 "
            f"`{detail.signoff.snapshot_sha256[:16]}…`"
            + (" · verified: the claim is what was signed" if detail.signoff_intact else "")
        )
        if not detail.signoff_intact:
            st.error("The claim no longer matches the snapshot its editor signed.")
    if claim.status.value == "in_review" and user.role.value == "editor" and \
            "signoff" not in offered:
        st.caption("You worked on this verdict, so another editor signs it off (four eyes).")

st.divider()
lookup_panel.render(user=user, detail=detail, allowed=set(offered))

st.divider()
discussion_panel.render(user=user, claim_id=claim.id)

st.divider()
st.subheader("History")
st.dataframe(
    [{"when (UTC)": f"{ev.at:%Y-%m-%d %H:%M:%S}", "who": name or "system", "action": ev.action,
      "from": ev.from_status or "", "to": ev.to_status or "", "comment": ev.comment,
      "changes": ", ".join(sorted(ev.changes)) if ev.changes else ""}
     for ev, name in detail.history],
    hide_index=True, key="history_table",
)
edits.remember(claim, allowed)
