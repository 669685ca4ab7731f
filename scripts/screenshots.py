"""Regenerate the README's screenshots: .venv/bin/python scripts/screenshots.py

Starts the app on a free port, fills it in headless Debian chromium like a user, and saves
PNGs under docs/.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.e2e.conftest import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, start_server  # noqa: E402
from tests.e2e.driver import AppPage  # noqa: E402

DOCS = ROOT / "docs"


def main() -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    answers = json.loads((ROOT / "tests/cases/mine_starlink_planned.json").read_text())["answers"]
    url, server = start_server()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1200, "height": 1880})
            app = AppPage(page, url).open()
            app.fill(answers)
            page.get_by_text("Questions for the account team").wait_for()
            page.wait_for_timeout(800)
            page.screenshot(path=str(DOCS / "result.png"))
            browser.close()
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
