"""'What would change this?' on the results view."""

from __future__ import annotations

import streamlit as st

from logic.assessment import Assessment
from ui.i18n import tr


def what_if_panel(assessment: Assessment) -> None:
    """The panel, laid out from the assessment's words (searched once per answers)."""
    words = assessment.what_if
    label, why = words.robustness
    with st.expander(tr("What would change this?"), expanded=True, icon=":material/alt_route:"):
        st.markdown(tr("**{label}**: {why}", label=label, why=why))
        for title, direction in ((tr("Would raise it"), "up"), (tr("Would lower it"), "down")):
            groups, none = words.groups(direction)
            st.markdown(f"**{title}**")
            for group, lines in groups:
                st.markdown(f"*{group}*\n\n" + "\n".join(
                    "- " + tr("If you answered {changes}, the verdict would be **{verdict}**.",
                              changes=changes, verdict=verdict)
                    for changes, verdict in lines))
            if not groups:
                st.caption(none)
        st.markdown("**" + tr("If the undisclosed were published, either way") + "**")
        if words.disclosures:
            st.markdown("\n".join(f"- {line}" for line in words.disclosures))
        else:
            st.caption(words.no_disclosure)
