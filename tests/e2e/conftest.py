"""A real app server and Debian's chromium, driven by Playwright; screenshots on failure."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from harness.browser import CHROMIUM, CHROMIUM_ARGS, AppPage
from harness.server import Server
from questions.documents import parse_answers
from questions.schema import default_bank
from storage import Store
from tests.conftest import ROOT

ARTIFACTS = ROOT / "test-artifacts"
PHONE = {"width": 390, "height": 844}


def start_server(env: dict[str, str] | None = None) -> tuple[str, Server]:
    """`streamlit run web/serve.py` (app.py with its headers, as scripts/run.sh serves it) on a
    free loopback port, its log under test-artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)
    server = Server(env=env, log=ARTIFACTS / "server.log")
    return server.url, server


@pytest.fixture(scope="session")
def app_database(tmp_path_factory) -> str:
    """The URL of the database the session's app server uses (a SQLite file of its own)."""
    return f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'app.sqlite3'}"


@pytest.fixture(scope="session")
def app_url(app_database) -> Iterator[str]:
    ARTIFACTS.mkdir(exist_ok=True)
    # every test's browser comes from this machine's one address: the per-address limit would
    # count the whole suite as one client (tests/e2e/test_browser.py tests the limit itself)
    url, process = start_server({"HOSTING_FIT_DATABASE_URL": app_database,
                                 "HOSTING_FIT_CREATIONS_PER_CLIENT": "1000000"})
    yield url
    process.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium package (scripts/test.sh "
                    "does this when run as root)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


def screenshot_if_failed(pages: list[Any], request: Any) -> None:
    """Save a screenshot of each page under test-artifacts/ if the test failed."""
    failed = getattr(request.node, "report_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        for index, page in enumerate(pages):
            page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-{index}.png"),
                            full_page=True)


def close_with_screenshots(ctx: Any, request: Any) -> None:
    """Close a browser context, first saving a screenshot of each page if the test failed."""
    screenshot_if_failed(ctx.pages, request)
    ctx.close()


def _kept_context(browser: Any, **options: Any) -> Iterator[Any]:
    """A browser context kept for a worker's whole session: its memory cache keeps Streamlit's
    scripts, compiled, from one test to the next (a first load took about 4 s of a core in a
    fresh context and 2 s in one that had loaded the app before, 2026-12-07). It holds nothing
    between tests that the app reads (Streamlit keeps only its theme choice, "System", in the
    page's storage; `as_new_visitor` clears cookies around each test): the app's state is the
    server's session, reached by address."""
    ctx = browser.new_context(accept_downloads=True, **options)
    yield ctx
    ctx.close()


@pytest.fixture(scope="session")
def _desktop(browser) -> Iterator[object]:
    """The tests' own desktop browser."""
    yield from _kept_context(browser, viewport={"width": 1280, "height": 900})


@pytest.fixture(scope="session")
def _other_desktop(browser) -> Iterator[object]:
    """A colleague's desktop browser, with cookies of its own beside the test's own."""
    yield from _kept_context(browser, viewport={"width": 1280, "height": 900})


@pytest.fixture(scope="session")
def _phone(browser) -> Iterator[object]:
    """A phone (390 pixels, touch, mobile viewport)."""
    yield from _kept_context(browser, viewport=PHONE, is_mobile=True, has_touch=True,
                             device_scale_factor=2)


def as_new_visitor(ctx: Any, request: Any) -> Iterator[Any]:
    """A kept context with no cookie left by an earlier test; the pages this test opens are
    closed after it (screenshots first if it failed), all but the context's kept tab (the app
    keeps nothing in a tab's session storage: a load there starts as a new visitor's)."""
    ctx.clear_cookies()
    before = set(ctx.pages)
    yield ctx
    opened = [page for page in ctx.pages if page not in before and page is not _TABS.get(ctx)]
    screenshot_if_failed(opened, request)
    for page in opened:
        page.close()
    ctx.clear_cookies()


@pytest.fixture
def context(_desktop, request) -> Iterator[object]:
    """The test's own desktop browser, as a new visitor. Tests that need a browser of their
    own (another locale, another server's first load) make their own context."""
    yield from as_new_visitor(_desktop, request)


@pytest.fixture
def colleague(_other_desktop, request) -> Iterator[object]:
    """Another person's desktop browser beside the test's own, as a new visitor."""
    yield from as_new_visitor(_other_desktop, request)


# One tab kept open per kept context, for the tests that take `page` or `phone`: loading the
# app again in a tab that has loaded it costs about 1.2 s of a core against 1.8 s in a new tab
# (creating and closing a tab alone, about 0.5 s; 2026-12-08). After each test the tab goes to
# about:blank (which ends the app's session), its viewport back to the context's.
_TABS: dict[Any, Any] = {}


def kept_tab(ctx: Any, request: Any) -> Iterator[Any]:
    tab = _TABS.get(ctx)
    if tab is None or tab.is_closed():
        tab = _TABS[ctx] = ctx.new_page()
    viewport = tab.viewport_size
    yield tab
    screenshot_if_failed([tab], request)
    try:
        tab.goto("about:blank")
        if tab.viewport_size != viewport:
            tab.set_viewport_size(viewport)
    except Exception:  # a tab the test left unusable: the next test gets a new one
        tab.close()


@pytest.fixture
def page(context, request) -> Iterator[object]:
    """A tab of the test's own desktop browser, as a new visitor."""
    yield from kept_tab(context, request)


@pytest.fixture
def phone(_phone, request) -> Iterator[object]:
    """A page on a 390-pixel phone (touch, mobile viewport), as a new visitor."""
    for ctx in as_new_visitor(_phone, request):
        yield from kept_tab(ctx, request)


def open_result(page: Any, url: str, database: str, answers: dict[str, object]) -> AppPage:
    """The result of a draft saved with these answers, opened from its owner's link at the
    result (`?d=TOKEN&s=result`, as a reload of the result does): for a test whose subject is
    the result or what follows it. Answering in the browser (about twenty reruns) is the
    subject of the questionnaire's own tests."""
    store = Store.open(database)
    try:
        token = store.create_draft(parse_answers(answers).document(default_bank()), {})
    finally:
        store.close()
    return AppPage(page, url).open(f"/?d={token}&s=result")
