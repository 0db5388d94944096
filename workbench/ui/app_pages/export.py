"""Exports: every claim as CSV, and ClaimReview JSON-LD for signed-off claims."""

from __future__ import annotations

import streamlit as st

from workbench import export
from workbench.models import ClaimStatus
from workbench.ui import auth, resources

auth.require_user()
st.title("Export")

status = st.selectbox("Claims", [None, *(s.value for s in ClaimStatus)],
                      format_func=lambda s: "All claims" if s is None else s,
                      key="export_status")
with resources.session() as s:
    frame = export.claims_frame(session=s, status=status)
    csv_bytes = export.to_csv(frame)
    claimreview = export.claimreview_json(session=s)

st.caption(f"{len(frame)} claim(s). Cells that a spreadsheet would run as a formula are "
           "written with a leading apostrophe.")
st.download_button("Download CSV", data=csv_bytes, file_name="claims.csv", mime="text/csv",
                   key="download_csv", type="primary")
st.download_button("Download ClaimReview (JSON-LD)", data=claimreview,
                   file_name="claimreview.json", mime="application/ld+json",
                   key="download_claimreview")
st.dataframe(frame.head(50).to_dict("records"), hide_index=True, key="export_preview")
