"""The working draft: restored from its address, saved as you answer, and what to do when another
window saved it first."""

from __future__ import annotations

import json

import streamlit as st

from questions.answers import BANK_VERSION
from questions.migrate import upgrade
from questions.values import Document
from storage import DraftConflict, MalformedToken, StorageLimit
from storage.tokens import check
from ui import form, language, signin, state
from ui.client import client_address
from ui.i18n import tr, why
from ui.resources import bank, store
from ui.state import Params


def notes() -> dict[str, str]:
    """The session's notes: by question id, and `_overall` for the assessment as a whole."""
    return state.session().notes


def draft_document() -> Document:
    """The answers so far in the stored shape: the bank version and every answer given."""
    given = {k: v for k, v in state.answers().items() if v not in (None, "")}
    return {BANK_VERSION: bank().version, **given}


def restore_draft(token: str) -> bool:
    """Bring back a draft's answers and notes once per session, brought to the current bank
    (new questions unanswered and marked); False when it is not found."""
    if state.session().draft.token == token:
        return True
    draft = store().load_draft(token)
    if draft is None:
        return False
    language.adopt(draft.language)  # the bank below speaks it
    try:
        upgraded = upgrade(draft.answers, bank())
    except ValueError:  # a draft from a newer questionnaire: keep what this one can read
        upgraded = None
    values = form.sanitize(bank(), upgraded.answers if upgraded else draft.answers)
    state.load(values, draft.notes, upgraded)
    state.session().draft.token = token
    state.session().draft.stamp = draft.updated_at
    state.session().draft.snapshot = _snapshot()
    return True


PEEKED = "draft_language_peeked"


def language_of_link(params: Params) -> None:
    """Before anything is drawn: the language a draft link's draft was answered in, so the
    navigation and the sidebar speak it from the first run (once per session and link)."""
    token = params.get("d")
    if (not isinstance(token, str) or state.session().draft.token == token
            or st.session_state.get(PEEKED) == token):
        return
    st.session_state[PEEKED] = token
    try:
        draft = store().load_draft(check(token))
    except MalformedToken:
        return  # the page says what is wrong with the link
    if draft is not None:
        language.adopt(draft.language)


def _snapshot() -> str:
    return json.dumps({"a": state.answers(), "n": notes()}, sort_keys=True, default=str)


def autosave() -> str | None:
    """Save the draft when answers or notes changed; start one (and put it in the URL) on the
    first answer. Returns a message when the save was refused."""
    current = state.session()
    snapshot = _snapshot()
    if snapshot == current.draft.snapshot:
        return None
    document = draft_document()
    if len(document) == 1 and not any(text.strip() for text in notes().values()):
        return None  # nothing answered or noted yet
    try:
        token = current.draft.token
        saved = None
        if token is not None:
            saved = store().save_draft(token, document, notes(), expected=current.draft.stamp,
                                       person=signin.person(), language=language.current())
        if saved is None:
            current.brakes.take("draft")
            token = store().create_draft(document, notes(), client=client_address(),
                                         person=signin.person(), language=language.current())
            current.draft.token = token
            saved = store().load_draft(token).updated_at  # type: ignore[union-attr]
            st.query_params["d"] = token  # beside the step the address already holds
        current.draft.stamp = saved
    except DraftConflict as exc:
        current.draft.conflict = exc.saved_at
        return None
    except StorageLimit as exc:
        return tr("Not saved: {reason}.", reason=why(exc))
    current.draft.snapshot = snapshot
    current.sharing.last = None  # links shown were for the answers before this change
    return None


def start_new() -> None:
    """Button callback: leave any link and start an empty questionnaire."""
    st.query_params.clear()
    state.reset()


def keep_as_new_draft() -> None:
    """Button callback after a conflict: this session's answers become a new draft of their
    own (with its own address); the other version stays as it was."""
    current = state.session()
    current.draft.token = current.draft.stamp = current.draft.conflict = None
    current.draft.snapshot = None
    st.query_params.pop("d", None)


def reload_draft() -> None:
    """Button callback after a conflict: take the version saved elsewhere."""
    current = state.session()
    token = current.draft.token
    current.draft.token = current.draft.conflict = None
    if token:
        restore_draft(token)


def conflict_notice() -> None:
    """When the draft was saved elsewhere meanwhile: say so, and offer both ways out."""
    saved_at = state.session().draft.conflict
    if saved_at is None:
        return
    st.error(tr("Not saved: this draft was changed elsewhere at {time} UTC (another window, or "
                "someone else with its address). Nothing was overwritten. Keep your answers "
                "here as a new draft of their own, or load the other version.",
                time=saved_at.strftime("%H:%M")), icon=":material/sync_problem:")
    mine, theirs = st.columns(2)
    mine.button(tr("Keep mine as a new draft"), key="fork_draft", on_click=keep_as_new_draft,
                type="primary", icon=":material/call_split:", width="stretch")
    theirs.button(tr("Load the other version"), key="reload_draft", on_click=reload_draft,
                  icon=":material/sync:", width="stretch")

