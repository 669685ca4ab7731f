"""The assessment page: questionnaire, result, and the views opened from share links."""

from __future__ import annotations

import streamlit as st

from ui import drafts, routing, signin, state
from ui.failure import guarded
from ui.i18n import tr
from ui.importing import import_box, import_notice
from ui.manage_view import manage_page
from ui.questionnaire import migration_banner, navigation, section_page, show_progress
from ui.resources import bank
from ui.results import result_page
from ui.shared_view import shared_page
from ui.team import address
from ui.text import plain


def _intro() -> None:
    st.title(tr("Does the SpaceX–Claude hosting deal matter to us?"))
    st.caption(tr(
        "A short questionnaire about your needs (edge latency, SLAs, scale, compliance, "
        "strategy) and a recommendation, with reasons quoted from the report, that you can "
        "forward."))


def _context() -> None:
    """What this page's address holds (a team answer, a private draft) and what was loaded."""
    team = state.session().team.context
    if team:
        st.info(tr("Answering for the team **{team}** as **{name}** ({role}). Submit your "
                   "answers from the result. This page's address keeps your place: bookmark "
                   "it to come back.", team=plain(team.team), name=plain(team.name),
                   role=plain(team.role)), icon=":material/groups:")
    if state.session().draft.token:
        st.caption(tr("This page's address is your private draft: anyone who has it can see "
                      "and change these answers, so keep it to yourself. To show colleagues "
                      "the result, use *Save and share* on the result."))
    import_notice()
    migration_banner()


def _questionnaire() -> None:
    state.resume_section(st.query_params.to_dict())
    address.restore_team(st.query_params.to_dict())
    if state.current() == state.RESULT and state.validated() is not None:
        # The decision first, as the page's heading: sent before anything else, the verdict
        # is drawn about as fast as a bare form's answer (BENCHMARKS.md). The way back to
        # the questions comes after the result.
        result_page()
        _context()
        st.caption(tr("Go back to a section to change its answers:"))
        progress = navigation()
    else:
        _intro()
        _context()
        progress = navigation()
        step = state.current()
        if step == state.RESULT:
            result_page()  # what is still missing
        else:
            section_page(next(s for s in bank().sections if s.id == step))
    show_progress(progress)
    problem = drafts.autosave()
    if problem:
        st.warning(plain(problem))
    drafts.conflict_notice()


@st.fragment
def questionnaire() -> None:
    """The questionnaire and its result, as a part of the page that reruns on its own: a click
    on *Next* or *Get recommendation* runs and redraws only this, not the app's navigation,
    sidebar and page scripts, so the verdict is drawn sooner (BENCHMARKS.md). What is
    outside (the sidebar's new assessment and import) reruns the whole page."""
    guarded(_questionnaire)


with st.sidebar:
    st.button(tr("Start a new assessment"), key="sidebar_reset", on_click=drafts.start_new,
              icon=":material/add:")
    import_box()

where = routing.route(routing.address())
if where.view == "error":
    _intro()
    routing.not_found(where.problem or "")
elif not signin.permitted(change=where.view != "shared"):  # a view link only reads
    _intro()
    signin.ask_to_sign_in()
elif where.view == "shared":
    _intro()
    shared_page(where.token or "")
elif where.view == "manage":
    _intro()
    manage_page(where.token or "")
elif where.view == "draft" and not drafts.restore_draft(where.token or ""):
    _intro()
    routing.not_found(tr("Not found: no draft is saved at this link. Start a new assessment, "
                         "or import your answers file."))
else:
    questionnaire()
