"""What would change the verdict: the smallest sets of answer changes (one answer, then pairs)
that move it up or down, and the undisclosed facts whose publication would move it.

Pure and fast: changes are tried on a plain namespace with the engine's verdict-only path.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Any

from logic.answers import QUESTION_IDS, Answers, allowed_values
from logic.conditions import All, AnyOf, Leaf, Not
from logic.engine import VerdictProbe, verdict_of
from logic.knowledge_base import KnowledgeBase
from logic.recommendation import verdict_rank

Change = tuple[str, Any]  # (question id, new value)
MAX_PER_DIRECTION = 8


@dataclass(frozen=True)
class Flip:
    """A set of answer changes and the verdict they would give."""

    changes: tuple[Change, ...]
    verdict: str


@dataclass(frozen=True)
class Disclosure:
    """An undisclosed fact whose publication (settling these blockers) gives this verdict."""

    id: str
    title: str
    facts: tuple[str, ...]
    settles: tuple[str, ...]
    verdict: str


@dataclass(frozen=True)
class WhatIf:
    """Everything the 'what would change this?' panel shows."""

    verdict: str
    up: tuple[Flip, ...]
    down: tuple[Flip, ...]
    disclosures: tuple[Disclosure, ...]
    single_flips: int  # how many single-answer changes move the verdict at all

    @property
    def robust(self) -> bool:
        """Robust when no single answer change moves the verdict; fragile otherwise."""
        return self.single_flips == 0


def _thresholds(kb: KnowledgeBase) -> dict[str, set[int]]:
    """Numbers the rules compare each integer answer with, to try values either side."""
    found: dict[str, set[int]] = {}

    def walk(condition: Any) -> None:
        if isinstance(condition, Leaf):
            if condition.op in ("gte", "lte") and isinstance(condition.value, int):
                found.setdefault(condition.q, set()).add(condition.value)
        elif isinstance(condition, Not):
            walk(condition.negated)
        elif isinstance(condition, All | AnyOf):
            for part in condition.all if isinstance(condition, All) else condition.any:
                walk(part)

    for rule in kb.rules:
        if rule.when is not None:
            walk(rule.when)
    return found


def candidate_changes(answers: Answers, kb: KnowledgeBase) -> list[Change]:
    """Every single-answer change worth trying: each other choice, each list item added or
    removed, and integers either side of the thresholds the rules use."""
    limits = {"latency_target_ms": (10, 10000), "edge_traffic_pct": (0, 100)}
    thresholds = _thresholds(kb)
    changes: list[Change] = []
    for question in QUESTION_IDS:
        if question in kb.information_only:
            continue
        current = getattr(answers, question)
        if question in limits:
            low, high = limits[question]
            values: set[Any] = {n + d for n in thresholds.get(question, ()) for d in (-1, 0)}
            values = {v for v in values if low <= v <= high}
            if question == "latency_target_ms":
                values = {None} if current is not None else {100}
            changes += [(question, v) for v in sorted(values, key=str) if v != current]
        elif isinstance(current, list):
            for item in allowed_values(question) or ():
                new = [v for v in current if v != item] if item in current else [*current, item]
                if new or question != "workloads":
                    changes.append((question, new))
        else:
            changes += [(question, v) for v in allowed_values(question) or () if v != current]
    return changes


def _search(answers: Answers, kb: KnowledgeBase, verdict: str) -> tuple[list[Flip], list[Flip],
                                                                          int]:
    probe = VerdictProbe(answers, kb)
    rank = verdict_rank(verdict)
    singles = [(change, probe.verdict((change,))) for change in candidate_changes(answers, kb)]
    flips = sum(1 for _, v in singles if v != verdict)
    result: dict[str, list[Flip]] = {"up": [], "down": []}
    for direction, better in (("up", 1), ("down", -1)):
        moved, seen = [], set()
        for change, v in singles:  # one per question: the first value that moves it
            if (verdict_rank(v) - rank) * better > 0 and change[0] not in seen:
                seen.add(change[0])
                moved.append(Flip((change,), v))
        if not moved:
            # no single change moves it this way: try pairs of changes that each hold steady
            steady = [c for c, v in singles if (verdict_rank(v) - rank) * better >= 0]
            pairs_seen: set[tuple[str, str]] = set()
            for a, b in combinations(steady, 2):
                if a[0] == b[0] or (a[0], b[0]) in pairs_seen:
                    continue
                v = probe.verdict((a, b))
                if (verdict_rank(v) - rank) * better > 0:
                    pairs_seen.add((a[0], b[0]))  # one pair per two questions
                    moved.append(Flip((a, b), v))
        moved.sort(key=lambda f: (-abs(verdict_rank(f.verdict) - rank), len(f.changes)))
        result[direction] = moved[:MAX_PER_DIRECTION]
    return result["up"], result["down"], flips


def what_if(answers: Answers, kb: KnowledgeBase) -> WhatIf:
    """The changes that would move this verdict, and the disclosures that would."""
    verdict = verdict_of(answers, kb)
    up, down, flips = _search(answers, kb, verdict)
    disclosures = [
        Disclosure(d.id, d.title, tuple(d.facts), tuple(d.settles),
                   verdict_of(answers, kb, frozenset(d.settles)))
        for d in kb.disclosures
    ]
    moving = [d for d in disclosures if d.verdict != verdict]
    if not moving and kb.disclosures:
        settles = tuple(dict.fromkeys(b for d in kb.disclosures for b in d.settles))
        everything = Disclosure("ALL", "Everything undisclosed is published at once",
                                tuple(dict.fromkeys(f for d in kb.disclosures for f in d.facts)),
                                settles, verdict_of(answers, kb, frozenset(settles)))
        moving = [everything] if everything.verdict != verdict else []
    return WhatIf(verdict, tuple(up), tuple(down), tuple(moving), flips)
