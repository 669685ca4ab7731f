"""Link tokens: unguessable (192 bits from `secrets`), checked for shape, stored hashed in the
one `links` table whatever they open (an assessment, a team, a respondent)."""

from __future__ import annotations

import hashlib
import re
import secrets

from sqlalchemy.orm import Session

from storage.db import Link, now

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


def add_link(session: Session, purpose: str, *, assessment_id: int | None = None,
             team_id: int | None = None, respondent_id: int | None = None,
             watch_id: int | None = None) -> str:
    """A new link opening one thing for one purpose; returns the token (only its hash is kept)."""
    token = new_token()
    session.add(Link(token_hash=digest(token), purpose=purpose, assessment_id=assessment_id,
                     team_id=team_id, respondent_id=respondent_id, watch_id=watch_id,
                     created_at=now(), revoked_at=None))
    return token


def find_link(session: Session, token: str, purposes: tuple[str, ...]) -> Link | None:
    """The link behind a token if it serves one of these purposes (revoked or not), else None;
    MalformedToken when the token cannot be one of ours."""
    row = session.get(Link, digest(token))
    return row if row is not None and row.purpose in purposes else None
