"""The deployment's seal key: decision records are signed with HMAC-SHA256 under it, so "intact"
means written by this deployment and unchanged since. The key comes from the environment
(`HOSTING_FIT_SEAL_KEY`, a secret of at least 32 characters: set it when app processes run on
several machines); with none set, it is generated on first start and kept in a file beside
the database (`seal.key` next to the SQLite file, or in `data/` for a database server), readable
by its owner only."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from storage.db import DATA_DIR, ConfigError, sqlite_file

KEY_VARIABLE = "HOSTING_FIT_SEAL_KEY"
MIN_KEY_CHARS = 32
KEY_FILE = "seal.key"
ALGORITHM = "HMAC-SHA256"


@dataclass(frozen=True)
class SealKey:
    """A secret and its public id (the first 16 hex digits of its SHA-256), which a record
    carries so that a record from another deployment can be told from a changed one."""

    secret: bytes

    @property
    def id(self) -> str:
        return hashlib.sha256(b"hosting-fit seal key id\0" + self.secret).hexdigest()[:16]

    def sign(self, message: bytes) -> str:
        return hmac.new(self.secret, message, hashlib.sha256).hexdigest()

    def verifies(self, message: bytes, mac: str) -> bool:
        return hmac.compare_digest(self.sign(message), mac)


def key_file(database_url: str) -> Path:
    """Where the generated key lives: beside the SQLite file, else in the app's data folder."""
    database = sqlite_file(database_url)
    return database.resolve().with_name(KEY_FILE) if database else DATA_DIR / KEY_FILE


def deployment_key(database_url: str) -> SealKey:
    """The key from the environment, else from its file (made whole, owner-only, on first use;
    processes starting at once agree on the first one linked in place)."""
    configured = os.environ.get(KEY_VARIABLE, "")
    if configured:
        if len(configured) < MIN_KEY_CHARS:
            raise ConfigError(f"{KEY_VARIABLE} has {len(configured)} characters; a seal key "
                              f"needs at least {MIN_KEY_CHARS} (say: python -c \"import "
                              "secrets; print(secrets.token_hex(32))\")")
        return SealKey(configured.encode())
    path = key_file(database_url)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f".{KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(32) + "\n")
        try:
            os.link(draft, path)  # whole or not at all; the first process to link wins
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    text = path.read_text(encoding="ascii").strip()
    if len(text) < MIN_KEY_CHARS:
        raise ConfigError(f"the seal key file {path} is damaged: delete it (records sealed "
                          "with it will then read as from another deployment) or set "
                          f"{KEY_VARIABLE}")
    return SealKey(text.encode())
