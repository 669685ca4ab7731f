"""Showing untrusted text in Streamlit markdown as plain text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import streamlit as st

from questions.text import markdown_plain


def plain(text: str) -> str:
    """Text a user typed, safe inside st.markdown: no markup, links, HTML or direction tricks."""
    return markdown_plain(text)


TRIMMED = "{key}__trimmed"  # session key: how long the text was before it was cut


def trim_to(key: str, limit: int) -> None:
    """A widget callback: cut the text under `key` to `limit` characters, remembering how long
    it was so the form can say so (a paste over the limit is never dropped silently)."""
    value = st.session_state.get(key) or ""
    if len(value) > limit:
        st.session_state[key] = value[:limit]
        st.session_state[TRIMMED.format(key=key)] = len(value)
    else:
        st.session_state.pop(TRIMMED.format(key=key), None)


def trimmed_note(key: str, limit: int) -> None:
    """Say, under the widget, that its text was cut (and from how long)."""
    was = st.session_state.get(TRIMMED.format(key=key))
    if was:
        st.caption(f"Cut to {limit:,} characters, the most kept here: the text entered had "
                   f"{was:,}.")


def limited(text: str, limit: int, what: str) -> tuple[str, str | None]:
    """For a field inside a form (no callbacks there): the text cut to `limit`, and a note
    saying so when it was cut."""
    if len(text) <= limit:
        return text, None
    return text[:limit], f"{what} was cut to {limit:,} characters (it had {len(text):,})."


def show_table(rows: Sequence[Mapping[str, object]], *, index: str | None = None) -> None:
    """A table whose cells are shown as text, never as Markdown (unlike `st.table`): names and
    notes in it can neither link, fetch an image nor format."""
    frame = pd.DataFrame(rows)
    if index is not None and not frame.empty:
        frame = frame.set_index(index)
    st.dataframe(frame, hide_index=index is None, width="stretch")
