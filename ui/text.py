"""Showing untrusted text in Streamlit markdown as plain text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import streamlit as st

from questions.text import markdown_plain


def plain(text: str) -> str:
    """Text a user typed, safe inside st.markdown: no markup, links, HTML or direction tricks."""
    return markdown_plain(text)


def show_table(rows: Sequence[Mapping[str, object]], *, index: str | None = None) -> None:
    """A table whose cells are shown as text, never as Markdown (unlike `st.table`): names and
    notes in it can neither link, fetch an image nor format."""
    frame = pd.DataFrame(rows)
    if index is not None and not frame.empty:
        frame = frame.set_index(index)
    st.dataframe(frame, hide_index=index is None, width="stretch")
