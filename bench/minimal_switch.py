"""The floor for the whole result: a bare Streamlit page that switches a 23-widget section to
a result of the app's size (38 elements: a verdict, 20 paragraphs, 7 captions, 4 expanders,
3 download buttons, 4 buttons, columns), with no rules, no storage and no pause. Used by
bench.app_submit to tell the cost of Streamlit's page switch from the app's own."""

import streamlit as st

from bench.bare_widgets import bare_widgets

if "runs" not in st.session_state:
    st.session_state.runs = 0
    st.session_state.result = False


def _submit() -> None:
    st.session_state.runs += 1
    st.session_state.result = True


def _back() -> None:
    st.session_state.result = False


if not st.session_state.result:
    st.header("Strategy")
    bare_widgets()
    st.button("Get recommendation", key="get_recommendation", on_click=_submit)
else:
    st.header("Recommendation")
    st.success(f"**Verdict number {st.session_state.runs}: evaluate**")
    left, right = st.columns(2)
    with left:
        for i in range(5):
            st.markdown(f"Reason {i}: a sentence of the article, quoted as the result does.")
    with right:
        for i in range(5):
            st.caption(f"Caption {i}")
    for i in range(4):
        with st.expander(f"Expander {i}"):
            st.markdown(f"Paragraph {i} inside, as long as the app's evidence lines are.")
            st.markdown(f"Another paragraph {i}.")
    for i in range(6):
        st.markdown(f"Next action {i}: ask the account team about the SLA.")
    cols = st.columns(3)
    for i, col in enumerate(cols):
        col.download_button(f"Download {i}", data=b"x" * 2000, file_name=f"f{i}.txt")
    for i in range(3):
        st.button(f"Button {i}", key=f"button_{i}")
    st.caption("The last caption.")
    st.caption("And one more.")
    st.button("Start again", key="reset", on_click=_back)
