"""Links in the URL: which view a query string asks for, drafts that autosave, links."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import streamlit as st

from logic.recommendation import Recommendation
from questions.answers import BANK_VERSION, Answers
from questions.migrate import upgrade
from storage import DraftConflict, MalformedToken, ShareLinks, StorageLimit
from storage.teams import MAX_NAME, MAX_ROLE, TeamStore
from storage.tokens import check
from ui import form, state
from ui.resources import bank, store

# query parameter -> the view it opens
ROUTES = {"a": "shared", "m": "manage", "d": "draft"}


@dataclass(frozen=True)
class Route:
    """What the URL asks for: a view and its token, or a message saying what is wrong."""

    view: str
    token: str | None = None
    problem: str | None = None


def route(params: dict[str, Any], routes: dict[str, str] = ROUTES) -> Route:
    """Read the query string; never trust it: one known key, one well-formed token."""
    keys = [k for k in routes if k in params]
    if not keys:
        return Route("new")
    if len(keys) > 1:
        return Route("error", problem="This address mixes parts of different links, so it "
                                      "is not clear what to open. Open the link exactly as it "
                                      "was sent to you.")
    values = params[keys[0]]
    token = values if isinstance(values, str) else (values[0] if len(values) == 1 else None)
    if token is None:
        return Route("error", problem="This address holds the same kind of link twice. Open "
                                      "the link exactly as it was sent to you.")
    try:
        return Route(routes[keys[0]], check(token))
    except MalformedToken:
        return Route("error", problem="This link looks damaged: part of it is missing or was "
                                      "changed (it may have been cut when it was copied, or "
                                      "wrapped across lines in an email). Ask whoever sent it "
                                      "for the link again, and open it exactly as sent.")


PAGE_PATHS = ("assessment", "team", "knowledge", "batch")


def root_url() -> str:
    """The app's root URL as the browser sees it (behind any proxy path), ending in '/'."""
    url = getattr(st.context, "url", None) or "http://localhost:8501/"
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    if path.rsplit("/", 1)[-1] in PAGE_PATHS:
        path = path.rsplit("/", 1)[0]
    return urlunsplit((parts.scheme, parts.netloc, path + "/", "", ""))


def link(key: str, token: str, page: str = "") -> str:
    """A link to a page of the app with one token in its query string."""
    return f"{root_url()}{page}?{key}={token}"


def notes() -> dict[str, str]:
    """The session's notes: by question id, and `_overall` for the assessment as a whole."""
    return state.session().notes


def draft_document() -> dict[str, Any]:
    """The answers so far in the stored shape: the bank version and every answer given."""
    given = {k: v for k, v in state.answers().items() if v not in (None, "")}
    return {BANK_VERSION: bank().version, **given}


def restore_draft(token: str) -> bool:
    """Bring back a draft's answers and notes once per session, brought to the current bank
    (new questions unanswered and marked); False when it is not found."""
    if state.session().draft_token == token:
        return True
    draft = store().load_draft(token)
    if draft is None:
        return False
    try:
        upgraded = upgrade(draft.answers, bank())
    except ValueError:  # a draft from a newer questionnaire: keep what this one can read
        upgraded = None
    values = form.sanitize(bank(), upgraded.answers if upgraded else draft.answers)
    state.load(values, draft.notes, upgraded)
    state.session().draft_token = token
    state.session().draft_stamp = draft.updated_at
    state.session().saved_snapshot = _snapshot()
    return True


def _snapshot() -> str:
    return json.dumps({"a": state.answers(), "n": notes()}, sort_keys=True, default=str)


def autosave() -> str | None:
    """Save the draft when answers or notes changed; start one (and put it in the URL) on the
    first answer. Returns a message when the save was refused."""
    current = state.session()
    snapshot = _snapshot()
    if snapshot == current.saved_snapshot:
        return None
    document = draft_document()
    if len(document) == 1 and not any(text.strip() for text in notes().values()):
        return None  # nothing answered or noted yet
    try:
        token = current.draft_token
        saved = None
        if token is not None:
            saved = store().save_draft(token, document, notes(), expected=current.draft_stamp)
        if saved is None:
            current.brakes.take("draft")
            token = store().create_draft(document, notes())
            current.draft_token = token
            saved = store().load_draft(token).updated_at  # type: ignore[union-attr]
            st.query_params["d"] = token  # beside the step the address already holds
        current.draft_stamp = saved
    except DraftConflict as exc:
        current.draft_conflict = exc.saved_at
        return None
    except StorageLimit as exc:
        return f"Not saved: {exc}."
    current.saved_snapshot = snapshot
    current.last_share = None  # links shown were for the answers before this change
    return None


