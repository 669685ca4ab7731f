"""Browser benchmark: open the team view of a team of 500 respondents (the most the app
allows) in headless Debian chromium, until its last part ("Where the team disagrees") and the
exports are on screen. The first open loads the app's code into the browser and runs the
analysis; later opens (the same browser, a new tab) use both caches, as a returning visitor.
Prints one line.

Run: .venv/bin/python -m bench.team_browser [respondents]
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from harness.browser import CHROMIUM, CHROMIUM_ARGS, AppPage
from harness.server import Server
from logic.check import random_answers
from storage import Store
from storage.teams import TeamStore


def main(size: int = 500, repeats: int = 5) -> None:
    database = f"sqlite:///{Path(tempfile.mkdtemp()) / 'team.sqlite3'}"
    store = Store.open(database)
    teams = TeamStore(store)
    links = teams.create("Company-wide review")
    rng = random.Random(3)
    for i in range(size):
        teams.add_response(links.invite, f"Person {i}", "Architect",
                           random_answers(rng).document())
    store.close()
    times = []
    with Server(env={"HOSTING_FIT_DATABASE_URL": database}) as server, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        for _ in range(repeats):  # one browser profile: the first open loads the app's code
            page = context.new_page()
            start = time.perf_counter()
            AppPage(page, server.url).open(f"/team?tv={links.view}")
            page.get_by_text("Where the team disagrees").wait_for(timeout=60_000)
            page.get_by_text("Team report (PDF)").wait_for(timeout=60_000)
            times.append(time.perf_counter() - start)
            page.close()
        browser.close()
    print(f"team view in the browser, {size} respondents: first {times[0]:.2f} s, then median "
          f"{statistics.median(times[1:]):.2f} s (open to the last section on screen)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
