"""The database configuration: a wrong secrets file or an unusable URL says what is wrong,
never falls back silently to the SQLite file, and never shows a password or a server path."""

from __future__ import annotations

import pytest

from storage import ConfigError, StorageUnavailable, Store
from storage.db import describe_url, secrets_url
from tests.conftest import ROOT


def test_a_well_formed_secrets_file_gives_its_url(tmp_path):
    path = tmp_path / "secrets.toml"
    path.write_text('[connections.hosting_fit]\nurl = "postgresql+psycopg://u:p@db:5432/x"\n')
    assert secrets_url(path) == "postgresql+psycopg://u:p@db:5432/x"


def test_no_secrets_file_or_no_database_in_it_means_the_default(tmp_path):
    assert secrets_url(tmp_path / "missing.toml") is None
    other = tmp_path / "secrets.toml"
    other.write_text('[some_api]\ntoken = "x"\n')
    assert secrets_url(other) is None


@pytest.mark.parametrize("text, words", [
    ('[connection.hosting_fit]\nurl = "postgresql+psycopg://u:p@db/x"\n',
     "has `url` under [connection.hosting_fit]; the database URL must be under "
     "[connections.hosting_fit]"),
    ('[connections.hostingfit]\nurl = "postgresql+psycopg://u:p@db/x"\n',
     "under [connections.hostingfit]"),
    ('[connections.hosting_fit\nurl = "x"\n', "is not valid TOML"),
    ('[connections.hosting_fit]\nurl = 5\n', "must be a string"),
])
def test_a_wrong_secrets_file_stops_with_what_is_wrong(tmp_path, text, words):
    path = tmp_path / "secrets.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=None) as caught:
        secrets_url(path)
    assert words in str(caught.value)


def test_the_shipped_example_is_read_as_the_app_reads_it_and_the_real_file_is_ignored():
    example = ROOT / ".streamlit" / "secrets.toml.example"
    assert secrets_url(example).startswith("postgresql+psycopg://")
    ignored = (ROOT / ".gitignore").read_text().splitlines()
    assert ".streamlit/secrets.toml" in ignored


def test_messages_name_the_database_but_never_its_password_or_a_path():
    assert describe_url("postgresql+psycopg://me:s3cret@db.example:6543/fit") == \
        "postgresql database “fit” at db.example:6543"
    assert describe_url("sqlite:////srv/secret/place/app.sqlite3") == "the SQLite file"


@pytest.mark.parametrize("url, words", [
    ("postgresql+psycopg://me:s3cret@127.0.0.1:1/fit",
     "postgresql database “fit” at 127.0.0.1:1 cannot be reached or opened"),
    ("postgres://me:s3cret@127.0.0.1/fit", "must start with sqlite:/// or postgresql+psycopg://"),
    ("sqlite:////proc/no/such/place/app.sqlite3", "cannot be"),
])
def test_an_unusable_database_url_says_which_and_why(url, words):
    with pytest.raises(StorageUnavailable) as caught:
        Store.open(url)
    message = str(caught.value)
    assert words in message
    assert "s3cret" not in message and "/proc" not in message
