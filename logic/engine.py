"""The engine: answers in, a Recommendation out. Pure: no I/O, no Streamlit."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from logic.answers import Answers
from logic.conditions import Predicate
from logic.knowledge_base import KnowledgeBase, OpenQuestion, Rule, load_knowledge
from logic.recommendation import BLOCKERS, DRIVERS, VERDICTS, Reason, Recommendation

_RANK = {verdict: rank for rank, verdict in enumerate(VERDICTS)}
_TOP = len(VERDICTS) - 1


@dataclass(frozen=True, slots=True)
class _Step:
    rule: Rule
    holds: Predicate
    floor: int | None
    ceiling: int | None
    placeholders: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Plan:
    """A knowledge base compiled once into plain tuples and closures for fast evaluation."""

    steps: tuple[_Step, ...]
    baseline: _Step
    scores: tuple[tuple[str, int, tuple[tuple[Predicate, int], ...]], ...]


_PLANS: dict[int, tuple[KnowledgeBase, _Plan]] = {}


def _step(rule: Rule) -> _Step:
    return _Step(
        rule, rule.predicate(),
        _RANK[rule.floor] if rule.floor else None,
        _RANK[rule.ceiling] if rule.ceiling else None,
        rule.placeholders(),
    )


def _plan(kb: KnowledgeBase) -> _Plan:
    cached = _PLANS.get(id(kb))
    if cached is None or cached[0] is not kb:
        plan = _Plan(
            steps=tuple(_step(rule) for rule in kb.rules[:-1]),
            baseline=_step(kb.rules[-1]),
            scores=tuple(
                (section, spec.base, tuple((t.when.compile(), t.add) for t in spec.terms))
                for section, spec in kb.scores.items()
            ),
        )
        cached = _PLANS[id(kb)] = (kb, plan)
    return cached[1]


def _fired(answers: Answers, plan: _Plan) -> list[_Step]:
    fired = [step for step in plan.steps if step.holds(answers)]
    if not any(step.floor is not None for step in fired):
        fired.append(plan.baseline)
    return fired


def fired_rules(answers: Answers, kb: KnowledgeBase) -> list[Rule]:
    """The rules that hold, in table order; the baseline joins when no rule set a floor."""
    return [step.rule for step in _fired(answers, _plan(kb))]


def _verdict(fired: list[_Step]) -> str:
    floor = max((s.floor for s in fired if s.floor is not None), default=0)
    ceiling = min((s.ceiling for s in fired if s.ceiling is not None), default=_TOP)
    return VERDICTS[min(floor, ceiling)]


def verdict_of(answers: Any, kb: KnowledgeBase, muted: frozenset[str] = frozenset()) -> str:
    """Only the verdict, fast; `answers` may be any object with the answer attributes.

    Rules whose blockers all lie in `muted` are left out: the verdict if those doubts were
    settled (for example `sla_unverified` once an SLA is published).
    """
    fired = [
        step for step in _plan(kb).steps
        if not (muted and step.rule.blockers and muted.issuperset(step.rule.blockers))
        and step.holds(answers)
    ]
    return _verdict(fired)


class VerdictProbe:
    """Verdicts for one answer set with a few answers changed, recomputing only the rules
    that read a changed answer (for the counterfactual search)."""

    def __init__(self, answers: Any, kb: KnowledgeBase) -> None:
        plan = _plan(kb)
        self._steps = plan.steps
        self._base = dict(answers) if isinstance(answers, dict) else dict(vars(answers))
        view = SimpleNamespace(**self._base)
        self._holds = [step.holds(view) for step in self._steps]
        self._readers: dict[str, list[int]] = {}
        for index, step in enumerate(self._steps):
            for question in step.rule.questions():
                self._readers.setdefault(question, []).append(index)

    def verdict(self, changes: tuple[tuple[str, Any], ...] = ()) -> str:
        holds = list(self._holds)
        if changes:
            view = SimpleNamespace(**{**self._base, **dict(changes)})
            for question, _ in changes:
                for index in self._readers.get(question, ()):
                    holds[index] = self._steps[index].holds(view)
        return _verdict([s for s, h in zip(self._steps, holds, strict=True) if h])


def _render_value(value: Any, glossary: dict[str, str]) -> str:
    if isinstance(value, list | tuple):
        names = [str(glossary.get(v, v)) for v in value]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return glossary.get(value, str(value)) if isinstance(value, str) else str(value)


def _reason(step: _Step, answers: Answers, glossary: dict[str, str]) -> Reason:
    text = step.rule.reason
    if step.placeholders:
        text = text.format(
            **{name: _render_value(getattr(answers, name), glossary) for name in step.placeholders}
        )
    return Reason(step.rule.id, text, list(step.rule.facts))


def section_scores(answers: Answers, kb: KnowledgeBase) -> dict[str, int]:
    """Each section's fit, 0 to 100."""
    return {
        section: max(0, min(100, base + sum(add for holds, add in terms if holds(answers))))
        for section, base, terms in _plan(kb).scores
    }


def _asked(question: OpenQuestion, drivers: AbstractSet[str], blockers: AbstractSet[str],
           verdict: str) -> bool:
    return bool(
        any(d in drivers for d in question.when_drivers)
        or any(b in blockers for b in question.when_blockers)
        or (
            question.when_verdict_at_least is not None
            and _RANK[verdict] >= _RANK[question.when_verdict_at_least]
        )
    )


@dataclass(frozen=True, slots=True)
class Outcome:
    """The verdict with its drivers and blockers, without reasons or scores (batch rows)."""

    verdict: str
    drivers: tuple[str, ...]
    blockers: tuple[str, ...]


def _outcome(fired: list[_Step]) -> Outcome:
    drivers = {d for step in fired for d in step.rule.drivers}
    blockers = {b for step in fired for b in step.rule.blockers}
    return Outcome(_verdict(fired), tuple(d for d in DRIVERS if d in drivers),
                   tuple(b for b in BLOCKERS if b in blockers))


def outcome(answers: Answers, kb: KnowledgeBase) -> Outcome:
    """What `evaluate` decides, without building reasons, scores and open questions."""
    return _outcome(_fired(answers, _plan(kb)))


def evaluate(answers: Answers, kb: KnowledgeBase | None = None) -> Recommendation:
    """Evaluate one organisation's answers against a knowledge version (default: current)."""
    kb = kb or load_knowledge()
    fired = _fired(answers, _plan(kb))
    decided = _outcome(fired)
    verdict, drivers, blockers = decided.verdict, set(decided.drivers), set(decided.blockers)
    glossary = kb.glossary
    return Recommendation.model_construct(
        verdict=verdict,
        drivers=list(decided.drivers),
        blockers=list(decided.blockers),
        reasons=[_reason(step, answers, glossary) for step in fired],
        scores=section_scores(answers, kb),
        open_questions=[
            q.text for q in kb.open_questions if _asked(q, drivers, blockers, verdict)
        ],
        knowledge_version=kb.version,
    )
