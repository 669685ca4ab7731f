"""The questionnaire and the result in a real browser (headless Debian chromium)."""

from __future__ import annotations

import json
import sqlite3
from contextlib import ExitStack
from pathlib import Path

import pytest
from playwright.sync_api import expect

from harness.browser import AppPage, verdict, wait_drawn
from harness.server import Server
from tests.conftest import ROOT, case, pdf_text, shared_or_skip
from tests.e2e.conftest import open_result

pytestmark = pytest.mark.e2e


def test_questionnaire_to_result_in_a_browser(page, app_url):
    app = AppPage(page, app_url).open()
    assert page.title().startswith("Hosting fit")
    app.fill(case("starlink_startup")["answers"])
    banner = verdict(page, "Evaluate")
    banner.wait_for(timeout=15_000)
    assert page.get_by_text("Recommendation for Quill Labs").is_visible()
    assert page.get_by_text("Ask the account team", exact=True).is_visible()
    page.screenshot(path=str(ROOT / "test-artifacts" / "result.png"), full_page=True)


def test_shared_example_in_a_browser(page, app_url, app_database):
    """A shared example's result, opened from its saved draft (answering it is the subject of
    the questionnaire's own tests and of the AppTest run of every shared example)."""
    answers = json.loads(shared_or_skip("examples", "agri_field_ops.json").read_text())
    answers["edge_traffic_pct"] = 55
    open_result(page, app_url, app_database, answers)
    verdict(page, "Evaluate").wait_for(timeout=15_000)
    page.get_by_text("The evidence: what makes it relevant").click()  # folded below the card
    page.get_by_text("Edge latency", exact=True).first.wait_for(timeout=15_000)


def test_conditional_questions_appear_in_a_browser(page, app_url):
    app = AppPage(page, app_url).open()
    app.click_button("next")  # nothing answered: Next stays on the profile with inline errors
    assert page.get_by_text("Please answer: Industry").is_visible()
    app.widget("section_nav").get_by_text("Edge and connectivity").click()
    app.settle()
    assert app.widget("starlink").count() == 0
    app.set("edge_sites", "many")
    assert app.widget("starlink").is_visible()


def test_many_sites_leaves_the_follow_ups_empty_and_the_section_incomplete(page, app_url):
    """Regression: choosing "Many sites" showed Starlink "No" and 0% already answered, the
    section counted as complete and Next moved on."""
    app = AppPage(page, app_url).open()
    app.widget("section_nav").get_by_text("Edge and connectivity").click()
    app.settle()
    app.set("edge_sites", "many")
    starlink = app.widget("starlink")
    assert starlink.is_visible()
    assert starlink.get_by_role("radio", checked=True).count() == 0, "no Starlink answer shown"
    expect(app.widget("edge_traffic_pct").locator("input")).to_have_value("")
    app.click_button("next")
    assert page.get_by_text("Please answer: Do those sites use Starlink?").is_visible()
    assert page.get_by_text("Please answer: Share of your AI requests").is_visible()
    assert app.widget("starlink").is_visible(), "still on the edge section"
    app.set("starlink", "yes")
    app.set("edge_traffic_pct", 40)
    app.click_button("next")
    assert app.widget("uptime_target").is_visible(), "complete once every follow-up is answered"


def test_a_long_paste_is_cut_with_a_note_not_dropped(page, app_url):
    """Regression: pasting an organisation name over 120 characters left the field empty
    with no message."""
    app = AppPage(page, app_url).open()
    field = app.widget("org_name").locator("input")
    field.fill("Harbourline " * 20)  # 240 characters
    field.press("Tab")
    app.settle()
    page.get_by_text("Cut to 120 characters").wait_for(timeout=15_000)
    expect(field).to_have_value(("Harbourline " * 20)[:120])


