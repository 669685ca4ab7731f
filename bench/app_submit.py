"""Browser benchmark: click "Get recommendation" to verdict visible, in headless Debian
chromium, for the app and for a bare 23-widget Streamlit form (bench/minimal_form.py), in the
same run. The ratio is the figure that counts (last line); the line before it says when the
whole result page (down to its last button) was drawn.

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
ANSWERS = json.loads((ROOT / "tests/cases/startup_backup_tolerant.json").read_text())["answers"]
CLICK_TO_TEXT = """([button, text, last]) => new Promise((resolve, reject) => {
  // textContent, not innerText: innerText forces a layout of the whole page on every check,
  // which would bill the measurement's own cost to the larger page
  const seen = () => [...document.querySelectorAll("[data-testid='stAlert']")]
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


def _click_to_text(page: Any, button: str, text: str, last: str = "") -> tuple[float, float]:
    """Seconds from the click to the verdict's text, and to the `last` element of the page."""
    verdict, whole = page.evaluate(CLICK_TO_TEXT, [button, text, last])
    return float(verdict) / 1000, float(whole) / 1000


def _app_times(browser: Any, repeats: int) -> list[tuple[float, float]]:
    with Server() as server:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        app = AppPage(page, server.url).open()
        app.fill(ANSWERS)  # the first submit warms the caches
        page.get_by_text("Evaluate.").first.wait_for()
        times = []
        for _ in range(repeats):
            app.widget("section_nav").get_by_text("Strategy").click()
            app.settle()
            app.widget("get_recommendation").locator("button").wait_for()
            times.append(_click_to_text(page, ".st-key-get_recommendation button", "Evaluate.",
                                        ".st-key-reset"))
            app.settle()
        page.close()
        return times


def _minimal_times(browser: Any, repeats: int) -> list[float]:
    with Server(ROOT / "bench/minimal_form.py") as server:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(server.url)
        page.get_by_role("button", name="Get recommendation").wait_for(timeout=30_000)
        times = []
        for run in range(1, repeats + 2):
            seconds, _ = _click_to_text(page, "[data-testid='stBaseButton-secondaryFormSubmit']",
                                        f"Verdict number {run}:")
            if run > 1:  # the first click warms the server
                times.append(seconds)
            page.wait_for_selector(IDLE)
        page.close()
        return times


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        minimal = statistics.median(_minimal_times(browser, repeats)) * 1000
        app_runs = _app_times(browser, repeats)
        browser.close()
    app = statistics.median(verdict for verdict, _ in app_runs) * 1000
    whole = statistics.median(whole for _, whole in app_runs) * 1000
    print(f"app: the whole result drawn {whole:.0f} ms after the click (median)")
    print(f"app: click-to-verdict median {app:.0f} ms vs bare 23-widget form {minimal:.0f} ms "
          f"(ratio {app / minimal:.2f}, {repeats} clicks each, timed in the page)")


if __name__ == "__main__":
    main()
