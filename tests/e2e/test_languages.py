"""The browser's language decides the questionnaire's (st.context.locale): opened by a French
browser the app shows French; the address's `lang` wins over the browser."""

from __future__ import annotations

from harness.browser import AppPage, verdict
from logic.knowledge_base import load_knowledge
from tests.conftest import case
from tests.e2e.conftest import close_with_screenshots


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


def test_the_whole_questionnaire_answered_in_german_reaches_the_verdict(browser, request,
                                                                        app_url):
    """Every section in German, picked by the German words, to the recommendation; the
    verdict is the same as in English (the result's own words are English for now:
    docs/languages.md)."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    request.addfinalizer(lambda: close_with_screenshots(ctx, request))
    app = AppPage(ctx.new_page(), app_url, language="de").open()
    app.page.get_by_text("Ihre Organisation").first.wait_for(timeout=30_000)
    expected = case("starlink_startup")["expect"]["verdict"]
    app.fill(case("starlink_startup")["answers"])
    label = load_knowledge().verdicts[expected].label
    verdict(app.page, label).wait_for(timeout=30_000)
    assert app.page.get_by_text("Weiter", exact=True).count() == 0  # on the result now