def test_a_reload_stays_on_the_section(page, app_url):
    """Regression: a reload went back to section 1."""
    from questions.schema import default_bank

    app = AppPage(page, app_url).open()
    answers = case("hospital_backup_hipaa")["answers"]
    for question in default_bank().sections[0].questions:
        if question.id in answers:
            app.set(question.id, answers[question.id])
    app.click_button("next")
    app.widget("edge_sites").wait_for(timeout=15_000)
    page.wait_for_function("() => window.location.search.includes('s=edge')", timeout=15_000)
    page.reload()
    app.settle()
    app.widget("edge_sites").wait_for(timeout=30_000)
    assert app.widget("org_name").count() == 0, "still on the edge section after the reload"


def test_dont_know_in_a_browser(page, app_url):
    """"Don't know" is the same box under a number and under a choice; ticking it greys the
    question out, and the result shows the band, the question to settle first and each
    unknown with the answer it was read as."""
    app = AppPage(page, app_url).open()
    answers = {**case("edge_gdpr_only")["answers"], "edge_traffic_pct": "unknown",
               "uptime_target": "unknown"}
    app.fill(answers)
    notice = page.get_by_test_id("stAlertContentInfo").get_by_text("You answered “Don't know”")
    notice.wait_for(timeout=30_000)
    text = page.get_by_test_id("stAlertContentInfo").filter(
        has_text="You answered “Don't know”").inner_text()
    assert "ranges from No action to Evaluate" in text
    assert "Settle first: “Share of your AI requests that start at edge sites (%)”" in text
    assert "“Uptime target for the AI workloads in question”: read as “99.9%”" in text


def test_pdf_download_in_a_browser(page, app_url, app_database):
    app = open_result(page, app_url, app_database, case("hospital_backup_hipaa")["answers"])
    button = app.widget("download_pdf").locator("button")
    button.wait_for(timeout=15_000)
    with page.expect_download(timeout=30_000) as download:
        button.click()
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert download.value.suggested_filename.startswith("hosting-fit-st-aldric-health-")
    text = pdf_text(pdf)
    assert "St. Aldric Health" in text and "From the news report Monitor" in text


def test_reload_mid_questionnaire_keeps_the_answers(page, app_url):
    app = AppPage(page, app_url).open()
    app.set("org_name", "Reload Test Ltd")
    app.set("industry", "aviation")
    app.reload_saved()
    app.widget("org_name").wait_for(timeout=15_000)
    expect(app.widget("org_name").locator("input")).to_have_value("Reload Test Ltd")
    expect(app.widget("industry").get_by_role("combobox")).to_have_value("Aviation")


def _enter_in_browser(page, app_url: str, invite: str, name: str, role: str) -> AppPage:
    """Open the invite link, give a name and a role, and reach the questionnaire."""
    app = AppPage(page, app_url).open(f"/team?t={invite}")
    page.get_by_role("textbox", name="Your name").fill(name)
    page.get_by_role("textbox", name="Your role").fill(role)
    page.get_by_role("button", name="Answer the questionnaire").click()
    app.settle()
    page.get_by_text("Answering for the team").wait_for(timeout=15_000)
    return app


def _join_in_browser(context, app_url: str, invite: str, name: str, role: str,
                     answers: dict) -> None:
    page = context.new_page()
    app = _enter_in_browser(page, app_url, invite, name, role)
    app.fill(answers)
    app.click_button("team_submit")
    page.get_by_text("Your answers are in the team view").wait_for(timeout=15_000)


def test_two_browsers_answer_and_the_team_view_shows_both(colleague, page, app_url, app_database):
    """A team created in one browser, a colleague answering in another; a second colleague's
    answers are saved straight to the database (the browser flow is the same) to keep the run
    short."""
    from storage import Store
    from storage.teams import TeamStore

    app = AppPage(page, app_url).open("/team")
    page.get_by_role("textbox", name="Team or decision name").fill("Browser team")
    page.get_by_role("button", name="Create team").click()
    app.settle()
    invite_link = page.locator("code").filter(has_text="team?t=").first.inner_text().strip()
    view_link = page.locator("code").filter(has_text="team?tv=").first.inner_text().strip()
    invite = invite_link.split("t=", 1)[1]
    base = case("starlink_startup")["answers"]
    _join_in_browser(colleague, app_url, invite, "Ana", "CTO", base)
    store = Store.open(app_database)
    TeamStore(store).add_response(invite, "Ben", "SRE lead", {**base, "contractual_sla": True})
    store.close()
    AppPage(page, app_url).open("/team?" + view_link.split("?", 1)[1])
    page.get_by_text("The team is split: 1 respondent reaches Evaluate and 1 respondent "
                     "reaches Monitor.").wait_for(timeout=15_000)
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.wait_for()
    page.screenshot(path=str(ROOT / "test-artifacts" / "team.png"), full_page=True)
    assert page.get_by_text("Where the team disagrees").is_visible()


