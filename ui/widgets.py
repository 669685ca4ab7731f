"""One Streamlit widget per kind of question; every widget's key is the question id."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import streamlit as st

from questions.schema import (
    UNKNOWN,
    UNKNOWN_LABEL,
    BooleanQuestion,
    ChoiceQuestion,
    IntegerQuestion,
    MultiChoiceQuestion,
    TextQuestion,
)
from storage.store import MAX_NOTE_CHARS
from ui.state import dont_know_key, note_key
from ui.text import trim_to, trimmed_note

RADIO_MAX_OPTIONS = 5


def _with_unknown(q: Any, values: list[Any]) -> list[Any]:
    return [*values, UNKNOWN] if q.dont_know is not None else values


def _dont_know(q: Any) -> bool:
    """A "Don't know" box beside a number or a list; whether it is ticked."""
    if q.dont_know is None:
        return False
    return bool(st.checkbox(UNKNOWN_LABEL, key=dont_know_key(q.id)))


def _choice(q: ChoiceQuestion) -> None:
    values = _with_unknown(q, [o.value for o in q.options])
    if len(values) <= RADIO_MAX_OPTIONS:
        st.radio(q.label, values, index=None, format_func=q.label_of, key=q.id, horizontal=True)
    else:
        st.selectbox(q.label, values, index=None, format_func=q.label_of, key=q.id,
                     placeholder="Choose an option")


def _multi_choice(q: MultiChoiceQuestion) -> None:
    unknown = bool(st.session_state.get(dont_know_key(q.id)))
    st.multiselect(q.label, [o.value for o in q.options], format_func=lambda v: q.label_of([v]),
                   key=q.id, disabled=unknown,
                   placeholder="Choose one or more" if q.min_selected else "None apply")
    _dont_know(q)


def _boolean(q: BooleanQuestion) -> None:
    st.radio(q.label, _with_unknown(q, [True, False]), index=None, format_func=q.label_of,
             key=q.id, horizontal=True)


def _integer(q: IntegerQuestion) -> None:
    unknown = bool(st.session_state.get(dont_know_key(q.id)))
    st.number_input(q.label, min_value=q.min, max_value=q.max, step=q.step, value=None,
                    key=q.id, disabled=unknown,
                    placeholder=q.null_label if q.nullable else f"{q.min} to {q.max}")
    _dont_know(q)


def _text(q: TextQuestion) -> None:
    st.text_input(q.label, key=q.id, on_change=trim_to,
                  args=(q.id, q.max_length), placeholder="Optional")
    trimmed_note(q.id, q.max_length)


RENDERERS: dict[str, Callable[[Any], None]] = {
    "choice": _choice,
    "multi_choice": _multi_choice,
    "boolean": _boolean,
    "integer": _integer,
    "text": _text,
}


def _seed(question: Any, value: Any) -> Any:
    if value is not None:
        return value
    if isinstance(question, MultiChoiceQuestion):
        return []
    if isinstance(question, TextQuestion):
        return ""
    return None


def section_notes(questions: list[Any], notes: dict[str, str]) -> None:
    """Free-text notes on a section's answers ('why we answered this way'), kept in `notes`
    by question id: one control per section (one keyboard stop), a box per question in it."""
    keys = {q.id: note_key(q.id) for q in questions}
    for question_id, key in keys.items():
        if key not in st.session_state:
            st.session_state[key] = notes.get(question_id, "")
    written = sum(1 for key in keys.values() if st.session_state[key].strip())
    label = f"Notes on this section ({written})" if written else "Add notes on these answers"
    with st.popover(label, icon=":material/edit_note:", type="tertiary"):
        st.caption("Why did we answer this way? Shown with the shared result and in the PDF.")
        for question in questions:
            key = keys[question.id]
            st.text_area(f"Note on: {question.label}", key=key, on_change=trim_to,
                         args=(key, MAX_NOTE_CHARS), height=68)
            trimmed_note(key, MAX_NOTE_CHARS)
    for question_id, key in keys.items():
        notes[question_id] = st.session_state[key]


BOXED = ("integer", "multi_choice")  # kinds whose "Don't know" is a box beside the input


def _help(question: Any) -> None:
    """The question's help as text under it, not a tooltip: read by everyone, and no extra
    keyboard stop per question. What "Don't know" stands for is said there too."""
    text = question.help
    if question.dont_know is not None:
        text += f" Not sure? Answer “Don't know”. {question.dont_know.why}"
    st.caption(text)


def render(question: Any, answers: dict[str, Any]) -> Any:
    """Draw the question's widget seeded from `answers`; store and return what it holds
    ("unknown" when its "Don't know" box is ticked)."""
    boxed = question.dont_know is not None and question.kind in BOXED
    if question.id not in st.session_state:
        value = answers.get(question.id)
        if boxed:
            st.session_state[dont_know_key(question.id)] = value == UNKNOWN
            value = None if value == UNKNOWN else value
        st.session_state[question.id] = _seed(question, value)
    RENDERERS[question.kind](question)
    _help(question)
    unknown = boxed and st.session_state.get(dont_know_key(question.id))
    answers[question.id] = UNKNOWN if unknown else st.session_state[question.id]
    return answers[question.id]


_WHEN_DRAWN = """<script>
/* request %(count)d */
(function (left) {
  function find() { %(find)s }
  function act(target) { %(act)s }
  (function again() {
    const target = find();
    if (target) { act(target); return; }
    if (left-- > 0) { setTimeout(again, 50); }
  })();
})(60);
</script>"""


def _when_drawn(find: str, act: str) -> None:
    """Run `act(target)` in the page once `find()` returns an element (retried for 3 s, as
    Streamlit draws after the script). The request number makes each call run again, even
    when its script is the same as the last one's."""
    count = st.session_state.get("_focus_requests", 0) + 1
    st.session_state["_focus_requests"] = count
    st.html(_WHEN_DRAWN % {"count": count, "find": find, "act": act},
            unsafe_allow_javascript=True)


