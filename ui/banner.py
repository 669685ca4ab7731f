"""The verdict banner, the same wherever a verdict is shown."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from logic.knowledge_base import KnowledgeBase
from logic.reading import LaterReading
from logic.recommendation import Recommendation
from logic.wording import knowledge_age_text, readings_text

_BANNERS = {
    "evaluate": (st.success, ":material/rocket_launch:"),
    "monitor": (st.warning, ":material/visibility:"),
    "no_action": (st.info, ":material/check_circle:"),
}


def show_verdict(verdict: str, label: str, summary: str) -> None:
    """Coloured by verdict: its label in bold, then the one-sentence summary."""
    banner, icon = _BANNERS[verdict]
    banner(f"**{label}.** {summary}", icon=icon)


def show_readings(rec: Recommendation, reading: LaterReading | None, kb: KnowledgeBase,
                  summary: str) -> None:
    """The verdict the result leads with and, when the newest sourced version gives another,
    that one beside it at the same weight, with its date and what moves it; when they agree,
    one line saying so. Then how old the knowledge is."""
    words = readings_text(rec, reading, kb)
    if words.later:
        left, right = st.columns(2)
        with left:
            show_verdict(rec.verdict, f"{words.lead}: {words.lead_verdict}", summary)
        with right:
            show_verdict(reading.verdict if reading else rec.verdict,
                         f"{words.later}: {words.later_verdict}", words.why)
    else:
        show_verdict(rec.verdict, f"{words.lead}: {words.lead_verdict}", summary)
        if words.agree:
            st.markdown(words.agree)
    age, stale = knowledge_age_text(kb, reading, datetime.now(UTC).date())
    (st.warning if stale else st.caption)(age)
