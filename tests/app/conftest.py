"""App tests write to a database of their own, never the user's data/ folder."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from storage.db import URL_VARIABLE


@pytest.fixture(scope="session", autouse=True)
def app_database(tmp_path_factory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'app.sqlite3'}"
    previous = os.environ.get(URL_VARIABLE)
    os.environ[URL_VARIABLE] = url
    yield url
    if previous is None:
        os.environ.pop(URL_VARIABLE, None)
    else:
        os.environ[URL_VARIABLE] = previous
