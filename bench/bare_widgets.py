"""The 23 widgets of both bare pages the browser benchmark compares the app against (as many
as the questionnaire asks): 8 radios, 8 select boxes, 7 check boxes."""

import streamlit as st


def bare_widgets() -> None:
    for i in range(8):
        st.radio(f"Radio {i}", ["a", "b", "c"], key=f"radio_{i}", horizontal=True)
    for i in range(8):
        st.selectbox(f"Select {i}", ["a", "b", "c", "d"], key=f"select_{i}")
    for i in range(7):
        st.checkbox(f"Check {i}", key=f"check_{i}")
