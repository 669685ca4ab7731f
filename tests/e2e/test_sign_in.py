"""Sign-in against a real OpenID Connect provider on the loopback address (oidc-provider-mock,
built on Authlib), through Streamlit's own `st.login`: each person sees only what they made;
a token for another audience or one already expired signs nobody in."""

from __future__ import annotations

import json
import time

import pytest

from harness.browser import AppPage
from harness.server import Server, free_port
from tests.conftest import ROOT
from tests.e2e.conftest import ARTIFACTS, close_with_screenshots
from tests.e2e.test_a11y import AXE, _violations

pytest.importorskip("oidc_provider_mock")
from harness.oidc import provider  # noqa: E402  (only with the test tools installed)

ANSWERS = json.loads((ROOT / "tests/cases/starlink_startup.json").read_text())["answers"]
ALICE, BOB = "alice@example.com", "bob@example.com"


@pytest.fixture(scope="module")
def signed_app():
    """The app with sign-in configured against the provider; (app URL, provider)."""
    with provider() as idp:
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        secrets = idp.secrets_file(url)
        ARTIFACTS.mkdir(exist_ok=True)
        server = Server(port=port, options=("--secrets.files", str(secrets)),
                        log=ARTIFACTS / "server-sign-in.log",
                        env={"HOSTING_FIT_CREATIONS_PER_CLIENT": "1000000"})
        try:
            yield url, idp
        finally:
            server.stop()


@pytest.fixture
def tab(browser, request):
    """A fresh browser (no cookies) per test, closed with screenshots on failure."""
    contexts = []

    def new() -> object:
        ctx = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(ctx)
        return ctx.new_page()

    yield new
    for ctx in contexts:
        close_with_screenshots(ctx, request)


def _sign_in(app: AppPage, subject: str) -> None:
    """Press *Sign in*, type who at the provider's form, and come back to the app."""
    app.widget("sign_in").locator("button").click()
    app.page.wait_for_url("**/oauth2/authorize**", timeout=30_000)
    app.page.locator("input[name='sub']").fill(subject)
    app.page.get_by_role("button", name="Authorize").click()
    app.page.wait_for_url(f"{app.url}/**", timeout=30_000)
    app.page.wait_for_selector("[data-testid='stAppViewContainer']", timeout=30_000)
    app.settle()


def _signed_in_as(app: AppPage) -> str:
    sidebar = app.page.locator("[data-testid='stSidebar']")
    found = sidebar.get_by_text("Signed in as")
    return found.inner_text() if found.count() else ""


def _mine(app: AppPage) -> str:
    app.page.goto(f"{app.url}/mine")
    app.page.get_by_role("heading", name="My assessments").wait_for(timeout=30_000)
    app.settle()
    return " ".join(app.page.locator("[data-testid='stMain']").inner_text().split())


def test_each_person_sees_only_their_own_assessments(signed_app, tab):
    url, idp = signed_app
    idp.person(ALICE, email=ALICE, name="Alice Example")
    idp.person(BOB, email=BOB, name="Bob Example")

    alice = AppPage(tab(), url).open()
    assert "Signed in as" not in _signed_in_as(alice)
    _sign_in(alice, ALICE)
    assert "Alice Example" in _signed_in_as(alice), alice.shown_now()
    alice.set("org_name", "Alice Corp")  # a draft is saved, and listed, from the first answer
    alice.wait_saved()
    listed = _mine(alice)
    assert "Alice Corp" in listed and "Draft" in listed, listed
    if AXE.exists():  # the page passes axe like every other (tests/e2e/test_a11y.py)
        assert _violations(alice.page, AXE) == []

    # Opening it from the list continues the draft, on a new link of its own.
    alice.page.locator("[class*='st-key-open_draft_'] button").first.click()
    alice.page.wait_for_url("**?d=**", timeout=30_000)
    alice.page.wait_for_function(
        "() => document.querySelector('.st-key-org_name input')?.value === 'Alice Corp'",
        timeout=30_000)

    # Signing out ends the session at the provider too, then comes back signed out.
    alice.page.goto(url)
    alice.settle()
    alice.widget("sign_out").locator("button").click()
    alice.page.wait_for_url("**/oauth2/end_session**", timeout=30_000)
    alice.page.get_by_role("button", name="End session").click()
    alice.page.wait_for_url(f"{url}/**", timeout=30_000)
    alice.page.wait_for_selector(".st-key-sign_in", timeout=30_000)
    alice.settle()
    assert _signed_in_as(alice) == ""
    assert "Sign in to see" in _mine(alice)

    bob = AppPage(tab(), url).open()
    _sign_in(bob, BOB)
    assert "Bob Example" in _signed_in_as(bob), bob.shown_now()
    listed = _mine(bob)
    assert "Alice Corp" not in listed and "Nothing yet" in listed, listed


