"""The browser's language decides the questionnaire's (st.context.locale): opened by a French
browser the app shows French; the address's `lang` wins over the browser."""

from __future__ import annotations

from pathlib import Path

from harness.browser import AppPage, verdict
from logic.knowledge_base import load_knowledge
from tests.conftest import case, pdf_text
from tests.e2e.conftest import close_with_screenshots
from tests.report.test_pdf_languages import english_left


def _open(browser, request, url: str, locale: str, query: str = "") -> tuple[object, AppPage]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale)
    request.addfinalizer(lambda: close_with_screenshots(ctx, request))
    return ctx, AppPage(ctx.new_page(), url).open(query)


def _main(app: AppPage) -> str:
    return " ".join(app.page.locator("[data-testid='stMain']").inner_text().split())


def test_a_french_browser_gets_the_questionnaire_in_french(browser, request, app_url):
    _, app = _open(browser, request, app_url, "fr-FR")
    app.page.get_by_text("Votre organisation").first.wait_for(timeout=30_000)
    app.page.get_by_text("Secteur", exact=True).first.wait_for(timeout=30_000)
    label = app.widget("org_name").locator("[data-testid='stWidgetLabel']")
    label.get_by_text("Nom de l'organisation").wait_for(timeout=30_000)
    assert "Industry" not in _main(app)
    switch = app.widget("language_choice")
    assert switch.locator("input[role='combobox']").input_value() == "Français"


def test_the_address_language_wins_over_the_browsers(browser, request, app_url):
    _, app = _open(browser, request, app_url, "de-DE", "?lang=es")
    app.page.get_by_text("Su organización").first.wait_for(timeout=30_000)
    app.page.get_by_text("Sector", exact=True).first.wait_for(timeout=30_000)
    assert "Industry" not in _main(app)


def test_the_whole_journey_in_german_from_the_questions_to_the_pdf_and_the_share(
        browser, request, app_url):
    """Every section in German, picked by the German words, to the recommendation in German
    (the verdict the same as in English), the evidence opened, the PDF downloaded in German,
    the result saved and shared, and the share link opened: German throughout."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE",
                              accept_downloads=True)
    request.addfinalizer(lambda: close_with_screenshots(ctx, request))
    app = AppPage(ctx.new_page(), app_url, language="de").open()
    page = app.page
    page.get_by_text("Ihre Organisation").first.wait_for(timeout=30_000)
    expected = case("starlink_startup")["expect"]["verdict"]
    app.fill(case("starlink_startup")["answers"])
    verdict(page, load_knowledge(language="de").verdicts[expected].label).wait_for(
        timeout=30_000)
    assert page.get_by_text("Weiter", exact=True).count() == 0  # on the result now
    assert page.evaluate("document.documentElement.lang") == "de"  # what screen readers read
    page.get_by_role("heading", name="Nächste Schritte").wait_for(timeout=30_000)
    page.get_by_text("Was würde das ändern?").first.wait_for(timeout=30_000)
    page.get_by_text("Die Belege", exact=False).first.click()
    page.get_by_text("Aus dem Artikel").first.wait_for(timeout=30_000)
    main = _main(app)
    for english in ("Next actions", "What would change this?", "Recommendation for",
                    "Save and share", "Take it with you"):
        assert english not in main, english

    app.settle()  # at rest: a download clicked mid-rerun can be lost
    button = app.widget("download_pdf").locator("button")
    with page.expect_download(timeout=60_000) as download:
        button.click()
    text = pdf_text(Path(download.value.path()).read_bytes())
    assert "HOSTING-EIGNUNG" in text and "Nächste Schritte" in text and "Seite 1 von" in text
    assert english_left(text) == []

    app.click_button("share")
    page.get_by_text("Gespeichert.", exact=False).first.wait_for(timeout=30_000)
    link = page.locator(".st-key-result_share code, [data-testid='stCode'] code").filter(
        has_text="?a=").first.inner_text().strip()
    shared = AppPage(ctx.new_page(), app_url, language="de")
    shared.page.goto(link)
    shared.settle()
    verdict(shared.page, load_knowledge(language="de").verdicts[expected].label).wait_for(
        timeout=30_000)
    assert "Next actions" not in _main(shared)
