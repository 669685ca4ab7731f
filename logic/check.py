"""The rules check: rules that never fire, floors that can never take effect, rules that
contradict each other, and answers left without a reason, over a large sample of answers.

The answer space is too large to enumerate (millions of combinations), so the check samples:
uniformly at random, plus, for each rule, answers drawn from the values its own condition
names (so narrow rules are still reached). Seeded, so a run is repeatable.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from logic.answers import QUESTION_IDS, Answers, allowed_values
from logic.conditions import All, AnyOf, Leaf, Not
from logic.engine import _RANK, fired_rules
from logic.knowledge_base import KnowledgeBase, Rule

LISTS = {"workloads": 1, "regulations": 0}


def permissive(kb: KnowledgeBase) -> dict[str, Any]:
    """The least demanding answers: each strictness-ordered question at its least strict
    value, no regulations, nothing required (so narrow floors can show their effect)."""
    base: dict[str, Any] = {q: order[0] for q, order in kb.strictness.items()}
    base.update(regulations=[], claude_usage="direct_api")
    return base


def random_answers(rng: random.Random, hints: dict[str, list[Any]] | None = None,
                   base: dict[str, Any] | None = None) -> Answers:
    """A valid answers object; where `hints` names values for a question, one of those, and
    where `base` gives a value for another, that value half of the time."""
    data: dict[str, Any] = {}
    for question in QUESTION_IDS:
        values = list(allowed_values(question) or ())
        hinted = (hints or {}).get(question)
        if base and question in base and not hinted and rng.random() < 0.5:
            data[question] = base[question]
        elif hinted and rng.random() < 0.85:
            pick = rng.choice(hinted)
            if question in LISTS:
                pick = [pick] if not isinstance(pick, list) else pick
            data[question] = pick
        elif question == "org_name":
            data[question] = None
        elif question == "latency_target_ms":
            data[question] = rng.choice([None, rng.randrange(10, 2001)])
        elif question == "edge_traffic_pct":
            data[question] = rng.randrange(0, 101)
        elif question in LISTS:
            data[question] = rng.sample(values, rng.randrange(LISTS[question], 3))
        else:
            data[question] = rng.choice(values)
    if not data["workloads"]:
        data["workloads"] = ["inference"]
    return Answers.model_validate(data)


def _hints(condition: Any, into: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Values a condition mentions, per question (numbers on both sides of a threshold)."""
    if isinstance(condition, Leaf):
        bucket = into.setdefault(condition.q, [])
        if condition.op in ("gte", "lte"):
            bucket += [condition.value - 1, condition.value, condition.value + 1]
        elif condition.op == "is_set":
            bucket += [None, 100]
        elif condition.op in ("in", "not_in", "has_any"):
            bucket += list(condition.value)
        elif condition.op == "eq":
            bucket.append(condition.value)
    elif isinstance(condition, Not):
        _hints(condition.negated, into)
    elif isinstance(condition, All | AnyOf):
        for part in condition.all if isinstance(condition, All) else condition.any:
            _hints(part, into)
    return into


def _clean_hints(hints: dict[str, list[Any]]) -> dict[str, list[Any]]:
    limits = {"latency_target_ms": (10, 10000), "edge_traffic_pct": (0, 100)}
    out = {}
    for question, values in hints.items():
        if question in limits:
            low, high = limits[question]
            values = [v for v in values if v is None and question == "latency_target_ms"
                      or isinstance(v, int) and low <= v <= high]
        out[question] = values
    return out


@dataclass
class CheckReport:
    """What the check found; `ok` when nothing needs fixing."""

    samples: int = 0
    never_fire: list[str] = field(default_factory=list)
    dead_floors: list[str] = field(default_factory=list)
    contradictions: list[str] = field(default_factory=list)
    without_reason: int = 0
    overrides: dict[tuple[str, str], int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not (self.never_fire or self.dead_floors or self.contradictions
                    or self.without_reason)

    def lines(self) -> list[str]:
        out = [f"checked {self.samples:,} sampled answer sets"]
        out += [f"NEVER FIRES: {r}" for r in self.never_fire]
        out += [f"FLOOR NEVER TAKES EFFECT: {r}" for r in self.dead_floors]
        out += [f"CONTRADICTION: {c}" for c in self.contradictions]
        if self.without_reason:
            out.append(f"NO REASON: {self.without_reason} answer sets got no reason")
        if self.overrides:
            out.append(f"{len(self.overrides)} floor/ceiling pairs fire together and resolve by "
                       "the documented precedence (the lowest ceiling caps the highest floor)")
        out.append("OK" if self.ok else "FAILED")
        return out


def _self_contradictions(kb: KnowledgeBase) -> list[str]:
    found = []
    for rule in kb.rules:
        if rule.floor and rule.ceiling and _RANK[rule.floor] > _RANK[rule.ceiling]:
            found.append(f"{rule.id} sets a floor ({rule.floor}) above its own ceiling "
                         f"({rule.ceiling})")
    return found


def check_rules(kb: KnowledgeBase, *, samples: int = 20_000, per_rule: int = 300,
                seed: int = 7) -> CheckReport:
    """Sample the answer space and report what is wrong with the decision table."""
    rng = random.Random(seed)
    report = CheckReport(contradictions=_self_contradictions(kb))
    fired_count = {r.id: 0 for r in kb.rules}
    floor_effect = {r.id: 0 for r in kb.rules if r.floor}
    pool = [random_answers(rng) for _ in range(samples)]
    easy = permissive(kb)
    for rule in kb.rules:
        if rule.when is not None:
            hints = _clean_hints(_hints(rule.when, {}))
            pool += [random_answers(rng, hints, easy) for _ in range(per_rule)]
    for answers in pool:
        fired: list[Rule] = fired_rules(answers, kb)
        if not fired:
            report.without_reason += 1
        ceiling = min((_RANK[r.ceiling] for r in fired if r.ceiling), default=len(_RANK) - 1)
        for rule in fired:
            fired_count[rule.id] += 1
            if rule.floor and _RANK[rule.floor] <= ceiling:
                floor_effect[rule.id] += 1
        floors = [(r.id, _RANK[r.floor]) for r in fired if r.floor]
        ceilings = [(r.id, _RANK[r.ceiling]) for r in fired if r.ceiling]
        for high, high_rank in floors:
            for low, low_rank in ceilings:
                if high_rank > low_rank:
                    key = (high, low)
                    report.overrides[key] = report.overrides.get(key, 0) + 1
        for a in fired:
            for b in fired:
                same_facts = set(a.facts) & set(b.facts)
                if a.id < b.id and same_facts and set(a.drivers) & set(b.blockers):
                    report.contradictions.append(
                        f"{a.id} and {b.id} count the same fact(s) {sorted(same_facts)} both "
                        "for and against")
    report.samples = len(pool)
    report.never_fire = [r for r, n in fired_count.items() if n == 0]
    report.dead_floors = [r for r, n in floor_effect.items() if n == 0 and fired_count[r]]
    report.contradictions = sorted(set(report.contradictions))
    return report