@pytest.mark.parametrize("spoilt", ["audience", "expired"])
def test_a_token_for_another_audience_or_expired_signs_nobody_in(signed_app, tab, spoilt):
    url, idp = signed_app
    who = f"mallory-{spoilt}@example.com"
    claims: dict[str, object] = {"email": who, "name": "Mallory"}
    if spoilt == "audience":
        claims["aud"] = "another-app"
    else:
        claims["exp"] = int(time.time()) - 3600
    idp.person(who, **claims)
    app = AppPage(tab(), url).open()
    _sign_in(app, who)
    assert _signed_in_as(app) == "", "a spoilt token signed someone in"
    assert app.widget("sign_in").count() == 1
    assert "Sign in to see" in _mine(app)


@pytest.fixture(scope="module")
def proxied_app():
    """The app behind a company proxy that signs people in itself and passes who they are in
    headers (server.trustedUserHeaders); sign-in required for changes, one domain only."""
    ARTIFACTS.mkdir(exist_ok=True)
    headers = json.dumps({"X-Company-Email": "email", "X-Company-Name": "name"})
    server = Server(options=("--server.trustedUserHeaders", headers),
                    log=ARTIFACTS / "server-proxied.log",
                    env={"HOSTING_FIT_CREATIONS_PER_CLIENT": "1000000",
                         "HOSTING_FIT_SIGN_IN": "changes",
                         "HOSTING_FIT_SIGN_IN_DOMAIN": "example.com"})
    yield server.url
    server.stop()


def _as(browser, headers: dict[str, str]):
    return browser.new_context(viewport={"width": 1280, "height": 900},
                               extra_http_headers=headers)


def test_behind_a_proxy_its_headers_sign_people_in_and_the_domain_is_kept(proxied_app,
                                                                         browser, request):
    contexts = [_as(browser, {}), _as(browser, {"X-Company-Email": "eve@other.org",
                                                "X-Company-Name": "Eve"}),
                _as(browser, {"X-Company-Email": "carol@example.com",
                              "X-Company-Name": "Carol Example"})]
    try:
        nobody, eve, carol = (AppPage(ctx.new_page(), proxied_app).open() for ctx in contexts)
        text = " ".join(nobody.page.locator("[data-testid='stMain']").inner_text().split())
        assert "Sign in to continue" in text, text
        assert nobody.widget("org_name").count() == 0  # no questionnaire to start
        assert nobody.widget("sign_in").count() == 0  # the proxy signs in, not the app

        text = " ".join(eve.page.locator("[data-testid='stApp']").inner_text()
                        .replace("\u2060", "").split())  # plain() keeps @ from linking
        assert "for addresses at @example.com" in text and "eve@other.org" in text, text
        assert eve.widget("org_name").count() == 0

        assert "Carol Example" in _signed_in_as(carol)
        carol.fill({**ANSWERS, "org_name": "Carol Corp"})
        carol.wait_saved()
        carol.click_button("share")
        link = carol.page.locator("code").filter(has_text="?a=").first.inner_text().strip()
        listed = _mine(carol)
        assert "Carol Corp" in listed and "Shared assessment" in listed, listed
        assert carol.widget("sign_out").count() == 0  # signing out is the proxy's

        # `changes`: a read-only link opens for someone not signed in.
        nobody.open("/?" + link.split("?", 1)[1])
        nobody.page.get_by_text("Shared assessment, read-only").wait_for(timeout=30_000)
        shown = nobody.page.locator("[data-testid='stMain']").inner_text()
        assert "Sign in to continue" not in shown
    finally:
        for ctx in contexts:
            close_with_screenshots(ctx, request)
