"""Which language the page speaks: the one chosen in the sidebar, else the address's `lang`,
else the draft's, else the browser's (`st.context.locale`), else English. Ids, values and files
never change with it; the bank's words come from questions/translations.py."""

from __future__ import annotations

import threading

import streamlit as st

from i18n import say
from questions.translations import ENGLISH, LANGUAGES, NAMES
from ui.text import plain

KEY = "lang"  # in the address
_STATE = "language"  # in the session
_CHOSEN = "language_chosen"  # the person picked it (the draft's own does not override it)
# The language read once per script run: every label and the bank ask for it (some forty
# times a rerun), and each read of the session state costs microseconds (bench/rerun.py).
# A script run has a thread of its own; `begin_run` (top of app.py) forgets the last one.
_RUN = threading.local()


def begin_run() -> None:
    _RUN.language = None


def _remember(language: str) -> str:
    _RUN.language = language
    return language


def _from_browser() -> str:
    locale = getattr(st.context, "locale", None) or ""
    code = locale.replace("_", "-").split("-")[0].lower()
    return code if code in LANGUAGES else ENGLISH


def current() -> str:
    """The language of this page."""
    remembered = getattr(_RUN, "language", None)
    if remembered is not None:
        return str(remembered)
    found = st.session_state.get(_STATE)
    if isinstance(found, str):
        return _remember(found)
    asked = st.query_params.get(KEY)
    language = asked if asked in LANGUAGES else _from_browser()
    st.session_state[_STATE] = language
    if asked in LANGUAGES:
        st.session_state[_CHOSEN] = True
    return _remember(language)


def adopt(saved: str | None) -> None:
    """A restored draft's language, unless this person chose one or the address names one."""
    if saved in LANGUAGES and not st.session_state.get(_CHOSEN):
        st.session_state[_STATE] = _remember(saved)


def _choose() -> None:
    picked = st.session_state.get("language_choice")
    if picked in LANGUAGES:
        st.session_state[_STATE] = _remember(picked)
        st.session_state[_CHOSEN] = True
        st.query_params[KEY] = picked


def selector() -> None:
    """The sidebar's language switch, and a word when the address asks for an unknown one."""
    asked = st.query_params.get(KEY)
    if asked is not None and asked not in LANGUAGES:
        st.warning(say(current(), "This address asks for the language “{asked}”, which this "
                       "tool does not have; it shows {shown}. Languages: {languages}.",
                       asked=plain(asked[:20]), shown=NAMES[current()],
                       languages=", ".join(f"{NAMES[code]} ({code})" for code in LANGUAGES)))
    language = current()
    st.selectbox("Language · Sprache · Langue · Idioma", LANGUAGES,
                 index=LANGUAGES.index(language), format_func=NAMES.__getitem__,
                 key="language_choice", on_change=_choose,
                 help=say(language, "Everything in your language; the quotes of the article "
                          "and the record stay in their own words with a translation beside "
                          "them."))
