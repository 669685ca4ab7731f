"""What a signed-in person made, on SQLite and PostgreSQL: listed for them and nobody else,
opened with a fresh link only by them, and named in the history."""

from __future__ import annotations

from access import Person
from logic.knowledge_base import DEFAULT_VERSION
from questions.schema import default_bank
from storage import Store
from storage.teams import TeamStore
from tests.conftest import case

ANSWERS = case("starlink_startup")["answers"]
ALICE = Person("https://idp.example|alice", "alice@example.com", "Alice Example")
BOB = Person("https://idp.example|bob", "bob@example.com", "Bob Example")


def test_each_person_lists_what_they_made_and_nothing_else(store: Store):
    draft = store.create_draft({**ANSWERS, "org_name": "Alice Corp"}, {}, person=ALICE)
    links = store.share(ANSWERS, {}, knowledge_version=DEFAULT_VERSION, verdict="evaluate",
                        draft=draft, person=ALICE)
    TeamStore(store).create("Alice's review", person=ALICE)
    store.create_draft(ANSWERS, {})  # nobody signed in: nobody's
    store.create_draft({**ANSWERS, "org_name": "Bob Ltd"}, {}, person=BOB)

    mine = store.mine(ALICE)
    assert sorted(m.kind for m in mine) == ["draft", "shared", "team"]
    assert {m.name or default_bank().organisation(m.answers) for m in mine} >= {
        "Alice Corp", "Alice's review"}
    shared = next(m for m in mine if m.kind == "shared")
    assert shared.verdict == "evaluate" and not shared.revoked
    assert [default_bank().organisation(m.answers) for m in store.mine(BOB)] == ["Bob Ltd"]

    store.revoke(links.manage)
    assert next(m for m in store.mine(ALICE) if m.kind == "shared").revoked


def test_the_latest_change_comes_first(store: Store):
    older = store.create_draft({**ANSWERS, "org_name": "First"}, {}, person=ALICE)
    store.create_draft({**ANSWERS, "org_name": "Second"}, {}, person=ALICE)
    store.save_draft(older, {**ANSWERS, "org_name": "First, changed"}, {}, person=ALICE)
    assert [default_bank().organisation(m.answers) for m in store.mine(ALICE)] == [
        "First, changed", "Second"]


def test_only_the_owner_opens_it_and_the_link_made_works(store: Store):
    store.create_draft({**ANSWERS, "org_name": "Alice Corp"}, {}, person=ALICE)
    item = store.mine(ALICE)[0]
    assert store.open_mine(BOB, item.kind, item.item_id) is None
    assert store.open_mine(ALICE, "shared", item.item_id) is None  # not a share
    token = store.open_mine(ALICE, item.kind, item.item_id)
    assert token is not None
    opened = store.load_draft(token)
    assert opened is not None and opened.answers["org_name"] == "Alice Corp"

    team = TeamStore(store).create("Review", person=ALICE)
    team_item = next(m for m in store.mine(ALICE) if m.kind == "team")
    assert store.open_mine(BOB, "team", team_item.item_id) is None
    manage = store.open_mine(ALICE, "team", team_item.item_id)
    assert manage is not None and TeamStore(store).managed(manage) is not None
    assert team.manage != manage  # a new link; the first one keeps working
    assert TeamStore(store).managed(team.manage) is not None


def test_the_history_names_the_signed_in_person(store: Store):
    draft = store.create_draft(ANSWERS, {}, person=ALICE)
    store.save_draft(draft, {**ANSWERS, "org_name": "Changed"}, {}, person=BOB)
    links = store.share(ANSWERS, {}, knowledge_version=DEFAULT_VERSION, verdict="evaluate",
                        draft=draft)
    who = [e.who for e in store.history(links.manage)]
    assert who == ["Alice Example (alice@example.com)", "Bob Example (bob@example.com)"]


def test_the_plan_and_an_answer_recorded_name_who_made_the_change(store: Store):
    draft = store.create_draft(ANSWERS, {}, person=ALICE)
    links = store.share(ANSWERS, {}, knowledge_version=DEFAULT_VERSION, verdict="evaluate",
                        draft=draft, person=ALICE)
    planned = store.plan_action(links.manage, "ask:sla", owner="Dana", due=None, status="asked",
                                note=None, knowledge_version=DEFAULT_VERSION, by=ALICE.label)
    assert planned is not None and planned.by == ALICE.label and planned.owner == "Dana"
    anonymous = store.plan_action(links.manage, "ask:sla", owner="Dana", due=None,
                                  status="answered", note=None,
                                  knowledge_version=DEFAULT_VERSION)
    assert anonymous is not None and anonymous.by is None
    store.record_answer(links.manage, "uptime_target", "none", source="the account team",
                        who=BOB.label)
    last = store.history(links.manage)[-1]
    assert last.who == BOB.label and last.source == "the account team"
