"""Driving the app through AppTest by widget key, as a user fills it in."""

from __future__ import annotations

import re
from typing import Any

from streamlit.testing.v1 import AppTest

from questions.schema import UNKNOWN, default_bank
from tests.conftest import ROOT, complete
from ui.state import dont_know_key

WIDGET_KINDS = ("radio", "selectbox", "multiselect", "number_input", "slider", "text_input")


def start(**query: str) -> AppTest:
    """The app as a fresh browser session opening the URL with this query string."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def widget(at: AppTest, key: str) -> Any | None:
    """The widget with this key on the current screen, or None when it is not shown."""
    for kind in WIDGET_KINDS:
        for element in getattr(at, kind):
            if element.key == key:
                return element
    return None


def shown(markdown: str) -> str:
    """What a reader sees of Markdown whose user text was escaped: the escapes taken off."""
    return re.sub(r"\\(.)", r"\1", markdown)


def button(at: AppTest, key: str) -> Any:
    return next(b for b in at.button if b.key == key)


def fill_section(at: AppTest, answers: dict[str, Any]) -> set[str]:
    """Set every shown widget that has an answer, rerunning until no new widget appears."""
    done: set[str] = set()
    while True:
        todo = [k for k in answers if k not in done and widget(at, k) is not None]
        if not todo:
            return done
        for key in todo:
            value = answers[key]
            kind = default_bank().by_id[key].kind
            if value == UNKNOWN:  # its box, not the input
                next(c for c in at.checkbox if c.key == dont_know_key(key)).check()
            else:
                widget(at, key).set_value("" if value is None and kind == "text" else value)
            done.add(key)
        at.run()


def fill_all(at: AppTest, answers: dict[str, Any]) -> AppTest:
    """Fill every section in order and press Get recommendation."""
    full = complete(answers)
    for _ in default_bank().sections:
        fill_section(at, full)
        forward = [b for b in at.button if b.key in ("next", "get_recommendation")][0]
        forward.click().run()
    return at


def section(at: AppTest) -> str | None:
    """The step the session shows (a section id, or "result")."""
    return at.session_state["session"].section or default_bank().sections[0].id


def go_to(at: AppTest, step: str) -> AppTest:
    at.session_state["session"].section = step
    return at


FOLDED = ("evidence_open", "later_open", "summary_open")  # parts of the result drawn when opened


def unfold(at: AppTest, *keys: str) -> AppTest:
    """Open folded parts of the result, as a person clicking them does (each reruns)."""
    for key in keys or FOLDED:
        at.session_state[key] = True
    return at.run()
