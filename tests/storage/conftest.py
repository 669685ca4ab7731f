"""The same storage tests on SQLite (always) and PostgreSQL (when a server is configured)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine

from storage import Store
from storage.db import Base

PG_VARIABLE = "HOSTING_FIT_TEST_PG_URL"


def _fresh_postgres() -> str:
    url = os.environ.get(PG_VARIABLE)
    if not url:
        pytest.skip(f"no PostgreSQL server: set {PG_VARIABLE} (scripts/test.sh starts one when "
                    "run as root)")
    engine = create_engine(url)
    Base.metadata.drop_all(engine)
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'assessments.sqlite3'}"
    return _fresh_postgres()


@pytest.fixture
def store(db_url) -> Iterator[Store]:
    opened = Store.open(db_url)
    yield opened
    opened.close()
