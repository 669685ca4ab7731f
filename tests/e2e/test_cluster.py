"""The company deployment, for real: `scripts/cluster.sh` starts a private PostgreSQL, two
Streamlit processes and Debian's HAProxy on loopback; browsers go through the proxy. Skipped
with the reason when haproxy or PostgreSQL is missing (the README's test command installs them
when run as root)."""

from __future__ import annotations

import glob
import os
import shutil
import signal
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from harness.browser import AppPage, verdict
from harness.cluster import Cluster
from tests.conftest import case

pytestmark = pytest.mark.e2e

COOKIE = "HFSRV"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Iterator[Cluster]:
    if not shutil.which("haproxy"):
        pytest.skip("haproxy not installed: the README's test command installs Debian's "
                    "haproxy when run as root")
    if not glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        pytest.skip("PostgreSQL not installed: the README's test command installs Debian's "
                    "postgresql when run as root")
    found = Cluster(2, tmp_path_factory.mktemp("cluster"))
    pids = found.pids()
    yield found
    found.stop()
    alive = [pid for pid in pids if Path(f"/proc/{pid}").exists()
             and "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()]
    assert alive == [], "the cluster script stops exactly what it started"
    assert not found.pg_data.exists(), "PostgreSQL stopped and its private folder removed"


def _pinned(browser, cluster: Cluster, app: str):
    """A browser context whose requests the proxy sends to `app` (its stickiness cookie)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": COOKIE, "value": app, "url": cluster.url}])
    return context


def _server_of(context, cluster: Cluster) -> str:
    return next(c["value"] for c in context.cookies(cluster.url) if c["name"] == COOKIE)


def test_the_proxy_checks_health_sets_a_sticky_cookie_and_the_capability_headers(cluster):
    with urllib.request.urlopen(cluster.url + "/") as answer:
        headers = answer.headers
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in headers["Content-Security-Policy"]
    cookie = headers["Set-Cookie"]
    assert cookie.startswith(f"{COOKIE}=app") and "HttpOnly" in cookie
    with urllib.request.urlopen(cluster.url + "/_stcore/health") as answer:
        assert answer.read().strip() == b"ok"
    config = (cluster.run / "haproxy.cfg").read_text()  # the run's copy of deploy/haproxy.cfg
    assert "option httpchk GET /_stcore/health" in config and "timeout tunnel" in config


def test_saved_on_one_process_opened_through_the_proxy_on_the_other(browser, cluster):
    """A whole questionnaire through the proxy stays on one process (sticky), its share link
    opens in a second browser that the proxy sends to the other process (one PostgreSQL)."""
    first = _pinned(browser, cluster, "app1")
    second = _pinned(browser, cluster, "app2")
    try:
        page = first.new_page()
        app = AppPage(page, cluster.url).open()
        app.fill(case("starlink_startup")["answers"])
        verdict(page, "Evaluate").wait_for(timeout=30_000)
        app.click_button("share")
        link = page.locator("code").filter(has_text="?a=").first.inner_text().strip()
        assert _server_of(first, cluster) == "app1", "sticky through the whole questionnaire"
        other = second.new_page()
        AppPage(other, cluster.url).open("?" + link.split("?", 1)[1])
        other.get_by_text("Shared assessment, read-only").wait_for(timeout=30_000)
        verdict(other, "Evaluate").wait_for()
        assert _server_of(second, cluster) == "app2"
    finally:
        first.close()
        second.close()


def test_the_team_flow_across_processes(browser, cluster):
    """The team is created on one process, a colleague answers on the other, and the team
    view on the first shows the answer."""
    creator = _pinned(browser, cluster, "app1")
    colleague = _pinned(browser, cluster, "app2")
    try:
        page = creator.new_page()
        app = AppPage(page, cluster.url).open("/team")
        page.get_by_role("textbox", name="Team or decision name").fill("Cluster team")
        page.get_by_role("button", name="Create team").click()
        app.settle()
        invite = page.locator("code").filter(has_text="team?t=").first.inner_text().strip()
        view = page.locator("code").filter(has_text="team?tv=").first.inner_text().strip()
        them = colleague.new_page()
        their = AppPage(them, cluster.url).open("/team?" + invite.split("?", 1)[1])
        them.get_by_role("textbox", name="Your name").fill("Ana")
        them.get_by_role("textbox", name="Your role").fill("CTO")
        them.get_by_role("button", name="Answer the questionnaire").click()
        their.settle()
        them.get_by_text("Answering for the team").wait_for(timeout=30_000)
        their.fill(case("starlink_startup")["answers"])
        their.click_button("team_submit")
        them.get_by_text("Your answers are in the team view").wait_for(timeout=30_000)
        AppPage(page, cluster.url).open("/team?" + view.split("?", 1)[1])
        page.get_by_text("From the answers of 1 respondent:").wait_for(timeout=30_000)
        assert _server_of(creator, cluster) == "app1" and _server_of(colleague, cluster) == "app2"
    finally:
        creator.close()
        colleague.close()


def test_a_process_killed_mid_questionnaire_loses_no_saved_answer(browser, cluster):
    """Fault drill: kill -9 the process a browser is on; the proxy takes it out, the reload
    lands on the other process and the draft comes back from PostgreSQL. (Runs last: the
    killed process stays down.)"""
    context = _pinned(browser, cluster, "app1")
    try:
        page = context.new_page()
        app = AppPage(page, cluster.url).open()
        answers = case("hospital_backup_hipaa")["answers"]
        for question in ("org_name", "industry", "employees"):
            app.set(question, answers[question])
        app.wait_saved()
        app.set("claude_usage", answers["claude_usage"])  # saved once its rerun has ended
        app.settle()
        address = page.url
        os.kill(cluster.apps["app1"][0], signal.SIGKILL)
        page.goto(address)
        app.settle()
        page.wait_for_selector(".st-key-org_name input", timeout=30_000)
        assert page.locator(".st-key-org_name input").input_value() == answers["org_name"]
        assert _server_of(context, cluster) == "app2", "moved to the live process"
    finally:
        context.close()
