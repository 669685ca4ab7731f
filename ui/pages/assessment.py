"""The assessment page: questionnaire, result, and the views opened from share links."""

from __future__ import annotations

import streamlit as st

from ui import links, state
from ui.importing import import_box, import_notice
from ui.link_views import manage_page, shared_page
from ui.questionnaire import migration_banner, navigation, section_page, show_progress
from ui.resources import bank
from ui.results import result_page
from ui.text import plain

st.title("Does the SpaceX–Claude hosting deal matter to us?")
st.caption(
    "A short questionnaire about your needs (edge latency, SLAs, scale, compliance, strategy) "
    "and a recommendation, with reasons quoted from the report, that you can forward."
)

with st.sidebar:
    st.button("Start a new assessment", key="sidebar_reset", on_click=links.start_new,
              icon=":material/add:")
    import_box()

where = links.route(st.query_params.to_dict())
if where.view == "error":
    links.not_found(where.problem or "")
elif where.view == "shared":
    shared_page(where.token or "")
elif where.view == "manage":
    manage_page(where.token or "")
elif where.view == "draft" and not links.restore_draft(where.token or ""):
    links.not_found("Not found: no draft is saved at this link. Start a new assessment, or "
                      "import your answers file.")
else:
    state.resume_section(st.query_params.to_dict())
    links.restore_team(st.query_params.to_dict())
    team = state.session().team
    if team:
        st.info(f"Answering for the team **{plain(team.team)}** as **{plain(team.name)}** "
                f"({plain(team.role)}). Submit your answers from the result. This page's "
                "address keeps your place: bookmark it to come back.",
                icon=":material/groups:")
    if state.session().draft_token:
        st.caption("This page's address is your private draft: anyone who has it can see and "
                   "change these answers, so keep it to yourself. To show colleagues the "
                   "result, use *Save and share* on the result.")
    import_notice()
    migration_banner()
    progress = navigation()
    step = state.current()
    if step == state.RESULT:
        result_page()
    else:
        section_page(next(s for s in bank().sections if s.id == step))
    show_progress(progress)
    problem = links.autosave()
    if problem:
        st.warning(problem)
    links.conflict_notice()
