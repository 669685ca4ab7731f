"""The assessment page: questionnaire, result, and the views opened from share links."""

from __future__ import annotations

import streamlit as st

from ui import sharing, state
from ui.importing import import_box
from ui.questionnaire import navigation, section_page, show_progress
from ui.resources import bank
from ui.results import result_page
from ui.shared import manage_page, shared_page
from ui.text import plain

st.title("Does the SpaceX–Claude hosting deal matter to us?")
st.caption(
    "A short questionnaire about your needs (edge latency, SLAs, scale, compliance, strategy) "
    "and a recommendation, with reasons quoted from the report, that you can forward."
)

with st.sidebar:
    st.button("Start a new assessment", key="sidebar_reset", on_click=sharing.start_new,
              icon=":material/add:")
    import_box()

where = sharing.route(st.query_params.to_dict())
if where.view == "error":
    sharing.not_found(where.problem or "")
elif where.view == "shared":
    shared_page(where.token or "")
elif where.view == "manage":
    manage_page(where.token or "")
elif where.view == "draft" and not sharing.restore_draft(where.token or ""):
    sharing.not_found("Not found: no draft is saved at this link. Start a new assessment, or "
                      "import your answers file.")
else:
    team = st.session_state.get(sharing.TEAM_CONTEXT)
    if team:
        st.info(f"Answering for the team **{plain(team['team'])}** as **{plain(team['name'])}** "
                f"({plain(team['role'])}). Submit your answers from the result.",
                icon=":material/groups:")
    progress = navigation()
    step = state.current()
    if step == state.RESULT:
        result_page()
    else:
        section_page(next(s for s in bank().sections if s.id == step))
    show_progress(progress)
    problem = sharing.autosave()
    if problem:
        st.warning(problem)
