/* The page's keyboard helpers: keep the focus on the question a person was answering across
   Streamlit's redraws, move it into a popover's first field when it opens (a section's notes,
   an action's plan), to a question, or to the result's heading. Every selector they rely on
   is in SELECTORS, and a browser test (tests/e2e/test_page_script.py) checks that each still
   matches the pinned Streamlit. */
(function () {
  if (window.hostingFit) { return; }
  const SELECTORS = {
    widget: "[class*='st-key-']",  // a widget's box: Streamlit gives it the class st-key-KEY
    inputs: "input:not([disabled]), textarea, [role='combobox'], button, [tabindex='0']",
    questionInputs: "input:not([disabled]), textarea, [role='combobox'], [tabindex='0']",
    options: "[role='listbox'], [data-baseweb='popover']",  // an open select box's list
    popoverButton: "[data-testid='stPopoverButton']",  // "Add notes on these answers", "Plan…"
    // an open popover's first field: a section's first note, an action's owner
    popoverField: "[data-testid='stPopoverBody'] input:not([disabled]), " +
                  "[data-testid='stPopoverBody'] textarea",
    headings: "[data-testid='stMain'] h1, [data-testid='stMain'] h2",
    scrollers: "[data-testid='stMain'], [data-testid='stAppViewContainer']",
    // a select box's clear buttons, out of the Tab order so Tab goes from one question to the
    // next (by keyboard, another answer is typed over; a list's items go with Backspace)
    clearButtons: "[data-testid='stSelectbox'] button[aria-label^='Clear'], " +
                  "[data-testid='stMultiSelect'] button[aria-label^='Clear']",
  };
  const RETRY_MS = 50;

  function keyOf(element) {
    const box = element.closest && element.closest(SELECTORS.widget);
    return box && Array.from(box.classList).find(function (c) { return c.indexOf("st-key-") === 0; });
  }

  function whenDrawn(find, act, tries) {  // Streamlit draws after the script: retry a while
    (function again(left) {
      const target = find();
      if (target) { act(target); return; }
      if (left > 0) { setTimeout(function () { again(left - 1); }, RETRY_MS); }
    })(tries || 60);
  }

  function keepFocus() {
    if (window.__hostingFitFocus) { return; }
    window.__hostingFitFocus = true;
    let last = null;
    let pointerAt = 0;
    document.addEventListener("pointerdown", function () { pointerAt = Date.now(); }, true);
    document.addEventListener("focusin", function (event) {
      const key = keyOf(event.target);
      if (!key && last && event.target.closest(SELECTORS.options)) {
        last.at = Date.now();  // a select box's list of options: the question keeps the focus
        return;
      }
      last = key ? { key: key, at: Date.now() } : null;
    }, true);
    function restore() {
      if (!last) { return; }
      if (document.activeElement && document.activeElement !== document.body) { return; }
      if (pointerAt > last.at || Date.now() - last.at > 5000) { last = null; return; }
      const box = document.querySelector("." + last.key);
      const target = box && box.querySelector(SELECTORS.inputs);
      if (target) { target.focus(); }
    }
    function skipClearButtons() {
      document.querySelectorAll(SELECTORS.clearButtons).forEach(function (button) {
        if (button.getAttribute("tabindex") !== "-1") { button.setAttribute("tabindex", "-1"); }
      });
    }
    setInterval(function () { skipClearButtons(); if (document.hasFocus()) { restore(); } },
                120);
    // A key pressed before the interval has run (Tab right after an answer) starts from the
    // question, not from the top of the page.
    document.addEventListener("keydown", restore, true);
    function intoPopover(event) {
      const button = event.target.closest && event.target.closest(SELECTORS.popoverButton);
      if (!button) { return; }
      if (event.type === "keydown" && event.key !== "Enter" && event.key !== " ") { return; }
      whenDrawn(function () { return document.querySelector(SELECTORS.popoverField); },
                function (field) { field.focus(); }, 20);
    }
    document.addEventListener("click", intoPopover, true);
    document.addEventListener("keydown", intoPopover, true);
  }

  function focusQuestion(key) {
    whenDrawn(function () {
      const box = document.querySelector(".st-key-" + key);
      return box && box.querySelector(SELECTORS.questionInputs);
    }, function (target) { target.focus(); });
  }

  function toTop(heading) {
    whenDrawn(function () {
      return Array.from(document.querySelectorAll(SELECTORS.headings)).find(function (h) {
        return h.textContent.indexOf(heading) === 0;
      });
    }, function (target) {
      window.scrollTo(0, 0);
      document.querySelectorAll(SELECTORS.scrollers).forEach(function (e) { e.scrollTop = 0; });
      target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
    });
  }

  function setLanguage(code) {  // the page's language, for screen readers and hyphenation
    document.documentElement.setAttribute("lang", code);
  }

  window.hostingFit = { SELECTORS: SELECTORS, keepFocus: keepFocus,
                        focusQuestion: focusQuestion, toTop: toTop, setLanguage: setLanguage };
})();
