"""One organisation's answers under two knowledge versions: what changed and why."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from logic.answers import Answers
from logic.engine import evaluate
from logic.knowledge_base import KnowledgeBase
from logic.recommendation import Recommendation


@dataclass(frozen=True)
class Comparison:
    """The old and new recommendation, and the differences a person should read."""

    old: Recommendation
    new: Recommendation
    drivers_added: tuple[str, ...]
    drivers_removed: tuple[str, ...]
    blockers_added: tuple[str, ...]
    blockers_removed: tuple[str, ...]
    rules_added: tuple[str, ...]
    rules_removed: tuple[str, ...]

    @property
    def verdict_changed(self) -> bool:
        return self.old.verdict != self.new.verdict

    @property
    def anything_changed(self) -> bool:
        return self.verdict_changed or any((self.drivers_added, self.drivers_removed,
                                            self.blockers_added, self.blockers_removed,
                                            self.rules_added, self.rules_removed))


def _diff(old: Sequence[str], new: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(x for x in new if x not in old), tuple(x for x in old if x not in new)


def compare(answers: Answers, old_kb: KnowledgeBase, new_kb: KnowledgeBase) -> Comparison:
    """Evaluate under both versions and list what was added and removed."""
    old, new = evaluate(answers, old_kb), evaluate(answers, new_kb)
    old_rules = [f"{r.rule}: {r.text}" for r in old.reasons]
    new_rules = [f"{r.rule}: {r.text}" for r in new.reasons]
    return Comparison(old, new, *_diff(old.drivers, new.drivers),
                      *_diff(old.blockers, new.blockers), *_diff(old_rules, new_rules))
