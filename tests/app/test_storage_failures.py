"""What a person sees when the database is misconfigured or down: a clear message, a retry,
no traceback, no password, no server path; and the app recovers without a restart."""

from __future__ import annotations

import pytest

import storage.db
from storage.db import URL_VARIABLE
from tests.app.helpers import fill_section, shown, start
from ui.resources import store


@pytest.fixture
def fresh_store():
    store.clear()  # the cached database of the other tests is not this one
    yield
    store.clear()


def _said(at) -> str:
    return " ".join(shown(e.value) for e in [*at.error, *at.warning, *at.info])


def test_an_unreachable_database_shows_storage_unavailable_and_retries(monkeypatch, fresh_store,
                                                                         app_database):
    monkeypatch.setenv(URL_VARIABLE, "postgresql+psycopg://me:s3cret@127.0.0.1:1/fit")
    at = start()
    fill_section(at, {"industry": "software"})  # the first answer starts a draft: a save
    said = _said(at)
    assert not at.exception
    assert "Storage unavailable, retrying every 5 seconds" in said
    assert "postgresql database “fit” at 127.0.0.1:1" in said
    assert "s3cret" not in said and "Traceback" not in said
    monkeypatch.setenv(URL_VARIABLE, app_database)  # the database is back
    at.run()
    assert "Storage unavailable" not in _said(at)
    assert at.query_params.get("d"), "the draft was saved once the database answered"


def test_a_misspelt_secrets_section_stops_the_app_with_the_reason(monkeypatch, fresh_store,
                                                                   tmp_path):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[connection.hosting_fit]\nurl = "postgresql+psycopg://u:p@db/x"\n')
    monkeypatch.setattr(storage.db, "SECRETS_FILE", secrets)
    at = start()
    fill_section(at, {"industry": "software"})
    said = _said(at)
    assert not at.exception
    assert "misconfigured" in said and "[connections.hosting_fit]" in said
    assert not at.query_params.get("d"), "nothing saved to the SQLite file instead"
