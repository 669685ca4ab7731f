"""Accessibility in a real browser: axe-core (from the npm registry, fetched by the README's
test command into .cache/axe-core) on every page, WCAG 2.1 A and AA, plus heading order."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.browser import AppPage
from tests.conftest import ROOT, case

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


def test_every_page_passes_axe(page, app_url, axe_js):
    app = AppPage(page, app_url).open()
    app.widget("org_name").wait_for(timeout=30_000)
    assert _violations(page, axe_js) == [], "the first screen"
    app.fill(case("startup_backup_tolerant")["answers"])
    page.get_by_text("Ask the account team", exact=True).wait_for(timeout=30_000)
    assert _violations(page, axe_js) == [], "the result"
    for path, text in (("/knowledge", "The knowledge behind the recommendation"),
                       ("/team", "Start a team assessment"),
                       ("/batch", "Batch: many business units at once")):
        AppPage(page, app_url).open(path)
        page.get_by_text(text).first.wait_for(timeout=30_000)
        page.wait_for_timeout(500)
        assert _violations(page, axe_js) == [], path


def test_the_verdict_is_announced_when_it_appears(page, app_url):
    """The verdict banner is a live region (status or alert), so a screen reader reads it out
    when the result appears."""
    app = AppPage(page, app_url).open()
    app.fill(case("startup_backup_tolerant")["answers"])
    banner = page.get_by_test_id("stAlertContainer").filter(has_text="Evaluate.").first
    banner.wait_for(timeout=30_000)
    assert banner.get_attribute("role") in ("status", "alert")
