"""Filling the questionnaire in a real browser the way a person does: by clicking."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from playwright.sync_api import Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from questions.schema import (
    UNKNOWN,
    BooleanQuestion,
    ChoiceQuestion,
    IntegerQuestion,
    MultiChoiceQuestion,
    TextQuestion,
)
from questions.translations import bank_in

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
# After the script's run has ended, the page may still be mounting the parts Streamlit loads
# lazily (tables, charts): each shows a pulsing skeleton (opacity 0.5 to 1) until its code is
# in, and the page shifts as they arrive (under load /knowledge showed 12 to 14 of them at
# `notRunning` in three loads of four).
_DRAWN = "() => !document.querySelector(\"[data-testid='stSkeleton']\")"
# every transition or animation that ends (none of Streamlit's runs forever at rest)
_ENDED = """() => Promise.all(document.getAnimations()
    .filter(a => Number.isFinite(a.effect?.getComputedTiming().endTime))
    .map(a => a.finished.catch(() => null)))"""


def wait_drawn(page: Page) -> None:
    """Until the page is drawn as a reader sees it: the script at rest, no part still loading,
    no fade still running (what a check of colours or layout must wait for)."""
    page.wait_for_selector(IDLE, timeout=30_000)
    page.wait_for_function(_DRAWN, timeout=30_000)
    page.evaluate(_ENDED)

# Counts, as the page sees them, the messages it sends the server (a widget's change asks for a
# rerun that way), the messages it receives (a run's output) and the script's runs (each time
# the app's state leaves `notRunning`). A quick run's messages may arrive together and be drawn
# in one go: the state then never visibly leaves `notRunning` (seen in about one action in 30,
# which waited out the 10 s below), so the messages received after the last one sent, once
# they stop, also mark a run done. Installed before the page's own scripts.
COUNT_RUNS = """
(() => {
  if (window.__hfLoad) { return; }  // once per page, however many drivers ask
  window.__hfLoad = Math.random().toString(36).slice(2);
  window.__hfRuns = 0;
  window.__hfSent = 0;
  window.__hfGot = 0;  // messages received
  window.__hfGotAtSend = 0;  // ... when the page last sent one
  window.__hfQuietSince = 0;  // the last message received or change drawn (performance.now())
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (...args) {
    window.__hfSent += 1;
    window.__hfGotAtSend = window.__hfGot;
    return send.apply(this, args);
  };
  const listen = WebSocket.prototype.addEventListener;  // Streamlit's way to receive
  WebSocket.prototype.addEventListener = function (type, handler, ...rest) {
    if (type === 'message') {
      listen.call(this, type, () => {
        window.__hfGot += 1;
        window.__hfQuietSince = performance.now();
      });
    }
    return listen.call(this, type, handler, ...rest);
  };
  new MutationObserver(() => { window.__hfQuietSince = performance.now(); })
    .observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.oldValue === 'notRunning'
          || change.target.getAttribute('data-test-script-state') !== 'notRunning') {
        window.__hfRuns += 1;
      }
    }
  }).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                        attributeFilter: ['data-test-script-state']});
})();
"""
# Milliseconds with no message received and nothing redrawn after which the answer to the last
# message sent is in and drawn.
QUIET_MS = 200


def verdict(page: Page, label: str, slot: str = "lead") -> Locator:
    """The verdict of one reading as drawn: "lead" (the one the result leads with) or "later"
    (the newest record's, beside it). The banner's bold text is the verdict alone."""
    return page.locator(f".st-key-verdict_{slot} [data-testid='stAlert'] strong").filter(
        has_text=label).first


class AppPage:
    """The app in one browser tab."""

    def __init__(self, page: Page, url: str, language: str = "en") -> None:
        """`language`: the one the page speaks (its options are picked by their words)."""
        self.page = page
        self.url = url
        self.bank = bank_in(language)
        self._seen = ("", 0, 0)  # (page load, script runs, messages sent) at the last settle
        page.add_init_script(COUNT_RUNS)

    def open(self, query: str = "") -> AppPage:
        self.page.goto(self.url + query)
        self.page.wait_for_selector("[data-testid='stAppViewContainer']", timeout=30_000)
        self.settle()
        return self

    def settle(self) -> None:
        """Until the script has run to its end. The app shows no sign that a rerun has been
        asked for until its script starts, a few tens of milliseconds after the click (longer
        under load, or through the proxy), so this watches the page: if it sent the server a
        message since the last settle (a rerun asked for), wait for a run to have started (or,
        for a run drawn in one go, for the server's messages in answer to have stopped), then
        for `notRunning`. A fixed grace here once let the next action in before the rerun of
        the last one had begun."""
        load, runs, sent = self._seen
        fresh = f"window.__hfLoad !== {load!r}"
        answered = (f"(window.__hfGot > window.__hfGotAtSend"
                    f" && performance.now() - window.__hfQuietSince > {QUIET_MS})")
        try:  # the page sends as it handles the action: at once, or not at all
            self.page.wait_for_function(
                f"() => {fresh} || window.__hfRuns > {runs} || window.__hfSent > {sent}",
                timeout=150, polling=10)
            self.page.wait_for_function(
                f"() => {fresh} || window.__hfRuns > {runs} || {answered}",
                timeout=10_000, polling=10)
        except PlaywrightTimeout:
            pass  # the action asked for no rerun (or its run came and went unseen)
        try:
            self.page.wait_for_selector(IDLE, timeout=30_000)
        except PlaywrightTimeout:  # say what the page shows instead (a proxy's 503, a 429)
            state = self.page.evaluate(
                "() => [document.querySelector('[data-testid=stApp]')"
                "?.getAttribute('data-test-script-state') ?? 'no app on the page',"
                " (document.body?.innerText || '').replace(/\\s+/g, ' ').slice(0, 400)]")
            raise AssertionError(f"the page never finished its run in 30 s (script state "
                                 f"{state[0]}); it shows: {state[1]!r}") from None
        seen = self.page.evaluate(
            "() => [window.__hfLoad || '', window.__hfRuns || 0, window.__hfSent || 0]")
        self._seen = (str(seen[0]), int(seen[1]), int(seen[2]))

    def wait_page_script(self) -> None:
        """Until the page script (ui/static/keyboard.js) has installed itself: a moment after
        the page's first run is drawn."""
        self.page.wait_for_function("() => window.hostingFit !== undefined", timeout=15_000)

    def wait_saved(self) -> None:
        """Until the draft is saved: its token is in the address."""
        self.page.wait_for_function("() => location.search.includes('d=')", timeout=30_000)

    def reload_saved(self) -> None:
        """Once the draft is saved, reload the page, as a person pressing F5 does."""
        self.wait_saved()
        self.page.reload()
        self.settle()

    def shown_now(self) -> str:
        """The heading and messages on the page now, for a failing test's message."""
        parts = self.page.locator("h2, [data-testid='stAlert']").all_inner_texts()
        return " | ".join(" ".join(part.split()) for part in parts)[:1500]

    def widget(self, key: str) -> Locator:
        return self.page.locator(f".st-key-{key}")

    def click_button(self, key: str) -> None:
        self.widget(key).locator("button").first.click()
        self.settle()

    def open_popover(self, button: Locator) -> None:
        """Click a popover's button and wait until the page has put the focus in its first
        field (the page script's `popoverField`), a moment after it opens (about 100 ms,
        longer under load); typing before then may land in the field it left."""
        button.click()
        self.page.wait_for_function(
            "() => !!window.hostingFit && !!document.activeElement?.matches("
            "window.hostingFit.SELECTORS.popoverField)",
            timeout=15_000, polling=10)

    def set(self, key: str, value: object) -> None:
        question = self.bank.question(key)
        if value == UNKNOWN:
            self.widget(f"dont_know__{key}").locator("label").first.click()  # its box
        else:
            getattr(self, f"_set_{question.kind}")(question, value)
        self.settle()

    def _set_choice(self, question: ChoiceQuestion | BooleanQuestion, value: object) -> None:
        label = question.label_of(value)
        box = self.widget(question.id)
        # Radio group or select box: wait until the widget is drawn before telling them apart
        # (a count taken while a rerun redraws the section read 0 and sent a radio question
        # to the select box's path, which then waited for a combobox that never came).
        box.locator("[role='radiogroup'], [role='combobox']").first.wait_for(timeout=30_000)
        if box.locator("[role='radiogroup']").count():
            box.get_by_text(label, exact=True).click()
        else:
            self._pick(box, label)

    _set_boolean = _set_choice

    def _set_multi_choice(self, question: MultiChoiceQuestion, values: list[str]) -> None:
        box = self.widget(question.id)
        for value in values:
            self._pick(box, question.label_of([value]))
            self.settle()
        self.page.keyboard.press("Escape")

    def _pick(self, box: Locator, label: str) -> None:
        """Open a select box and choose the option; retried, as a rerun may close the list."""
        option = self.page.get_by_role("option", name=label, exact=True)
        for attempt in range(3):
            box.get_by_role("combobox").click()
            try:
                option.click(timeout=5_000)
                return
            except Exception:
                if attempt == 2:
                    raise
                self.page.keyboard.press("Escape")
                self.settle()

    def _set_integer(self, question: IntegerQuestion, value: int | None) -> None:
        field = self.widget(question.id).locator("input")
        field.fill("" if value is None else str(value))
        field.press("Enter")

    def _set_text(self, question: TextQuestion, value: str | None) -> None:
        field = self.widget(question.id).locator("input")
        field.fill(value or "")
        field.press("Enter")

    def fill(self, answers: Mapping[str, object]) -> None:
        """Answer every shown question of every section and press Get recommendation."""
        for index, section in enumerate(self.bank.sections):
            try:
                self.widget(section.questions[0].id).wait_for(timeout=30_000)
            except PlaywrightTimeout as error:
                raise AssertionError(f"section {section.id!r} did not open; the page shows: "
                                     + self.shown_now()) from error
            for question in section.questions:
                if question.id in answers and self.widget(question.id).count():
                    self.set(question.id, answers[question.id])
            last = index == len(self.bank.sections) - 1
            self.click_button("get_recommendation" if last else "next")
