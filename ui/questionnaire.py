"""The questionnaire: one section at a time, with progress and inline validation."""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from questions.schema import Section
from ui import drafts, form, state, widgets
from ui.i18n import tr
from ui.resources import bank
from ui.text import plain


def _step_label(step: str) -> str:
    if step == state.RESULT:
        return tr("Result")
    section = next(s for s in bank().sections if s.id == step)
    done = not form.missing(section, state.answers())
    return f"{'✓ ' if done else ''}{section.title}"


NAV = "section_nav"


def _on_nav() -> None:
    state.go(st.session_state[NAV])


def navigation() -> DeltaGenerator:
    """The section switcher above every step; returns the slot for the progress bar, which is
    drawn last (`show_progress`) so it counts the answers given in this very run."""
    slot = st.empty()
    st.session_state[NAV] = state.current()
    st.segmented_control(
        "Step", state.steps(), format_func=_step_label, key=NAV, required=True,
        label_visibility="collapsed", width="stretch", on_change=_on_nav,
    )
    return slot


def show_progress(slot: DeltaGenerator) -> None:
    answered, asked = form.progress(bank(), state.answers())
    slot.progress(answered / asked, text=tr("{answered} of {asked} questions done",
                                                   answered=answered, asked=asked))


def _migration_marks() -> frozenset[str]:
    """Questions added since the loaded answers were given (marked on the form)."""
    migration = state.session().migration
    return migration.pending if migration is not None else frozenset()


def migration_banner() -> None:
    """Above the questionnaire, when the answers loaded were given to an older one."""
    migration = state.session().migration
    if migration is None:
        return
    parts = [tr("These answers were given to questionnaire version {old}; it is now at "
                "version {new}.", old=migration.from_version, new=migration.to_version)]
    if len(migration.pending) == 1:
        parts.append(tr("1 question is new since you answered: it is marked below and needs "
                        "an answer."))
    elif migration.pending:
        parts.append(tr("{count} questions are new since you answered: they are marked below "
                        "and need an answer.", count=len(migration.pending)))
    if migration.dropped:
        parts.append(tr("No longer asked: {ids}.", ids=", ".join(sorted(migration.dropped))))
    st.info(" ".join(parts), icon=":material/update:")


def _section_body(section: Section, tools: DeltaGenerator) -> None:
    answers = state.answers()
    show_missing = section.id in state.flagged()
    new = _migration_marks()
    shown = []
    for question in section.questions:
        if not question.is_visible(answers):
            continue
        if question.id in new:
            st.badge(tr("New since you answered"), icon=":material/fiber_new:", color="blue")
        value = widgets.render(question, answers)
        shown.append(question)
        if show_missing and question.needs_answer(value):
            st.error(tr("Please answer: {question}", question=question.label),
                     icon=":material/error:")
    with tools:  # drawn above the questions: after the last one, Tab goes straight to Next
        widgets.section_notes(shown, drafts.notes())
    session = state.session()
    unanswered = [q for q in shown if q.needs_answer(answers.get(q.id))]
    if unanswered and session.focus_missing:
        widgets.focus(unanswered[0].id)
    elif shown and session.focus_first:
        widgets.focus(shown[0].id)
    session.focus_first = session.focus_missing = False


def section_page(section: Section) -> None:
    """One section of questions and the buttons to move on."""
    index = state.steps().index(section.id)
    heading = f"{index + 1}. {section.title}"
    st.header(heading)
    st.caption(section.intro)
    sharing = state.session().sharing
    if sharing.copy_note and index == 0:
        st.info(plain(sharing.copy_note), icon=":material/content_copy:")
    if sharing.to_top:  # a new copy: from the top, not wherever the shared view was scrolled
        sharing.to_top = False
        state.session().focus_first = False
        widgets.to_top(heading)
    tools = st.container(horizontal=True, horizontal_alignment="distribute",
                         vertical_alignment="center")
    if index > 0:
        previous = state.steps()[index - 1]
        tools.button(tr("Back to {section}",
                        section=_step_label(previous).removeprefix("✓ ")), key="back",
                     on_click=state.go, args=(previous,), icon=":material/arrow_back:",
                     type="tertiary")
    with st.container(border=True):
        _section_body(section, tools)
    forward = st.container()
    if index < len(bank().sections) - 1:
        forward.button(tr("Next"), key="next", type="primary", on_click=state.next_section,
                       args=(section.id,), icon=":material/arrow_forward:", width="stretch")
    else:
        forward.button(tr("Get recommendation"), key="get_recommendation", type="primary",
                       on_click=state.submit, icon=":material/fact_check:", width="stretch")
    problems = state.session().submit_errors
    incomplete = [
        s.title for s in bank().sections
        if s.id in state.flagged() and form.missing(s, state.answers())
    ]
    if incomplete and index == len(bank().sections) - 1:
        st.warning(tr("Some answers are missing in: {sections}.",
                      sections=", ".join(incomplete)))
    for field, message in problems.items():
        st.error(plain(f"{field}: {message}"))
