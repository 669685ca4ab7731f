"""The floor to compare against: a bare Streamlit form with as many widgets as the
questionnaire (23) and a submit button that prints a verdict. No rules, no storage."""

import streamlit as st

from bench.bare_widgets import bare_widgets

if "runs" not in st.session_state:
    st.session_state.runs = 0
with st.form("minimal"):
    bare_widgets()
    submitted = st.form_submit_button("Get recommendation")
if submitted:
    st.session_state.runs += 1
    st.success(f"Verdict number {st.session_state.runs}: monitor")
