"""The questionnaire: one section at a time, with progress and inline validation."""

from __future__ import annotations

from typing import Any

import streamlit as st

from questions import flow
from questions.models import Section
from ui import sharing, state, widgets
from ui.resources import bank


def _step_label(step: str) -> str:
    if step == state.RESULT:
        return "Result"
    section = next(s for s in bank().sections if s.id == step)
    done = not flow.missing(section, state.answers())
    return f"{'✓ ' if done else ''}{section.title}"


NAV = "section_nav"


def _on_nav() -> None:
    state.go(st.session_state[NAV])


def navigation() -> Any:
    """The section switcher above every step; returns the slot for the progress bar, which is
    drawn last (`show_progress`) so it counts the answers given in this very run."""
    slot = st.empty()
    st.session_state.setdefault(state.SECTION, state.steps()[0])
    st.session_state[NAV] = state.current()
    st.segmented_control(
        "Step", state.steps(), format_func=_step_label, key=NAV, required=True,
        label_visibility="collapsed", width="stretch", on_change=_on_nav,
    )
    return slot


def show_progress(slot: Any) -> None:
    answered, asked = flow.progress(bank(), state.answers())
    slot.progress(answered / asked, text=f"{answered} of {asked} questions answered")


def _section_body(section: Section) -> None:
    answers = state.answers()
    show_missing = section.id in state.flagged()
    for question in section.questions:
        if not question.is_visible(answers):
            continue
        value = widgets.render(question, answers)
        if show_missing and not flow.is_answered(question, value):
            st.error(f"Please answer: {question.label}", icon=":material/error:")
        widgets.note(question.id, question.label, sharing.notes())


def section_page(section: Section) -> None:
    """One section of questions and the buttons to move on."""
    index = state.steps().index(section.id)
    st.subheader(f"{index + 1}. {section.title}")
    st.caption(section.intro)
    with st.container(border=True):
        _section_body(section)
    back, forward = st.columns(2)
    if index > 0:
        back.button("Back", key="back", on_click=state.go, args=(state.steps()[index - 1],),
                    icon=":material/arrow_back:")
    if index < len(bank().sections) - 1:
        forward.button("Next", key="next", type="primary", on_click=state.next_section,
                       args=(section.id,), icon=":material/arrow_forward:", width="stretch")
    else:
        forward.button("Get recommendation", key="get_recommendation", type="primary",
                       on_click=state.submit, icon=":material/fact_check:", width="stretch")
    problems = st.session_state.get(state.SUBMIT_ERRORS) or {}
    incomplete = [
        s.title for s in bank().sections
        if s.id in state.flagged() and flow.missing(s, state.answers())
    ]
    if incomplete and index == len(bank().sections) - 1:
        st.warning("Some answers are missing in: " + ", ".join(incomplete) + ".")
    for field, message in problems.items():
        st.error(f"{field}: {message}")
