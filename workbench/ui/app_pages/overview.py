"""The desk's work at a glance: each chart drawn from one SQL aggregate, each with its
numbers as a table. The figures are kept for a minute, so a rerun costs the same on any
desk."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import altair as alt
import streamlit as st

from workbench import overview
from workbench.ui import auth, resources

auth.require_user()
st.title("Overview")


@st.cache_data(ttl=60, show_spinner="Counting the desk's work")
def _figures(database_url: str) -> dict[str, Any]:
    """Desk-wide aggregates (the same for every signed-in person), kept for a minute."""
    with resources.session() as s:
        return {
            "funnel": overview.funnel(session=s),
            "verdicts": overview.verdicts(session=s),
            "weeks": overview.signed_per_week(session=s),
            "durations": asdict(overview.time_to_signoff(session=s)),
            "aging": overview.aging(session=s),
            "overdue": overview.overdue(session=s),
            "workload": overview.workload(session=s),
            "proposals": overview.proposals(session=s),
            "scores": overview.proposal_scores(session=s),
        }


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def _chart(title: str, rows: list[dict[str, Any]], x: str, y: str, key: str,
           color: str | None = None, ordered: bool = True) -> None:
    """A bar chart and, under it, the same numbers as a table."""
    st.subheader(title)
    if not rows:
        st.caption("Nothing to show yet.")
        return
    sort = [r[x] for r in rows] if ordered else "-y"
    encoding: dict[str, Any] = {"x": alt.X(f"{x}:N", sort=sort, title=None),
                                "y": alt.Y(f"{y}:Q", title=y)}
    if color:
        encoding["color"] = alt.Color(f"{color}:N")
    chart = alt.Chart(alt.Data(values=rows)).mark_bar().encode(**encoding)
    st.altair_chart(chart, key=f"ov_chart_{key}")
    with st.expander(f"{title}: the numbers"):
        st.dataframe(rows, hide_index=True, key=f"ov_table_{key}")


data = _figures(resources.settings().database_url)
d = data["durations"]
m1, m2, m3, m4 = st.columns(4)
m1.metric("Signed off", f"{d['claims']:,}")
m2.metric("Days to sign-off, median", "–" if d["median_days"] is None else d["median_days"])
m3.metric("Days to sign-off, 90th percentile", "–" if d["p90_days"] is None else d["p90_days"])
m4.metric("Overdue", f"{data['overdue']:,}")
st.caption("Days from a claim's acceptance (or, for a claim that never needed one, its "
           "creation) to the sign-off in force. Overdue: past the deadline and not yet "
           "signed off or dismissed.")

scores = data["scores"]
st.subheader("Proposals on the desk's decisions")
p1, p2, p3 = st.columns(3)
p1.metric("Precision of proposals", _share(scores.precision))
p2.metric("Recall of proposals", _share(scores.recall))
p3.metric("Model in use", overview.model_in_use())
st.caption(f"{scores.proposals_accepted:,} of the {scores.proposals_judged:,} proposals the "
           f"desk judged were accepted; {scores.proposals_accepted:,} of the "
           f"{scores.accepted:,} claims it accepted had been proposed ({scores.dismissed:,} "
           f"claims dismissed, on {scores.articles:,} articles). The proposals as they were "
           "made; `workbench eval-checkworthy --desk` scores the model in use today, and "
           "`workbench model use` switches it.")

left, right = st.columns(2)
with left:
    _chart("Claims per status", [{"status": s, "claims": n} for s, n in data["funnel"]],
           "status", "claims", "funnel")
    _chart("Claims signed off per week",
           [{"week": w, "claims": n} for w, n in data["weeks"]], "week", "claims", "weeks")
    _chart("Claims in work by age", [{"age": a, "claims": n} for a, n in data["aging"]],
           "age", "claims", "aging")
with right:
    _chart("Verdicts given", [{"verdict": v, "claims": n} for v, n in data["verdicts"]],
           "verdict", "claims", "verdicts")
    _chart("Proposals: what became of them",
           [{"outcome": o, "claims": n} for o, n in data["proposals"]], "outcome", "claims",
           "proposals")
    _chart("Workload per person (claims in work)",
           [{"person": p, "status": s, "claims": n} for p, s, n in data["workload"]],
           "person", "claims", "workload", color="status", ordered=False)
