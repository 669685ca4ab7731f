"""The team's manage page: a new invite link, removing a respondent, the team view."""

from __future__ import annotations

import streamlit as st

from ui import routing, state
from ui.routing import not_found
from ui.team.common import NOT_FOUND, teams
from ui.team.view import team_view
from ui.text import plain


def manage_team(token: str) -> None:
    """The creator's page: renew the invite link, remove respondents, then the team view."""
    info = teams().managed(token)
    if info is None:
        not_found(NOT_FOUND)
        return
    st.title(f"Manage {plain(info.name)}")
    created = state.session().team.created
    if created is not None and created.manage == token:  # just made here: its links
        st.success("Team created. This page's address is now your private manage link: "
                   "bookmark it, and a reload brings you back to the team. Send colleagues "
                   "the invite link.", icon=":material/check:")
        if state.session().team.cut_note:
            st.info(state.session().team.cut_note, icon=":material/content_cut:")
    else:
        st.info("Your manage link for this team: keep it to yourself.", icon=":material/shield:")
    if created is not None and created.manage == token:
        st.caption("Invite link: colleagues open it to add their answers")
        st.code(routing.link("t", created.invite, "team"), language=None)
        st.caption("Read-only link: the team view, without adding answers")
        st.code(routing.link("tv", created.view, "team"), language=None)
    with st.expander("Invite link and respondents", expanded=True):
        if st.button("Make a new invite link (the old one stops working)", key="renew_invite",
                     icon=":material/autorenew:"):
            fresh = teams().renew_invite(token)
            if fresh is None:
                st.error(NOT_FOUND)
            else:
                st.success("The old invite link no longer works. Send this one to colleagues:",
                           icon=":material/check:")
                st.code(routing.link("t", fresh, "team"), language=None)
        people = teams().responses(token)
        if people:
            chosen = st.selectbox(
                "Respondent", range(len(people)), key="remove_choice",
                format_func=lambda i: f"{i + 1}. {people[i].name} ({people[i].role})")
            if st.button("Remove this respondent and their answers", key="remove_respondent",
                         icon=":material/person_remove:"):
                if teams().remove_respondent(token, int(chosen)):
                    st.success("Removed.", icon=":material/check:")
                    st.rerun()
                else:
                    st.error("Not removed: the list changed meanwhile; reload the page.")
    team_view(token, info.name, people, page_heading=False)

