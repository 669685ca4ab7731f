"""User text is text in a real browser: a shared assessment, its manage page and a team view,
each holding every payload of a hostile set in every field a person can type (organisation
name, notes, team name, respondent names and roles). Nothing may leave for another host, no
dialog may open, and no payload may become an element (image, link, emphasis, HTML)."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from harness.browser import AppPage
from harness.server import Server
from logic.engine import evaluate
from logic.knowledge_base import load_knowledge
from questions.documents import parse_answers
from storage import Store
from storage.teams import TeamStore
from tests.conftest import case
from tests.e2e.conftest import open_result

pytestmark = pytest.mark.e2e

PAYLOADS = {
    "image": "![x](http://img.example.invalid/p.png)",
    "link": "[click](http://link.example.invalid/)",
    "autolink": "<http://auto.example.invalid/> www.bare.example.invalid",
    "emphasis": "**bold** _it_ `code`",
    "html": '<img src="http://html.example.invalid/i.png" onerror="alert(1)"><b>b</b>',
    "javascript": "[js](javascript:alert(2))",
    "bidi": "abc\u202edcba",
}
HOSTILE = " ".join(PAYLOADS.values())[:118]  # the organisation name field takes 120
NOTE = " ".join(PAYLOADS.values())


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    database = f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'app.sqlite3'}"
    store = Store.open(database)
    kb = load_knowledge()
    answers = parse_answers({**case("retailer_nothing_relevant")["answers"], "org_name": HOSTILE})
    notes = {"_overall": NOTE, "uptime_target": NOTE}
    share = store.share(answers.document(), notes, knowledge_version=kb.version,
                        verdict=evaluate(answers, kb).verdict)
    teams = TeamStore(store)
    team = teams.create(PAYLOADS["image"] + " " + PAYLOADS["html"][:60])
    respondent = ""
    for name, role in ((PAYLOADS["link"][:80], PAYLOADS["emphasis"]),
                       (PAYLOADS["bidi"], PAYLOADS["javascript"][:60])):
        respondent = teams.add_response(team.invite, name, role, answers.document())
    store.close()
    with Server(env={"HOSTING_FIT_DATABASE_URL": database}) as server:
        yield server.url, {"a": share.view, "m": share.manage, "tv": team.view,
                           "tm": team.manage, "r": respondent}


class Watched:
    """A page with what it requested and every dialog it tried to open recorded."""

    def __init__(self, context) -> None:
        self.page = context.new_page()
        self.hosts: set[str] = set()
        self.dialogs: list[str] = []
        self.page.on("request", lambda request: self.hosts.add(urlparse(request.url).hostname
                                                                or ""))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message),
                                               dialog.dismiss()))

    def assert_text_only(self) -> None:
        """No payload became an element; nothing was fetched elsewhere; no dialog opened."""
        main = self.page.locator("[data-testid='stMain']")
        assert main.locator("img[src*='example.invalid']").count() == 0
        links = main.locator("a[href*='example.invalid'], a[href^='javascript']")
        assert links.count() == 0, [links.nth(i).evaluate("e => e.parentElement.outerHTML")[:300]
                                    for i in range(min(links.count(), 3))]
        assert main.locator("strong:text-is('bold'), em:text-is('it'), b:text-is('b')").count() == 0
        assert "\u202e" not in main.inner_text(), "direction overrides removed"
        elsewhere = sorted(self.hosts - {"127.0.0.1"})
        assert not elsewhere, f"requests left for {elsewhere}"
        assert not self.dialogs


@pytest.mark.parametrize("view", ["a", "m", "tv", "tm", "r"])
def test_hostile_text_stays_text(context, hostile_server, view):
    url, tokens = hostile_server
    watched = Watched(context)
    path = "/team" if view in ("tv", "tm", "r") else "/"
    app = AppPage(watched.page, url).open(f"{path}?{view}={tokens[view]}")
    marker = "Team view" if path == "/team" else "**bold**"  # a team's roles: in a grid
    watched.page.get_by_text(marker, exact=False).first.wait_for(timeout=20_000)
    expanders = watched.page.locator("[data-testid='stExpander']")
    for index in range(expanders.count()):  # closed expanders hold tables too: open them
        expander = expanders.nth(index)
        if expander.locator("details[open]").count() == 0:
            expander.locator("summary").click()
            # a folded part of a result is drawn on opening, and its content pushes the
            # parts below it down: clicking the next one before that rerun is drawn once
            # landed on the content arriving above it, and the part stayed closed
            app.settle()
        expander.locator("[data-testid='stExpanderDetails']").wait_for()
    watched.assert_text_only()


def test_the_authors_result_and_the_batch_errors_keep_hostile_text_as_text(context, app_url,
                                                                         app_database, tmp_path):
    """The author's own result (a draft with the hostile name, opened at its result: the
    questionnaire's typing is the subject of its own tests) and the batch page's errors."""
    watched = Watched(context)
    page = watched.page
    open_result(page, app_url, app_database,
                {**case("retailer_nothing_relevant")["answers"], "org_name": HOSTILE})
    page.get_by_text("Recommendation for", exact=False).first.wait_for(timeout=20_000)
    watched.assert_text_only()

    batch = AppPage(page, app_url).open("/batch")
    upload = tmp_path / "units.csv"
    upload.write_text(f"industry,{PAYLOADS['image']}\nretail,{PAYLOADS['link']}\n",
                      encoding="utf-8")
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(upload))
    batch.settle()
    page.get_by_text("Rows with errors", exact=False).first.wait_for(timeout=20_000)
    watched.assert_text_only()
