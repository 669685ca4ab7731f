"""The rules check: rules that never fire, floors that can never take effect, rules that
contradict each other, and answers left without a reason, over a large sample of answers.

The answer space is too large to enumerate (millions of combinations), so the check samples:
uniformly at random, plus, for each rule, answers drawn from the values its own condition
names (so narrow rules are still reached). Seeded, so a run is repeatable.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from logic.knowledge_base import KnowledgeBase, Rule
from logic.plan import VerdictProbe, fired_rules, integer_values, thresholds
from logic.recommendation import VERDICTS, verdict_rank
from logic.whatif import candidate_changes
from questions.answers import Answers, validate
from questions.conditions import ConditionModel, Leaf, Predicate, leaves
from questions.schema import (
    AnyQuestion,
    IntegerQuestion,
    MultiChoiceQuestion,
    QuestionBank,
    TextQuestion,
    default_bank,
)

Marks = dict[str, list[int | None]]  # per integer question, values worth hitting


def permissive(bank: QuestionBank) -> dict[str, object]:
    """The least demanding answers: each strictness-ordered question at its least strict
    value, no list item that is a further requirement (so narrow floors can show their
    effect)."""
    base: dict[str, object] = {}
    for question in bank.questions():
        order = getattr(question, "strictness", None)
        if order:
            base[question.id] = order[0]
        elif isinstance(question, MultiChoiceQuestion) and question.more_is_stricter:
            base[question.id] = []
    return base


def _random_value(question: AnyQuestion, rng: random.Random,
                  marks: Marks | None = None) -> object:
    """A random value the form could give this question (None where it may be left empty).
    An integer is, half of the time, one of its `marks` (the bounds and either side of each
    threshold the rules use), so every side of every threshold is sampled."""
    if isinstance(question, IntegerQuestion):
        if marks and marks.get(question.id) and rng.random() < 0.5:
            return rng.choice(marks[question.id])
        if question.nullable and rng.random() < 0.3:
            return None
        return rng.randrange(question.min, question.max + 1)
    if isinstance(question, MultiChoiceQuestion):
        values = list(question.choices())
        return rng.sample(values, rng.randrange(question.min_selected, min(3, len(values)) + 1))
    if isinstance(question, TextQuestion):
        return None
    return rng.choice(question.choices())


def _hinted(question: AnyQuestion, pick: object) -> object:
    if isinstance(question, MultiChoiceQuestion) and not isinstance(pick, list):
        return [pick]
    return pick


def random_answers(rng: random.Random, hints: dict[str, list[object]] | None = None,
                   base: dict[str, object] | None = None, *, bank: QuestionBank | None = None,
                   marks: Marks | None = None) -> Answers:
    """A valid answers object; where `hints` names values for a question, one of those, and
    where `base` gives a value for another, that value half of the time. `marks`: integer
    values worth hitting often (see `integer_marks`)."""
    bank = bank or default_bank()
    data: dict[str, object] = {}
    for question in bank.questions():
        hinted = (hints or {}).get(question.id)
        if base and question.id in base and not hinted and rng.random() < 0.5:
            data[question.id] = base[question.id]
        elif hinted and rng.random() < 0.85:
            data[question.id] = _hinted(question, rng.choice(hinted))
        else:
            data[question.id] = _random_value(question, rng, marks)
    for question in bank.questions():  # a hint may have emptied a list that must not be
        if not question.is_answered(data[question.id]):
            data[question.id] = _random_value(question, rng, marks)
    return validate({k: v for k, v in data.items() if v is not None}, bank)


def integer_marks(kb: KnowledgeBase, bank: QuestionBank) -> Marks:
    """Per integer question: its bounds and either side of every threshold the rules use."""
    cuts = thresholds(kb)
    return {q.id: sorted(integer_values(q, cuts.get(q.id, set())),
                         key=lambda v: (v is None, v or 0))
            for q in bank.questions() if isinstance(q, IntegerQuestion)}


def _leaf_hints(leaf: Leaf) -> list[object]:
    if leaf.op in ("gte", "lte"):
        return [leaf.bound - 1, leaf.bound, leaf.bound + 1]
    if leaf.op == "is_set":
        return [None, "any"]
    return leaf.values()


def _hints(condition: ConditionModel, bank: QuestionBank) -> dict[str, list[object]]:
    """Values a condition mentions, per question (numbers on both sides of a threshold),
    kept to what the question accepts."""
    found: dict[str, list[object]] = {}
    for leaf in leaves(condition):
        found.setdefault(leaf.q, []).extend(_leaf_hints(leaf))
    for question_id, values in found.items():
        question = bank.question(question_id)
        if isinstance(question, IntegerQuestion):
            middle = (question.min + question.max) // 2
            values = [middle if v == "any" else v for v in values]
            found[question_id] = [v for v in values if (v is None and question.nullable)
                                  or isinstance(v, int) and question.min <= v <= question.max]
    return found


LIFT_STARTS = 20  # capped samples per floor to search from
LIFT_STEPS = 12


def _lift(start: Answers, rule: Rule, kb: KnowledgeBase, bank: QuestionBank) -> bool:
    """Whether, from answers where `rule` fires but a lower ceiling caps its floor, changing one
    answer at a time (each step the change that leaves fewest such ceilings, `rule` still
    firing) reaches answers where the floor takes effect."""
    floor = verdict_rank(rule.floor or VERDICTS[0])

    def caps(answers: Answers) -> int | None:
        fired = fired_rules(answers, kb)
        if all(r.id != rule.id for r in fired):
            return None
        return sum(1 for r in fired if r.ceiling and verdict_rank(r.ceiling) < floor)

    current, count = start, caps(start)
    for _ in range(LIFT_STEPS):
        if count is None or count == 0:
            return count == 0
        best: tuple[int, Answers] | None = None
        for question, value in candidate_changes(current, kb, bank):
            trial = current.replace(**{question: value})
            after = caps(trial)
            if after is not None and after < (best[0] if best else count):
                best = (after, trial)
        if best is None:
            return False
        count, current = best
    return count == 0


@dataclass
class CheckReport:
    """What the check found; `ok` when nothing needs fixing."""

    samples: int = 0
    never_fire: list[str] = field(default_factory=list)
    dead_floors: list[str] = field(default_factory=list)
    contradictions: list[str] = field(default_factory=list)
    without_reason: int = 0
    capped_silently: list[str] = field(default_factory=list)  # ceilings that cap, no blocker
    denied: list[str] = field(default_factory=list)  # a rule denies what another adds
    over_claims: list[str] = field(default_factory=list)  # a reason claims a higher verdict
    repeats: list[str] = field(default_factory=list)  # two reasons say the same thing
    cliffs: list[str] = field(default_factory=list)  # one integer step, two verdict levels
    misread: list[str] = field(default_factory=list)  # a reason says what was not answered
    overrides: dict[tuple[str, str], int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not (self.never_fire or self.dead_floors or self.contradictions
                    or self.without_reason or self.capped_silently or self.denied
                    or self.over_claims or self.repeats or self.cliffs or self.misread)

    def lines(self) -> list[str]:
        out = [f"checked {self.samples:,} sampled answer sets"]
        out += [f"NEVER FIRES: {r}" for r in self.never_fire]
        out += [f"FLOOR NEVER TAKES EFFECT: {r}" for r in self.dead_floors]
        out += [f"CONTRADICTION: {c}" for c in self.contradictions]
        if self.without_reason:
            out.append(f"NO REASON: {self.without_reason} answer sets got no reason")
        out += [f"CAPPED WITHOUT A BLOCKER: {r} holds a verdict below what the drivers give "
                "and names no blocker" for r in self.capped_silently]
        out += [f"REASONS CONTRADICT: {d}" for d in self.denied]
        out += [f"REASON CLAIMS MORE THAN THE VERDICT: {c}" for c in self.over_claims]
        out += [f"REASONS REPEAT EACH OTHER: {r}" for r in self.repeats]
        out += [f"CLIFF: {c}" for c in self.cliffs]
        out += [f"REASON CONTRADICTS THE ANSWERS: {m}" for m in self.misread]
        if self.overrides:
            out.append(f"{len(self.overrides)} floor/ceiling pairs fire together and resolve by "
                       "the documented precedence (the lowest ceiling caps the highest floor)")
        out.append("OK" if self.ok else "FAILED")
        return out


def _self_contradictions(kb: KnowledgeBase) -> list[str]:
    found = []
    for rule in kb.rules:
        if rule.floor and rule.ceiling and verdict_rank(rule.floor) > verdict_rank(rule.ceiling):
            found.append(f"{rule.id} sets a floor ({rule.floor}) above its own ceiling "
                         f"({rule.ceiling})")
    return found


def check_rules(kb: KnowledgeBase, *, samples: int = 20_000, per_rule: int = 300,
                seed: int = 7, bank: QuestionBank | None = None) -> CheckReport:
    """Sample the answer space and report what is wrong with the decision table."""
    bank = bank or default_bank()
    rng = random.Random(seed)
    report = CheckReport(contradictions=_self_contradictions(kb))
    fired_count = {r.id: 0 for r in kb.rules}
    floor_effect = {r.id: 0 for r in kb.rules if r.floor}
    marks = integer_marks(kb, bank)
    silent: set[str] = set()
    capped: dict[str, list[Answers]] = {r.id: [] for r in kb.rules if r.floor}
    pool = [random_answers(rng, bank=bank, marks=marks) for _ in range(samples)]
    claims = [(claim.words.lower(), claim.holds.compile()) for claim in kb.answer_claims]
    easy = permissive(bank)
    for rule in kb.rules:
        if rule.when is not None:
            hints = _hints(rule.when, bank)
            pool += [random_answers(rng, hints, easy, bank=bank, marks=marks)
                     for _ in range(per_rule)]
    for answers in pool:
        fired: list[Rule] = fired_rules(answers, kb)
        if not fired:
            report.without_reason += 1
        ceiling = min((verdict_rank(r.ceiling) for r in fired if r.ceiling),
                      default=len(VERDICTS) - 1)
        for rule in fired:
            fired_count[rule.id] += 1
            if rule.floor and verdict_rank(rule.floor) <= ceiling:
                floor_effect[rule.id] += 1
            elif rule.floor and len(capped[rule.id]) < LIFT_STARTS:
                capped[rule.id].append(answers)
        top = max((verdict_rank(r.floor) for r in fired if r.floor), default=0)
        if ceiling < top:  # held below what the drivers give: each cap must say why
            silent.update(r.id for r in fired if r.ceiling and verdict_rank(r.ceiling) < top
                          and not r.blockers)
        floors = [(r.id, verdict_rank(r.floor)) for r in fired if r.floor]
        ceilings = [(r.id, verdict_rank(r.ceiling)) for r in fired if r.ceiling]
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
        _reasons_agree(fired, min(top, ceiling), kb, report)
        _claims_hold(fired, answers, claims, report)
    hinted = pool[samples:]  # near each rule's own values, where its floor can show
    report.cliffs = _cliffs((hinted + pool[:samples])[:CLIFF_SAMPLES], kb, bank)
    for rule in kb.rules:  # sampling can miss a narrow way through: search for it
        if rule.floor and not floor_effect[rule.id] and any(
                _lift(start, rule, kb, bank) for start in capped[rule.id]):
            floor_effect[rule.id] = 1
    report.capped_silently = sorted(silent)
    report.samples = len(pool)
    report.never_fire = [r for r, n in fired_count.items() if n == 0]
    report.dead_floors = [r for r, n in floor_effect.items() if n == 0 and fired_count[r]]
    report.contradictions = sorted(set(report.contradictions))
    report.denied = sorted(set(report.denied))
    report.over_claims = sorted(set(report.over_claims))
    report.repeats = sorted(set(report.repeats))
    report.misread = sorted(set(report.misread))
    return report


CLIFF_SAMPLES = 6000  # answer sets whose integer answers are stepped across every threshold


def _cliffs(pool: list[Answers], kb: KnowledgeBase, bank: QuestionBank) -> list[str]:
    """Integer answers where one step (a value and the next) moves the verdict two levels,
    other than the steps the version allows (`jumps_allowed`, each with its reason). The rules
    read integers only through thresholds, so stepping across each one finds every such step
    for the answers tried: the sample, and one answer change away from each near miss (a
    one-level step another answer may be masking: a second floor, a cap)."""
    allowed = {(j.q, tuple(j.between)) for j in kb.jumps_allowed}
    pairs = [(q.id, cut - 1, cut) for q in bank.questions() if isinstance(q, IntegerQuestion)
             for cut in sorted(thresholds(kb).get(q.id, ()))
             if q.min <= cut - 1 and cut <= q.max and (q.id, (cut - 1, cut)) not in allowed]
    found: dict[tuple[str, int], str] = {}
    near: dict[tuple[str, int], list[Answers]] = {}
    for answers in pool:
        probe = VerdictProbe(answers, kb)
        for question, below, at in pairs:
            step = _step(probe, (), question, below, at)
            if step == 1 and len(near.setdefault((question, below), [])) < NEAR_MISSES:
                near[(question, below)].append(answers)
            if step >= 2 and (question, below) not in found:
                found[(question, below)] = _cliff_text(probe, (), question, below, at, answers)
    for question, below, at in pairs:
        for answers in near.get((question, below), []) if (question, below) not in found else []:
            probe = VerdictProbe(answers, kb)
            change = next((c for c in candidate_changes(answers, kb, bank) if c[0] != question
                           and _step(probe, (c,), question, below, at) >= 2), None)
            if change is not None:
                found[(question, below)] = _cliff_text(probe, (change,), question, below, at,
                                                       answers.replace(**dict([change])))
                break
    return [found[key] for key in sorted(found)]


NEAR_MISSES = 40  # one-level steps per threshold searched one answer further


def _step(probe: VerdictProbe, extra: tuple[tuple[str, object], ...], question: str,
          below: int, at: int) -> int:
    low = verdict_rank(probe.verdict((*extra, (question, below))))
    return abs(verdict_rank(probe.verdict((*extra, (question, at)))) - low)


def _cliff_text(probe: VerdictProbe, extra: tuple[tuple[str, object], ...], question: str,
                below: int, at: int, answers: Answers) -> str:
    return (f"{question} {below} gives {probe.verdict((*extra, (question, below)))}, {at} gives "
            f"{probe.verdict((*extra, (question, at)))} (for example {answers.values()})")


def _claims_hold(fired: list[Rule], answers: Answers,
                 claims: list[tuple[str, Predicate]], report: CheckReport) -> None:
    """A shown reason that says words the version ties to answers (`answer_claims`) must be
    shown only on answers that bear them out."""
    for rule in fired:
        text = f"{rule.reason} {rule.unknown_reason}".lower()
        report.misread += [f"{rule.id} says {words!r} on answers where that is not so"
                           for words, holds in claims if words in text and not holds(answers)]


def _says(rule: Rule) -> tuple[frozenset[str], ...]:
    """What a reason amounts to: what it adds, holds back, leaves open or denies, on which
    facts. Two reasons shown together that amount to the same, drawn from some of the same
    answers, say it twice."""
    return (frozenset(rule.drivers), frozenset(rule.blockers), frozenset(rule.caveats),
            frozenset(rule.denies), frozenset(rule.facts))


def _reasons_agree(fired: list[Rule], shown: int, kb: KnowledgeBase,
                   report: CheckReport) -> None:
    """Two reasons shown together must not contradict each other (one adding a driver another
    says does not apply), and no reason may claim a verdict above the one shown (the words a
    verdict's `claims` lists)."""
    seen: dict[tuple[frozenset[str], ...], list[Rule]] = {}
    for rule in fired:
        same = seen.setdefault(_says(rule), [])
        report.repeats += [f"{other.id} and {rule.id} say the same thing (same effect, same "
                           "facts, some of the same answers): merge them or make them exclusive"
                           for other in same if other.questions() & rule.questions()]
        same.append(rule)
    added = {d: r.id for r in fired for d in r.drivers}
    for rule in fired:
        for driver in rule.denies:
            if driver in added:
                report.denied.append(f"{added[driver]} adds {driver}, {rule.id} says it does "
                                     "not apply")
    for verdict in VERDICTS[shown + 1:]:
        for rule in fired:
            text = rule.reason.lower()  # answers fill the placeholders: no verdict words there
            report.over_claims += [
                f"{rule.id} says {claim!r} on a {VERDICTS[shown]} result ({verdict} words)"
                for claim in kb.verdicts[verdict].claims if claim.lower() in text]
