"""Without sign-in configured nothing changes; a deployment that asks for sign-in it cannot
offer says which setting is wrong (AppTest; the sign-in itself is tests/e2e/test_sign_in.py)."""

from __future__ import annotations

import pytest

from tests.app.helpers import fill_all, start, widget
from tests.conftest import case
from ui import signin


@pytest.fixture(autouse=True)
def fresh_settings():
    signin._settings.cache_clear()  # read once per process: each test sets its own
    yield
    signin._settings.cache_clear()


def test_without_sign_in_configured_nothing_asks_for_it():
    at = start()
    assert not at.exception
    assert widget(at, "sign_in") is None and widget(at, "sign_out") is None
    assert not any("Signed in" in c.value for c in at.sidebar.caption)
    fill_all(at, case("starlink_startup")["answers"])
    assert not at.exception and at.query_params.get("d"), "the draft is saved as before"


def test_sign_in_required_but_not_configured_names_the_setting(monkeypatch):
    monkeypatch.setenv("HOSTING_FIT_SIGN_IN", "changes")
    at = start()
    assert not at.exception
    errors = " ".join(e.value for e in at.error)
    assert "HOSTING_FIT_SIGN_IN" in errors and "docs/sign-in.md" in errors
    assert widget(at, "org_name") is None  # nothing to create without a person


def test_a_wrong_sign_in_setting_stops_with_its_name(monkeypatch):
    monkeypatch.setenv("HOSTING_FIT_SIGN_IN_DOMAIN", "not a domain")
    at = start()
    assert not at.exception
    assert any("HOSTING_FIT_SIGN_IN_DOMAIN" in e.value for e in at.error)
