"""What would change the verdict: the smallest sets of answer changes (one answer, then pairs)
that move it up or down, and the undisclosed facts whose publication would move it.

Pure and fast: changes are tried on a plain namespace with the engine's verdict-only path.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Any

from logic.answers import Answers
from logic.bank import AnyQuestion, IntegerQuestion, MultiChoiceQuestion, QuestionBank, default_bank
from logic.conditions import leaves
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


def thresholds(kb: KnowledgeBase) -> dict[str, set[int]]:
    """Numbers the rules compare each integer answer with, to try values either side."""
    found: dict[str, set[int]] = {}
    for rule in kb.rules:
        for leaf in leaves(rule.when) if rule.when is not None else ():
            if leaf.op in ("gte", "lte"):
                found.setdefault(leaf.q, set()).add(leaf.value)
    return found


def integer_values(question: IntegerQuestion, cuts: set[int]) -> set[Any]:
    """Values of an integer question worth trying: either side of each threshold a rule uses,
    the bounds, and empty when empty is an answer. Only values the form can enter."""
    values: set[Any] = {question.min, question.max}
    values |= {n + d for n in cuts for d in (-1, 0)}
    if question.nullable:
        values.add(None)
    return {v for v in values if v is None or question.min <= v <= question.max}


def _toggles(question: MultiChoiceQuestion, current: Any) -> list[list[str]]:
    chosen = list(current or ())
    toggled = [[v for v in chosen if v != item] if item in chosen else [*chosen, item]
               for item in question.choices()]
    return [new for new in toggled if len(new) >= question.min_selected]


def _question_changes(question: AnyQuestion, current: Any, cuts: set[int]) -> list[Any]:
    if isinstance(question, IntegerQuestion):
        return sorted(integer_values(question, cuts) - {current}, key=lambda v: (v is None, v))
    if isinstance(question, MultiChoiceQuestion):
        return list(_toggles(question, current))
    return [v for v in question.choices() if v != current]


def candidate_changes(answers: Answers, kb: KnowledgeBase,
                      bank: QuestionBank | None = None) -> list[Change]:
    """Every single-answer change worth trying, by the kind of each question asked: each other
    choice, each list item added or removed, integers either side of the rules' thresholds
    and at their bounds; only values the form can enter."""
    bank = bank or default_bank()
    cuts = thresholds(kb)
    changes: list[Change] = []
    for question in bank.questions():
        if question.id in kb.information_only:
            continue
        current = answers.get(question.id)
        changes += [(question.id, value)
                    for value in _question_changes(question, current, cuts.get(question.id, set()))]
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
