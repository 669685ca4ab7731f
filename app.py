"""Streamlit entry: page config, layout, and which step to show. No rules here."""

from __future__ import annotations

import streamlit as st

from ui import state
from ui.questionnaire import navigation, section_page
from ui.resources import bank, knowledge
from ui.results import result_page

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
    st.button("Start over", key="sidebar_reset", on_click=state.reset,
              icon=":material/restart_alt:")

navigation()
step = state.current()
if step == state.RESULT:
    result_page()
else:
    section_page(next(s for s in bank().sections if s.id == step))
