"""Starting a team assessment: a name, then the invite and read-only links."""

from __future__ import annotations

import streamlit as st

from storage import StorageLimit
from storage.teams import MAX_TEAM_NAME
from ui import routing, state
from ui.team.common import teams
from ui.text import limited, plain


def start_team() -> None:
    st.header("Start a team assessment")
    st.markdown("Several colleagues answer the same questionnaire; the team view shows, side "
                "by side, where their answers and verdicts differ, and which disagreement to "
                "talk about first.")
    with st.form("new_team"):
        name = st.text_input("Team or decision name", placeholder="Claude hosting review, Q1",
                             help=f"At most {MAX_TEAM_NAME} characters.")
        pressed = st.form_submit_button("Create team", type="primary", icon=":material/add:")
    if pressed:
        name, cut = limited(name, MAX_TEAM_NAME, "The team name")
        if cut:
            st.info(cut, icon=":material/content_cut:")
        try:
            state.session().brakes.take("team")
            made = teams().create(name)
        except StorageLimit as exc:
            st.error(f"Not created: {plain(str(exc))}.")
            return
        state.session().team.created = made
        # the address becomes the creator's manage link: a reload lands on the manage page
        st.query_params.from_dict({"tm": made.manage})
    created = state.session().team.created
    if created:
        st.success("Team created. This page's address is now your private manage link: "
                   "bookmark it, and a reload brings you back to the team.",
                   icon=":material/check:")
        st.caption("Invite link: colleagues open it to add their answers (and see the team view)")
        st.code(routing.link("t", created.invite, "team"), language=None)
        st.caption("Read-only link: shows the team view without letting the holder add answers")
        st.code(routing.link("tv", created.view, "team"), language=None)
        st.caption("Your private manage link: make a new invite link if the old one leaked, "
                   "remove answers that do not belong (keep it to yourself)")
        st.code(routing.link("tm", created.manage, "team"), language=None)

