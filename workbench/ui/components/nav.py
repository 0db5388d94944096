"""Moving between pages while keeping the signed-in session."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

PAGES = Path(__file__).parent.parent / "app_pages"


def open_claim(claim_id: int) -> None:
    """Go to the claim page for ``claim_id`` (the id travels in the URL)."""
    st.session_state["claim_id"] = int(claim_id)
    st.switch_page(str(PAGES / "claim.py"), query_params={"claim": str(int(claim_id))})


def selected_claim_id() -> int | None:
    raw = st.query_params.get("claim") or st.session_state.get("claim_id")
    try:
        return int(raw) if raw is not None else None
    except (TypeError, ValueError):
        return None
