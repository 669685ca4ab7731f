"""Saving, sharing and exporting assessments (SQLAlchemy: SQLite by default, PostgreSQL by URL)."""

from storage.store import (
    OVERALL,
    DraftConflict,
    Saved,
    ShareEntry,
    ShareLinks,
    StorageLimit,
    Store,
)
from storage.tokens import MalformedToken

__all__ = ["OVERALL", "DraftConflict", "MalformedToken", "Saved", "ShareEntry", "ShareLinks",
           "StorageLimit", "Store"]
