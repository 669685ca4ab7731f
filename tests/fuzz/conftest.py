"""The long fuzzing run says what it is doing: at the start, how many inputs and about how
long (measured on this project's 2-core machine); then, every 1,000 inputs of a test, how far
it is and about how long that test has left. The suite's short profile prints nothing."""

from __future__ import annotations

import os
import sys
import time

import pytest
from hypothesis import settings

LONG = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
EVERY = 1_000
# The whole long run on this project's 2 cores, from each reader's rate measured on 2026-12-02
# (the JSON reader 65 s for 10,000 inputs, the answers validator 110 s, the others from the
# short profile's times: the CSV reader about 140 s, the import reader 120 s, the PDF builder
# 100 s for its 1,000): about 9 minutes.
EXPECTED_MINUTES = 10


class Progress:
    """Inputs tried per test, printed past pytest's capture."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.started: dict[str, float] = {}

    def tick(self, name: str, total: int | None = None) -> None:
        if not LONG:
            return
        count = self.counts.get(name, 0) + 1
        self.counts[name] = count
        started = self.started.setdefault(name, time.monotonic())
        if count % EVERY:
            return
        total = total or settings().max_examples
        elapsed = time.monotonic() - started
        left = elapsed / count * max(0, total - count)
        _say(f"fuzz: {name}: {count:,} of about {total:,} inputs, {elapsed:,.0f} s so far, "
             f"about {left:,.0f} s left")


PROGRESS = Progress()
CONFIG: list[pytest.Config] = []


def _say(line: str) -> None:
    """A line on the terminal while a test runs (pytest's capture held off for it)."""
    capture = CONFIG[0].pluginmanager.getplugin("capturemanager") if CONFIG else None
    if capture is None:
        sys.stderr.write(line + "\n")
        return
    with capture.global_and_fixture_disabled():
        sys.stderr.write(line + "\n")
        sys.stderr.flush()


def pytest_configure(config: pytest.Config) -> None:
    CONFIG[:] = [config]


def pytest_collection_finish(session: pytest.Session) -> None:
    if LONG:
        print(f"\nfuzz: {len(session.items)} readers, {settings().max_examples:,} inputs each "
              f"(the PDF builder 1,000): about {EXPECTED_MINUTES} minutes on 2 cores; progress "
              f"every {EVERY:,} inputs of a test", file=sys.__stderr__, flush=True)
