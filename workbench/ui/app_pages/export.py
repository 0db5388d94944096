"""Exports: every claim as CSV, and ClaimReview JSON-LD for signed-off claims."""

from __future__ import annotations

import streamlit as st

from workbench import claims, export
from workbench.models import ClaimStatus
from workbench.ui import auth, resources

auth.require_user()
st.title("Export")

status = st.selectbox("Claims", [None, *(s.value for s in ClaimStatus)],
                      format_func=lambda s: "All claims" if s is None else s,
                      key="export_status")
PREVIEW = 50


def csv_file() -> bytes:
    """Built when the button is pressed, not on every rerun of the page."""
    with resources.session() as s:
        return export.claims_csv(session=s, status=status)


def claimreview_file() -> bytes:
    with resources.session() as s:
        return export.claimreview_json(session=s)


with resources.session() as s:
    total = claims.count_claims(session=s, status=status)
    preview = export.claims_frame(session=s, status=status, limit=PREVIEW)

st.caption(f"{total} claim(s). Cells that a spreadsheet would run as a formula are "
           "written with a leading apostrophe.")
st.download_button("Download CSV", data=csv_file, file_name="claims.csv", mime="text/csv",
                   key="download_csv", type="primary")
st.download_button("Download ClaimReview (JSON-LD)", data=claimreview_file,
                   file_name="claimreview.json", mime="application/ld+json",
                   key="download_claimreview")
st.caption(f"The first {min(total, PREVIEW)} row(s):")
st.dataframe(preview.to_dict("records"), hide_index=True, key="export_preview")
