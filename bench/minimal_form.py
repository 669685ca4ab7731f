"""The floor to compare against: a bare Streamlit form with as many widgets as the
questionnaire (23) and a submit button that prints a verdict. No rules, no storage."""

import streamlit as st

if "runs" not in st.session_state:
    st.session_state.runs = 0
with st.form("minimal"):
    for i in range(8):
        st.radio(f"Radio {i}", ["a", "b", "c"], key=f"radio_{i}", horizontal=True)
    for i in range(8):
        st.selectbox(f"Select {i}", ["a", "b", "c", "d"], key=f"select_{i}")
    for i in range(7):
        st.checkbox(f"Check {i}", key=f"check_{i}")
    submitted = st.form_submit_button("Get recommendation")
if submitted:
    st.session_state.runs += 1
    st.success(f"Verdict number {st.session_state.runs}: monitor")
