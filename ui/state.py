"""The session's questionnaire state: the answers so far and where the user is."""

from __future__ import annotations

from typing import Any

import streamlit as st

from logic.answers import Answers, AnswersError, parse_answers
from questions import flow
from ui.resources import bank

RESULT = "result"
ANSWERS = "answers"
SECTION = "section"
FLAGGED = "flagged_sections"
SUBMIT_ERRORS = "submit_errors"


def answers() -> dict[str, Any]:
    """The answers so far, by question id (kept while widgets come and go)."""
    if ANSWERS not in st.session_state:
        st.session_state[ANSWERS] = flow.initial_answers(bank())
    return st.session_state[ANSWERS]


def steps() -> list[str]:
    return [s.id for s in bank().sections] + [RESULT]


def current() -> str:
    return st.session_state.get(SECTION) or steps()[0]


def go(step: str) -> None:
    """Move to a section or the result (use as a button callback)."""
    st.session_state[SECTION] = step


def flagged() -> set[str]:
    return st.session_state.setdefault(FLAGGED, set())


def next_section(section_id: str) -> None:
    """Move on when the section is complete; otherwise flag what is missing."""
    section = next(s for s in bank().sections if s.id == section_id)
    if flow.missing(section, answers()):
        flagged().add(section_id)
        return
    flagged().discard(section_id)
    go(steps()[steps().index(section_id) + 1])


def submit() -> None:
    """Validate every answer; show the result, or flag every incomplete section."""
    incomplete = [s.id for s in bank().sections if flow.missing(s, answers())]
    flagged().update(incomplete)
    st.session_state[SUBMIT_ERRORS] = {}
    if incomplete:
        return
    try:
        parse_answers(flow.payload(bank(), answers()))
    except AnswersError as exc:
        st.session_state[SUBMIT_ERRORS] = exc.problems
        return
    go(RESULT)


def validated() -> Answers | None:
    """The answers as a validated model, or None while something is missing or invalid."""
    if any(flow.missing(s, answers()) for s in bank().sections):
        return None
    try:
        return parse_answers(flow.payload(bank(), answers()))
    except AnswersError:
        return None


def load(data: dict[str, Any], notes: dict[str, str] | None = None) -> None:
    """Replace the answers and notes (and the widgets showing them)."""
    st.session_state[ANSWERS] = flow.from_answers(bank(), data)
    st.session_state["notes"] = dict(notes or {})
    for question in bank().questions():
        st.session_state.pop(question.id, None)
        st.session_state.pop(f"note__{question.id}", None)
    st.session_state.pop("note___overall", None)


def reset() -> None:
    """Start over with an empty questionnaire."""
    load({})
    flagged().clear()
    go(steps()[0])
