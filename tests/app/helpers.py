"""Driving the app through AppTest by widget key, as a user fills it in."""

from __future__ import annotations

from typing import Any

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

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
            widget(at, key).set_value("" if value is None and key == "org_name" else value)
            done.add(key)
        at.run()


def fill_all(at: AppTest, answers: dict[str, Any]) -> AppTest:
    """Fill every section in order and press Get recommendation."""
    for _ in range(6):
        fill_section(at, answers)
        forward = [b for b in at.button if b.key in ("next", "get_recommendation")][0]
        forward.click().run()
    return at
