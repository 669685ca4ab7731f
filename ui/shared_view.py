"""The read-only view of a shared assessment, with 'make a copy and edit'."""

from __future__ import annotations

import streamlit as st

from ui import routing, sharing, state
from ui.resources import store
from ui.saved_result import show


def shared_page(token: str) -> None:
    """Read-only view of a shared assessment, with 'make a copy and edit'."""
    saved = store().open_shared(token)
    if saved is None:
        routing.not_found()
        return
    st.info(f"Shared assessment, read-only. Saved {saved.created_at:%d %B %Y, %H:%M} UTC.",
            icon=":material/share:")
    if show(saved):
        st.button("Make a copy and edit", key="copy", type="primary", icon=":material/edit:",
                  on_click=sharing.open_copy, args=(token,))
        failed = state.session().sharing.copy_failed
        if failed:
            state.session().sharing.copy_failed = None
            st.error(failed)

