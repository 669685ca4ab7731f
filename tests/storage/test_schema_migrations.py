"""Schema migrations on Alembic, from real old databases: each written by the app's own code at
the last commit of schema versions 2, 3 and 4 (tests/storage/old_databases/make.py), on SQLite
and on PostgreSQL, opens today in place with every link working; and the schema the migrations
make is the one the models describe."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, make_url, select, text
from sqlalchemy.orm import Session

from storage import Store
from storage.db import MIGRATIONS_DIR, SCHEMA_VERSION, Base, Link
from storage.teams import TeamStore
from tests.pg import private_schema

OLD = Path(__file__).resolve().parent / "old_databases"
VERSIONS = (2, 3, 4)


def _restore_dump(url: str, version: int) -> None:
    """Load the old PostgreSQL dump into the schema `url` searches (its name in the URL)."""
    schema = make_url(url).query["options"].split("search_path=", 1)[1]
    kept = [line for line in (OLD / f"v{version}.sql").read_text(encoding="utf-8").splitlines()
            if not line.startswith(("\\", "--", "SET ", "CREATE SCHEMA",
                                    "SELECT pg_catalog.set_config"))]
    script = "\n".join(kept).replace("old_schema.", f'"{schema}".')
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(script)
    finally:
        engine.dispose()


@contextmanager
def old_database(kind: str, version: int, tmp_path: Path) -> Iterator[tuple[str, dict]]:
    """An old database of this kind and schema version, and the links it holds."""
    links = json.loads((OLD / f"v{version}.json").read_text())
    if kind == "sqlite":
        copy = tmp_path / f"v{version}.sqlite3"
        shutil.copy(OLD / f"v{version}.sqlite3", copy)
        yield f"sqlite:///{copy}", links["sqlite"]
        return
    with private_schema() as url:
        _restore_dump(url, version)
        yield url, links["postgresql"]


def _differences(url: str) -> list:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            found = compare_metadata(MigrationContext.configure(connection), Base.metadata)
            revision = MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()
    return [*found, *([] if revision == f"{SCHEMA_VERSION:04d}" else [("revision", revision)])]


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
@pytest.mark.parametrize("version", VERSIONS)
def test_a_real_old_database_upgrades_in_place_with_every_link_working(kind, version, tmp_path):
    with old_database(kind, version, tmp_path) as (url, links):
        store = Store.open(url)
        try:
            assert store.schema_version == SCHEMA_VERSION == 10
            assert store.open_shared(links["view"]).notes == {"_overall": f"v{version} note"}
            assert store.open_managed(links["manage"]).verdict == "evaluate"
            draft_saved = store.load_draft(links["draft"])
            assert draft_saved.notes == {"_overall": f"v{version} draft"}
            assert draft_saved.answers["org_name"] == "Quill Labs"
            assert draft_saved.respondent is None, "no respondent kept with an older draft"
            assert store.set_respondent(links["draft"], "Ben", "SRE lead")
            assert store.load_draft(links["draft"]).respondent == ("Ben", "SRE lead")
            teams = TeamStore(store)
            assert teams.info(links["invite"]).can_answer is True
            assert teams.info(links["team_view"]).can_answer is False, "view stays view-only"
            assert teams.response(links["respondent"])[0].name == "Ana"
            assert [r.name for r in teams.responses(links["team_view"])] == ["Ana"]
            assert store.open_shared(links["invite"]) is None, "kinds stay apart"
            assert teams.info(links["view"]) is None
            with Session(store.engine) as session:
                # the six links above, and from version 3 the team's manage link, in one table
                assert len(session.scalars(select(Link.token_hash)).all()) == (
                    6 if version == 2 else 7)
            [recorded] = store.history(links["manage"])  # saved before history was kept
            assert recorded.event == "recorded" and recorded.who is None
            assert recorded.notes == {"_overall": f"v{version} note"}
            assert recorded.answers == store.open_managed(links["manage"]).answers
            [entry] = store.shares(links["manage"])  # a share saved before: listed on its own
            assert entry.this and entry.open and entry.verdict == "evaluate"
            draft = store.create_draft({"industry": "media"}, {})  # new shares group by draft
            first = store.share({"industry": "media"}, {}, knowledge_version="2026-11-article",
                                verdict="monitor", draft=draft)
            store.share({"industry": "media"}, {"_overall": "x"},
                        knowledge_version="2026-11-article", verdict="monitor", draft=draft)
            assert len(store.shares(first.manage)) == 2
            assert store.revoke(links["manage"]) and store.open_shared(links["view"]) is None
        finally:
            store.close()
        assert _differences(url) == [], "the upgraded schema is the one the models describe"
        again = Store.open(url)  # opening it again changes nothing
        again.close()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_new_database_gets_the_schema_the_models_describe(kind, tmp_path):
    if kind == "sqlite":
        url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
        Store.open(url).close()
        assert _differences(url) == []
        return
    with private_schema() as url:
        Store.open(url).close()
        assert _differences(url) == []


def test_the_newest_migration_is_the_apps_schema_version():
    steps = sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("[0-9]*.py"))
    assert steps[-1].startswith(f"{SCHEMA_VERSION:04d}_")
    assert [int(s[:4]) for s in steps] == list(range(1, SCHEMA_VERSION + 1))


def test_tables_without_a_version_are_not_taken_for_ours(tmp_path):
    url = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    with pytest.raises(RuntimeError, match="not made by this app"):
        Store.open(url)
