"""Creation limits counted where the data is written: per client address and overall, in the
writing transaction, the same whichever process (or Store) writes, on SQLite and PostgreSQL."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from storage import Store
from storage.limits import CreationLimits, TooMany, client_id
from storage.teams import TeamStore
from tests.conftest import case

ANSWERS = case("starlink_startup")["answers"]


@pytest.fixture
def limited(db_url):
    opened = Store.open(db_url, limits=CreationLimits(per_client=3, overall=7))
    yield opened
    opened.close()


def test_one_address_is_refused_past_its_limit_and_others_go_on(limited, db_url):
    for _ in range(3):
        limited.create_draft({"industry": "media"}, {}, client="203.0.113.9")
    with pytest.raises(TooMany, match="your address has saved 3 new drafts, shares or teams"):
        limited.create_draft({"industry": "media"}, {}, client="203.0.113.9")
    teams = TeamStore(limited)
    with pytest.raises(TooMany, match="wait"):
        teams.create("Another one", client="203.0.113.9")  # teams count with the rest
    other = Store.open(db_url, limits=CreationLimits(per_client=3, overall=7))  # another process
    try:
        with pytest.raises(TooMany):
            other.create_draft({"industry": "media"}, {}, client="203.0.113.9")
        other.create_draft({"industry": "media"}, {}, client="198.51.100.4")
    finally:
        other.close()


def test_everyone_together_is_refused_past_the_overall_limit(limited):
    for i in range(7):
        limited.create_draft({"industry": "media"}, {}, client=f"192.0.2.{i}")
    with pytest.raises(TooMany, match="from everyone together"):
        limited.create_draft({"industry": "media"}, {}, client="192.0.2.200")


def test_a_refused_creation_writes_nothing(limited):
    links = TeamStore(limited).create("Kept", client="a")
    TeamStore(limited).add_response(links.invite, "Ana", "CTO", ANSWERS, client="a")
    limited.create_draft({"industry": "media"}, {}, client="a")
    with pytest.raises(TooMany):
        TeamStore(limited).add_response(links.invite, "Ben", "SRE", ANSWERS, client="a")
    assert [r.name for r in TeamStore(limited).responses(links.view)] == ["Ana"]


def test_concurrent_creations_from_one_address_never_pass_the_limit(limited):
    def make(_: int) -> str:
        try:
            limited.create_draft({"industry": "media"}, {}, client="203.0.113.50")
            return "made"
        except TooMany:
            return "refused"

    with ThreadPoolExecutor(max_workers=6) as pool:
        outcomes = list(pool.map(make, range(12)))
    assert outcomes.count("made") == 3, outcomes


def test_no_limits_for_tools_and_the_address_is_not_kept(store):
    for _ in range(40):
        store.create_draft({"industry": "media"}, {}, client="203.0.113.9")  # unlimited Store
    assert client_id("203.0.113.9") != "203.0.113.9" and len(client_id("x") or "") == 64
