"""What would change the verdict: the smallest sets of answer changes (up to three answers) that
move it up or down, told apart as requirements the organisation sets, facts about its
situation, or both at once; and the undisclosed facts whose publication would move it, both ways.

Only answers the form can give are tried: values on the question's step, questions that are
asked given the other answers (a change that reveals a question must answer it; one that hides
a question drops its answer).

Pure and fast: changes are tried on a plain namespace with the engine's verdict-only path.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations, product
from typing import Literal

from logic.engine import evaluate
from logic.knowledge_base import KnowledgeBase
from logic.plan import VerdictProbe, fired_rules, integer_values, thresholds, verdict_of
from logic.recommendation import VERDICTS, verdict_rank
from questions.answers import Answers
from questions.conditions import leaves
from questions.schema import (
    AnyQuestion,
    IntegerQuestion,
    MultiChoiceQuestion,
    QuestionBank,
    TextQuestion,
    default_bank,
)
from questions.values import items_of

Change = tuple[str, object]  # (question id, new value)
FlipKind = Literal["requirement", "situation", "both"]
MAX_PER_DIRECTION = 8
MAX_CHANGES = 3  # beyond this the panel says "it takes more than three"


@dataclass(frozen=True)
class Flip:
    """A set of answer changes and the verdict they would give; `kind` says what they change:
    only requirements the organisation sets ("requirement"), only facts about its situation
    ("situation"), or some of each ("both")."""

    changes: tuple[Change, ...]
    verdict: str
    kind: FlipKind = "requirement"

    @property
    def situation(self) -> bool:
        """Whether any of the changes is a fact about the organisation."""
        return self.kind != "requirement"


@dataclass(frozen=True)
class Disclosure:
    """An undisclosed fact, once published: the verdict if it meets the organisation's needs
    (`verdict`, what it settles goes away) and if it falls short (`short_verdict`, what it
    settles caps at Monitor)."""

    id: str
    title: str
    facts: tuple[str, ...]
    settles: tuple[str, ...]
    verdict: str
    if_short: str = ""
    short_verdict: str = ""


@dataclass(frozen=True)
class WhatIf:
    """Everything the 'what would change this?' panel shows."""

    verdict: str
    up: tuple[Flip, ...]
    down: tuple[Flip, ...]
    disclosures: tuple[Disclosure, ...]
    single_flips: int  # how many single-answer changes move the verdict at all
    open_doubts: tuple[str, ...] = ()  # undisclosed or unverified, in the result
    searched: int = MAX_CHANGES  # up to how many changes at once were tried

    @property
    def robust(self) -> bool:
        """Robust when no single answer change moves the verdict; fragile otherwise."""
        return self.single_flips == 0


def _toggles(question: MultiChoiceQuestion, current: object) -> list[list[str]]:
    chosen = [str(v) for v in items_of(current)]
    toggled = [[v for v in chosen if v != item] if item in chosen else [*chosen, item]
               for item in map(str, question.choices())]
    return [new for new in toggled if len(new) >= question.min_selected]


def _question_changes(question: AnyQuestion, current: object,
                      cuts: set[int]) -> Sequence[object]:
    """Each other value worth trying, nearest the current answer first (the smallest change
    that moves the verdict is the one shown)."""
    if isinstance(question, IntegerQuestion):
        here = current if isinstance(current, int) else question.min
        others = [v for v in integer_values(question, cuts) if v != current]
        nearest: list[int | None] = sorted(others, key=lambda v: (v is None, abs((v or 0) - here)))
        return nearest
    if isinstance(question, MultiChoiceQuestion):
        return list(_toggles(question, current))
    order = list(getattr(question, "strictness", None) or question.choices())
    here = order.index(current) if current in order else 0
    return sorted((v for v in question.choices() if v != current),
                  key=lambda v: abs(order.index(v) - here) if v in order else len(order))


def candidate_changes(answers: Answers, kb: KnowledgeBase,
                      bank: QuestionBank | None = None) -> list[Change]:
    """Every single-answer change worth trying, by the kind of each question: each other
    choice, each list item added or removed, integers either side of the rules' thresholds
    and at their bounds (on the form's step). Hidden questions are included: a change that
    reveals them needs them answered."""
    bank = bank or default_bank()
    cuts = thresholds(kb)
    changes: list[Change] = []
    for question in bank.questions():
        if question.id in kb.information_only or isinstance(question, TextQuestion):
            continue
        current = answers.get(question.id)
        changes += [(question.id, value)
                    for value in _question_changes(question, current, cuts.get(question.id, set()))]
    return changes


class _Form:
    """What the form allows after a set of changes: each changed question asked, each asked
    question answered, each hidden one dropped."""

    def __init__(self, answers: Answers, bank: QuestionBank) -> None:
        self.base = dict(vars(answers)) if not isinstance(answers, dict) else dict(answers)
        self.conditional = [q for q in bank.questions() if q.visible_when is not None]
        self.floored = {q.id: q for q in bank.questions()
                        if isinstance(q, IntegerQuestion) and q.suggest_at_least}
        self.must_answer = {
            q.id for q in self.conditional
            if q.required and not (isinstance(q, IntegerQuestion) and q.nullable)
        }

    def apply(self, changes: tuple[Change, ...]) -> tuple[Change, ...] | None:
        """The full set of answer changes the form would make, or None when the form cannot
        give these answers."""
        after = {**self.base, **dict(changes)}
        changed = dict(changes)
        for question_id, value in changes:
            floored = self.floored.get(question_id)
            if floored is not None and not floored.plausible(value, after):
                return None  # tighter than the link they named can carry: not suggested
        extra: list[Change] = []
        for question in self.conditional:
            visible = question.is_visible(after)
            value = after.get(question.id)
            if not visible:
                if question.id in changed and changed[question.id] is not None:
                    return None  # an answer to a question the form does not ask
                if value is not None:
                    extra.append((question.id, None))
            elif value is None and question.id in self.must_answer:
                return None  # revealed and left unanswered
        return changes + tuple(extra)


def _kind(changes: tuple[Change, ...], bank: QuestionBank) -> FlipKind:
    facts = {bank.question(q).situation for q, _ in changes}
    return "both" if len(facts) == 2 else "situation" if True in facts else "requirement"


KIND_ORDER: dict[str, int] = {"requirement": 0, "both": 1, "situation": 2}


class _Goal:
    """Which sets of questions could possibly move the verdict one way: a cheap test on the
    questions a set changes (with the questions they show or hide), before any evaluation.
    To go up, every rule capping at or below the verdict must be touched, and a rule with a
    higher floor too when none fires; to go down, a rule with a lower ceiling, or every rule
    with a floor at or above the verdict."""

    def __init__(self, answers: Answers, kb: KnowledgeBase, rank: int, sign: int,
                 reach: dict[str, frozenset[str]]) -> None:
        fired = {r.id for r in fired_rules(answers, kb)}
        reads = {r.id: r.questions() for r in kb.rules if r.when is not None}
        self.reach = reach
        self.all_of: list[set[str]] = []
        self.one_of: set[str] | None = None
        if sign > 0:
            self.all_of = [reads[r.id] for r in kb.rules if r.id in fired and r.ceiling
                           and verdict_rank(r.ceiling) <= rank]
            if not any(r.floor and verdict_rank(r.floor) > rank for r in kb.rules
                       if r.id in fired):
                self.all_of.append({q for r in kb.rules if r.floor and r.when is not None
                                    and verdict_rank(r.floor) > rank for q in reads[r.id]})
        else:
            lower = {q for r in kb.rules if r.ceiling and r.when is not None
                     and verdict_rank(r.ceiling) < rank for q in reads[r.id]}
            floors = [reads[r.id] for r in kb.rules if r.id in fired and r.floor
                      and verdict_rank(r.floor) >= rank]
            self.one_of, self.all_of = lower, floors

    def possible(self, questions: tuple[str, ...]) -> bool:
        touched = set().union(*(self.reach[q] for q in questions))
        hits_all = all(touched & need for need in self.all_of)
        if self.one_of is None:
            return hits_all
        return bool(touched & self.one_of) or (bool(self.all_of) and hits_all)


def _reach(bank: QuestionBank) -> dict[str, frozenset[str]]:
    """Each question with those whose asking depends on it (changing it may drop them)."""
    reach = {q.id: {q.id} for q in bank.questions()}
    for question in bank.questions():
        if question.visible_when is not None:
            for leaf in leaves(question.visible_when):
                reach[leaf.q].add(question.id)
    return {q: frozenset(found) for q, found in reach.items()}


def _search(answers: Answers, kb: KnowledgeBase, verdict: str,
            bank: QuestionBank) -> tuple[list[Flip], list[Flip], int]:
    probe = VerdictProbe(answers, kb)
    form = _Form(answers, bank)
    rank = verdict_rank(verdict)
    reach = _reach(bank)

    def verdict_after(changes: tuple[Change, ...]) -> str | None:
        full = form.apply(changes)
        return None if full is None else probe.verdict(full)

    by_question: dict[str, list[object]] = {}
    for question, value in candidate_changes(answers, kb, bank):
        by_question.setdefault(question, []).append(value)
    singles = [((q, v), verdict_after(((q, v),))) for q, values in by_question.items()
               for v in values]
    flips = sum(1 for _, v in singles if v is not None and v != verdict)
    result: dict[str, list[Flip]] = {"up": [], "down": []}
    for direction, sign in (("up", 1), ("down", -1)):
        if (sign > 0 and rank == len(VERDICTS) - 1) or (sign < 0 and rank == 0):
            continue
        goal = _Goal(answers, kb, rank, sign, reach)
        moved: list[Flip] = []
        for size in range(1, MAX_CHANGES + 1):
            for questions in combinations(by_question, size):
                if not goal.possible(questions):
                    continue
                for values in product(*(by_question[q] for q in questions)):
                    combo = tuple(zip(questions, values, strict=True))
                    v = verdict_after(combo)
                    if v is not None and (verdict_rank(v) - rank) * sign > 0:
                        moved.append(Flip(combo, v, _kind(combo, bank)))
                        break  # one way per set of questions
            if moved:
                break  # the smallest sets only
        moved.sort(key=lambda f: (KIND_ORDER[f.kind], -abs(verdict_rank(f.verdict) - rank)))
        result[direction] = moved[:MAX_PER_DIRECTION]
    return result["up"], result["down"], flips


def what_if(answers: Answers, kb: KnowledgeBase, bank: QuestionBank | None = None) -> WhatIf:
    """The changes that would move this verdict, and the disclosures that would, both ways."""
    bank = bank or default_bank()
    answers = answers.resolved()  # "Don't know" at its most likely answer
    rec = evaluate(answers, kb)
    verdict = rec.verdict
    up, down, flips = _search(answers, kb, verdict, bank)
    doubts = (*rec.blockers, *rec.caveats)
    disclosures = []
    for d in kb.disclosures:
        if not set(d.settles) & set(doubts):
            continue
        settled: frozenset[str] = frozenset(d.settles)
        disclosures.append(Disclosure(
            d.id, d.title, tuple(d.facts), tuple(d.settles),
            verdict_of(answers, kb, muted=settled), d.if_short,
            verdict_of(answers, kb, hardened=settled)))
    moving = [d for d in disclosures if verdict != d.verdict or verdict != d.short_verdict]
    if not moving and disclosures:
        settles: tuple[str, ...] = tuple(
            dict.fromkeys(b for d in kb.disclosures for b in d.settles))
        everything = Disclosure(
            "ALL", "Everything undisclosed is published and meets your needs",
            tuple(dict.fromkeys(f for d in kb.disclosures for f in d.facts)), settles,
            verdict_of(answers, kb, muted=frozenset(settles)),
            "Everything undisclosed is published and falls short of your needs",
            verdict_of(answers, kb, hardened=frozenset(settles)))
        if everything.verdict != verdict or everything.short_verdict != verdict:
            moving = [everything]
    return WhatIf(verdict, tuple(up), tuple(down), tuple(moving), flips, tuple(doubts))
