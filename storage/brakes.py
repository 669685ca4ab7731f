"""Brakes on how fast one session may create things that are stored (drafts, shares, teams):
a sliding one-minute window, so a script driving one session cannot fill the database."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from questions.text import said
from storage.errors import creation
from storage.store import StorageLimit

CREATIONS_PER_MINUTE = 20  # drafts, shares, copies and teams together, per session


class TooFast(StorageLimit):
    """Too many creations in the last minute; says how long to wait."""


@dataclass
class Brakes:
    """One session's recent creations."""

    per_minute: int = CREATIONS_PER_MINUTE
    clock: Callable[[], float] = time.monotonic
    _stamps: deque[float] = field(default_factory=deque)

    def take(self, what: str) -> None:
        """Count one creation of `what`, or raise TooFast when the session is over its limit."""
        now = self.clock()
        while self._stamps and now - self._stamps[0] >= 60:
            self._stamps.popleft()
        if len(self._stamps) >= self.per_minute:
            wait = max(1, round(60 - (now - self._stamps[0])))
            raise TooFast(said("this session has saved {n} new drafts, shares or teams in "
                               "the last minute, the most it may; wait {wait} s before saving "
                               "another {what}", n=self.per_minute, wait=wait,
                               what=creation(what)))
        self._stamps.append(now)
