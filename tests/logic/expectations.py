"""Checking a recommendation against an expectation in the examples' format."""

from __future__ import annotations

from typing import Any

from logic.recommendation import Recommendation


def mismatches(rec: Recommendation, expect: dict[str, Any]) -> list[str]:
    """Every way the recommendation misses the expectation (empty when it meets it)."""
    rules = [r.rule for r in rec.reasons]
    found = {"drivers": rec.drivers, "blockers": rec.blockers, "caveats": rec.caveats,
             "rules": rules}
    problems = []
    if "verdict" in expect and rec.verdict != expect["verdict"]:
        problems.append(f"verdict {rec.verdict}, expected {expect['verdict']}")
    for key, wanted in expect.items():
        if key == "verdict":
            continue
        kind, _, mode = key.rpartition("_")
        have = found[kind]
        if mode == "include":
            problems += [f"{kind} lacks {w}" for w in wanted if w not in have]
        elif mode == "exclude":
            problems += [f"{kind} has {w}" for w in wanted if w in have]
        else:
            problems.append(f"unknown expectation {key}")
    return problems
