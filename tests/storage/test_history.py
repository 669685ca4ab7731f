"""An assessment's history: every saved change kept, append-only, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, text, update
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from logic.knowledge_base import DEFAULT_VERSION
from storage import StorageLimit, Store
from storage.db import Change, Milestone
from storage.history import Difference, differences
from storage.tokens import new_token
from tests.conftest import case
from tests.pg import private_schema

ANSWERS = case("starlink_startup")["answers"]


def _shared_draft(store: Store) -> tuple[str, str]:
    """A draft and the manage link of a share made from it."""
    draft = store.create_draft(ANSWERS, {})
    links = store.share(ANSWERS, {}, knowledge_version=DEFAULT_VERSION, verdict="evaluate",
                        draft=draft)
    return draft, links.manage


def test_every_saved_change_is_an_entry_and_a_save_without_change_is_none(store):
    draft, manage = _shared_draft(store)
    store.save_draft(draft, {**ANSWERS, "latency_target_ms": 50}, {})
    store.save_draft(draft, {**ANSWERS, "latency_target_ms": 50}, {})  # nothing changed
    store.save_draft(draft, {**ANSWERS, "latency_target_ms": 50}, {"_overall": "Ask about SLAs"})
    created, latency, note = store.history(manage)
    assert [e.event for e in (created, latency, note)] == ["created", "saved", "saved"]
    assert created.answers == ANSWERS and created.notes == {}
    assert latency.answers_changed == (
        Difference("latency_target_ms", ANSWERS["latency_target_ms"], 50),)
    assert latency.notes_changed == ()
    assert note.answers_changed == ()
    assert note.notes_changed == (Difference("_overall", None, "Ask about SLAs"),)
    assert created.at <= latency.at <= note.at
    assert {e.knowledge_version for e in (created, latency, note)} == {DEFAULT_VERSION}


def test_the_first_entry_lists_every_answer_given(store):
    _, manage = _shared_draft(store)
    [first] = store.history(manage)
    assert {d.key for d in first.answers_changed} == set(ANSWERS) - {"bank_version"}
    assert all(d.before is None for d in first.answers_changed)


def test_an_entry_names_the_respondent_who_saved_it(store):
    draft = store.create_draft(ANSWERS, {}, respondent=("Ana", "CTO"))
    store.save_draft(draft, {**ANSWERS, "starlink": "no"}, {})
    links = store.share(ANSWERS, {}, knowledge_version=DEFAULT_VERSION, verdict="monitor",
                        draft=draft)
    assert [e.who for e in store.history(links.manage)] == ["Ana", "Ana"]


def test_earlier_entries_stay_as_they_were(store):
    draft, manage = _shared_draft(store)
    before = store.history(manage)
    for target in (100, 200, 300):
        store.save_draft(draft, {**ANSWERS, "latency_target_ms": target}, {})
    after = store.history(manage)
    assert after[:1] == before
    assert [e.answers["latency_target_ms"] for e in after[1:]] == [100, 200, 300]


def test_a_copy_starts_its_own_history_and_a_share_without_draft_has_one_entry(store):
    links = store.share(ANSWERS, {"_overall": "x"}, knowledge_version=DEFAULT_VERSION,
                        verdict="evaluate")
    [own] = store.history(links.manage)
    assert own.event == "created" and own.notes == {"_overall": "x"}
    copy = store.copy_to_draft(links.view)
    shared = store.share(ANSWERS, {}, knowledge_version=DEFAULT_VERSION, verdict="evaluate",
                         draft=copy)
    assert [e.event for e in store.history(shared.manage)] == ["copied"]
    assert store.history(new_token()) == []


@pytest.mark.parametrize("statement", [
    update(Change).values(who="someone else"),
    update(Change).values(answers={}),
    delete(Change),
], ids=["who", "answers", "delete"])
def test_the_database_refuses_to_rewrite_or_delete_history(store, statement):
    _shared_draft(store)
    with pytest.raises(DatabaseError, match="append-only"), \
            Session(store.engine) as session, session.begin():
        session.execute(statement)
    with Session(store.engine) as session:
        rows = session.query(Change).all()  # the draft's entry and its share's
        assert len(rows) == 2
        assert all(r.who is None and r.answers == ANSWERS for r in rows), "kept as they were"


def test_postgresql_refuses_to_truncate_history_or_milestones():
    """TRUNCATE is PostgreSQL's (SQLite has DELETE only, refused above)."""
    with private_schema() as url:
        store = Store.open(url)
        try:
            _shared_draft(store)
            with pytest.raises(DatabaseError, match="append-only"), \
                    store.engine.begin() as conn:
                conn.execute(text("TRUNCATE history, milestones"))
        finally:
            store.close()


