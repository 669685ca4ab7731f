"""The verdict banner, the same wherever a verdict is shown."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from logic.assessment import Assessment
from logic.wording import knowledge_age_text

_BANNERS = {
    "evaluate": (st.success, ":material/rocket_launch:"),
    "monitor": (st.warning, ":material/visibility:"),
    "no_action": (st.info, ":material/check_circle:"),
}


def show_verdict(verdict: str, kicker: str, label: str, summary: str, slot: str) -> None:
    """Coloured by verdict: which reading it is (small), the verdict alone (the largest text
    on the screen: ui/static/theme.css), then the sentence. `slot` names the banner's box
    (one of each a page)."""
    banner, icon = _BANNERS[verdict]
    with st.container(key=f"verdict_{slot}"):
        banner(f"{kicker}\n\n**{label}**\n\n{summary}", icon=icon)


def show_readings(assessment: Assessment, slot: str = "") -> None:
    """The verdict the result leads with and, when the newest sourced version gives another,
    that one beside it at the same weight, with its date and what moves it; when they agree,
    one line saying so. Then how old the knowledge is. `slot`: a prefix for the banners' boxes
    when a page shows a second result (a point in its history)."""
    words, rec = assessment.readings, assessment.recommendation
    summary = assessment.verdict_sentence
    reading = assessment.reading
    if words.later and words.later_verdict and reading is not None:
        left, right = st.columns(2)
        with left:
            show_verdict(rec.verdict, words.lead, words.lead_verdict, summary, slot + "lead")
        with right:
            show_verdict(reading.verdict, words.later, words.later_verdict, words.why,
                         slot + "later")
    else:
        show_verdict(rec.verdict, words.lead, words.lead_verdict, summary, slot + "lead")
        if words.agree:
            st.markdown(words.agree)
    age, stale = knowledge_age_text(assessment.knowledge, reading, datetime.now(UTC).date(),
                                    assessment.language)
    (st.warning if stale else st.caption)(age)
