"""The action plan as stored: every change kept, the newest per action is the plan, bad
values refused with a message, an answer learnt from the account team taken into the draft
with its source; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import delete, update
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from logic.knowledge_base import DEFAULT_VERSION
from storage import StorageLimit, Store
from storage.db import PlanChange
from storage.tokens import new_token
from tests.conftest import case

ANSWERS = case("edge_latency_unknown")["answers"]


def _links(store: Store, draft: bool = True):
    token = store.create_draft(ANSWERS, {}) if draft else None
    return token, store.share(ANSWERS, {}, knowledge_version=DEFAULT_VERSION,
                              verdict="monitor", draft=token)


def _plan(store: Store, manage: str, key: str = "settle:latency_target_ms", **given):
    fields = {"owner": "Ana", "due": date(2027, 1, 15), "status": "open", "note": None,
              **given}
    return store.plan_action(manage, key, knowledge_version=DEFAULT_VERSION, **fields)


def test_the_newest_change_of_each_action_is_the_plan(store):
    _, links = _links(store)
    _plan(store, links.manage)
    _plan(store, links.manage, status="asked", note="Asked on the call")
    _plan(store, links.manage, "ask:OQ1", owner="Ben", due=None)
    plan = store.plan(links.manage)
    assert set(plan) == {"settle:latency_target_ms", "ask:OQ1"}
    latency = plan["settle:latency_target_ms"]
    assert (latency.owner, latency.status, latency.note, latency.changes) == (
        "Ana", "asked", "Asked on the call", 2)
    assert latency.due == date(2027, 1, 15) and plan["ask:OQ1"].due is None
    assert store.plan(new_token()) == {} and _plan(store, new_token()) is None


@pytest.mark.parametrize(("given", "message"), [
    ({"status": "finished"}, "status is one of open, asked, answered, dropped"),
    ({"due": date(1999, 12, 31)}, "due date between 2000 and 2100"),
    ({"owner": "x" * 81}, "owner's name has 81 characters"),
    ({"note": "y" * 2001}, "note has 2001 characters"),
    ({"owner": "Ana\x00"}, "owner's name"),
])
def test_a_bad_value_is_refused_with_what_is_wrong(store, given, message):
    _, links = _links(store)
    with pytest.raises(StorageLimit, match=message):
        _plan(store, links.manage, **given)
    with pytest.raises(StorageLimit, match="not an action of this plan"):
        _plan(store, links.manage, key="delete:everything")
    assert store.plan(links.manage) == {}, "nothing kept of a refused change"


def test_an_answer_from_the_account_team_is_an_answer_change_with_its_source(store):
    draft, links = _links(store)
    assert store.record_answer(links.manage, "latency_target_ms", 200,
                               source="the account team, recorded by Ana") is not None
    assert store.load_draft(draft).answers["latency_target_ms"] == 200
    newest = store.history(links.manage)[-1]
    assert newest.event == "answered" and newest.source == "the account team, recorded by Ana"
    assert [(d.key, d.before, d.after) for d in newest.answers_changed] == [
        ("latency_target_ms", "unknown", 200)]
    _, alone = _links(store, draft=False)
    assert store.record_answer(alone.manage, "latency_target_ms", 200,
                               source="the account team") is None, "a share is frozen"
    assert store.open_managed(alone.manage).answers["latency_target_ms"] == "unknown"


@pytest.mark.parametrize("statement", [update(PlanChange).values(owner="Mallory"),
                                       delete(PlanChange)], ids=["update", "delete"])
def test_the_database_refuses_to_rewrite_the_plans_changes(store, statement):
    _, links = _links(store)
    _plan(store, links.manage)
    with pytest.raises(DatabaseError, match="append-only"), \
            Session(store.engine) as session, session.begin():
        session.execute(statement)
    assert store.plan(links.manage)["settle:latency_target_ms"].owner == "Ana"
