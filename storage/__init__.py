"""Saving, sharing and exporting assessments (SQLAlchemy: SQLite by default, PostgreSQL by URL)."""

from storage.db import ConfigError, StorageUnavailable
from storage.store import (
    DraftConflict,
    Saved,
    ShareEntry,
    ShareLinks,
    StorageLimit,
    Store,
)
from storage.tokens import MalformedToken

__all__ = ["ConfigError", "DraftConflict", "MalformedToken", "Saved", "ShareEntry",
           "ShareLinks", "StorageLimit", "StorageUnavailable", "Store"]
