"""Regenerate the README's screenshots: .venv/bin/python scripts/screenshots.py

Starts the app on a free port, fills it in headless Debian chromium like a user, and saves
PNGs under docs/.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from harness.browser import CHROMIUM, CHROMIUM_ARGS, AppPage  # noqa: E402
from harness.server import Server  # noqa: E402
from logic.assessment import assess  # noqa: E402
from logic.knowledge_base import load_knowledge  # noqa: E402
from questions.documents import parse_answers  # noqa: E402
from report import build_pdf  # noqa: E402
from storage import Store  # noqa: E402
from storage.teams import TeamStore  # noqa: E402

ARTIFACTS = ROOT / "test-artifacts"

DOCS = ROOT / "docs"


def main() -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    answers = json.loads((ROOT / "tests/cases/mine_starlink_planned.json").read_text())["answers"]
    answers = {**answers, "starlink": "yes"}
    database = ARTIFACTS / "screenshots.sqlite3"
    database.unlink(missing_ok=True)
    os.environ["HOSTING_FIT_DATABASE_URL"] = f"sqlite:///{database}"
    view = _team(answers)
    server = Server(env={"HOSTING_FIT_DATABASE_URL": f"sqlite:///{database}"},
                    log=ARTIFACTS / "server.log")
    url = server.url
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1200, "height": 1880})
            app = AppPage(page, url).open()
            app.fill(answers)
            page.get_by_text("Ask the account team", exact=True).wait_for()
            page.wait_for_timeout(800)
            page.screenshot(path=str(DOCS / "result.png"))
            panel = page.locator("[data-testid='stExpander']").filter(has_text="What would change")
            panel.screenshot(path=str(DOCS / "what-if.png"))
            _phone(browser, url, answers, view)
            wide = browser.new_page(viewport={"width": 1400, "height": 1500})
            AppPage(wide, url).open(f"/team?tv={view}")
            wide.get_by_text("Where the team disagrees").wait_for()
            wide.wait_for_timeout(1500)
            wide.screenshot(path=str(DOCS / "team.png"))
            AppPage(wide, url).open("/knowledge")
            wide.get_by_text(f"Rules ({len(load_knowledge().rules)})").wait_for()
            wide.wait_for_timeout(500)
            wide.screenshot(path=str(DOCS / "knowledge.png"))
            browser.close()
    finally:
        server.stop()
    report_page(answers)


def _phone(browser, url: str, answers: dict, view: str) -> None:
    """The decision card and the team view at 390 pixels, as docs/*-phone.png."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    phone = context.new_page()
    app = AppPage(phone, url).open()
    app.fill(answers)
    phone.get_by_text("Ask the account team", exact=True).wait_for()
    phone.wait_for_timeout(800)
    phone.screenshot(path=str(DOCS / "result-phone.png"))
    AppPage(phone, url).open(f"/team?tv={view}")
    phone.get_by_text("Where the team disagrees").wait_for()
    phone.wait_for_timeout(1500)
    phone.screenshot(path=str(DOCS / "team-phone.png"))
    context.close()


def _team(answers: dict) -> str:
    """A team of three who disagree on SLAs and regulation; returns the read-only link."""
    teams = TeamStore(Store.open())
    links = teams.create("Claude hosting review")
    people = [("Ana Souza", "Enterprise architect", {}),
              ("Ben Okafor", "SRE lead", {"contractual_sla": True, "uptime_target": "99.95"}),
              ("Chloé Martin", "Compliance officer", {"regulations": ["gdpr"],
                                                      "data_residency": True})]
    for name, role, change in people:
        teams.add_response(links.invite, name, role, {**answers, **change})
    return links.view


def report_page(answers: dict) -> None:
    """Page 1 of the PDF for the same answers, as docs/report-page1.png."""
    parsed = parse_answers(answers)
    kb = load_knowledge()
    pdf = build_pdf(assess(parsed, kb),
                    generated_at=datetime(2026, 11, 25, tzinfo=UTC))
    path = ARTIFACTS / "report.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                    str(path), str(DOCS / "report-page1")], check=True)


if __name__ == "__main__":
    main()
