"""The engine: answers in, a Recommendation out. Pure: no I/O, no Streamlit."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from logic.answers import Answers
from logic.conditions import Predicate
from logic.knowledge_base import KnowledgeBase, OpenQuestion, Rule, load_knowledge
from logic.recommendation import (
    BLOCKERS,
    DRIVERS,
    GROUPS,
    VERDICTS,
    Reason,
    Recommendation,
    VerdictBand,
)

_RANK = {verdict: rank for rank, verdict in enumerate(VERDICTS)}
_TOP = len(VERDICTS) - 1


@dataclass(frozen=True, slots=True)
class _Step:
    rule: Rule
    holds: Predicate
    floor: int | None
    ceiling: int | None
    placeholders: tuple[str, ...]
    named: dict[str, frozenset[Any]]
    group: str
    reads: frozenset[str]  # the questions its condition reads


@dataclass(frozen=True, slots=True)
class _Plan:
    """A knowledge base compiled once into plain tuples and closures for fast evaluation:
    `steps` decide the verdict, `after` are shown once it is known (at their verdict or above),
    `scores` per section: (id, base, most, not-applicable test, terms)."""

    steps: tuple[_Step, ...]
    baseline: _Step
    after: tuple[tuple[_Step, int], ...]
    scores: tuple[tuple[str, int, int, Predicate | None, tuple[tuple[Predicate, int], ...]], ...]


_PLANS: dict[int, tuple[KnowledgeBase, _Plan]] = {}


def _group(rule: Rule) -> str:
    if rule.drivers:
        return "driver"
    if rule.blockers:
        return "blocker"
    return "caveat" if rule.caveats else "context"


def _step(rule: Rule) -> _Step:
    return _Step(
        rule, rule.predicate(),
        _RANK[rule.floor] if rule.floor else None,
        _RANK[rule.ceiling] if rule.ceiling else None,
        rule.placeholders(), rule.named_values(), _group(rule), frozenset(rule.questions()),
    )


def _plan(kb: KnowledgeBase) -> _Plan:
    cached = _PLANS.get(id(kb))
    if cached is None or cached[0] is not kb:
        rules = kb.rules[:-1]
        plan = _Plan(
            steps=tuple(_step(rule) for rule in rules if not rule.when_verdict_at_least),
            baseline=_step(kb.rules[-1]),
            after=tuple((_step(rule), _RANK[rule.when_verdict_at_least])
                        for rule in rules if rule.when_verdict_at_least),
            scores=tuple(
                (section, spec.base, spec.most,
                 spec.not_applicable_when.compile() if spec.not_applicable_when else None,
                 tuple((t.when.compile(), t.add) for t in spec.terms))
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


def _shown(answers: Any, plan: _Plan, fired: list[_Step]) -> list[_Step]:
    """The rules that decide the verdict, then those shown once it is known."""
    rank = _RANK[_verdict(fired)]
    return fired + [step for step, at in plan.after if rank >= at and step.holds(answers)]


def fired_rules(answers: Answers, kb: KnowledgeBase) -> list[Rule]:
    """The rules that hold, in table order; the baseline joins when no rule set a floor, and
    rules shown only at a verdict join when it is reached."""
    plan = _plan(kb)
    return [step.rule for step in _shown(answers, plan, _fired(answers, plan))]


def _bounds(fired: list[_Step]) -> tuple[int, int]:
    floor = max((s.floor for s in fired if s.floor is not None), default=0)
    ceiling = min((s.ceiling for s in fired if s.ceiling is not None), default=_TOP)
    return floor, ceiling


def _verdict(fired: list[_Step]) -> str:
    floor, ceiling = _bounds(fired)
    return VERDICTS[min(floor, ceiling)]


HARDENED_CEILING = _RANK["monitor"]  # a caveat confirmed as a shortfall caps at Monitor


def verdict_of(answers: Any, kb: KnowledgeBase, muted: frozenset[str] = frozenset(),
               hardened: frozenset[str] = frozenset()) -> str:
    """Only the verdict, fast; `answers` may be any object with the answer attributes.

    Rules whose blockers all lie in `muted` are left out: the verdict if those doubts were
    settled (for example `sla_unverified` once an SLA is published). Caveats in `hardened`
    cap at Monitor, like a blocker: the verdict if what is published falls short.
    """
    resolve = getattr(answers, "resolved", None)
    if resolve is not None:
        answers = resolve()
    plan = _plan(kb)
    fired = [
        step for step in plan.steps
        if not (muted and step.rule.blockers and muted.issuperset(step.rule.blockers))
        and step.holds(answers)
    ]
    verdict = _verdict(fired)
    if hardened and _RANK[verdict] > HARDENED_CEILING and any(
            hardened.intersection(step.rule.caveats) for step in _shown(answers, plan, fired)):
        return VERDICTS[HARDENED_CEILING]
    return verdict


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


def _render_value(question: str, value: Any, glossary: dict[str, str],
                  named: frozenset[Any] | None) -> str:
    """An answer as it reads in a sentence: a question's own glossary entry, then the shared
    one; a list answer only with the values the rule asks about (`named`), when it names any."""
    if isinstance(value, list | tuple):
        items = [v for v in value if named is None or v in named] or list(value)
        names = [str(glossary.get(f"{question}.{v}", glossary.get(v, v))) for v in items]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    if isinstance(value, str):
        return glossary.get(f"{question}.{value}", glossary.get(value, value))
    return str(value)


def _reason(step: _Step, answers: Answers, glossary: dict[str, str], group: str,
            unknown: AbstractSet[str] = frozenset()) -> Reason:
    """The rule's sentence for these answers. When it reads an answer given as "Don't know"
    it says so: its own `unknown_reason`, or its reason after the question's standard note."""
    rule = step.rule
    text = rule.reason
    read = unknown & step.reads if unknown else ()
    if read:
        text = rule.unknown_reason or " ".join(
            [*(answers.unknown_notes[q] for q in sorted(read) if q in answers.unknown_notes),
             text])
    if step.placeholders:
        text = text.format(**{
            name: _render_value(name, getattr(answers, name), glossary, step.named.get(name))
            for name in step.placeholders})
    return Reason(rule.id, text, list(rule.facts), group)