def test_differences_ignore_the_bank_version_and_see_removed_answers():
    before = {"bank_version": 1, "starlink": "yes", "regulations": ["gdpr"]}
    after = {"bank_version": 2, "starlink": "yes", "regulations": []}
    assert differences(before, after) == (Difference("regulations", ["gdpr"], []),)
    assert differences({"a": 1}, {}) == (Difference("a", 1, None),)


def _milestone(store: Store, manage: str, name: str, verdict: str = "evaluate"):
    newest = store.history(manage)[-1]
    return store.save_milestone(manage, name, newest.entry_id,
                                knowledge_version=DEFAULT_VERSION, verdict=verdict)


def test_a_milestone_freezes_the_point_it_names_while_the_draft_goes_on(store):
    draft, manage = _shared_draft(store)
    board = _milestone(store, manage, "  Board, January ")
    assert board.name == "Board, January" and board.point.answers == ANSWERS
    store.save_draft(draft, {**ANSWERS, "starlink": "no"}, {"_overall": "after the call"})
    review = _milestone(store, manage, "Review, March", verdict="monitor")
    first, second = store.milestones(manage)
    assert (first.name, first.verdict, first.point.answers) == ("Board, January", "evaluate",
                                                                ANSWERS)
    assert second.point.answers["starlink"] == "no" and second.verdict == "monitor"
    assert second.point.notes == {"_overall": "after the call"}
    assert review.milestone_id == second.milestone_id
    assert first.created_at <= second.created_at


def test_a_milestone_name_is_needed_once_and_a_foreign_point_is_refused(store):
    _, manage = _shared_draft(store)
    _milestone(store, manage, "Board")
    with pytest.raises(StorageLimit, match="exists already"):
        _milestone(store, manage, "board")
    with pytest.raises(StorageLimit, match="needs a name"):
        _milestone(store, manage, "   ")
    with pytest.raises(StorageLimit, match="at most 80"):
        _milestone(store, manage, "x" * 81)
    _, other = _shared_draft(store)
    foreign = store.history(other)[-1].entry_id
    assert store.save_milestone(manage, "Theirs", foreign, knowledge_version=DEFAULT_VERSION,
                                verdict="evaluate") is None
    assert store.save_milestone(new_token(), "Nobody's", foreign,
                                knowledge_version=DEFAULT_VERSION, verdict="evaluate") is None
    assert [m.name for m in store.milestones(manage)] == ["Board"]
    assert store.milestones(other) == []


@pytest.mark.parametrize("statement", [
    update(Milestone).values(name="renamed"),
    update(Milestone).values(verdict="no_action"),
    delete(Milestone),
], ids=["name", "verdict", "delete"])
def test_the_database_refuses_to_change_or_delete_a_milestone(store, statement):
    _, manage = _shared_draft(store)
    _milestone(store, manage, "Board")
    with pytest.raises(DatabaseError, match="append-only"), \
            Session(store.engine) as session, session.begin():
        session.execute(statement)
    [kept] = store.milestones(manage)
    assert (kept.name, kept.verdict) == ("Board", "evaluate")
