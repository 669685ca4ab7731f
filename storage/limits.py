"""Creation limits that hold however many processes serve and however many sessions a client
opens: counted in the database, in the same transaction as the write (serialised: SQLite's
write lock, an advisory lock on PostgreSQL), per client address (hashed) and overall, over the
last minute. The per-session brake (storage/brakes.py) stays in front of them."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from questions.text import said
from storage.db import ConfigError, Creation, aware, now
from storage.errors import StorageLimit, creation

PER_CLIENT_VARIABLE = "HOSTING_FIT_CREATIONS_PER_CLIENT"
OVERALL_VARIABLE = "HOSTING_FIT_CREATIONS_PER_MINUTE"
WINDOW = timedelta(minutes=1)
KEPT = timedelta(hours=1)  # rows older than this are deleted as new ones are written
LOCK = 7_243_017  # the PostgreSQL advisory lock the count and the write share


class TooMany(StorageLimit):
    """Over a creation limit; says whose and how long to wait."""


@dataclass(frozen=True)
class CreationLimits:
    """How many drafts, shares, copies, teams and team answers may be made per minute: by one
    client address, and by everyone together."""

    per_client: int = 30
    overall: int = 600

    @classmethod
    def from_environment(cls) -> CreationLimits:
        found = {}
        for field, variable in (("per_client", PER_CLIENT_VARIABLE),
                                ("overall", OVERALL_VARIABLE)):
            value = os.environ.get(variable, "").strip()
            if not value:
                continue
            if not value.isdigit() or int(value) < 1:
                raise ConfigError(f"{variable} must be a whole number of 1 or more, not "
                                  f"{value[:20]!r}")
            found[field] = int(value)
        return cls(**found)


def client_id(address: str | None) -> str | None:
    """How a client is counted: a hash of its address (the address itself is not kept)."""
    if not address:
        return None
    return hashlib.sha256(b"hosting-fit client\0" + address.encode()).hexdigest()


def take(session: Session, limits: CreationLimits, address: str | None, what: str) -> None:
    """Count one creation of `what` by `address` in this transaction, or raise TooMany."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": LOCK})
    stamp = now()
    since = stamp - WINDOW
    client = client_id(address)
    recent = select(func.count(Creation.id), func.min(Creation.created_at)).where(
        Creation.created_at >= since)
    total, _ = session.execute(recent).one()
    if total >= limits.overall:
        raise TooMany(said("the app has saved {n} new drafts, shares or teams in the last "
                           "minute, the most it takes from everyone together; wait a minute "
                           "before saving another {what}", n=limits.overall,
                           what=creation(what)))
    if client is not None:
        mine, oldest = session.execute(recent.where(Creation.client == client)).one()
        if mine >= limits.per_client:
            waited = (stamp - aware(oldest)).total_seconds() if oldest else 0.0
            wait = max(1, round(60 - waited))
            raise TooMany(said("your address has saved {n} new drafts, shares or teams in "
                               "the last minute, the most it may; wait {wait} s before saving "
                               "another {what}", n=limits.per_client, wait=wait,
                               what=creation(what)))
    session.add(Creation(client=client, kind=what[:16], created_at=stamp))
    session.execute(delete(Creation).where(Creation.created_at < stamp - KEPT))

