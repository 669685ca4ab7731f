"""Views opened from a link: a shared assessment (read-only), its manage page, not found."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from logic.answers import AnswersError, parse_answers
from logic.engine import evaluate
from questions import flow
from storage import OVERALL, Saved
from ui import sharing
from ui.resources import bank, knowledge, store
from ui.results import recommendation_body
from ui.text import plain

NOT_FOUND = sharing.NOT_FOUND
not_found = sharing.not_found


def _answers_table(saved: Saved) -> None:
    shown = flow.from_answers(bank(), saved.answers)
    for section in bank().sections:
        rows = []
        for question in flow.visible(section, shown):
            value = saved.answers.get(question.id)
            rows.append({
                "Question": question.label,
                "Answer": question.label_of(value) if value not in (None, "") else "—",
                "Note": saved.notes.get(question.id, ""),
            })
        st.markdown(f"**{section.title}**")
        st.table(pd.DataFrame(rows).set_index("Question"))


def _show(saved: Saved) -> bool:
    try:
        answers = parse_answers(saved.answers)
    except AnswersError:
        not_found("This saved assessment no longer matches the questionnaire and cannot be shown.")
        return False
    kb = knowledge(saved.knowledge_version) if saved.knowledge_version else knowledge()
    recommendation_body(answers, evaluate(answers, kb), kb, saved.notes)
    if saved.notes.get(OVERALL):
        st.markdown("##### Note from whoever shared it")
        st.markdown(plain(saved.notes[OVERALL]))
    with st.expander("The answers given, with notes", icon=":material/list_alt:"):
        _answers_table(saved)
    return True


def shared_page(token: str) -> None:
    """Read-only view of a shared assessment, with 'make a copy and edit'."""
    saved = store().open_shared(token)
    if saved is None:
        not_found()
        return
    st.info(f"Shared assessment, read-only. Saved {saved.created_at:%d %B %Y, %H:%M} UTC.",
            icon=":material/share:")
    if _show(saved):
        st.button("Make a copy and edit", key="copy", type="primary", icon=":material/edit:",
                  on_click=sharing.open_copy, args=(token,))
        if st.session_state.pop("copy_failed", False):
            st.error(NOT_FOUND)


def manage_page(token: str) -> None:
    """The owner's page: the links, and revoking the share link."""
    saved = store().open_managed(token)
    if saved is None:
        not_found("Not found: no assessment is managed with this link.")
        return
    if saved.revoked:
        st.warning("The share link has been revoked: colleagues who open it see 'not found'.",
                   icon=":material/link_off:")
    else:
        st.info("Your private manage link. Anyone with it can revoke the share link; do not "
                "forward it.", icon=":material/admin_panel_settings:")
        confirm = st.checkbox("I want to stop colleagues opening the share link", key="confirm")
        if st.button("Revoke share link", key="revoke", disabled=not confirm,
                     icon=":material/link_off:"):
            store().revoke(token)
            st.rerun()
    _show(saved)
