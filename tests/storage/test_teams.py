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

    spam = teams.response(fake)[0]
    assert teams.remove_respondent(links.manage, spam.id, spam.updated_at) == "removed"
    assert [r.name for r in teams.responses(links.view)] == ["Ana", "Ben"]
    assert teams.response(fake) is None, "the removed respondent's link opens nothing"
    assert teams.response(ana)[0].name == "Ana"
    assert teams.remove_respondent(links.manage, spam.id, spam.updated_at) == "gone"
    assert teams.remove_respondent(links.manage, 10**9, spam.updated_at) == "gone"
    first = teams.response(ana)[0]
    assert teams.remove_respondent(links.view, first.id, first.updated_at) == "gone", (
        "only the manage link removes")
    [gone] = teams.removed(links.manage)
    assert gone.name == spam.name and gone.undo_until is not None
    assert teams.undo_removal(links.manage, spam.id) is True
    assert [r.name for r in teams.responses(links.view)] == ["Ana", spam.name, "Ben"]
    assert teams.response(fake)[0].name == spam.name, "their own link works again"
    assert teams.removed(links.manage) == []


def test_removal_names_the_respondent_not_a_position(store):
    """Two manage tabs each showing Ana, Spam and Ben: one removes Spam, the other then removes
    Ben by what it showed; nobody else goes. A respondent who revised since the page was
    drawn is not removed."""
    teams = TeamStore(store)
    links = teams.create("Two tabs")
    tokens = [teams.add_response(links.invite, n, "Role", ANSWERS) for n in ("Ana", "Spam", "Ben")]
    shown = teams.responses(links.manage)  # what both tabs drew
    by_name = {p.name: p for p in shown}
    assert teams.remove_respondent(links.manage, by_name["Spam"].id,
                                   by_name["Spam"].updated_at) == "removed"
    assert teams.remove_respondent(links.manage, by_name["Ben"].id,
                                   by_name["Ben"].updated_at) == "removed"
    assert [r.name for r in teams.responses(links.manage)] == ["Ana"]
    assert teams.revise(tokens[0], ANSWERS, "Ana", "CTO")
    assert teams.remove_respondent(links.manage, by_name["Ana"].id,
                                   by_name["Ana"].updated_at) == "changed"
    assert [r.name for r in teams.responses(links.manage)] == ["Ana"], "revised: kept"


def test_past_the_undo_time_the_answers_go_and_the_record_stays(store):
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import update
    from sqlalchemy.orm import Session

    from storage.db import Respondent
    from storage.teams import UNDO_REMOVAL

    teams = TeamStore(store)
    links = teams.create("Old removal")
    old = teams.add_response(links.invite, "Old", "Role", ANSWERS)
    teams.add_response(links.invite, "New", "Role", ANSWERS)
    person = teams.response(old)[0]
    assert teams.remove_respondent(links.manage, person.id, person.updated_at) == "removed"
    with Session(store.writer) as session, session.begin():
        session.execute(update(Respondent).where(Respondent.id == person.id).values(
            removed_at=datetime.now(UTC) - UNDO_REMOVAL - timedelta(hours=1)))
    [gone] = teams.removed(links.manage)
    assert gone.name == "Old" and gone.undo_until is None
    assert teams.undo_removal(links.manage, person.id) is False, "too late to undo"
    other = teams.responses(links.manage)[0]
    teams.remove_respondent(links.manage, other.id, other.updated_at)  # any removal tidies up
    with Session(store.engine) as session:
        assert session.get_one(Respondent, person.id).answers == {}, "the answers are gone"
    assert [r.name for r in teams.removed(links.manage)] == ["New", "Old"]


def test_a_team_watch_gets_word_when_an_answer_moves_the_team_verdict(teams, store):
    """Watched from the manage link: a first respondent gives the team a verdict, a second
    who answers the same changes nothing, a revision that moves the consensus is a notice;
    removing the respondent who held it moves it back."""
    links = teams.create("Platform")
    watch = teams.watch(links.manage)
    assert watch is not None and watch.secret is None
    ana = teams.add_response(links.invite, "Ana", "CTO", ANSWERS)  # Evaluate
    teams.add_response(links.invite, "Ben", "SRE", ANSWERS)  # the same: no word
    [first] = teams.watches(links.manage)[0].notices
    assert (first.cause, first.old.verdict, first.new.verdict) == ("team", None, "evaluate")
    off = {**ANSWERS, "starlink": "no"}
    teams.revise(ana, off, "Ana", "CTO")
    carol = teams.add_response(links.invite, "Carol", "Architect", off)  # most now off Starlink
    notices = teams.watches(links.manage)[0].notices
    assert [n.new.verdict for n in notices][0] == "monitor"
    assert notices[0].summary.startswith("Evaluate → Monitor, after a change to the team's")
    assert store.feed(watch.feed)[1] == "Platform", "the feed is named after the team"
    assert teams.watch(links.view) is None, "only the manage link watches"
    assert carol


def test_a_teams_plan_is_changed_by_its_manage_link_and_read_by_the_others(teams):
    from datetime import date

    from logic.knowledge_base import DEFAULT_VERSION

    links = teams.create("Platform")
    teams.add_response(links.invite, "Ana", "CTO", ANSWERS)
    planned = teams.plan_action(links.manage, "ask:OQ2", owner="Ana", due=date(2027, 1, 15),
                                status="asked", note=None, knowledge_version=DEFAULT_VERSION)
    assert planned is not None and planned.owner == "Ana"
    assert teams.plan_action(links.view, "ask:OQ2", owner="Mallory", due=None, status="open",
                             note=None, knowledge_version=DEFAULT_VERSION) is None
    for token in (links.manage, links.view, links.invite):
        assert teams.plan(token)["ask:OQ2"].owner == "Ana"
