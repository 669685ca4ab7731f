"""Saving, sharing, copying and revoking, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import (
    select,
    text,
)
from sqlalchemy.orm import Session

from storage import MalformedToken, StorageLimit, Store
from storage.db import SCHEMA_VERSION, Link, SchemaInfo
from storage.tokens import new_token
from tests.conftest import ROOT, case

ANSWERS = case("starlink_startup")["answers"]


def _share(store: Store, answers=ANSWERS, notes=None):
    return store.share(answers, notes or {"_overall": "Our view"},
                       knowledge_version="2026-11-article", verdict="evaluate")


def test_schema_created_and_versioned_on_first_start(store):
    assert store.schema_version == SCHEMA_VERSION
    with Session(store.engine) as session:
        assert session.scalars(select(SchemaInfo)).one().version == SCHEMA_VERSION


def test_reopening_keeps_the_schema_and_the_data(db_url):
    first = Store.open(db_url)
    links = _share(first)
    first.close()
    again = Store.open(db_url)
    assert again.open_shared(links.view).answers == ANSWERS
    again.close()


def test_shared_link_opens_same_answers_notes_and_version(store):
    links = _share(store, notes={"_overall": "Board asked", "uptime_target": "No SLA needed"})
    shared = store.open_shared(links.view)
    assert shared.answers == ANSWERS and shared.kind == "shared"
    assert shared.notes == {"_overall": "Board asked", "uptime_target": "No SLA needed"}
    assert shared.knowledge_version == "2026-11-article" and shared.verdict == "evaluate"


def test_tokens_are_long_random_and_stored_only_hashed(store):
    links = _share(store)
    assert len(links.view) == 32 and links.view != links.manage
    with Session(store.engine) as session:
        stored = set(session.scalars(select(Link.token_hash)))
    assert links.view not in stored and links.manage not in stored
    assert all(len(h) == 64 for h in stored)


def test_tokens_have_at_least_128_bits():
    tokens = {new_token() for _ in range(2000)}
    assert len(tokens) == 2000
    assert all(len(t) == 32 for t in tokens)  # 24 random bytes = 192 bits


def test_unknown_token_finds_nothing(store):
    _share(store)
    assert store.open_shared(new_token()) is None
    assert store.load_draft(new_token()) is None


def test_token_of_one_kind_does_not_open_another(store):
    links = _share(store)
    draft = store.create_draft({"industry": "media"}, {})
    assert store.open_shared(links.manage) is None
    assert store.open_shared(draft) is None
    assert store.load_draft(links.view) is None
    assert store.revoke(links.view) is False


@pytest.mark.parametrize("token", ["short", "x" * 10_000, "a" * 31 + "!", "<script>" * 4, ""])
def test_malformed_tokens_are_refused_with_a_message(store, token):
    with pytest.raises(MalformedToken) as caught:
        store.open_shared(token)
    message = str(caught.value)
    assert "malformed" in message and f"({len(token)} characters" in message
    assert not token or token[:8] not in message, "the token is never echoed back"


def test_copy_gets_its_own_draft_and_leaves_the_original(store):
    links = _share(store)
    copy = store.copy_to_draft(links.view)
    assert copy and copy != links.view
    store.save_draft(copy, {**ANSWERS, "industry": "media"}, {"_overall": "my view"})
    assert store.load_draft(copy).answers["industry"] == "media"
    assert store.load_draft(copy).copied
    assert store.open_shared(links.view).answers == ANSWERS
    assert store.open_shared(links.view).notes == {"_overall": "Our view"}


def test_revoked_link_is_not_found_and_manage_link_says_so(store):
    links = _share(store)
    assert store.open_managed(links.manage).revoked is False
    assert store.revoke(links.manage)
    assert store.open_shared(links.view) is None
    assert store.copy_to_draft(links.view) is None
    assert store.open_managed(links.manage).revoked is True


def test_draft_autosave_round_trip(store):
    token = store.create_draft({"industry": None}, {})
    assert store.save_draft(token, {"industry": "aviation", "workloads": ["batch"]},
                            {"industry": "  airline group  "})
    draft = store.load_draft(token)
    assert draft.answers == {"industry": "aviation", "workloads": ["batch"]}
    assert draft.notes == {"industry": "airline group"}


def test_oversized_note_is_refused(store):
    with pytest.raises(StorageLimit, match="at most 2000"):
        store.create_draft({}, {"industry": "x" * 2001})


def test_200_saves_from_8_threads_are_all_found(store):
    def save(i: int):
        return i, _share(store, notes={"_overall": f"save {i}"})

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(save, range(200)))
    for i, links in results:
        assert store.open_shared(links.view).notes == {"_overall": f"save {i}"}


def test_a_second_process_sees_saves_from_the_first(store, db_url):
    links = _share(store, notes={"_overall": "from process one"})
    script = (
        "import sys; from storage import Store; s = Store.open(sys.argv[1]);"
        "seen = s.open_shared(sys.argv[2]);"
        "l = s.share({'industry': 'media'}, {'_overall': 'from process two'},"
        " knowledge_version='k', verdict='monitor');"
        "print(seen.notes['_overall'] + '|' + l.view)"
    )
    done = subprocess.run([sys.executable, "-c", script, db_url, links.view], cwd=ROOT,
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    seen, other_view = done.stdout.strip().split("|")
    assert seen == "from process one"
    assert store.open_shared(other_view).notes == {"_overall": "from process two"}


def test_sqlite_is_set_up_for_writers_and_durability(tmp_path):
    store = Store.open(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
    store.close()


def test_newer_schema_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    store = Store.open(url)
    with store.writer.begin() as conn:
        conn.execute(text("UPDATE schema_info SET version = 99"))
    store.close()
    with pytest.raises(RuntimeError, match="schema version 99"):
        Store.open(url)


def test_eight_processes_starting_at_once_on_an_empty_database_all_start(db_url):
    """Regression: on an empty PostgreSQL, several processes creating the schema at once
    died on duplicate tables; each now waits its turn and finds the schema made."""
    script = ("import sys; from storage import Store; s = Store.open(sys.argv[1]); "
              "print(s.schema_version); s.close()")
    starts = [subprocess.Popen([sys.executable, "-c", script, db_url], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for _ in range(8)]
    results = [(p.wait(timeout=120), p.stdout.read(), p.stderr.read()) for p in starts]
    assert all(code == 0 for code, _, _ in results), [err[-500:] for _, _, err in results]
    assert {out.strip() for _, out, _ in results} == {str(SCHEMA_VERSION)}


def test_a_draft_saved_meanwhile_is_not_overwritten(store):
    from storage import DraftConflict

    token = store.create_draft({"industry": "aviation"}, {})
    loaded = store.load_draft(token)
    mine = store.save_draft(token, {"industry": "media"}, {}, expected=loaded.updated_at)
    assert mine is not None
    with pytest.raises(DraftConflict):  # a second window still holds the first version
        store.save_draft(token, {"industry": "retail"}, {}, expected=loaded.updated_at)
    assert store.load_draft(token).answers == {"industry": "media"}, "nothing overwritten"
    assert store.save_draft(token, {"industry": "retail"}, {}, expected=mine) is not None


def test_every_share_of_a_draft_is_listed_revoked_and_reshared_apart(store):
    draft = store.create_draft(ANSWERS, {})
    first = store.share(ANSWERS, {}, knowledge_version="2026-11-article", verdict="evaluate",
                        draft=draft)
    second = store.share(ANSWERS, {"_overall": "v2"}, knowledge_version="2026-11-article",
                         verdict="monitor", draft=draft)
    alone = store.share(ANSWERS, {}, knowledge_version="2026-11-article", verdict="evaluate")
    listed = store.shares(second.manage)
    assert [e.verdict for e in listed] == ["evaluate", "monitor"], "oldest first"
    assert [e.this for e in listed] == [False, True]
    assert [e.share_id for e in store.shares(first.manage)] == [e.share_id for e in listed]
    assert len(store.shares(alone.manage)) == 1, "a share of another assessment is not listed"
    assert not store.revoke(alone.manage, listed[0].share_id), "not one of its shares"
    assert store.open_shared(first.view) is not None
    assert store.revoke(second.manage, listed[0].share_id)
    assert store.open_shared(first.view) is None and store.open_shared(second.view) is not None
    assert [e.open for e in store.shares(second.manage)] == [False, True]
    assert store.reshare(alone.manage, listed[0].share_id) is None
    fresh = store.reshare(second.manage, listed[0].share_id)
    assert fresh and store.open_shared(fresh).verdict == "evaluate"
    assert store.open_shared(first.view) is None, "the revoked link stays revoked"
    assert store.shares(draft) == [], "a draft token is not a manage link"
