"""The team page (wide: the team table and charts need the room)."""

import streamlit as st

from ui.team.page import team_page

st.set_page_config(layout="wide")
team_page()
