"""A PostgreSQL schema of the test's own: random name, dropped afterwards, nothing else touched.

The server comes from HOSTING_FIT_TEST_PG_URL (scripts/test.sh starts one when run as root);
each use gets a fresh schema `hosting_fit_test_<random>` in that database, reached through the
connection's search_path, and only that schema is dropped at the end.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text

PG_VARIABLE = "HOSTING_FIT_TEST_PG_URL"
PREFIX = "hosting_fit_test_"


def server_url() -> str:
    url = os.environ.get(PG_VARIABLE, "")
    if not url:
        pytest.skip(f"no PostgreSQL server: set {PG_VARIABLE} (scripts/test.sh starts one when "
                    "run as root)")
    if not url.startswith("postgresql"):
        pytest.fail(f"{PG_VARIABLE} must be a postgresql:// URL, not {url.split(':', 1)[0]}")
    return url


@contextmanager
def private_schema() -> Iterator[str]:
    """A URL whose connections use a new, empty schema; the schema is dropped on exit."""
    url = server_url()
    schema = PREFIX + secrets.token_hex(6)
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in url else "?"
    try:
        yield f"{url}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
