"""One organisation's answers under two knowledge versions: what changed and why."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from logic.engine import evaluate
from logic.knowledge_base import (
    DEFAULT_VERSION,
    Fact,
    KnowledgeBase,
    available_versions,
    load_knowledge,
)
from logic.recommendation import Recommendation
from questions.answers import Answers


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
    caveats_added: tuple[str, ...] = ()
    caveats_removed: tuple[str, ...] = ()
    sources: tuple[Fact, ...] = ()  # the newer version's facts behind what it adds

    @property
    def verdict_changed(self) -> bool:
        return self.old.verdict != self.new.verdict

    @property
    def anything_changed(self) -> bool:
        return self.verdict_changed or any((self.drivers_added, self.drivers_removed,
                                            self.blockers_added, self.blockers_removed,
                                            self.caveats_added, self.caveats_removed,
                                            self.rules_added, self.rules_removed))


def _diff(old: Sequence[str], new: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(x for x in new if x not in old), tuple(x for x in old if x not in new)


def compare(answers: Answers, old_kb: KnowledgeBase, new_kb: KnowledgeBase,
            old: Recommendation | None = None) -> Comparison:
    """Evaluate under both versions (`old` when already evaluated) and list what was added
    and removed, with the sources of the newer version's facts behind what it adds."""
    old = old or evaluate(answers, old_kb)
    new = evaluate(answers, new_kb)
    old_rules = [f"{r.rule}: {r.text}" for r in old.reasons]
    new_rules = [f"{r.rule}: {r.text}" for r in new.reasons]
    added = {r.rule for r in new.reasons if f"{r.rule}: {r.text}" not in old_rules}
    facts = new_kb.fact_by_id
    cited = dict.fromkeys(f for r in new.reasons if r.rule in added for f in r.facts
                          if f not in old_kb.fact_by_id)
    return Comparison(old, new, *_diff(old.drivers, new.drivers),
                      *_diff(old.blockers, new.blockers), *_diff(old_rules, new_rules),
                      *_diff(old.caveats, new.caveats), tuple(facts[f] for f in cited))


@cache
def later_version(saved: str = DEFAULT_VERSION) -> str | None:
    """The newest active knowledge version published after `saved` (hypothetical ones are
    never picked), or None when there is none."""
    base = load_knowledge(saved).published if saved in available_versions() else ""
    later = [load_knowledge(v) for v in available_versions() if v != saved]
    later = [kb for kb in later if kb.status == "active" and kb.published > base]
    return max(later, key=lambda kb: kb.published).version if later else None
