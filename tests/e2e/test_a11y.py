"""Accessibility in a real browser: axe-core (from the npm registry, fetched by the README's
test command into .cache/axe-core) on every page, WCAG 2.1 A and AA, plus heading order."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.browser import AppPage, wait_drawn
from tests.conftest import ROOT, case
from tests.e2e.conftest import open_result

pytestmark = pytest.mark.e2e

AXE = ROOT / ".cache" / "axe-core" / "node_modules" / "axe-core" / "axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def axe_js() -> Path:
    if not AXE.exists():
        pytest.skip(f"{AXE} not found: the README's test command fetches axe-core with npm "
                    "(npm missing, or the registry unreachable)")
    return AXE


def _violations(page, axe_js: Path) -> list[str]:
    # only on a page at rest: while a script runs, Streamlit fades the old elements, and their
    # lowered contrast is not what a reader sees; nor is a part still being drawn
    wait_drawn(page)
    page.add_script_tag(path=str(axe_js))
    found = page.evaluate(
        """async (tags) => {
            const wcag = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            const order = await axe.run(document, {runOnly: {type: 'rule',
                                                             values: ['heading-order']}});
            return [...wcag.violations, ...order.violations].map(v =>
                `${v.id} (${v.impact}): ` + v.nodes.map(n => n.target.join(' ')).join(' | '));
        }""", RULES)
    return list(found)


def test_every_page_passes_axe(page, app_url, app_database, axe_js):
    app = AppPage(page, app_url).open()
    app.widget("org_name").wait_for(timeout=30_000)
    assert _violations(page, axe_js) == [], "the first screen"
    app = open_result(page, app_url, app_database, case("starlink_startup")["answers"])
    page.get_by_text("Ask the account team", exact=True).wait_for(timeout=30_000)
    assert _violations(page, axe_js) == [], "the result"
    # the verdict banner is a live region (status or alert): a screen reader reads it out
    # when the result appears
    banner = page.locator(".st-key-verdict_lead [data-testid='stAlertContainer']").first
    assert banner.get_attribute("role") in ("status", "alert")
    app.click_button("share")
    links = {key: page.locator("code").filter(has_text=f"?{key}=").first.inner_text().strip()
             for key in ("a", "m")}
    for key, text in (("a", "Shared assessment, read-only"),
                      ("m", "Share links of this assessment")):
        AppPage(page, app_url).open("?" + links[key].split("?", 1)[1])
        page.get_by_text(text).first.wait_for(timeout=30_000)
        AppPage(page, app_url).settle()  # axe reads a page at rest
        assert _violations(page, axe_js) == [], f"the {'shared' if key == 'a' else 'manage'} view"
    for path, text in (("/knowledge", "The knowledge behind the recommendation"),
                       ("/team", "Start a team assessment"),
                       ("/batch", "Batch: many business units at once")):
        AppPage(page, app_url).open(path)
        page.get_by_text(text).first.wait_for(timeout=30_000)
        AppPage(page, app_url).settle()
        assert _violations(page, axe_js) == [], path


def test_the_whole_questionnaire_by_keyboard_alone_within_four_presses_per_answer(page, app_url):
    """The keyboard benchmark (bench/keyboard.py) as a check: every answer typed is kept (the
    verdict is the one the answers give) and it takes at most 4 key presses per answer."""
    from bench.keyboard import drive, expected_verdict

    tabs, other, answered, shown = drive(page, app_url)
    assert expected_verdict() in shown
    assert (tabs + other) / answered <= 4.0, f"{tabs} Tabs and {other} other keys, {answered}"


def test_opening_the_notes_puts_the_cursor_in_the_first_note(page, app_url):
    """The section's notes sit above its questions (one stop, then straight on to *Next*
    after the last question); opening them by keyboard moves the focus into the editor."""
    AppPage(page, app_url).open()
    page.wait_for_function("() => document.activeElement.closest('.st-key-org_name')",
                           timeout=10_000)
    page.keyboard.press("Shift+Tab")
    assert "notes" in page.evaluate("() => document.activeElement.innerText").lower()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.tagName === 'TEXTAREA'",
                           timeout=5_000)
    label = page.evaluate("() => document.activeElement.getAttribute('aria-label') || "
                          "document.activeElement.closest('[data-testid=stTextArea]').innerText")
    assert "organisation" in label.lower() or "Note on" in label
    page.keyboard.type("Board pack draft")
    page.keyboard.press("Escape")


def test_next_on_an_incomplete_section_moves_the_focus_to_the_first_missing_answer(page,
                                                                                   app_url):
    """*Next* with questions left unanswered keeps the person on the section, says what is
    missing, and puts the keyboard focus on the first unanswered question, not on the button."""
    app = AppPage(page, app_url).open()
    app.set("org_name", "Focus Test Ltd")
    app.set("industry", "aviation")
    app.widget("next").locator("button").focus()
    page.keyboard.press("Enter")
    page.get_by_text("Please answer:").first.wait_for(timeout=15_000)
    page.wait_for_function("() => !!(document.activeElement && document.activeElement"
                           ".closest('.st-key-employees'))", timeout=10_000)


def test_the_team_pages_and_a_ticked_dont_know_pass_axe(page, app_url, app_database, axe_js):
    """The team's invite, view and manage pages with three respondents who disagree, and a
    section with "Don't know" ticked (its question greyed out), each with no violation."""
    from storage import Store
    from storage.teams import TeamStore

    store = Store.open(app_database)
    teams = TeamStore(store)
    links = teams.create("Axe review")
    base = case("starlink_startup")["answers"]
    for name, role, change in (("Ana", "CTO", {}), ("Ben", "SRE lead", {"contractual_sla": True}),
                               ("Chloé", "Compliance", {"regulations": ["gdpr"]})):
        teams.add_response(links.invite, name, role, {**base, **change})
    store.close()
    for path, text in ((f"/team?t={links.invite}", "Add your answers to Axe review"),
                       (f"/team?tv={links.view}", "Who holds the team verdict"),
                       (f"/team?tm={links.manage}", "Manage Axe review")):
        app = AppPage(page, app_url).open(path)
        page.get_by_text(text).first.wait_for(timeout=30_000)
        app.settle()
        assert _violations(page, axe_js) == [], path
    app = AppPage(page, app_url).open()
    answers = case("edge_gdpr_only")["answers"]
    for key in ("org_name", "industry", "employees", "claude_usage", "hosting_role_sought"):
        app.set(key, answers[key])
    app.click_button("next")
    app.set("edge_sites", "few")
    app.set("latency_target_ms", "unknown")
    page.locator(".st-key-latency_target_ms input[disabled]").wait_for(timeout=15_000)
    assert _violations(page, axe_js) == [], "a section with Don't know ticked"