def _decider(fired: list[_Step]) -> _Step:
    """The rule that decided the verdict: the lowest ceiling when it holds the verdict below
    the highest floor (or sets No action), otherwise the highest floor, otherwise the
    baseline."""
    floor, ceiling = _bounds(fired)
    if ceiling < floor or (ceiling == 0 and any(s.ceiling == 0 for s in fired)):
        return next(s for s in fired if s.ceiling == ceiling)
    if floor > 0:
        return next(s for s in fired if s.floor == floor)
    return next((s for s in fired if s.rule.default), fired[0])


def _reasons(shown: list[_Step], decider: _Step, answers: Answers,
             glossary: dict[str, str], unknown: AbstractSet[str]) -> list[Reason]:
    """The deciding rule first, then drivers, blockers, caveats and context, each in table
    order."""
    ordered = [decider] + sorted((s for s in shown if s is not decider),
                                 key=lambda s: GROUPS.index(s.group))
    return [_reason(step, answers, glossary, "decides" if step is decider else step.group,
                    unknown) for step in ordered]


def _scores(answers: Answers, plan: _Plan) -> tuple[dict[str, int], list[str]]:
    scores: dict[str, int] = {}
    not_applicable: list[str] = []
    for section, base, most, absent, terms in plan.scores:
        if absent is not None and absent(answers):
            not_applicable.append(section)
            scores[section] = 0
        else:
            scores[section] = max(0, min(most, base + sum(add for holds, add in terms
                                                          if holds(answers))))
    return scores, not_applicable


def section_scores(answers: Answers, kb: KnowledgeBase) -> dict[str, int]:
    """Each section's fit, 0 to 100 (0 where the section is not applicable)."""
    return _scores(answers, _plan(kb))[0]


def _asked(question: OpenQuestion, drivers: AbstractSet[str], open_doubts: AbstractSet[str],
           verdict: str) -> bool:
    return bool(
        any(d in drivers for d in question.when_drivers)
        or any(b in open_doubts for b in question.when_blockers)
        or (
            question.when_verdict_at_least is not None
            and _RANK[verdict] >= _RANK[question.when_verdict_at_least]
        )
    )


@dataclass(frozen=True, slots=True)
class Outcome:
    """The verdict with its drivers, blockers and caveats, without reasons or scores (batch
    rows)."""

    verdict: str
    drivers: tuple[str, ...]
    blockers: tuple[str, ...]
    caveats: tuple[str, ...] = ()


def _outcome(shown: list[_Step], verdict: str) -> Outcome:
    drivers = {d for step in shown for d in step.rule.drivers}
    blockers = {b for step in shown for b in step.rule.blockers}
    caveats = {c for step in shown for c in step.rule.caveats} - blockers
    return Outcome(verdict, tuple(d for d in DRIVERS if d in drivers),
                   tuple(b for b in BLOCKERS if b in blockers),
                   tuple(c for c in BLOCKERS if c in caveats))


def outcome(answers: Answers, kb: KnowledgeBase) -> Outcome:
    """What `evaluate` decides, without building reasons, scores and open questions ("Don't
    know" answers at their most likely values)."""
    answers = answers.resolved()
    plan = _plan(kb)
    fired = _fired(answers, plan)
    return _outcome(_shown(answers, plan, fired), _verdict(fired))


def evaluate(answers: Answers, kb: KnowledgeBase | None = None) -> Recommendation:
    """Evaluate one organisation's answers against a knowledge version (default: current).
    "Don't know" answers are read at their most likely values, and the result carries the
    band of verdicts over every answer they could be."""
    kb = kb or load_knowledge()
    given, answers = answers, answers.resolved()
    plan = _plan(kb)
    fired = _fired(answers, plan)
    shown = _shown(answers, plan, fired)
    decided = _outcome(shown, _verdict(fired))
    verdict, drivers = decided.verdict, set(decided.drivers)
    doubts = {*decided.blockers, *decided.caveats}
    scores, not_applicable = _scores(answers, plan)
    return Recommendation.model_construct(
        verdict=verdict,
        drivers=list(decided.drivers),
        blockers=list(decided.blockers),
        caveats=list(decided.caveats),
        reasons=_reasons(shown, _decider(fired), answers, kb.glossary,
                         frozenset(given.unknowns)),
        scores=scores,
        not_applicable=not_applicable,
        open_questions=[
            q.text for q in kb.open_questions if _asked(q, drivers, doubts, verdict)
        ],
        knowledge_version=kb.version,
        **_band(given, kb),
    )


def _band(answers: Answers, kb: KnowledgeBase) -> dict[str, Any]:
    if not answers.unknowns:
        return {"band": None, "settle_first": None}
    from logic.unknowns import band  # the band tries answers through this module

    found = band(answers, kb)
    assert found is not None
    return {"band": VerdictBand.model_construct(low=found.low, high=found.high),
            "settle_first": found.settle_first}