def focus(question_id: str) -> None:
    """Move the keyboard focus to a question's input (on the first screen and after *Next*, so
    a keyboard user does not start again from the bottom of the page). The id is the bank's, a
    safe CSS name."""
    _when_drawn(f'const box = document.querySelector(".st-key-{question_id}"); return box && '
                "box.querySelector(\"input:not([disabled]), textarea, [role='combobox'], "
                "[tabindex='0']\");",
                "target.focus();")


def to_top(heading: str) -> None:
    """Show a new page from its top, the keyboard focus on the heading that starts with
    `heading` (the result after *Get recommendation*: the verdict first, not wherever the
    questionnaire was scrolled to)."""
    _when_drawn("return Array.from(document.querySelectorAll(\"[data-testid='stMain'] h1, "
                "[data-testid='stMain'] h2\"))"
                f".find(function (h) {{ return h.textContent.indexOf({json.dumps(heading)}) "
                "=== 0; });",
                "window.scrollTo(0, 0); document.querySelectorAll(\"[data-testid='stMain'], "
                "[data-testid='stAppViewContainer']\").forEach(function (e) { e.scrollTop = 0; "
                "}); target.setAttribute('tabindex', '-1'); target.focus({ preventScroll: true "
                "});")


# Installed once per page: Streamlit redraws some widgets after an answer (a select box is
# rebuilt when it gets its first value), which drops the keyboard focus to the top of the page.
# This puts it back on the same question unless the person clicked somewhere else, and moves it
# into the note editor when a section's notes are opened.
_KEEP_FOCUS = """<script>
(function () {
  if (window.__hostingFitFocus) { return; }
  window.__hostingFitFocus = true;
  const INPUTS = "input:not([disabled]), textarea, [role='combobox'], button, [tabindex='0']";
  let last = null;
  let pointerAt = 0;
  document.addEventListener("pointerdown", function () { pointerAt = Date.now(); }, true);
  document.addEventListener("focusin", function (event) {
    const box = event.target.closest && event.target.closest("[class*='st-key-']");
    const key = box && Array.from(box.classList).find(function (c) {
      return c.indexOf("st-key-") === 0;
    });
    if (!key && last && event.target.closest("[role='listbox'], [data-baseweb='popover']")) {
      last.at = Date.now();  // a select box's list of options: the question keeps the focus
      return;
    }
    last = key ? { key: key, at: Date.now() } : null;
  }, true);
  function restore() {
    if (!last) { return; }
    if (document.activeElement && document.activeElement !== document.body) { return; }
    if (pointerAt > last.at || Date.now() - last.at > 5000) { last = null; return; }
    const box = document.querySelector("." + last.key);
    const target = box && box.querySelector(INPUTS);
    if (target) { target.focus(); }
  }
  setInterval(function () { if (document.hasFocus()) { restore(); } }, 120);
  // A key pressed before the interval has run (Tab right after an answer) starts from the
  // question, not from the top of the page.
  document.addEventListener("keydown", restore, true);
  function intoNotes(event) {
    const button = event.target.closest && event.target.closest("[data-testid='stPopoverButton']");
    if (!button) { return; }
    if (event.type === "keydown" && event.key !== "Enter" && event.key !== " ") { return; }
    let tries = 20;
    (function again() {
      const area = document.querySelector("[data-testid='stPopoverBody'] textarea");
      if (area) { area.focus(); return; }
      if (tries-- > 0) { setTimeout(again, 50); }
    })();
  }
  document.addEventListener("click", intoNotes, true);
  document.addEventListener("keydown", intoNotes, true);
})();
</script>"""


def keep_focus() -> None:
    """Keep the keyboard focus where the person left it across Streamlit's redraws."""
    st.html(_KEEP_FOCUS, unsafe_allow_javascript=True)
