"""Brakes on how fast one session may create drafts, shares, copies and teams."""

from __future__ import annotations

import pytest

from storage.brakes import CREATIONS_PER_MINUTE, Brakes, TooFast


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_limit_holds_within_a_minute_and_lifts_after_it():
    clock = Clock()
    brakes = Brakes(clock=clock)
    for _ in range(CREATIONS_PER_MINUTE):
        brakes.take("share")
        clock.now += 1
    with pytest.raises(TooFast, match=r"wait 40 s before saving another share"):
        brakes.take("share")
    clock.now += 41
    brakes.take("share")  # the oldest creation is over a minute old


def test_a_refused_creation_does_not_count():
    clock = Clock()
    brakes = Brakes(per_minute=1, clock=clock)
    brakes.take("team")
    for _ in range(5):
        with pytest.raises(TooFast):
            brakes.take("team")
    clock.now += 60
    brakes.take("team")
