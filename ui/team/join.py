"""Joining a team from its invite link, revising one's answers, and handing them in from the
result."""

from __future__ import annotations

import streamlit as st

from logic.wording import day_text
from questions.answers import Answers, AnswersError
from questions.migrate import read_answers
from storage import StorageLimit
from storage.teams import MAX_NAME, MAX_ROLE
from ui import drafts, form, language, routing, state
from ui.client import client_address
from ui.i18n import tr, why
from ui.resources import bank
from ui.routing import not_found
from ui.team import address
from ui.team.common import NOT_FOUND, teams
from ui.text import plain


def join(invite: str, team_name: str) -> None:
    st.title(tr("Add your answers to {team}", team=plain(team_name)))
    current = state.session().team.context
    if current is not None and current.invite == invite:  # already answering: resume, not wipe
        st.info(tr("You are already answering for this team as **{name}** ({role}).",
                   name=plain(current.name), role=plain(current.role)), icon=":material/groups:")
        if st.button(tr("Continue my answers"), key="resume_team", type="primary",
                     icon=":material/arrow_forward:"):
            params = address.team_params(current)
            draft = state.session().draft.token
            if draft:
                params["d"] = draft
            st.switch_page("ui/pages/assessment.py", query_params=params)
        st.caption(tr("Or answer again under another name below (your answers so far are left "
                      "as they are)."))
    your_name, your_role = tr("Your name"), tr("Your role")
    with st.form("join"):
        name = st.text_input(your_name, help=tr("At most {n} characters.", n=MAX_NAME))
        role = st.text_input(your_role, placeholder=tr("SRE lead"),
                             help=tr("At most {n} characters.", n=MAX_ROLE))
        go_on = st.form_submit_button(tr("Answer the questionnaire"), type="primary",
                                      icon=":material/arrow_forward:")
    if go_on:
        too_long = [tr("{what} has {n} characters; at most {limit} are kept here.", what=what,
                       n=format(len(text), ","), limit=limit)
                    for what, text, limit in ((your_name, name, MAX_NAME),
                                              (your_role, role, MAX_ROLE))
                    if len(text) > limit]
        if too_long:
            st.error(" ".join(too_long) + " " + tr("Please shorten it."))
            return
        if not name.strip() or not role.strip():
            st.error(tr("Please give your name and your role."))
            return
        drafts.start_new()
        context = state.TeamContext(team_name, name.strip(), role.strip(), invite=invite)
        try:
            params = address.start_answering(context)
        except StorageLimit as exc:
            st.error(tr("Not started: {reason}.", reason=plain(why(exc))))
            return
        state.session().team.context = context
        st.switch_page("ui/pages/assessment.py", query_params=params)


def revise(token: str) -> str | None:
    found = teams().response(token)
    if found is None:
        not_found(NOT_FOUND)
        return None
    response, team_name = found
    st.info(tr("Your answers in **{team}**, as {name} ({role}), last changed {day}, {time}.",
               team=plain(team_name), name=plain(response.name), role=plain(response.role),
               day=day_text(response.updated_at.date().isoformat(), language.current()),
               time=response.updated_at.strftime("%H:%M")), icon=":material/person:")
    if st.button(tr("Revise my answers"), key="revise", type="primary", icon=":material/edit:"):
        drafts.start_new()
        try:
            answers, upgraded = read_answers(response.answers, bank())
            state.load(answers.values(), migration=upgraded)
        except AnswersError:
            state.load(form.sanitize(bank(), response.answers))
        context = state.TeamContext(team_name, response.name, response.role, respondent=token)
        state.session().team.context = context
        st.switch_page("ui/pages/assessment.py", query_params=address.team_params(context))
    return team_name


def submit_panel(answers: Answers, context: state.TeamContext) -> None:
    """On the result of a team respondent: send (or revise) their answers to the team."""
    st.header(tr("Your answers for the team {team}", team=plain(context.team)))
    label = tr("Update my team answers") if context.respondent else tr("Submit to the team")
    if st.button(label, key="team_submit", type="primary", icon=":material/group_add:"):
        document = answers.document(bank())
        try:
            if context.respondent:
                if not teams().revise(context.respondent, document, context.name, context.role):
                    st.error(tr(NOT_FOUND))
                    return
            elif context.invite:
                context.respondent = teams().add_response(
                    context.invite, context.name, context.role, document, client_address())
                address.remember_team(context)  # from now on the address holds their own link
            state.session().team.submitted = True
        except (StorageLimit, LookupError) as exc:
            st.error(tr("Not submitted: {reason}.", reason=plain(why(exc))))
            return
    if state.session().team.submitted and context.respondent:
        st.success(tr("Your answers are in the team view."), icon=":material/check:")
        st.caption(tr("Your own link, to come back and revise your answers (keep it to "
                      "yourself)"))
        st.code(routing.link("r", context.respondent, "team"), language=None)
        st.page_link("ui/pages/team.py", label=tr("Open the team view"),
                     query_params={"r": context.respondent}, icon=":material/groups:")

