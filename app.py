"""Streamlit entry: page config, the sidebar, and which view the URL asks for. No rules here."""

from __future__ import annotations

import streamlit as st

from ui import sharing, state
from ui.importing import import_box
from ui.questionnaire import navigation, section_page
from ui.resources import bank, knowledge
from ui.results import result_page
from ui.shared import manage_page, not_found, shared_page

st.set_page_config(page_title="Hosting fit: SpaceX × Claude", page_icon="🛰️", layout="centered")

st.title("Does the SpaceX–Claude hosting deal matter to us?")
st.caption(
    "A short questionnaire about your needs (edge latency, SLAs, scale, compliance, strategy) "
    "and a recommendation, with reasons quoted from the report, that you can forward."
)
with st.sidebar:
    kb = knowledge()
    st.markdown("### About")
    st.markdown(
        "A news report says SpaceX will host Anthropic's Claude models. Almost nothing is "
        "disclosed: no data centres, no pricing, no SLAs. This tool tells you whether that "
        "matters to your organisation: **no action**, **monitor** or **evaluate**."
    )
    st.caption(f"Knowledge version {kb.version}, published {kb.published}.")
    st.button("Start a new assessment", key="sidebar_reset", on_click=sharing.start_new,
              icon=":material/add:")
    import_box()

where = sharing.route(st.query_params.to_dict())
if where.view == "error":
    not_found(where.problem or "")
elif where.view == "shared":
    shared_page(where.token or "")
elif where.view == "manage":
    manage_page(where.token or "")
elif where.view == "draft" and not sharing.restore_draft(where.token or ""):
    not_found("Not found: no draft is saved at this link. Start a new assessment, or import "
              "your answers file.")
else:
    navigation()
    step = state.current()
    if step == state.RESULT:
        result_page()
    else:
        section_page(next(s for s in bank().sections if s.id == step))
    problem = sharing.autosave()
    if problem:
        st.warning(problem)
