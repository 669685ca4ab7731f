"""The knowledge page (wide: the rules table needs the room)."""

import streamlit as st

from ui.knowledge import knowledge_page

st.set_page_config(layout="wide")
knowledge_page()
