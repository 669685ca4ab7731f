"""The journeys on a 390-pixel phone: the questionnaire to the decision card, the shared view,
and the team view, each readable without sideways scrolling."""

from __future__ import annotations

import pytest

from harness.browser import AppPage, verdict
from storage import Store
from storage.teams import TeamStore
from tests.conftest import case
from tests.e2e.conftest import PHONE

pytestmark = pytest.mark.e2e

OVERFLOW = """() => {
  const wide = [...document.querySelectorAll("[data-testid='stMain'] *")].filter(e => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.right > window.innerWidth + 1
      && !e.closest("[data-testid='stDataFrame'], [data-testid='stTable'], pre, code");
  });
  return wide.slice(0, 5).map(e => e.tagName + "." + (e.getAttribute("data-testid") || "")
                              + " " + Math.round(e.getBoundingClientRect().right));
}"""


COVERED = """(scope) => {
  const box = document.querySelector(scope);
  const button = box && [...box.querySelectorAll("button")].find(b => b.offsetParent !== null);
  if (!button) { return ["no copy button"]; }
  const b = button.getBoundingClientRect();
  const walker = document.createTreeWalker(box.querySelector("pre"), NodeFilter.SHOW_TEXT);
  const hits = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width && r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top) {
        hits.push(node.textContent.slice(0, 30));
      }
    }
  }
  return hits.slice(0, 3);
}"""


def _fits(phone) -> None:
    """Nothing but a table's own scroll area sticks out past the screen's right edge."""
    assert phone.evaluate(OVERFLOW) == []


def test_the_decision_card_on_a_phone(phone, app_url, colleague):
    """The whole questionnaire by touch at 390 pixels; the result opens at its top, the focus
    on its heading and the verdict on the screen (regression: *Get recommendation* at the
    bottom of the last section left it scrolled half-way, the verdict off the top), the
    account-team questions come with their copy box, nothing runs off the side; then the
    shared link opens as readable on the phone, and read-only in a colleague's browser."""
    app = AppPage(phone, app_url).open()
    app.fill(case("starlink_startup")["answers"])
    banner = verdict(phone, "Evaluate")
    banner.wait_for(timeout=30_000)
    phone.wait_for_function("() => document.activeElement.tagName === 'H1' && "
                            "document.activeElement.textContent.startsWith('Recommendation for')",
                            timeout=10_000)
    box = banner.bounding_box()
    assert box is not None and box["width"] <= PHONE["width"]
    assert 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"], "verdict on screen"
    phone.get_by_text("Ask the account team", exact=True).wait_for(timeout=30_000)
    phone.locator("pre, code").filter(has_text="?").first.wait_for(timeout=10_000)  # copy box
    box = phone.locator(".st-key-account_questions [data-testid='stCode']")
    box.scroll_into_view_if_needed()
    box.hover()  # the copy button shows (on a phone, a touch does the same)
    covered = phone.evaluate(COVERED, ".st-key-account_questions")
    assert covered == [], f"the copy button covers the text: {covered}"
    _fits(phone)
    app.click_button("share")
    view = phone.locator("code").filter(has_text="?a=").first.inner_text().strip()
    app.click_button("share")  # again, nothing changed: the same link, not a new pair
    again = phone.locator("code").filter(has_text="?a=").first.inner_text().strip()
    assert again == view
    AppPage(phone, app_url).open("?" + view.split("?", 1)[1])
    phone.get_by_text("Shared assessment, read-only").wait_for(timeout=30_000)
    verdict(phone, "Evaluate").wait_for()
    _fits(phone)
    other = colleague.new_page()  # a colleague's own browser, on a desktop
    shared = AppPage(other, app_url).open("?" + view.split("?", 1)[1])
    other.get_by_text("Shared assessment, read-only").wait_for(timeout=30_000)
    assert verdict(other, "Evaluate").is_visible()
    assert shared.widget("industry").count() == 0, "read-only: no questionnaire"


def test_the_team_view_on_a_phone(phone, app_url, app_database):
    """A team of three who disagree, seen at 390 pixels: the team verdict, then who holds it
    (one card a question, within the screen, names and answers in words), the respondents'
    table within the screen (its verdict the second column), the heatmap within the screen
    with its words."""
    teams = TeamStore(Store.open(app_database))
    links = teams.create("Phone review")
    base = case("starlink_startup")["answers"]
    for name, role, change in (("Ana", "CTO", {}), ("Ben", "SRE lead", {"contractual_sla": True}),
                               ("Chloé", "Compliance", {"regulations": ["gdpr"]})):
        teams.add_response(links.invite, name, role, {**base, **change})
    AppPage(phone, app_url).open(f"/team?tv={links.view}")
    phone.get_by_text("Where the team disagrees").wait_for(timeout=30_000)
    phone.locator(".st-key-verdict_lead [data-testid='stAlert'] strong").first.wait_for()
    card = phone.locator(".st-key-holding_0")
    box = card.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1
    assert "Team answer:" in card.inner_text() and "answered" in card.inner_text()
    table = phone.locator(".st-key-team_table")
    box = table.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1, (
        "the respondents' table (verdict in its second column) within the screen")
    heatmap = phone.locator(".st-key-team_heatmap")
    heatmap.wait_for()
    box = heatmap.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1
    assert phone.get_by_text("The chart in words: No action").count() == 1
    _fits(phone)

