"""The page script (ui/static/keyboard.js) leans on Streamlit's own markup: every selector in its
table still matches the pinned Streamlit, each where the script uses it."""

from __future__ import annotations

import re

import pytest

from harness.browser import AppPage
from tests.conftest import ROOT, case
from tests.e2e.conftest import open_result

pytestmark = pytest.mark.e2e

SCRIPT = ROOT / "ui" / "static" / "keyboard.js"


def _table() -> set[str]:
    body = SCRIPT.read_text(encoding="utf-8").split("const SELECTORS = {", 1)[1].split("};", 1)[0]
    return set(re.findall(r"(?m)^\s+(\w+):", body))


def _matches(page, name: str) -> int:
    return page.evaluate("(name) => document.querySelectorAll(window.hostingFit.SELECTORS[name])"
                         ".length", name)


def test_every_selector_of_the_page_script_matches_the_pinned_streamlit(page, app_url,
                                                                       app_database):
    app = AppPage(page, app_url).open()
    app.wait_page_script()
    assert set(page.evaluate("Object.keys(window.hostingFit.SELECTORS)")) == _table()
    checked = set()
    for name in ("widget", "inputs", "questionInputs", "popoverButton", "scrollers"):
        assert _matches(page, name), f"{name}: nothing on the questionnaire"  # at rest
        checked.add(name)
    page.locator("[data-testid='stPopoverButton']").first.click()
    page.wait_for_function("() => document.querySelector(window.hostingFit.SELECTORS"
                           ".popoverField) !== null", timeout=15_000)
    checked.add("popoverField")
    page.keyboard.press("Escape")
    app.settle()
    app.widget("industry").get_by_role("combobox").click()
    page.wait_for_function("() => document.querySelector(window.hostingFit.SELECTORS.options)"
                           " !== null", timeout=15_000)
    checked.add("options")
    page.keyboard.press("Escape")
    app.settle()
    app.set("industry", "aviation")  # a chosen value: the box shows its clear button
    page.wait_for_function("() => Array.from(document.querySelectorAll(window.hostingFit"
                           ".SELECTORS.clearButtons)).some(b => b.tabIndex === -1)",
                           timeout=15_000)
    checked.add("clearButtons")  # out of the Tab order: Tab goes on to the next question
    open_result(page, app_url, app_database, case("starlink_startup")["answers"])
    app.wait_page_script()  # a new page: the script installs itself again
    page.wait_for_function("() => Array.from(document.querySelectorAll(window.hostingFit"
                           ".SELECTORS.headings)).some(h => h.textContent.startsWith("
                           "'Recommendation for'))", timeout=30_000)
    checked.add("headings")
    assert checked == _table(), "every selector of the table is checked where it is used"
