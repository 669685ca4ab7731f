"""The decision table compiled once per knowledge version, and the fast verdicts it gives:
the rules that fire, the verdict alone, and verdicts with a few answers changed (for the
counterfactual search, the band and the rules check). Pure: no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace

from logic.knowledge_base import KnowledgeBase, Rule
from logic.recommendation import VERDICTS, Verdict
from questions.answers import Answers
from questions.conditions import Predicate, leaves
from questions.schema import IntegerQuestion

RANK: dict[str, int] = {verdict: rank for rank, verdict in enumerate(VERDICTS)}
TOP = len(VERDICTS) - 1


@dataclass(frozen=True, slots=True)
class Step:
    rule: Rule
    holds: Predicate
    floor: int | None
    ceiling: int | None
    placeholders: tuple[str, ...]
    named: dict[str, frozenset[object]]
    group: str
    reads: frozenset[str]  # the questions its condition reads


@dataclass(frozen=True, slots=True)
class Plan:
    """A knowledge base compiled once into plain tuples and closures for fast evaluation:
    `steps` decide the verdict, `after` are shown once it is known (at their verdict or above),
    `scores` per section: (id, base, most, not-applicable test, terms)."""

    steps: tuple[Step, ...]
    baseline: Step
    after: tuple[tuple[Step, int], ...]
    scores: tuple[tuple[str, int, int, Predicate | None, tuple[tuple[Predicate, int], ...]], ...]
    drivers: tuple[str, ...] = ()  # the version's drivers and blockers, in its tables' order
    blockers: tuple[str, ...] = ()
    readers: dict[str, tuple[int, ...]] = field(default_factory=dict)  # question -> steps


def _readers(steps: tuple[Step, ...]) -> dict[str, tuple[int, ...]]:
    found: dict[str, list[int]] = {}
    for index, step in enumerate(steps):
        for question in step.reads:
            found.setdefault(question, []).append(index)
    return {question: tuple(indexes) for question, indexes in found.items()}


_PLANS: dict[int, tuple[KnowledgeBase, Plan]] = {}


def _group(rule: Rule) -> str:
    if rule.drivers:
        return "driver"
    if rule.blockers:
        return "blocker"
    return "caveat" if rule.caveats else "context"


def _step(rule: Rule) -> Step:
    return Step(
        rule, rule.predicate(),
        RANK[rule.floor] if rule.floor else None,
        RANK[rule.ceiling] if rule.ceiling else None,
        rule.placeholders(), rule.named_values(), _group(rule), frozenset(rule.questions()),
    )


def compiled(kb: KnowledgeBase) -> Plan:
    cached = _PLANS.get(id(kb))
    if cached is None or cached[0] is not kb:
        rules = kb.rules[:-1]
        steps = tuple(_step(rule) for rule in rules if not rule.when_verdict_at_least)
        plan = Plan(
            steps=steps,
            baseline=_step(kb.rules[-1]),
            after=tuple((_step(rule), RANK[rule.when_verdict_at_least])
                        for rule in rules if rule.when_verdict_at_least),
            scores=tuple(
                (section, spec.base, spec.most,
                 spec.not_applicable_when.compile() if spec.not_applicable_when else None,
                 tuple((t.when.compile(), t.add) for t in spec.terms))
                for section, spec in kb.scores.items()
            ),
            drivers=tuple(kb.drivers), blockers=tuple(kb.blockers), readers=_readers(steps),
        )
        cached = _PLANS[id(kb)] = (kb, plan)
    return cached[1]


def fired_steps(answers: Answers, plan: Plan) -> list[Step]:
    fired = [step for step in plan.steps if step.holds(answers)]
    if not any(step.floor is not None for step in fired):
        fired.append(plan.baseline)
    return fired


def shown_steps(answers: object, plan: Plan, fired: list[Step]) -> list[Step]:
    """The rules that decide the verdict, then those shown once it is known."""
    rank = RANK[verdict_for(fired)]
    return fired + [step for step, at in plan.after if rank >= at and step.holds(answers)]


def fired_rules(answers: Answers, kb: KnowledgeBase) -> list[Rule]:
    """The rules that hold, in table order; the baseline joins when no rule set a floor, and
    rules shown only at a verdict join when it is reached."""
    plan = compiled(kb)
    return [step.rule for step in shown_steps(answers, plan, fired_steps(answers, plan))]


def bounds(fired: list[Step]) -> tuple[int, int]:
    floor = max((s.floor for s in fired if s.floor is not None), default=0)
    ceiling = min((s.ceiling for s in fired if s.ceiling is not None), default=TOP)
    return floor, ceiling


def verdict_for(fired: list[Step]) -> Verdict:
    floor, ceiling = bounds(fired)
    return VERDICTS[min(floor, ceiling)]


HARDENED_CEILING = RANK["monitor"]  # a caveat confirmed as a shortfall caps at Monitor


def verdict_of(answers: object, kb: KnowledgeBase, muted: frozenset[str] = frozenset(),
               hardened: frozenset[str] = frozenset()) -> str:
    """Only the verdict, fast; `answers` may be any object with the answer attributes.

    Rules whose blockers all lie in `muted` are left out: the verdict if those doubts were
    settled (for example `sla_unverified` once an SLA is published). Caveats in `hardened`
    cap at Monitor, like a blocker: the verdict if what is published falls short.
    """
    resolve = getattr(answers, "resolved", None)
    if resolve is not None:
        answers = resolve()
    plan = compiled(kb)
    fired = [
        step for step in plan.steps
        if not (muted and step.rule.blockers and muted.issuperset(step.rule.blockers))
        and step.holds(answers)
    ]
    verdict = verdict_for(fired)
    if hardened and RANK[verdict] > HARDENED_CEILING and any(
            hardened.intersection(step.rule.caveats) for step in shown_steps(answers, plan, fired)):
        return VERDICTS[HARDENED_CEILING]
    return verdict


class VerdictProbe:
    """Verdicts for one answer set with a few answers changed, recomputing only the rules
    that read a changed answer (for the counterfactual search)."""

    def __init__(self, answers: object, kb: KnowledgeBase) -> None:
        plan = compiled(kb)
        self._steps = plan.steps
        self._base = dict(answers) if isinstance(answers, dict) else dict(vars(answers))
        view = SimpleNamespace(**self._base)
        self._holds = [step.holds(view) for step in self._steps]
        self._readers = plan.readers

    def verdict(self, changes: tuple[tuple[str, object], ...] = ()) -> str:
        holds = list(self._holds)
        if changes:
            view = SimpleNamespace(**{**self._base, **dict(changes)})
            for question, _ in changes:
                for index in self._readers.get(question, ()):
                    holds[index] = self._steps[index].holds(view)
        return verdict_for([s for s, h in zip(self._steps, holds, strict=True) if h])


def _boundaries(op: str, value: int) -> int:
    """Where a test splits the numbers: values below the result fail `gte`, pass `lte`."""
    return value if op == "gte" else value + 1


def thresholds(kb: KnowledgeBase) -> dict[str, set[int]]:
    """Per integer question, the points where a rule's answer changes (a value and the one
    below it fall on either side)."""
    found: dict[str, set[int]] = {}
    for rule in kb.rules:
        for leaf in leaves(rule.when) if rule.when is not None else ():
            if leaf.op in ("gte", "lte"):
                found.setdefault(leaf.q, set()).add(_boundaries(leaf.op, leaf.bound))
    return found


def integer_values(question: IntegerQuestion, cuts: set[int]) -> set[int | None]:
    """Values of an integer question worth trying: the nearest value the form can enter (on
    the question's step) either side of each point where a rule changes, the bounds, and
    empty when empty is an answer."""
    step = question.step or 1

    def on_step(value: int, up: bool) -> int:
        offset = (value - question.min) % step
        if offset == 0:
            return value
        return value - offset + step if up else value - offset

    values: set[int | None] = {question.min, on_step(question.max, False)}
    for cut in cuts:
        values |= {on_step(cut - 1, False), on_step(cut, True)}
    if question.nullable:
        values.add(None)
    return {v for v in values if v is None or question.min <= v <= question.max}
