"""Messages to the user. Error texts can quote what a remote server or a user typed, so
they are escaped like any other outside text."""

from __future__ import annotations

import streamlit as st

from workbench.ui.components.text import md_escape


def show_error(exc: BaseException) -> None:
    st.error(md_escape(str(exc)))


def show_lines(text: str, *, kind: str = "info") -> None:
    """A multi-line message (one item per line), shown literally."""
    getattr(st, kind)(md_escape(text))
