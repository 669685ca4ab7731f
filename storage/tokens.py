"""Link tokens: unguessable (192 bits from `secrets`), checked for shape, stored hashed."""

from __future__ import annotations

import hashlib
import re
import secrets

TOKEN_BYTES = 24  # 192 bits; token_urlsafe makes 32 characters of A-Z a-z 0-9 - _
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{32}")


class MalformedToken(ValueError):
    """A link token that cannot be one of ours (wrong length or characters)."""


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def check(token: str) -> str:
    """The token if it has our shape; MalformedToken otherwise (never echoes it back)."""
    if not isinstance(token, str) or not TOKEN_SHAPE.fullmatch(token):
        length = len(token) if isinstance(token, str) else 0
        raise MalformedToken(
            f"the link's token is malformed ({length} characters; a valid one has 32 letters, "
            "digits, '-' or '_')"
        )
    return token


def digest(token: str) -> str:
    """What the database keeps: a leaked table does not hand out working links."""
    return hashlib.sha256(check(token).encode("ascii")).hexdigest()
