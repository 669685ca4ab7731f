"""The verdict banner, the same wherever a verdict is shown."""

from __future__ import annotations

import streamlit as st

_BANNERS = {
    "evaluate": (st.success, ":material/rocket_launch:"),
    "monitor": (st.warning, ":material/visibility:"),
    "no_action": (st.info, ":material/check_circle:"),
}


def show_verdict(verdict: str, label: str, summary: str) -> None:
    """Coloured by verdict: its label in bold, then the one-sentence summary."""
    banner, icon = _BANNERS[verdict]
    banner(f"**{label}.** {summary}", icon=icon)