def test_team_creator_and_respondent_survive_a_reload(colleague, page, app_url):
    """Regression: a reload lost the creator's links and a respondent's team (no banner, no
    Submit to the team)."""
    app = AppPage(page, app_url).open("/team")
    page.get_by_role("textbox", name="Team or decision name").fill("Reload team")
    page.get_by_role("button", name="Create team").click()
    app.settle()
    invite = page.locator("code").filter(has_text="team?t=").first.inner_text().split("t=")[1]
    page.reload()
    app.settle()
    page.get_by_text("Your manage link for this team").wait_for(timeout=15_000)
    other = colleague.new_page()
    them = _enter_in_browser(other, app_url, invite.strip(), "Ana", "CTO")
    them.set("industry", "software")
    assert "Ana" not in other.url and "CTO" not in other.url, other.url
    them.reload_saved()
    other.get_by_text("Answering for the team").wait_for(timeout=30_000)
    assert other.get_by_text("as Ana (CTO)").count() == 1, "the name and role from the draft"
    expect(them.widget("industry").get_by_role("combobox")).to_have_value("Software")


def test_on_a_phone_the_title_leaves_room_for_the_first_question(phone, app_url):
    """Regression: at 390 pixels the page title filled the first screen."""
    app = AppPage(phone, app_url).open()
    app.widget("org_name").wait_for(timeout=30_000)
    phone.wait_for_function(  # the title takes a few lines, not the screen
        "() => document.querySelector('h1').getBoundingClientRect().height < 844 * 0.15",
        timeout=15_000)
    first = app.widget("org_name").bounding_box()
    assert first is not None and first["y"] < 844, "the first question on the first screen"


def test_after_next_the_focus_is_on_the_next_sections_first_question(page, app_url):
    """Regression: after Next the focus stayed at the bottom, 15 Tabs from the next question;
    and each question cost three stops (help, input, its own note control)."""
    from questions.schema import default_bank

    app = AppPage(page, app_url).open()
    answers = case("hospital_backup_hipaa")["answers"]
    for question in default_bank().sections[0].questions:
        if question.id in answers:
            app.set(question.id, answers[question.id])
    assert page.get_by_text("Add notes on these answers").count() == 1, "one per section"
    app.click_button("next")
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.closest('.st-key-edge_sites')",
        timeout=15_000)


def test_knowledge_page_in_a_browser(page, app_url):
    AppPage(page, app_url).open("/knowledge")
    page.get_by_text("The knowledge behind the recommendation").wait_for(timeout=15_000)
    page.get_by_text("Reliability and support SLAs remain unverified.").first.wait_for()
    from logic.knowledge_base import load_knowledge

    page.get_by_text(f"Rules ({len(load_knowledge().rules)})").wait_for()


def test_batch_upload_in_a_browser(page, app_url, tmp_path):
    from ui.batch import template

    app = AppPage(page, app_url).open("/batch")
    lines = template("csv").decode("utf-8").splitlines()
    path = tmp_path / "units.csv"
    path.write_text("\n".join([lines[0], lines[1], lines[1].replace("99.5", "100")]) + "\n")
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(path))
    app.settle()
    page.get_by_text("row 3, column Uptime target for the AI workloads in question",
                     exact=False).wait_for(timeout=15_000)
    app.settle()  # the page at rest: a download clicked mid-rerun can be lost
    with page.expect_download(timeout=60_000) as download:
        app.widget("batch_download").locator("button").first.click()
    out = Path(download.value.path()).read_text()
    assert out.splitlines()[0].endswith(
        "verdict,drivers,blockers,caveats,band_low,band_high,settle_first,later_version,"
        "later_verdict,error")
    assert ",evaluate," in out


