"""Exports: claims and evidence as CSV (written chunk by chunk, with progress), and
ClaimReview JSON-LD for signed-off claims."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import streamlit as st

from workbench import export, queue
from workbench.models import ClaimKind, ClaimStatus
from workbench.ui import auth, resources

auth.require_user()
st.title("Export")

PREVIEW = 50
settings = resources.settings()
names = {step.verdict: step.name for step in settings.verdict_scale}
left, middle, right = st.columns(3)
flt = queue.ClaimFilter(
    statuses=left.multiselect("Status", [s.value for s in ClaimStatus], key="export_status"),
    kinds=middle.multiselect("Kind", [k.value for k in ClaimKind], key="export_kind"),
    verdicts=right.multiselect("Verdict", [step.verdict for step in settings.verdict_scale],
                               format_func=names.get, key="export_verdict"),
)

with resources.session() as s:
    total = queue.count(session=s, flt=flt)
    preview = export.claim_rows(session=s, flt=flt, limit=PREVIEW)

st.caption(f"{total:,} claim(s). Cells that a spreadsheet would run as a formula are "
           "written with a leading apostrophe; numbers stay numbers.")


def _prepare(folder: Path, name: str, chunks_for: object, rows_per_chunk: int) -> Path:
    """Write one CSV to this session's folder, chunk by chunk, with a progress bar."""
    path = folder / name
    bar = st.progress(0.0, text=f"Writing {name}")
    done = 0
    with resources.session() as s, path.open("wb") as out:
        for i, chunk in enumerate(chunks_for(session=s, flt=flt,  # type: ignore[operator]
                                             chunk_rows=rows_per_chunk)):
            out.write(chunk)
            done = min(total, i * rows_per_chunk)
            bar.progress(done / total if total else 1.0, text=f"Writing {name}")
    bar.empty()
    return path


if st.button("Prepare the CSV files", key="export_prepare", type="primary"):
    step = max(500, total // 50)
    # one folder per session: the files of the previous export go when new ones are made
    folder = export.new_files_folder(previous=st.session_state.get("export_folder"))
    st.session_state["export_folder"] = str(folder)
    st.session_state["export_files"] = {
        "claims.csv": str(_prepare(folder, "claims.csv", export.claims_csv_chunks, step)),
        "evidence.csv": str(_prepare(folder, "evidence.csv", export.evidence_csv_chunks,
                                     step)),
    }
    st.session_state["export_filter"] = flt

files = st.session_state.get("export_files")
if files and st.session_state.get("export_filter") != flt:
    # another filter: the files no longer match what is asked for, and are not kept
    export.remove_files_folder(st.session_state.pop("export_folder", None))
    files = st.session_state["export_files"] = None
if files and not all(Path(f).exists() for f in files.values()):
    st.caption("The files prepared earlier were removed after waiting "
               f"{export.FILES_KEPT_SECONDS // 3600} hours; prepare them again.")
    files = st.session_state["export_files"] = None
if files:
    # Read from the file only when a button is pressed, never on a rerun.
    st.download_button("Download CSV", data=partial(Path(files["claims.csv"]).read_bytes),
                       file_name="claims.csv", mime="text/csv", key="download_csv")
    st.download_button("Download evidence CSV",
                       data=partial(Path(files["evidence.csv"]).read_bytes),
                       file_name="evidence.csv", mime="text/csv", key="download_evidence")


def claimreview_file() -> bytes:
    with resources.session() as s:
        return export.claimreview_json(session=s, settings=settings)


if settings.claimreview_ready:
    st.download_button("Download ClaimReview (JSON-LD)", data=claimreview_file,
                       file_name="claimreview.json", mime="application/ld+json",
                       key="download_claimreview")
else:
    st.info("ClaimReview needs the desk's review URL template and author name "
            "(WORKBENCH_REVIEW_URL_TEMPLATE, WORKBENCH_REVIEW_AUTHOR_NAME).")
st.caption(f"The first {min(total, PREVIEW)} row(s):")
st.dataframe(preview, hide_index=True, key="export_preview")
