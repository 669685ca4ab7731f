"""A respondent's team kept with the address, so a reload finds it again: the invite (before
they submit) or their own respondent link (after) beside the draft. Their name and role are
kept with the draft in the database, never in the address (which reaches browser history and
proxy logs)."""

from __future__ import annotations

import streamlit as st

from storage import MalformedToken, StorageLimit
from storage.teams import MAX_NAME, MAX_ROLE, TeamStore
from storage.tokens import check
from ui import drafts, state
from ui.client import client_address
from ui.resources import store
from ui.state import Params

TEAM_INVITE, TEAM_RESPONDENT = "ti", "tr"
# An address from before the name and role moved to the draft: read once, then taken out.
OLD_NAME, OLD_ROLE = "tn", "tro"


def team_params(context: state.TeamContext) -> dict[str, str]:
    if context.respondent:
        return {TEAM_RESPONDENT: context.respondent}
    return {TEAM_INVITE: context.invite} if context.invite else {}


def remember_team(context: state.TeamContext) -> None:
    """Put the team's link in the address (keeping the draft and the step)."""
    for key in (TEAM_INVITE, TEAM_RESPONDENT, OLD_NAME, OLD_ROLE):
        st.query_params.pop(key, None)
    st.query_params.update(team_params(context))


def start_answering(context: state.TeamContext) -> dict[str, str]:
    """A respondent who has just joined: a draft of their own holding their name and role
    (so a reload before the first answer loses nothing); the address to go to."""
    state.session().brakes.take("draft")
    token = store().create_draft(drafts.draft_document(), {},
                                 respondent=(context.name, context.role),
                                 client=client_address())
    saved = store().load_draft(token)
    state.session().draft.token = token
    state.session().draft.stamp = saved.updated_at if saved else None
    return {"d": token, **team_params(context)}


def restore_team(params: Params) -> None:
    """After a reload, answer for the team the address names again (if its link still
    works): the banner and *Submit to the team* come back."""
    if state.session().team.context is not None:
        return
    try:
        respondent, invite = params.get(TEAM_RESPONDENT), params.get(TEAM_INVITE)
        if isinstance(respondent, str):
            token = check(respondent)
            found = TeamStore(store()).response(token)
            if found is not None:
                state.session().team.context = state.TeamContext(found[1], found[0].name,
                                                         found[0].role, respondent=token)
                state.session().team.submitted = True
        elif isinstance(invite, str):
            token = check(invite)
            info = TeamStore(store()).info(token)
            who = _respondent(params)
            if info is not None and info.can_answer and who is not None:
                state.session().team.context = state.TeamContext(info.name, who[0][:MAX_NAME],
                                                         who[1][:MAX_ROLE], invite=token)
    except (MalformedToken, StorageLimit):
        return
    for key in (OLD_NAME, OLD_ROLE):
        st.query_params.pop(key, None)


def _respondent(params: Params) -> tuple[str, str] | None:
    """The name and role kept with the draft in the address; from an older address that still
    carries them, moved into the draft."""
    draft = params.get("d")
    saved = store().load_draft(check(draft)) if isinstance(draft, str) else None
    if saved is not None and saved.respondent is not None:
        return saved.respondent
    name, role = params.get(OLD_NAME), params.get(OLD_ROLE)
    if not isinstance(name, str) or not isinstance(role, str) or not name or not role:
        return None
    if saved is not None and isinstance(draft, str):
        store().set_respondent(check(draft), name, role)
    return name, role