@pytest.mark.parametrize("name", ["a cell at row 999,999,999", "1,000,000 header cells"])
def test_a_hostile_workbook_on_the_batch_page_gets_a_message_and_the_page_goes_on(
        page, app_url, tmp_path, name):
    """The security review's workbooks, uploaded where a person would: a message naming what
    is too large, and the page still answers (the next upload, a valid one, is evaluated)."""
    from formats.hostile import HOSTILE
    from ui.batch import template

    app = AppPage(page, app_url).open("/batch")
    path = tmp_path / "hostile.xlsx"
    path.write_bytes(HOSTILE[name]())
    upload = page.locator("[data-testid='stFileUploaderDropzoneInput']")
    upload.set_input_files(str(path))
    app.settle()
    page.get_by_text("The file cannot be read as", exact=False).first.wait_for(timeout=30_000)
    good = tmp_path / "units.csv"
    good.write_bytes(template("csv"))
    upload.set_input_files(str(good))
    app.settle()
    app.widget("batch_download").locator("button").first.wait_for(timeout=30_000)


def test_two_servers_on_one_sqlite_file_share_links(browser, tmp_path):
    """Two app processes on one SQLite file: a link saved through one opens through the other.
    (Two processes on one PostgreSQL, behind HAProxy, are tests/e2e/test_cluster.py.)"""
    with ExitStack() as stack:
        database = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
        env = {"HOSTING_FIT_DATABASE_URL": database}
        first = stack.enter_context(Server(env=env))
        second = stack.enter_context(Server(env=env))
        context = browser.new_context()
        try:
            page = context.new_page()
            app = open_result(page, first.url, database,
                              case("retailer_nothing_relevant")["answers"])
            app.click_button("share")
            link = page.locator("code").filter(has_text="?a=").first.inner_text().strip()
            other = context.new_page()
            AppPage(other, second.url).open("/?" + link.split("?", 1)[1])
            other.get_by_text("Shared assessment, read-only").wait_for(timeout=15_000)
            other.get_by_text("Maple & Co Retail", exact=False).first.wait_for()
            assert verdict(other, "No action").is_visible()
        finally:
            context.close()


def test_two_windows_on_one_draft_do_not_overwrite_each_other(colleague, page, app_url):
    """Regression: a colleague who opened the owner's draft address silently overwrote it
    (last write won). Now the second save is refused with a choice, and nothing is lost."""
    app = AppPage(page, app_url).open()
    app.set("org_name", "Conflict Ltd")
    app.set("industry", "software")
    app.wait_saved()
    address = page.url
    other = colleague.new_page()
    theirs = AppPage(other, address.split("?", 1)[0]).open("?" + address.split("?", 1)[1])
    other.wait_for_selector(".st-key-org_name input", timeout=30_000)
    theirs.set("employees", "over_10000")  # saved first, from the other window
    theirs.settle()
    app.set("employees", "under_250")  # this window's copy is now out of date
    page.get_by_text("Not saved: this draft was changed elsewhere").wait_for(timeout=30_000)
    app.click_button("reload_draft")  # load the other version: theirs is what was saved
    expect(app.widget("employees").get_by_role("radio", name="Over 10,000")).to_be_checked()


