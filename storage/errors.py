"""What the store refuses, with why (shown to the user as written)."""

from __future__ import annotations


class StorageLimit(ValueError):
    """Something too large or too many to save, with what and how large."""
