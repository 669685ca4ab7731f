"""The read-only view of a shared assessment, with 'make a copy and edit'."""

from __future__ import annotations

import streamlit as st

from logic.wording import day_text
from ui import language, routing, sharing, state
from ui.i18n import tr
from ui.resources import store
from ui.saved_result import show


def shared_page(token: str) -> None:
    """Read-only view of a shared assessment, with 'make a copy and edit'."""
    saved = store().open_shared(token)
    if saved is None:
        routing.not_found()
        return
    st.info(tr("Shared assessment, read-only. Saved {day}, {time} UTC.",
               day=day_text(saved.created_at.date().isoformat(), language.current()),
               time=saved.created_at.strftime("%H:%M")), icon=":material/share:")
    if show(saved):
        st.button(tr("Make a copy and edit"), key="copy", type="primary", icon=":material/edit:",
                  on_click=sharing.open_copy, args=(token,))
        failed = state.session().sharing.copy_failed
        if failed:
            state.session().sharing.copy_failed = None
            st.error(failed)

