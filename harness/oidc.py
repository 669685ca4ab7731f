"""A real OpenID Connect provider on the loopback address for the sign-in tests:
oidc-provider-mock (Authlib and Flask), which signs ID tokens with its own RSA key, serves
discovery and JWKS, and shows a form where the test types who signs in. Claims set for a person
go into their ID token as given, so a test can give one a wrong audience or a past expiry.

And the app's side: the `[auth]` secrets that point Streamlit's `st.login` at it."""

from __future__ import annotations

import json
import os
import secrets
import tempfile
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import oidc_provider_mock

CLIENT_ID = "hosting-fit"


@dataclass(frozen=True)
class Provider:
    url: str

    def person(self, subject: str, **claims: object) -> None:
        """The claims `subject`'s ID token will carry (email, name; or aud, exp to spoil it)."""
        request = urllib.request.Request(
            f"{self.url}/users/{quote(subject, safe='')}", method="PUT",
            data=json.dumps(claims).encode(), headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as answer:
            assert answer.status == 204, answer.status

    def secrets_file(self, app_url: str) -> Path:
        """A secrets.toml for an app served at `app_url` that signs in here."""
        folder = Path(tempfile.mkdtemp())
        path = folder / "secrets.toml"
        path.write_text(
            "[auth]\n"
            f'redirect_uri = "{app_url}/oauth2callback"\n'
            f'cookie_secret = "{secrets.token_hex(32)}"\n'
            f'client_id = "{CLIENT_ID}"\n'
            f'client_secret = "{secrets.token_hex(16)}"\n'
            f'server_metadata_url = "{self.url}/.well-known/openid-configuration"\n',
            encoding="utf-8")
        return path


@contextmanager
def provider() -> Iterator[Provider]:
    """The provider, running in a thread of this process until the block ends."""
    os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"  # plain HTTP on the loopback address
    with oidc_provider_mock.run_server_in_thread() as server:
        yield Provider(f"http://localhost:{server.server_port}")
