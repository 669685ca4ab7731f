"""The session's one typed home: the answers so far, where the person is, their links and team.

Streamlit keeps widget values under their keys (a question's id, `note_key(id)`); everything
else this app remembers about a session lives in one `Session` object.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

import streamlit as st

from questions.answers import Answers, AnswersError, validate
from questions.migrate import Upgrade
from questions.schema import OVERALL_NOTE
from questions.values import Document
from storage import ShareLinks
from storage.brakes import Brakes
from storage.teams import TeamLinks
from ui import form
from ui.resources import bank

RESULT = "result"


def note_key(question_id: str) -> str:
    """The widget key of the note on one question (or OVERALL_NOTE, the whole assessment)."""
    return f"note__{question_id}"


OVERALL_NOTE_KEY = note_key(OVERALL_NOTE)  # the widget of the note on the whole assessment


def dont_know_key(question_id: str) -> str:
    """The widget key of a question's "Don't know" box (every question that offers one)."""
    return f"dont_know__{question_id}"


Frozen = tuple[tuple[str, object], ...]  # the form's values, hashable, to tell a change
Params = Mapping[str, str | list[str]]  # the query string: a key's value, or its values


@dataclass
class TeamContext:
    """Answering for a team: through its invite link, or revising as a known respondent."""

    team: str
    name: str
    role: str
    invite: str | None = None
    respondent: str | None = None


@dataclass
class DraftState:
    """The autosaved draft this session works on."""

    token: str | None = None
    stamp: datetime | None = None  # when the draft this session holds was last saved
    snapshot: str | None = None  # what was last saved, to save only what changed
    conflict: datetime | None = None  # when someone else saved the draft meanwhile


@dataclass
class SharingState:
    """What sharing has handed out in this session."""

    last: ShareLinks | None = None  # the links of the last Save and share
    new_links: dict[int, str] = field(default_factory=dict)  # made on a manage page, by
    # share, shown until the session ends (tokens are stored hashed: never shown again)
    copy_failed: str | None = None  # why the last copy was not made
    copy_note: str | None = None  # "your own copy of …", above the first section of a copy
    to_top: bool = False  # show the first section of a new copy from its top


@dataclass
class TeamState:
    """This session's part in a team: answering for one, or having just started one."""

    context: TeamContext | None = None
    submitted: bool = False
    created: TeamLinks | None = None
    cut_note: str = ""  # the team name was cut when it was created: said on the manage page
    removal_note: tuple[bool, str] | None = None  # (done, what happened) after Remove or Undo


@dataclass
class Session:
    """Everything one browser session holds besides widget values: the questionnaire's
    answers and where the person is in it, then the draft, sharing and team, each grouped."""

    form: Document  # the answers so far, by question id (None: not answered)
    notes: dict[str, str] = field(default_factory=dict)  # by question id, and OVERALL_NOTE
    section: str | None = None
    flagged: set[str] = field(default_factory=set)  # sections shown with what is missing
    submit_errors: dict[str, str] = field(default_factory=dict)
    migration: Upgrade | None = None  # how the loaded answers were brought to this bank
    focus_first: bool = True  # move the keyboard focus to the first question once (on the
    # first screen, and after Next)
    focus_missing: bool = False  # ... or to the first unanswered one (Next on an incomplete
    # section), not left on the button
    draft: DraftState = field(default_factory=DraftState)
    sharing: SharingState = field(default_factory=SharingState)
    team: TeamState = field(default_factory=TeamState)
    import_message: tuple[str, str] | None = None
    brakes: Brakes = field(default_factory=Brakes)  # how fast this session may create things
    _validated: tuple[Frozen, Answers | None] | None = None


def session() -> Session:
    """This browser session's state (created on first use)."""
    if "session" not in st.session_state:
        st.session_state["session"] = Session(form=form.empty_form(bank()))
    current: Session = st.session_state["session"]
    return current


def answers() -> Document:
    """The answers so far, by question id (kept while widgets come and go)."""
    return session().form


def steps() -> list[str]:
    return [s.id for s in bank().sections] + [RESULT]


def current() -> str:
    return session().section or steps()[0]


SECTION_PARAM = "s"  # the step in the address, so a reload comes back to it


def go(step: str) -> None:
    """Move to a section or the result (use as a button callback); the address remembers it."""
    session().section = step
    st.query_params[SECTION_PARAM] = step


def resume_section(params: Params) -> None:
    """After a reload (a new session), come back to the step the address names, if it is one."""
    wanted = params.get(SECTION_PARAM)
    if session().section is None and isinstance(wanted, str) and wanted in steps():
        session().section = wanted


def flagged() -> set[str]:
    return session().flagged


def next_section(section_id: str) -> None:
    """Move on when the section is complete; otherwise flag what is missing."""
    section = next(s for s in bank().sections if s.id == section_id)
    if form.missing(section, answers()):
        flagged().add(section_id)
        session().focus_missing = True
        return
    flagged().discard(section_id)
    go(steps()[steps().index(section_id) + 1])
    session().focus_first = True  # keyboard users land on the next section's first question


def _frozen(form: Document) -> Frozen:
    return tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in sorted(form.items()))


def validated() -> Answers | None:
    """The answers as a validated model, or None while something is missing or invalid.
    Validated once per change of the answers, however often a rerun asks."""
    state = session()
    key = _frozen(state.form)
    if state._validated is None or state._validated[0] != key:
        try:
            result: Answers | None = validate(form.payload(bank(), state.form), bank())
        except AnswersError:
            result = None
        state._validated = (key, result)
    return state._validated[1]


def submit() -> None:
    """Validate every answer; show the result, or flag every incomplete section."""
    state = session()
    incomplete = [s.id for s in bank().sections if form.missing(s, state.form)]
    state.flagged.update(incomplete)
    state.submit_errors = {}
    if incomplete:
        state.focus_missing = current() in incomplete
        return
    try:
        validate(form.payload(bank(), state.form), bank())
    except AnswersError as exc:
        state.submit_errors = exc.problems
        return
    go(RESULT)
    state.focus_first = True  # the result is shown from its top, the verdict first


def load(values: Mapping[str, object], notes: dict[str, str] | None = None,
         migration: Upgrade | None = None) -> None:
    """Replace the answers and notes (and the widgets showing them)."""
    state = session()
    state.form = form.from_answers(bank(), values)
    state.notes = migration.carry(notes or {}) if migration is not None else dict(notes or {})
    state.migration = migration if migration is not None and migration.changed else None
    for question in bank().questions():
        st.session_state.pop(question.id, None)
        st.session_state.pop(note_key(question.id), None)
        st.session_state.pop(dont_know_key(question.id), None)
    st.session_state.pop(OVERALL_NOTE_KEY, None)


def reset() -> None:
    """Start over: an empty questionnaire and no links (the widgets cleared too)."""
    load({})
    st.session_state["session"] = Session(form=form.empty_form(bank()))
