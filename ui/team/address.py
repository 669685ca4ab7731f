"""A respondent's team, name and role kept with the address, so a reload finds them again."""

from __future__ import annotations

from typing import Any

import streamlit as st

from storage import MalformedToken
from storage.teams import MAX_NAME, MAX_ROLE, TeamStore
from storage.tokens import check
from ui import state
from ui.resources import store

# A team respondent's context in the address, beside the draft, so a reload or a closed laptop
# loses nothing: the invite (before they submit) or their own respondent link (after), and the
# name and role they gave.
TEAM_INVITE, TEAM_RESPONDENT, TEAM_NAME, TEAM_ROLE = "ti", "tr", "tn", "tro"


def team_params(context: state.TeamContext) -> dict[str, str]:
    params = {TEAM_NAME: context.name, TEAM_ROLE: context.role}
    if context.respondent:
        params[TEAM_RESPONDENT] = context.respondent
    elif context.invite:
        params[TEAM_INVITE] = context.invite
    return params


def remember_team(context: state.TeamContext) -> None:
    """Put the team context in the address (keeping the draft and the step)."""
    for key in (TEAM_INVITE, TEAM_RESPONDENT):
        st.query_params.pop(key, None)
    st.query_params.update(team_params(context))


def restore_team(params: dict[str, Any]) -> None:
    """After a reload, answer for the team the address names again (if its link still
    works): the banner and *Submit to the team* come back."""
    if state.session().team.context is not None:
        return
    name, role = params.get(TEAM_NAME), params.get(TEAM_ROLE)
    if not isinstance(name, str) or not isinstance(role, str) or not name or not role:
        return
    try:
        if isinstance(params.get(TEAM_RESPONDENT), str):
            token = check(params[TEAM_RESPONDENT])
            found = TeamStore(store()).response(token)
            if found is not None:
                state.session().team.context = state.TeamContext(found[1], found[0].name,
                                                         found[0].role, respondent=token)
                state.session().team.submitted = True
        elif isinstance(params.get(TEAM_INVITE), str):
            token = check(params[TEAM_INVITE])
            info = TeamStore(store()).info(token)
            if info is not None and info.can_answer:
                state.session().team.context = state.TeamContext(info.name, name[:MAX_NAME],
                                                         role[:MAX_ROLE], invite=token)
    except MalformedToken:
        return

