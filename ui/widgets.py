"""One Streamlit widget per kind of question; every widget's key is the question id."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import streamlit as st

from questions.schema import (
    UNKNOWN,
    AnyQuestion,
    BooleanQuestion,
    ChoiceQuestion,
    IntegerQuestion,
    MultiChoiceQuestion,
    TextQuestion,
)
from questions.values import Document
from storage.store import MAX_NOTE_CHARS
from ui.cuts import trim_to, trimmed_note
from ui.i18n import tr
from ui.state import dont_know_key, note_key

RADIO_MAX_OPTIONS = 5


def _unknown(q: AnyQuestion) -> bool:
    """Whether the question's "Don't know" box is ticked (its input is then greyed out)."""
    return bool(st.session_state.get(dont_know_key(q.id)))


def _dont_know(q: AnyQuestion) -> None:
    """The one "Don't know" control: a box under every question that offers it, whatever
    its kind (a number, a list, a choice, a yes or no)."""
    if q.dont_know is not None:
        st.checkbox(q.dont_know_label, key=dont_know_key(q.id))


def _choice(q: ChoiceQuestion) -> None:
    values = [o.value for o in q.options]
    if len(values) <= RADIO_MAX_OPTIONS:
        st.radio(q.label, values, index=None, format_func=q.label_of, key=q.id, horizontal=True,
                 disabled=_unknown(q))
    else:
        st.selectbox(q.label, values, index=None, format_func=q.label_of, key=q.id,
                     placeholder=tr("Choose an option"), disabled=_unknown(q))
    _dont_know(q)


def _multi_choice(q: MultiChoiceQuestion) -> None:
    st.multiselect(q.label, [o.value for o in q.options], format_func=lambda v: q.label_of([v]),
                   key=q.id, disabled=_unknown(q),
                   placeholder=tr("Choose one or more") if q.min_selected else tr("None apply"))
    _dont_know(q)


def _boolean(q: BooleanQuestion) -> None:
    st.radio(q.label, [True, False], index=None, format_func=q.label_of, key=q.id,
             horizontal=True, disabled=_unknown(q))
    _dont_know(q)


def _integer(q: IntegerQuestion) -> None:
    st.number_input(q.label, min_value=q.min, max_value=q.max, step=q.step, value=None,
                    key=q.id, disabled=_unknown(q),
                    placeholder=q.null_label if q.nullable else tr("{low} to {high}", low=q.min,
                                                                           high=q.max))
    _dont_know(q)


def _text(q: TextQuestion) -> None:
    st.text_input(q.label, key=q.id, on_change=trim_to,
                  args=(q.id, q.max_length), placeholder=tr("Optional"))
    trimmed_note(q.id, q.max_length)


def _draw(question: AnyQuestion) -> None:
    """The widget for the question's kind."""
    if isinstance(question, ChoiceQuestion):
        _choice(question)
    elif isinstance(question, MultiChoiceQuestion):
        _multi_choice(question)
    elif isinstance(question, BooleanQuestion):
        _boolean(question)
    elif isinstance(question, IntegerQuestion):
        _integer(question)
    else:
        _text(question)


def _seed(question: AnyQuestion, value: object) -> object:
    if value is not None:
        return value
    if isinstance(question, MultiChoiceQuestion):
        return []
    if isinstance(question, TextQuestion):
        return ""
    return None


def section_notes(questions: list[AnyQuestion], notes: dict[str, str]) -> None:
    """Free-text notes on a section's answers ('why we answered this way'), kept in `notes`
    by question id: one control per section (one keyboard stop), a box per question in it."""
    keys = {q.id: note_key(q.id) for q in questions}
    for question_id, key in keys.items():
        if key not in st.session_state:
            st.session_state[key] = notes.get(question_id, "")
    written = sum(1 for key in keys.values() if st.session_state[key].strip())
    label = (tr("Notes on this section ({count})", count=written) if written
             else tr("Add notes on these answers"))
    with st.popover(label, icon=":material/edit_note:", type="tertiary"):
        st.caption(tr("Why did we answer this way? Shown with the shared result and in the "
                      "PDF."))
        for question in questions:
            key = keys[question.id]
            st.text_area(tr("Note on: {question}", question=question.label), key=key,
                         on_change=trim_to,
                         args=(key, MAX_NOTE_CHARS), height=68)
            trimmed_note(key, MAX_NOTE_CHARS)
    for question_id, key in keys.items():
        notes[question_id] = st.session_state[key]


def _help(question: AnyQuestion) -> None:
    """The question's help as text under it, not a tooltip: read by everyone, and no extra
    keyboard stop per question. What "Don't know" stands for is said there too."""
    text = question.help
    if question.dont_know is not None:
        text += " " + tr("Not sure? Tick “{box}”.", box=question.dont_know_label)
        text += f" {question.dont_know.why}"
    st.caption(text)


def render(question: AnyQuestion, answers: Document) -> object:
    """Draw the question's widget seeded from `answers`; store and return what it holds
    ("unknown" when its "Don't know" box is ticked). A value the widget cannot hold (an
    "unknown" saved before the box, a choice no longer offered) seeds it empty."""
    boxed = question.dont_know is not None
    if question.id not in st.session_state:
        value = answers.get(question.id)
        if boxed:
            st.session_state[dont_know_key(question.id)] = value == UNKNOWN
            value = None if value == UNKNOWN else value
        st.session_state[question.id] = _seed(question, value)
    _draw(question)
    _help(question)
    unknown = boxed and st.session_state.get(dont_know_key(question.id))
    answers[question.id] = UNKNOWN if unknown else st.session_state[question.id]
    return answers[question.id]


KEYBOARD_JS = Path(__file__).parent / "static" / "keyboard.js"  # selectors in one table
THEME_CSS = Path(__file__).parent / "static" / "theme.css"


@cache
def _theme_css() -> str:
    return THEME_CSS.read_text(encoding="utf-8")


def theme() -> None:
    """The app's own styles (ui/static/theme.css: contrast, the verdict's size, phone type)."""
    st.html(f"<style>{_theme_css()}</style>")


@cache
def _keyboard_js() -> str:
    return KEYBOARD_JS.read_text(encoding="utf-8")


def _page_script(*calls: str) -> None:
    """Run ui/static/keyboard.js's helpers in the page, in order (the file installs itself
    once; the request number makes each call run again, even when it is the same as the
    last)."""
    count = st.session_state.get("_focus_requests", 0) + 1
    st.session_state["_focus_requests"] = count
    run = "".join(f"window.hostingFit.{call};" for call in calls)
    st.html(f"<script>/* request {count} */\n{_keyboard_js()}\n{run}</script>",
            unsafe_allow_javascript=True)


def focus(question_id: str) -> None:
    """Move the keyboard focus to a question's input (on the first screen and after *Next*, so
    a keyboard user does not start again from the bottom of the page). The id is the bank's, a
    safe CSS name."""
    _page_script(f"focusQuestion({json.dumps(question_id)})")


def to_top(heading: str) -> None:
    """Show a new page from its top, the keyboard focus on the heading that starts with
    `heading` (the result after *Get recommendation*: the verdict first, not wherever the
    questionnaire was scrolled to)."""
    _page_script(f"toTop({json.dumps(heading)})")


def keep_focus(language_code: str = "en") -> None:
    """Keep the keyboard focus where the person left it across Streamlit's redraws (a select
    box rebuilt after its first answer drops it to the top of the page), and move it into the
    note editor when a section's notes are opened; and say the page's language (the <html
    lang> screen readers read it in)."""
    _page_script("keepFocus()", f"setLanguage({json.dumps(language_code)})")