def test_a_database_failure_while_answering_gets_the_apps_message(browser, tmp_path):
    """The questionnaire reruns on its own (a fragment: the app's outer error handling is not
    around it). Its database breaking between two answers still gets the app's own message
    and retry, not Streamlit's error page, the sidebar stays usable, and once the database is
    back the answer is saved without a reload."""
    database = tmp_path / "broken.sqlite3"
    with Server(env={"HOSTING_FIT_DATABASE_URL": f"sqlite:///{database}"}) as server:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()
            app = AppPage(page, server.url).open()
            app.set("industry", "software")
            app.wait_saved()
            with sqlite3.connect(database) as db:  # the drafts' table is gone
                db.execute("ALTER TABLE assessments RENAME TO away")
            app.set("employees", "under_250")
            message = page.get_by_text("Storage unavailable, retrying", exact=False)
            message.wait_for(timeout=15_000)
            assert "Traceback" not in message.inner_text()
            assert page.locator("[data-testid='stException']").count() == 0
            assert page.get_by_text("This app has encountered an error").count() == 0
            assert page.get_by_role("button", name="Start a new assessment").is_visible()
            with sqlite3.connect(database) as db:  # back: the retry saves the answer
                db.execute("ALTER TABLE away RENAME TO assessments")
            message.wait_for(state="detached", timeout=20_000)
            with sqlite3.connect(database) as db:
                saved = db.execute("SELECT answers FROM assessments").fetchall()
            assert any("under_250" in str(row) for row in saved)
        finally:
            context.close()


LARGEST_TEXT = """(verdict) => {
  // The largest font size of any visible text on the page, and the verdict's own.
  let largest = 0, where = "";
  for (const el of document.querySelectorAll("body *")) {
    const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.display === "none") continue;
    const size = parseFloat(style.fontSize);
    if (size > largest) { largest = size; where = el.textContent.trim().slice(0, 60); }
  }
  return {largest, where, verdict: parseFloat(getComputedStyle(verdict).fontSize)};
}"""


def _verdict_is_largest(page, label: str) -> None:
    found = verdict(page, label)
    found.wait_for(timeout=30_000)
    wait_drawn(page)  # a page's first load draws the theme's styles a moment after the verdict
    sizes = found.evaluate(LARGEST_TEXT)
    assert sizes["verdict"] >= sizes["largest"], (
        f"{sizes['where']!r} is drawn larger ({sizes['largest']} px) than the verdict "
        f"({sizes['verdict']} px)")


@pytest.mark.parametrize("width", [1280, 390])
def test_the_verdict_is_the_largest_text_on_every_view(page, app_url, app_database, width):
    """On the result, the shared link and the team view, at desktop and phone widths, nothing
    on the page is set in larger type than the verdict (the page's heading says whose it is)."""
    from storage import Store
    from storage.teams import TeamStore

    page.set_viewport_size({"width": width, "height": 900})
    app = open_result(page, app_url, app_database, case("starlink_startup")["answers"])
    _verdict_is_largest(page, "Evaluate")
    app.click_button("share")
    link = page.locator("code").filter(has_text="?a=").first.inner_text().strip()
    AppPage(page, app_url).open("/?" + link.split("?", 1)[1])
    page.get_by_text("Shared assessment, read-only").wait_for(timeout=30_000)
    _verdict_is_largest(page, "Evaluate")
    store = Store.open(app_database)
    teams = TeamStore(store)
    links = teams.create("Largest verdict team")
    teams.add_response(links.invite, "Ana", "CTO", case("starlink_startup")["answers"])
    store.close()
    AppPage(page, app_url).open(f"/team?tv={links.view}")
    _verdict_is_largest(page, "Evaluate")


def test_a_copy_opens_at_its_top_saying_whose_copy_it_is(page, app_url, app_database):
    """*Make a copy and edit*, pressed at the bottom of a long shared result, shows the copy's
    first section from its top, under a note naming whose assessment it copies."""
    from questions.documents import parse_answers
    from questions.schema import default_bank
    from storage import Store

    store = Store.open(app_database)
    answers = parse_answers(case("hospital_backup_hipaa")["answers"])
    links = store.share(answers.document(default_bank()), {},
                        knowledge_version="2026-11-article", verdict="monitor")
    store.close()
    app = AppPage(page, app_url).open(f"?a={links.view}")
    copy = app.widget("copy").locator("button")
    copy.wait_for(timeout=30_000)
    copy.scroll_into_view_if_needed()
    copy.click()
    note = page.get_by_text("This is your own copy of the assessment of St. Aldric Health")
    note.wait_for(timeout=30_000)
    title = page.locator("h1").filter(has_text="Does the SpaceX").first
    page.wait_for_function("() => window.scrollY === 0 && [...document.querySelectorAll("
                           "\"[data-testid='stMain']\")].every(e => e.scrollTop === 0)",
                           timeout=10_000)
    box, seen = title.bounding_box(), note.bounding_box()
    assert box is not None and 0 <= box["y"] < 300, "the copy from the top of its page"
    assert seen is not None and seen["y"] + seen["height"] < 900, "the note in view"


