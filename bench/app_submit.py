"""Browser benchmark: click "Get recommendation" to verdict visible, in headless Debian
chromium, for the app and for a bare 23-widget Streamlit form (bench/minimal_form.py), in the
same run, one click of each in turn so that both see the same load on the machine. The ratio
is the figure that counts (last line); the line before it says when the whole result page
(down to its last button) was drawn.

Timing is taken inside the page: the click and a MutationObserver that notes when the verdict
text is in the DOM, so Playwright's polling does not add to either side.

Run: .venv/bin/python -m bench.app_submit [repeats]
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from harness.browser import CHROMIUM, CHROMIUM_ARGS, IDLE, AppPage
from harness.server import Server

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = json.loads((ROOT / "tests/cases/starlink_startup.json").read_text())["answers"]
CLICK_TO_TEXT = """([button, text, last, where]) => new Promise((resolve, reject) => {
  // textContent, not innerText: innerText forces a layout of the whole page on every check,
  // which would bill the measurement's own cost to the larger page
  const seen = () => [...document.querySelectorAll(where)]
    .some(a => a.textContent.includes(text));
  const done = () => !last || document.querySelector(last) !== null;
  if (seen() || (last && done())) { reject(new Error("already on the page")); return; }
  let t0 = 0, verdict = 0;
  const observer = new MutationObserver(() => {
    if (!verdict && seen()) { verdict = performance.now() - t0; }
    if (verdict && done()) { observer.disconnect(); resolve([verdict, performance.now() - t0]); }
  });
  observer.observe(document.body, {subtree: true, childList: true, characterData: true});
  t0 = performance.now();
  document.querySelector(button).click();
  setTimeout(() => reject(new Error("no verdict within 10 s")), 10000);
})"""

# Before each click, both tabs wait this long, so that neither click is timed while the other
# tab (or its own last redraw) is still busy: the machine has 2 cores.
QUIET_MS = 300


ALERTS = "[data-testid='stAlert']"
VERDICT = ".st-key-verdict_lead [data-testid='stAlert'] strong"  # the app's verdict, alone


def _click_to_text(page: Any, button: str, text: str, last: str = "",
                   where: str = ALERTS) -> tuple[float, float]:
    """Seconds from the click to the verdict's text (in an element matching `where`), and to
    the `last` element of the page."""
    verdict, whole = page.evaluate(CLICK_TO_TEXT, [button, text, last, where])
    return float(verdict) / 1000, float(whole) / 1000


class _App:
    """The app in a tab, on the last section with every answer given, ready to submit."""

    def __init__(self, browser: Any, url: str) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.app = AppPage(self.page, url).open()
        self.app.fill(ANSWERS)  # the first submit warms the caches
        self.page.locator(VERDICT).filter(has_text="Evaluate").first.wait_for()

    def click(self) -> tuple[float, float]:
        self.app.widget("section_nav").get_by_text("Strategy").click()
        self.app.settle()
        self.app.widget("get_recommendation").locator("button").wait_for()
        self.page.wait_for_timeout(QUIET_MS)
        times = _click_to_text(self.page, ".st-key-get_recommendation button", "Evaluate",
                               ".st-key-reset", VERDICT)
        self.app.settle()
        return times


class _BareForm:
    """The bare form in a tab."""

    def __init__(self, browser: Any, url: str) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.page.goto(url)
        self.page.get_by_role("button", name="Get recommendation").wait_for(timeout=30_000)
        self.runs = 0
        self.click()  # the first click warms the server

    def click(self) -> float:
        self.runs += 1
        self.page.wait_for_timeout(QUIET_MS)
        seconds, _ = _click_to_text(self.page,
                                    "[data-testid='stBaseButton-secondaryFormSubmit']",
                                    f"Verdict number {self.runs}:")
        self.page.wait_for_selector(IDLE)
        return seconds


class _BareSwitch:
    """bench/minimal_switch.py in a tab: a 23-widget section switched to a result of the
    app's size, and back."""

    def __init__(self, browser: Any, url: str) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.page.goto(url)
        self.runs = 0
        self.click()  # the first click warms the server

    def click(self) -> tuple[float, float]:
        self.page.locator(".st-key-get_recommendation button").wait_for(timeout=30_000)
        self.page.wait_for_selector(IDLE)
        self.runs += 1
        self.page.wait_for_timeout(QUIET_MS)
        times = _click_to_text(self.page, ".st-key-get_recommendation button",
                               f"Verdict number {self.runs}:", ".st-key-reset")
        self.page.wait_for_selector(IDLE)
        self.page.locator(".st-key-reset button").click()
        return times


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    bare_runs: list[float] = []
    app_runs: list[tuple[float, float]] = []
    switch_runs: list[tuple[float, float]] = []
    with (sync_playwright() as playwright, Server() as app_server,
          Server(ROOT / "bench/minimal_form.py") as bare_server,
          Server(ROOT / "bench/minimal_switch.py") as switch_server):
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        app_tab, bare_tab = _App(browser, app_server.url), _BareForm(browser, bare_server.url)
        switch_tab = _BareSwitch(browser, switch_server.url)
        for _ in range(repeats):  # taken in turn, so all see the same machine
            bare_runs.append(bare_tab.click())
            switch_runs.append(switch_tab.click())
            app_runs.append(app_tab.click())
        browser.close()
    minimal = statistics.median(bare_runs) * 1000
    app = statistics.median(verdict for verdict, _ in app_runs) * 1000
    whole = statistics.median(whole for _, whole in app_runs) * 1000
    switch = statistics.median(whole for _, whole in switch_runs) * 1000
    print(f"bare page switching 23 widgets to a result of the app's size: {switch:.0f} ms "
          f"(median; {switch / minimal:.2f}x the bare form)")
    print(f"app: the whole result drawn {whole:.0f} ms after the click (median; "
          f"{whole / minimal:.2f}x the bare form, {whole / switch:.2f}x the bare switch)")
    print(f"app: click-to-verdict median {app:.0f} ms vs bare 23-widget form {minimal:.0f} ms "
          f"(ratio {app / minimal:.2f}, {repeats} clicks each, timed in the page)")


if __name__ == "__main__":
    main()
