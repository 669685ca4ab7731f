"""The engine: answers in, a Recommendation out, with its reasons, scores and the questions for
the account team. Pure: no I/O, no Streamlit. The decision table itself is compiled and read in
logic.plan."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from logic.knowledge_base import KnowledgeBase, OpenQuestion, load_knowledge
from logic.plan import (
    RANK,
    Plan,
    Step,
    bounds,
    compiled,
    fired_steps,
    shown_steps,
    verdict_for,
)
from logic.recommendation import (
    GROUPS,
    Reason,
    Recommendation,
    Verdict,
    VerdictBand,
)
from logic.unknowns import band
from questions.answers import Answers


def _render_value(question: str, value: object, glossary: dict[str, str],
                  named: frozenset[object] | None) -> str:
    """An answer as it reads in a sentence: a question's own glossary entry, then the shared
    one; a list answer only with the values the rule asks about (`named`), when it names any."""
    if isinstance(value, list | tuple):
        items = [v for v in value if named is None or v in named] or list(value)
        names = [str(glossary.get(f"{question}.{v}", glossary.get(v, v))) for v in items]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    if isinstance(value, str):
        return glossary.get(f"{question}.{value}", glossary.get(value, value))
    return str(value)


def _reason(step: Step, answers: Answers, glossary: dict[str, str], group: str,
            unknown: AbstractSet[str] = frozenset(),
            notes: dict[str, str] | None = None) -> Reason:
    """The rule's sentence for these answers. When it reads an answer given as "Don't know"
    it says so: its own `unknown_reason`, or its reason after the question's standard note."""
    rule = step.rule
    text = rule.reason
    read = unknown & step.reads if unknown else ()
    if read:
        notes = answers.unknown_notes if notes is None else notes
        text = rule.unknown_reason or " ".join(
            [*(notes[q] for q in sorted(read) if q in notes), text])
    if step.placeholders:
        text = text.format(**{
            name: _render_value(name, getattr(answers, name), glossary, step.named.get(name))
            for name in step.placeholders})
    return Reason(rule.id, text, list(rule.facts), group)


def _decider(fired: list[Step]) -> Step:
    """The rule that decided the verdict: the lowest ceiling when it holds the verdict below
    the highest floor (or sets No action), otherwise the highest floor, otherwise the
    baseline."""
    floor, ceiling = bounds(fired)
    if ceiling < floor or (ceiling == 0 and any(s.ceiling == 0 for s in fired)):
        return next(s for s in fired if s.ceiling == ceiling)
    if floor > 0:
        return next(s for s in fired if s.floor == floor)
    return next((s for s in fired if s.rule.default), fired[0])


def _reasons(shown: list[Step], decider: Step, answers: Answers, glossary: dict[str, str],
             unknown: AbstractSet[str], notes: dict[str, str] | None = None) -> list[Reason]:
    """The deciding rule first, then drivers, blockers, caveats and context, each in table
    order."""
    ordered = [decider] + sorted((s for s in shown if s is not decider),
                                 key=lambda s: GROUPS.index(s.group))
    return [_reason(step, answers, glossary, "decides" if step is decider else step.group,
                    unknown, notes) for step in ordered]


def _scores(answers: Answers, plan: Plan) -> tuple[dict[str, int], list[str]]:
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
    return _scores(answers, compiled(kb))[0]


def _asked(question: OpenQuestion, drivers: AbstractSet[str], open_doubts: AbstractSet[str],
           verdict: str) -> bool:
    return bool(
        any(d in drivers for d in question.when_drivers)
        or any(b in open_doubts for b in question.when_blockers)
        or (
            question.when_verdict_at_least is not None
            and RANK[verdict] >= RANK[question.when_verdict_at_least]
        )
    )


@dataclass(frozen=True, slots=True)
class Outcome:
    """The verdict with its drivers, blockers and caveats, without reasons or scores (batch
    rows)."""

    verdict: Verdict
    drivers: tuple[str, ...]
    blockers: tuple[str, ...]
    caveats: tuple[str, ...] = ()


def _outcome(shown: list[Step], verdict: Verdict, plan: Plan) -> Outcome:
    """Drivers and blockers in the order of the version's tables."""
    drivers = {d for step in shown for d in step.rule.drivers}
    blockers = {b for step in shown for b in step.rule.blockers}
    caveats = {c for step in shown for c in step.rule.caveats} - blockers
    return Outcome(verdict, tuple(d for d in plan.drivers if d in drivers),
                   tuple(b for b in plan.blockers if b in blockers),
                   tuple(c for c in plan.blockers if c in caveats))


def outcome(answers: Answers, kb: KnowledgeBase) -> Outcome:
    """What `evaluate` decides, without building reasons, scores and open questions ("Don't
    know" answers at their most likely values)."""
    answers = answers.resolved()
    plan = compiled(kb)
    fired = fired_steps(answers, plan)
    return _outcome(shown_steps(answers, plan, fired), verdict_for(fired), plan)


def evaluate(answers: Answers, kb: KnowledgeBase | None = None,
             unknown_notes: dict[str, str] | None = None) -> Recommendation:
    """Evaluate one organisation's answers against a knowledge version (default: current).
    "Don't know" answers are read at their most likely values, and the result carries the
    band of verdicts over every answer they could be. `unknown_notes` word what a "Don't know"
    was read as (the bank's own sentences by default; another language's for a translated
    version)."""
    kb = kb or load_knowledge()
    given, answers = answers, answers.resolved()
    plan = compiled(kb)
    fired = fired_steps(answers, plan)
    shown = shown_steps(answers, plan, fired)
    decided = _outcome(shown, verdict_for(fired), plan)
    verdict, drivers = decided.verdict, set(decided.drivers)
    doubts = {*decided.blockers, *decided.caveats}
    scores, not_applicable = _scores(answers, plan)
    verdict_band, settle_first = _band(given, kb)
    return Recommendation.model_construct(
        verdict=verdict,
        drivers=list(decided.drivers),
        blockers=list(decided.blockers),
        caveats=list(decided.caveats),
        reasons=_reasons(shown, _decider(fired), answers, kb.glossary,
                         frozenset(given.unknowns), unknown_notes),
        scores=scores,
        not_applicable=not_applicable,
        open_questions=[
            q.text for q in kb.open_questions if _asked(q, drivers, doubts, verdict)
        ],
        knowledge_version=kb.version,
        band=verdict_band,
        settle_first=settle_first,
    )


def _band(answers: Answers, kb: KnowledgeBase) -> tuple[VerdictBand | None, str | None]:
    """The band of verdicts and the question to settle first (none when nothing is unknown)."""
    if not answers.unknowns:
        return None, None
    found = band(answers, kb)
    assert found is not None
    return VerdictBand.model_construct(low=found.low, high=found.high), found.settle_first
