"""Keyboard-only benchmark: drive Debian's chromium through the whole questionnaire with the
keyboard alone (Tab to reach each question; arrows, typing and Enter to answer; Tab and Enter
for Next), counting every key press. Prints the counts; the last line is
`N key presses per answer`.

Run: .venv/bin/python -m bench.keyboard [-v]   (-v: the presses of each answer)
"""

from __future__ import annotations

import json
import sys
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, sync_playwright

from harness.browser import CHROMIUM, CHROMIUM_ARGS, AppPage
from harness.server import Server
from logic.engine import evaluate
from logic.knowledge_base import load_knowledge
from questions.documents import parse_answers
from questions.schema import default_bank
from tests.conftest import ROOT

ANSWERS = json.loads((ROOT / "tests" / "cases" / "hospital_backup_hipaa.json").read_text())[
    "answers"]
MAX_TABS = 60
VERBOSE = "-v" in sys.argv  # one line per answer and per Next


class Keys:
    """The page's keyboard, counting presses."""

    def __init__(self, page: Page) -> None:
        self.page, self.tabs, self.other = page, 0, 0

    def press(self, key: str, times: int = 1) -> None:
        for _ in range(times):
            self.page.keyboard.press(key)
            if key == "Tab":
                self.tabs += 1
            else:
                self.other += 1

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)
        self.other += len(text)

    def inside(self, selector: str) -> bool:
        return bool(self.page.evaluate(
            "(s) => !!(document.activeElement && document.activeElement.closest(s))", selector))

    def settle_focus(self, selector: str) -> None:
        """Give the page a moment to put the cursor in the section's first field, as a person
        looking at a new page does; if it never lands there, the Tab presses count. (Up to
        10 s: on a machine busy with other work the focus came after 3 s once, and the Tabs
        from the top of the page were counted against the app.)"""
        try:
            self.page.wait_for_function(
                "(s) => !!(document.activeElement && document.activeElement.closest(s))",
                arg=selector, timeout=10_000)
        except PlaywrightError:
            pass

    def tab_to(self, selector: str) -> None:
        for _ in range(MAX_TABS):
            if self.inside(selector):
                return
            self.press("Tab")
        raise RuntimeError(f"{selector} not reached by Tab")


def _shortest(labels: list[str], target: str) -> str:
    """The fewest first letters of `target` after which it is the first option the select
    box still lists (it keeps the options containing what was typed, in order)."""
    for length in range(1, len(target) + 1):
        typed = target[:length].lower()
        if next(label for label in labels if typed in label.lower()) == target:
            return target[:length]
    return target


def _answer(keys: Keys, app: AppPage, question: Any, value: Any) -> None:
    box = f".st-key-{question.id}"
    if question.kind in ("choice", "boolean") and app.widget(question.id).locator(
            "[role='radiogroup']").count():
        keys.tab_to(f"{box} input[type='radio']")
        values = list(question.choices())
        index = values.index(value)
        if index == 0:
            keys.press("Space")
        else:
            keys.press("ArrowRight", index)
    elif question.kind == "choice":
        keys.tab_to(f"{box} input")
        labels = [o.label for o in question.options]
        keys.type(_shortest(labels, question.label_of(value)))
        keys.press("Enter")
    elif question.kind == "multi_choice":
        keys.tab_to(f"{box} input")
        labels = [o.label for o in question.options]
        for item in value or []:
            left = [label for label in labels if label not in
                    {question.label_of([v]) for v in (value or [])[:value.index(item)]}]
            keys.type(_shortest(left, question.label_of([item])))
            keys.press("Enter")
    elif question.kind == "integer":
        keys.tab_to(f"{box} input")
        if value is not None:
            keys.type(str(value))  # Tab to the next field keeps it, as a person does
    else:  # text
        keys.tab_to(f"{box} input")
        keys.type(value or "")
    app.settle()


def drive(page: Page, url: str) -> tuple[int, int, int, str]:
    """Answer the whole questionnaire in `page` by keyboard alone: Tab presses, other key
    presses, answers given, and the verdict banner's text at the end."""
    bank = default_bank()
    app = AppPage(page, url).open()
    keys = Keys(page)
    answered = 0
    form: dict[str, Any] = {}
    for index, section in enumerate(bank.sections):
        app.widget(section.questions[0].id).wait_for(timeout=30_000)
        keys.settle_focus(f".st-key-{section.questions[0].id}")
        for question in section.questions:
            if not question.is_visible(form) or question.id not in ANSWERS:
                continue
            before = keys.tabs + keys.other
            _answer(keys, app, question, ANSWERS[question.id])
            if VERBOSE:
                print(f"  {question.id}: {keys.tabs + keys.other - before}")
            form[question.id] = ANSWERS[question.id]
            answered += 1
        last = index == len(bank.sections) - 1
        before = keys.tabs + keys.other
        keys.tab_to(f".st-key-{'get_recommendation' if last else 'next'} button")
        keys.press("Enter")
        if VERBOSE:
            print(f"  {'submit' if last else 'next'}: {keys.tabs + keys.other - before}")
        app.settle()
    page.get_by_text("Recommendation for").first.wait_for(timeout=30_000)
    return keys.tabs, keys.other, answered, page.get_by_role("alert").first.inner_text()


def expected_verdict() -> str:
    """The verdict label the benchmark's answers give: every answer typed must have been kept."""
    return load_knowledge().verdicts[evaluate(parse_answers(ANSWERS)).verdict].label


def run(url: str) -> tuple[int, int, int]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        tabs, other, answered, shown = drive(page, url)
        browser.close()
    if expected_verdict() not in shown:
        sys.exit(f"keyboard run ended on {shown!r}, not {expected_verdict()!r}: an answer "
                 "was lost")
    return tabs, other, answered


def main() -> None:
    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} not found: install Debian's chromium")
    with Server() as server:
        tabs, other, answered = run(server.url)
    print(f"keyboard: {tabs} Tab presses and {other} other keys for {answered} answers")
    print(f"{(tabs + other) / answered:.2f} key presses per answer")


if __name__ == "__main__":
    main()
