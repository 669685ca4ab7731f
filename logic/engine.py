"""The engine: answers in, a Recommendation out. Pure: no I/O, no Streamlit."""

from __future__ import annotations

import string
from typing import Any

from logic.answers import Answers
from logic.knowledge_base import KnowledgeBase, OpenQuestion, Rule, load_knowledge
from logic.recommendation import (
    BLOCKERS,
    DRIVERS,
    VERDICTS,
    Reason,
    Recommendation,
    verdict_rank,
)

_TOP = len(VERDICTS) - 1


def fired_rules(answers: Answers, kb: KnowledgeBase) -> list[Rule]:
    """The rules that hold, in table order; the baseline joins when no rule set a floor."""
    fired = [rule for rule in kb.rules[:-1] if rule.holds(answers)]
    if not any(rule.floor for rule in fired):
        fired.append(kb.rules[-1])
    return fired


def decide(fired: list[Rule]) -> str:
    """The highest floor among the fired rules, capped by the lowest ceiling."""
    floor = max((verdict_rank(r.floor) for r in fired if r.floor), default=0)
    ceiling = min((verdict_rank(r.ceiling) for r in fired if r.ceiling), default=_TOP)
    return VERDICTS[min(floor, ceiling)]


def _render_value(value: Any, glossary: dict[str, str]) -> str:
    if isinstance(value, list):
        names = [glossary.get(v, v) for v in value]
        return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]
    return glossary.get(value, str(value)) if isinstance(value, str) else str(value)


def render_reason(rule: Rule, answers: Answers, glossary: dict[str, str]) -> str:
    """The rule's reason sentence with this organisation's answers filled in."""
    names = {name for _, name, _, _ in string.Formatter().parse(rule.reason) if name}
    values = {name: _render_value(getattr(answers, name), glossary) for name in names}
    return rule.reason.format(**values)


def section_scores(answers: Answers, kb: KnowledgeBase) -> dict[str, int]:
    """Each section's fit, 0 to 100."""
    return {
        section: max(0, min(100, spec.base + sum(t.add for t in spec.terms if t.holds(answers))))
        for section, spec in kb.scores.items()
    }


def _asked(question: OpenQuestion, drivers: set[str], blockers: set[str], verdict: str) -> bool:
    return bool(
        drivers.intersection(question.when_drivers)
        or blockers.intersection(question.when_blockers)
        or (
            question.when_verdict_at_least is not None
            and verdict_rank(verdict) >= verdict_rank(question.when_verdict_at_least)
        )
    )


def evaluate(answers: Answers, kb: KnowledgeBase | None = None) -> Recommendation:
    """Evaluate one organisation's answers against a knowledge version (default: current)."""
    kb = kb or load_knowledge()
    fired = fired_rules(answers, kb)
    verdict = decide(fired)
    drivers = {d for rule in fired for d in rule.drivers}
    blockers = {b for rule in fired for b in rule.blockers}
    return Recommendation.model_construct(
        verdict=verdict,
        drivers=[d for d in DRIVERS if d in drivers],
        blockers=[b for b in BLOCKERS if b in blockers],
        reasons=[
            Reason.model_construct(
                rule=rule.id, text=render_reason(rule, answers, kb.glossary), facts=list(rule.facts)
            )
            for rule in fired
        ],
        scores=section_scores(answers, kb),
        open_questions=[
            q.text for q in kb.open_questions if _asked(q, drivers, blockers, verdict)
        ],
        knowledge_version=kb.version,
    )
