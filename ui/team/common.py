"""What the team pages share: the team store, the link kinds, and the team's analysis computed once
per answers."""

from __future__ import annotations

import json

import streamlit as st

from i18n import marked
from logic.team import TeamAnalysis, analyse
from questions.answers import AnswersError
from questions.documents import parse_answers
from storage.teams import TeamStore
from ui.resources import bank, knowledge, store

TEAM_ROUTES = {"t": "invite", "tv": "view", "r": "respondent", "tm": "manage"}


NOT_FOUND = marked("Not found: no team at this link. Ask whoever invited you for the link "
                   "again.")


def teams() -> TeamStore:
    return TeamStore(store())


@st.cache_resource(max_entries=64, show_spinner=False)  # shared, immutable: never pickled
def analysis_of(payload: str) -> tuple[TeamAnalysis, tuple[int, ...], int] | None:
    """The analysis of a team's answers (cached by their content), the positions of the
    respondents it kept (answers this app cannot read at all are left out), and how many
    have questions new since they answered."""
    valid, kept = [], []
    for position, answers in enumerate(json.loads(payload)):
        try:
            valid.append(parse_answers(answers, bank()))
        except AnswersError:
            continue
        kept.append(position)
    if not valid:
        return None
    behind = sum(1 for a in valid if a.unanswered)
    return analyse(valid, knowledge(), bank()), tuple(kept), behind