def share(answers: Answers, rec: Recommendation) -> ShareLinks:
    """Freeze the current answers and notes as a shared assessment."""
    autosave()  # the draft first; it forgets the links shown when answers or notes changed
    kept = state.session().last_share
    if kept is not None:  # nothing changed since: the same links, not a new pair
        return kept
    state.session().brakes.take("share")
    links = store().share(answers.document(bank()), notes(),
                          knowledge_version=rec.knowledge_version, verdict=rec.verdict,
                          draft=state.session().draft_token)
    state.session().last_share = links
    return links


def open_copy(view_token: str) -> None:
    """Button callback: make the colleague's own editable copy and switch to it."""
    try:
        state.session().brakes.take("copy")
    except StorageLimit as exc:
        state.session().copy_failed = f"Not copied: {exc}."
        return
    token = store().copy_to_draft(view_token)
    if token is None:
        state.session().copy_failed = NOT_FOUND
        return
    state.session().draft_token = None
    st.query_params.from_dict({"d": token})
    restore_draft(token)
    state.go(state.steps()[0])


def start_new() -> None:
    """Button callback: leave any link and start an empty questionnaire."""
    st.query_params.clear()
    state.reset()


NOT_FOUND = ("Not found: no assessment is shared at this link. It may have been revoked by "
             "whoever shared it, or mistyped. Ask them for a new link.")


def not_found(message: str = NOT_FOUND) -> None:
    """A clear dead-end page for a bad or unknown link, with a way forward."""
    st.error(message, icon=":material/link_off:")
    st.button("Start a new assessment", key="start_new", type="primary",
              on_click=start_new, icon=":material/add:")


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
    if state.session().team is not None:
        return
    name, role = params.get(TEAM_NAME), params.get(TEAM_ROLE)
    if not isinstance(name, str) or not isinstance(role, str) or not name or not role:
        return
    try:
        if isinstance(params.get(TEAM_RESPONDENT), str):
            token = check(params[TEAM_RESPONDENT])
            found = TeamStore(store()).response(token)
            if found is not None:
                state.session().team = state.TeamContext(found[1], found[0].name,
                                                         found[0].role, respondent=token)
                state.session().team_submitted = True
        elif isinstance(params.get(TEAM_INVITE), str):
            token = check(params[TEAM_INVITE])
            info = TeamStore(store()).info(token)
            if info is not None and info.can_answer:
                state.session().team = state.TeamContext(info.name, name[:MAX_NAME],
                                                         role[:MAX_ROLE], invite=token)
    except MalformedToken:
        return


def keep_as_new_draft() -> None:
    """Button callback after a conflict: this session's answers become a new draft of their
    own (with its own address); the other version stays as it was."""
    current = state.session()
    current.draft_token = current.draft_stamp = current.draft_conflict = None
    current.saved_snapshot = None
    st.query_params.pop("d", None)


def reload_draft() -> None:
    """Button callback after a conflict: take the version saved elsewhere."""
    current = state.session()
    token = current.draft_token
    current.draft_token = current.draft_conflict = None
    if token:
        restore_draft(token)


def conflict_notice() -> None:
    """When the draft was saved elsewhere meanwhile: say so, and offer both ways out."""
    saved_at = state.session().draft_conflict
    if saved_at is None:
        return
    st.error(f"Not saved: this draft was changed elsewhere at {saved_at:%H:%M} UTC (another "
             "window, or someone else with its address). Nothing was overwritten. Keep your "
             "answers here as a new draft of their own, or load the other version.",
             icon=":material/sync_problem:")
    mine, theirs = st.columns(2)
    mine.button("Keep mine as a new draft", key="fork_draft", on_click=keep_as_new_draft,
                type="primary", icon=":material/call_split:", width="stretch")
    theirs.button("Load the other version", key="reload_draft", on_click=reload_draft,
                  icon=":material/sync:", width="stretch")
