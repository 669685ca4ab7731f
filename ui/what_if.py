"""'What would change this?' on the results view."""

from __future__ import annotations

import streamlit as st

from logic.whatif import WhatIf, what_if
from logic.wording import (
    disclosure_lines,
    flip_groups,
    no_disclosure_text,
    no_flip_text,
    robustness_text,
)
from questions.answers import Answers
from ui.resources import bank, knowledge


@st.cache_data(max_entries=256, show_spinner=False)
def cached_what_if(answers: Answers, version: str) -> WhatIf:
    """The counterfactual search for one answer set, computed once per answers and version
    (the frozen answers object is the cache key as it is)."""
    return what_if(answers, knowledge(version))


def what_if_panel(answers: Answers, version: str) -> None:
    result = cached_what_if(answers, version)
    kb = knowledge(version)
    label, why = robustness_text(result)
    with st.expander("What would change this?", expanded=True, icon=":material/alt_route:"):
        st.markdown(f"**{label}**: {why}")
        for title, direction in (("Would raise it", "up"), ("Would lower it", "down")):
            groups = flip_groups(result, kb, bank(), direction)
            st.markdown(f"**{title}**")
            for group, lines in groups:
                st.markdown(f"*{group}*\n\n" + "\n".join(
                    f"- If you answered {changes}, the verdict would be **{verdict}**."
                    for changes, verdict in lines))
            if not groups:
                st.caption(no_flip_text(result, direction))
        st.markdown("**If the undisclosed were published, either way**")
        sentences = disclosure_lines(result, kb)
        if sentences:
            st.markdown("\n".join(f"- {line}" for line in sentences))
        else:
            st.caption(no_disclosure_text(result, kb))
