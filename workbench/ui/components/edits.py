"""Edits from a page carry the version of the claim the person saw.

The version is remembered at the end of each render (``remember``) and read by the rerun
that handles the click (``seen_version``), so an edit made on a page loaded before a
colleague's change is refused by the service, never applied over it. A refused stale edit
keeps what the person typed in the form and offers to reload the claim (``stale_notice``).
After an edit that went through, one line says what happened (``flash``), once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from workbench.errors import ConflictError, WorkbenchError
from workbench.ui import resources
from workbench.ui.components.feedback import show_error
from workbench.ui.components.text import md_escape

FLASH = "flash_message"


def _seen_key(claim_id: int) -> str:
    return f"seen_version_{claim_id}"


def _stale_key(claim_id: int) -> str:
    return f"stale_edit_{claim_id}"


def seen_version(claim: Any) -> int:
    """The version the person saw on the page they clicked on."""
    return int(st.session_state.get(_seen_key(claim.id), claim.version))


def shown_actions(claim: Any, offered: set[str]) -> set[str]:
    """The actions to show forms for: those the person saw on the page they clicked on, if
    the claim changed since, so that their click reaches the service and is refused as
    stale (and says so) instead of vanishing with the form; else those offered now."""
    saw = st.session_state.get(f"offered_{claim.id}")
    if saw is not None and seen_version(claim) != claim.version:
        return set(saw)
    return offered


def remember(claim: Any, offered: set[str]) -> None:
    """At the end of a render: the person has now seen this version and these actions
    (not while a stale edit waits for them to reload)."""
    if _stale_key(claim.id) not in st.session_state:
        st.session_state[_seen_key(claim.id)] = claim.version
        st.session_state[f"offered_{claim.id}"] = sorted(offered)


def form_version(claim: Any, name: str, values: dict[str, Any]) -> int:
    """Fill a form's widgets (the keys of ``values``) from the stored claim and return the
    version they show. They are filled again only when the person typed nothing in them
    (a colleague's change then shows at once); what was typed stays, with the version it
    was typed on, so that saving it over a newer claim is refused as stale."""
    record = st.session_state.get(f"form_{name}")
    reloaded = st.session_state.pop(f"reloaded_{name}_{claim.id}", False)
    if record is not None and record["claim"] == claim.id:
        untouched = all(st.session_state.get(k) == record["values"].get(k) for k in values)
        if reloaded or (untouched and record["version"] != claim.version):
            record = {"claim": claim.id, "version": claim.version,
                      "values": record["values"] if reloaded else values}
            if not reloaded:
                st.session_state.update(values)
            st.session_state[f"form_{name}"] = record
        return int(record["version"])
    st.session_state.update(values)
    st.session_state[f"form_{name}"] = {"claim": claim.id, "version": claim.version,
                                         "values": values}
    return int(claim.version)


def write(claim: Any, change: Callable[[Any, int], Any], *, done: str,
          forget: tuple[str, ...] = (), version: int | None = None) -> None:
    """Run ``change(session, version)`` in one write transaction, ``version`` being the one
    the person saw (by default the page's). On success: one line of feedback, the form
    state in ``forget`` dropped, and a rerun that shows the new state; a stale edit is kept
    for ``stale_notice``; any other refusal is shown as one sentence."""
    try:
        with resources.session(write=True) as s:
            change(s, seen_version(claim) if version is None else version)
    except ConflictError as exc:
        st.session_state[_stale_key(claim.id)] = str(exc)
        st.rerun()
    except WorkbenchError as exc:
        show_error(exc)
        return
    st.session_state[FLASH] = done
    st.session_state.pop(_seen_key(claim.id), None)
    for key in forget:
        st.session_state.pop(key, None)
    st.rerun()


def stale_notice(claim: Any, forms: tuple[str, ...] = ()) -> None:
    """Say that an edit was refused because the claim changed, and offer to reload it
    (the ``forms`` then take the new version and keep what was typed in them)."""
    message = st.session_state.get(_stale_key(claim.id))
    if not message:
        return
    with st.container(border=True, key="stale_notice"):
        st.warning(md_escape(message) + " What you typed is still in the form.")
        if st.button("Reload the claim", key="stale_reload", type="primary"):
            st.session_state.pop(_stale_key(claim.id), None)
            st.session_state.pop(_seen_key(claim.id), None)
            for name in forms:
                st.session_state[f"reloaded_{name}_{claim.id}"] = True
            st.rerun()


def flash() -> None:
    """The one line about the last action, shown once."""
    message = st.session_state.pop(FLASH, None)
    if message:
        st.success(md_escape(message))
