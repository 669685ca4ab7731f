"""Starting a team assessment: a name, then the invite and read-only links."""

from __future__ import annotations

import streamlit as st

from storage import StorageLimit
from storage.teams import MAX_TEAM_NAME
from ui import signin, state
from ui.client import client_address
from ui.cuts import limited
from ui.i18n import tr, why
from ui.team.common import teams
from ui.text import plain


def start_team() -> None:
    """A name, then (on the next run, at the creator's manage link) the team's links: the
    form does not stay on screen above them."""
    st.title(tr("Start a team assessment"))
    st.markdown(tr("Several colleagues answer the same questionnaire; the team view shows, side "
                   "by side, where their answers and verdicts differ, and which disagreement to "
                   "talk about first."))
    with st.form("new_team"):
        name = st.text_input(tr("Team or decision name"),
                             placeholder=tr("Claude hosting review, Q1"),
                             help=tr("At most {n} characters.", n=MAX_TEAM_NAME))
        pressed = st.form_submit_button(tr("Create team"), type="primary", icon=":material/add:")
    if not pressed:
        return
    name, cut = limited(name, MAX_TEAM_NAME, tr("The team name"))
    try:
        state.session().brakes.take("team")
        made = teams().create(name, client_address(), signin.person())
    except StorageLimit as exc:
        st.error(tr("Not created: {reason}.", reason=plain(why(exc))))
        return
    state.session().team.created, state.session().team.cut_note = made, cut or ""
    # the address becomes the creator's manage link: the next run (and a reload) is there
    st.query_params.from_dict({"tm": made.manage})
    st.rerun()
