"""Following a decision over time, in a real browser on the desktop and at 390 pixels: answer,
share, milestone, two answers changed, a second milestone, the two compared, an action given
an owner, a watch with a webhook; then a knowledge change is published (`reevaluate --notify`
with the hypothetical SLA version) and word of it arrives in the feed and at the webhook."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest
from playwright.sync_api import expect

from harness.browser import AppPage, verdict
from harness.server import Server
from storage import Store
from tests.conftest import ROOT, case
from tests.e2e.conftest import ARTIFACTS, PHONE, close_with_screenshots
from tests.storage.test_watch import Receiver

ANSWERS = {**case("starlink_startup")["answers"], "contractual_sla": True}  # Monitor, held
# back by the unverified SLA alone: the hypothetical SLA version makes it Evaluate
CHANGED = {"latency_target_ms": 150, "edge_traffic_pct": 40}
HYPOTHETICAL = "2027-01-hypothetical-sla"


@pytest.fixture(scope="module")
def journey(tmp_path_factory) -> Iterator[tuple[Server, Receiver, dict[str, str]]]:
    """An app server of its own, allowed to call the receiver on the loopback address."""
    receiver = Receiver()
    database = f"sqlite:///{tmp_path_factory.mktemp('journey') / 'app.sqlite3'}"
    env = {"HOSTING_FIT_DATABASE_URL": database, "HOSTING_FIT_CREATIONS_PER_CLIENT": "1000000",
           "HOSTING_FIT_WEBHOOK_ALLOW": f"http://127.0.0.1:{receiver.server.server_port}/",
           "HOSTING_FIT_WEBHOOK_BACKOFF_S": "0.05"}
    ARTIFACTS.mkdir(exist_ok=True)
    with Server(env=env, log=ARTIFACTS / "journey-server.log") as server:
        yield server, receiver, env
    receiver.close()


def _code(page, containing: str) -> str:
    return page.locator("code").filter(has_text=containing).last.inner_text().strip()


def _wait_saved_with(database: str, address: str, answers: dict[str, object]) -> None:
    """Until the draft at this address holds these answers in the database (the autosave of
    the last answer, at the end of its run)."""
    token = parse_qs(urlsplit(address).query)["d"][0]
    store = Store.open(database)
    try:
        deadline = time.monotonic() + 15
        while True:
            saved = store.load_draft(token)
            if saved is not None and all(saved.answers.get(k) == v for k, v in answers.items()):
                return
            assert time.monotonic() < deadline, f"the draft never held {answers} in 15 s"
            time.sleep(0.05)
    finally:
        store.close()


def _milestone(app: AppPage, name: str) -> None:
    field = app.widget("milestone_name").locator("input")
    field.fill(name)
    field.press("Enter")
    app.settle()
    app.click_button("save_milestone")
    app.page.get_by_text(f"Milestone “{name}” saved").wait_for(timeout=15_000)


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_the_decision_followed_over_time(browser, request, journey, viewport):
    server, receiver, env = journey
    ctx = (browser.new_context(viewport={"width": 1280, "height": 900}) if viewport == "desktop"
           else browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True))
    try:
        page = ctx.new_page()
        app = AppPage(page, server.url).open()
        app.fill(ANSWERS)
        verdict(page, "Monitor").wait_for(timeout=15_000)
        draft = page.url
        app.click_button("share")
        manage = _code(page, "?m=")
        app.open("/?" + manage.split("?", 1)[1])
        page.get_by_role("heading", name="Milestones").wait_for(timeout=15_000)
        _milestone(app, "Board, January")

        # two answers changed in the draft, then a second milestone
        editor = AppPage(ctx.new_page(), server.url).open("?" + draft.split("?", 1)[1])
        editor.widget("section_nav").get_by_text("Edge and connectivity").click()
        editor.settle()
        for key, value in CHANGED.items():
            editor.set(key, value)
        editor.wait_saved()
        _wait_saved_with(env["HOSTING_FIT_DATABASE_URL"], draft, CHANGED)
        app.open("/?" + manage.split("?", 1)[1])
        _milestone(app, "Review, March")
        compared = page.locator("[data-testid='stMarkdownContainer']").filter(
            has_text="Answers changed").first
        compared.wait_for(timeout=15_000)
        body = page.locator("[data-testid='stMain']").inner_text()
        assert "The verdict stays Monitor." in body
        assert "(milliseconds): 200 → 150" in body
        assert "Share of your AI requests" in body and "30 → 40" in body

        # an action given an owner
        first = page.locator("[class*='st-key-plan_ask_OQ1']")
        app.open_popover(first.get_by_role("button", name="Plan…"))
        owner = page.locator(".st-key-plan_owner_ask_OQ1 input")
        expect(owner).to_be_focused()  # the form's first field, ready for typing
        owner.fill("Ana")
        expect(owner).to_have_value("Ana")
        owner.press("Enter")
        app.settle()
        app.click_button("plan_save_ask_OQ1")
        page.get_by_text("Saved to the plan.").wait_for(timeout=15_000)
        page.keyboard.press("Escape")
        app.settle()
        expect(first).to_contain_text("owner Ana")

        # a watch with a webhook
        hook = app.widget("watch_webhook").locator("input")
        hook.fill(receiver.url)
        hook.press("Enter")
        app.settle()
        app.click_button("watch_start")
        feed = _code(page, "/feed/")
        secret = page.locator("code").filter(
            has_text=re.compile(r"^\s*[0-9a-f]{64}\s*$")).last.inner_text().strip()
        assert len(secret) == 64

        # a knowledge change published: word in the feed and at the webhook
        before = len(receiver.got)
        published = subprocess.run(
            [sys.executable, "-m", "storage", "reevaluate", "--knowledge", HYPOTHETICAL,
             "--database", env["HOSTING_FIT_DATABASE_URL"], "--notify"],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
            env={**os.environ, **env})
        assert published.returncode == 0, published.stderr
        assert "notified: 1 watch notice" in published.stderr
        headers, raw = receiver.got[before]
        assert headers["X-Hosting-Fit-Signature"] == "sha256=" + hmac.new(
            secret.encode(), raw, hashlib.sha256).hexdigest()
        sent = json.loads(raw)
        assert (sent["old"]["verdict"], sent["new"]["verdict"], sent["cause"]) == (
            "monitor", "evaluate", "knowledge")
        with urllib.request.urlopen(feed, timeout=30) as answer:
            parsed = feedparser.parse(answer.read())
        assert not parsed.bozo
        assert parsed.entries[0].title.startswith(
            "Monitor → Evaluate, after a new knowledge version")
        app.open("/?" + manage.split("?", 1)[1])
        page.get_by_text("1 notice so far.").wait_for(timeout=15_000)
        page.get_by_text("Webhook deliveries: 1 attempt, 0 failed").wait_for(timeout=15_000)
    finally:
        close_with_screenshots(ctx, request)
