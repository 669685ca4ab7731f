"""Save and share: freezing the answers behind a read-only link and a manage link, and a
colleague's copy to edit."""

from __future__ import annotations

import streamlit as st

from logic.recommendation import Recommendation
from logic.wording import day_text
from questions.answers import Answers
from storage import ShareLinks, StorageLimit
from ui import language, signin, state
from ui.client import client_address
from ui.drafts import autosave, notes, restore_draft
from ui.i18n import tr, why
from ui.resources import bank, store
from ui.routing import NOT_FOUND


def share(answers: Answers, rec: Recommendation) -> ShareLinks:
    """Freeze the current answers and notes as a shared assessment."""
    autosave()  # the draft first; it forgets the links shown when answers or notes changed
    kept = state.session().sharing.last
    if kept is not None:  # nothing changed since: the same links, not a new pair
        return kept
    state.session().brakes.take("share")
    links = store().share(answers.document(bank()), notes(),
                          knowledge_version=rec.knowledge_version, verdict=rec.verdict,
                          draft=state.session().draft.token, client=client_address(),
                          person=signin.person())
    state.session().sharing.last = links
    return links


def open_copy(view_token: str) -> None:
    """Button callback: make the colleague's own editable copy and switch to it."""
    try:
        state.session().brakes.take("copy")
    except StorageLimit as exc:
        state.session().sharing.copy_failed = tr("Not copied: {reason}.", reason=why(exc))
        return
    original = store().open_shared(view_token)
    token = store().copy_to_draft(view_token, client_address(), signin.person())
    if token is None or original is None:
        state.session().sharing.copy_failed = tr(NOT_FOUND)
        return
    whose = bank().organisation(original.answers)
    sharing = state.session().sharing
    shared_on = day_text(original.created_at.date().isoformat(), language.current())
    sharing.copy_note = (
        tr("This is your own copy of the assessment of {organisation} shared on {day}. Change "
           "any answer and get your own recommendation; the shared original stays as it was.",
           organisation=whose, day=shared_on) if whose else
        tr("This is your own copy of an assessment shared on {day}. Change any answer and get "
           "your own recommendation; the shared original stays as it was.", day=shared_on))
    sharing.to_top = True
    state.session().draft.token = None
    st.query_params.from_dict({"d": token})
    restore_draft(token)
    state.go(state.steps()[0])

