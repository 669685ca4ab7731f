"""Team storage on SQLite and PostgreSQL: invites, concurrent answers, revisions."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from storage import StorageLimit
from storage.teams import TeamStore
from storage.tokens import new_token
from tests.conftest import case

ANSWERS = case("starlink_startup")["answers"]


@pytest.fixture
def teams(store) -> TeamStore:
    return TeamStore(store)


def test_invite_and_view_links(teams):
    links = teams.create("Hosting review")
    assert teams.info(links.invite).can_answer is True
    assert teams.info(links.view).can_answer is False
    assert teams.info(new_token()) is None
    with pytest.raises(LookupError):
        teams.add_response(links.view, "Ana", "CTO", ANSWERS)


def test_simultaneous_answers_all_appear(teams):
    links = teams.create("Hosting review")

    def answer(i: int) -> str:
        return teams.add_response(links.invite, f"Person {i}", "Architect", ANSWERS)

    with ThreadPoolExecutor(max_workers=8) as pool:
        tokens = list(pool.map(answer, range(40)))
    assert len(set(tokens)) == 40
    assert sorted(r.name for r in teams.responses(links.view)) == sorted(
        f"Person {i}" for i in range(40))


def test_revision_replaces_only_that_respondent(teams):
    links = teams.create("Hosting review")
    ana = teams.add_response(links.invite, "Ana", "CTO", ANSWERS)
    teams.add_response(links.invite, "Ben", "SRE lead", ANSWERS)
    assert teams.revise(ana, {**ANSWERS, "contractual_sla": True}, "Ana", "CTO")
    people = {r.name: r for r in teams.responses(links.view)}
    assert people["Ana"].answers["contractual_sla"] is True
    assert people["Ben"].answers["contractual_sla"] is False
    assert len(people) == 2


def test_names_and_roles_are_cleaned_and_limited(teams):
    links = teams.create("Hosting review")
    token = teams.add_response(links.invite, " Ana\u202e\x00 ", "=CTO", ANSWERS)
    response, team_name = teams.response(token)
    assert response.name == "Ana" and response.role == "=CTO" and team_name == "Hosting review"
    with pytest.raises(StorageLimit, match="at most 80"):
        teams.add_response(links.invite, "x" * 81, "CTO", ANSWERS)
    with pytest.raises(StorageLimit, match="role is required"):
        teams.add_response(links.invite, "Ana", "  ", ANSWERS)


def test_the_team_limit_holds_under_concurrent_adds(teams, monkeypatch):
    """Regression: the count and the insert were two steps, so 8 writers at once on
    PostgreSQL stored more respondents than the limit."""
    import storage.teams

    monkeypatch.setattr(storage.teams, "MAX_RESPONDENTS", 5)
    links = teams.create("Hosting review")

    def answer(i: int) -> str:
        try:
            return teams.add_response(links.invite, f"Person {i}", "Architect", ANSWERS)
        except StorageLimit:
            return "refused"

    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(answer, range(24)))
    assert outcomes.count("refused") == 19
    assert len(teams.responses(links.view)) == 5


def test_the_owner_renews_a_leaked_invite_and_removes_fake_answers(teams):
    links = teams.create("Hosting review")
    ana = teams.add_response(links.invite, "Ana", "CTO", ANSWERS)
    fake = teams.add_response(links.invite, "Spam", "Bot", ANSWERS)
    teams.add_response(links.invite, "Ben", "SRE lead", ANSWERS)
    assert teams.managed(links.manage).name == "Hosting review"
    assert teams.managed(links.view) is None and teams.managed(links.invite) is None

    fresh = teams.renew_invite(links.manage)
    assert fresh and fresh != links.invite
    with pytest.raises(LookupError):
        teams.add_response(links.invite, "More spam", "Bot", ANSWERS)
    assert teams.info(links.invite) is None, "the leaked invite opens nothing"
    assert teams.info(fresh).can_answer is True
    assert teams.info(links.view).can_answer is False, "the read-only link still works"

    assert teams.remove_respondent(links.manage, 1) is True
    assert [r.name for r in teams.responses(links.view)] == ["Ana", "Ben"]
    assert teams.response(fake) is None, "the removed respondent's link opens nothing"
    assert teams.response(ana)[0].name == "Ana"
    assert teams.remove_respondent(links.manage, 5) is False
    assert teams.remove_respondent(links.view, 0) is False, "only the manage link removes"