def test_two_manage_tabs_removing_different_respondents_never_remove_a_third(
        context, app_url, app_database):
    """Both tabs drew Ana, Spam and Ben. The first removes Ana; the second, not reloaded,
    removes Spam from the list it shows: Ben stays (regression: removal by position took
    whoever was second by then)."""
    from storage import Store
    from storage.teams import TeamStore

    store = Store.open(app_database)
    teams = TeamStore(store)
    links = teams.create("Two tabs")
    for name in ("Ana", "Spam", "Ben"):
        teams.add_response(links.invite, name, "Role", case("starlink_startup")["answers"])
    try:
        tabs = [AppPage(context.new_page(), app_url).open(f"/team?tm={links.manage}")
                for _ in range(2)]
        for tab in tabs:
            tab.widget("remove_choice").wait_for(timeout=30_000)
        for tab, name in zip(tabs, ("Ana", "Spam"), strict=True):
            tab._pick(tab.widget("remove_choice"), f"{name} (Role)")
            tab.settle()
            tab.click_button("remove_respondent")
            tab.page.get_by_text(f"Removed {name} (Role)").wait_for(timeout=30_000)
        assert [r.name for r in teams.responses(links.manage)] == ["Ben"]
        assert tabs[1].page.get_by_text("Removed from the team").count() == 1
    finally:
        store.close()


def test_new_sessions_in_a_loop_are_refused_past_the_address_limit(context, tmp_path):
    """Each new browser session creates a team; the session brake never trips (one each), but
    the store counts the address: past its limit the page says so and nothing is created."""
    from storage import Store
    from storage.db import Team

    database = f"sqlite:///{tmp_path / 'limits.sqlite3'}"
    env = {"HOSTING_FIT_DATABASE_URL": database, "HOSTING_FIT_CREATIONS_PER_CLIENT": "3"}
    with Server(env=env) as server:
        outcomes = []
        for i in range(5):
            context.clear_cookies()  # a new session, as a script would open: a new page
            page = context.new_page()  # with no cookie
            app = AppPage(page, server.url).open("/team")
            page.get_by_role("textbox", name="Team or decision name").fill(f"Loop {i}")
            page.get_by_role("button", name="Create team").click()
            app.settle()
            made = page.get_by_text("Team created.")
            refused = page.get_by_text("your address has saved 3 new drafts, shares or teams")
            made.or_(refused).first.wait_for(timeout=30_000)
            outcomes.append("made" if made.count() else "refused")
            page.close()
    assert outcomes == ["made"] * 3 + ["refused"] * 2, outcomes
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    store = Store.open(database)
    try:
        with Session(store.engine) as session:
            assert session.scalar(select(func.count(Team.id))) == 3
    finally:
        store.close()


def test_the_single_process_sends_the_capability_headers(app_url):
    """What scripts/run.sh serves sets the same headers as the proxy in front of a cluster
    (tests/e2e/test_cluster.py): pages, health and static files alike."""
    import urllib.request

    for path in ("/", "/_stcore/health", "/team?tv=x"):
        with urllib.request.urlopen(app_url + path) as answer:
            headers = answer.headers
        assert headers["Referrer-Policy"] == "no-referrer", path
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["X-Frame-Options"] == "SAMEORIGIN", path
        assert "frame-ancestors 'self'" in headers["Content-Security-Policy"], path
