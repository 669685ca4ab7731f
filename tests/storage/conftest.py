"""The same storage tests on SQLite (always) and PostgreSQL (when a server is configured), each
on a database of its own: a SQLite file in the test's folder, or a PostgreSQL schema with a
random name that is dropped afterwards (tests/pg.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from storage import Store
from tests.pg import private_schema


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'assessments.sqlite3'}"
        return
    with private_schema() as url:
        yield url


@pytest.fixture
def store(db_url) -> Iterator[Store]:
    opened = Store.open(db_url)
    yield opened
    opened.close()
