"""Several colleagues' answers: the consensus, the team verdict, and where they disagree.

Pure: answers in, analysis out. The consensus reads each question's kind from the bank: a
choice takes the most common answer, a tie going to the stricter requirement (the question's
`strictness`), else to the value that comes first in the bank; a whole number takes the median;
free text takes the first respondent's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from statistics import median_low

from logic.engine import evaluate
from logic.knowledge_base import KnowledgeBase
from logic.plan import verdict_of
from logic.recommendation import VERDICTS, Recommendation, verdict_rank
from questions.answers import Answers, validate
from questions.schema import UNKNOWN, AnyQuestion, QuestionBank, default_bank
from questions.values import items_of


def _key(value: object) -> object:
    return tuple(sorted(value)) if isinstance(value, list | tuple) else value


def _tie_rank(question: AnyQuestion, value: object) -> tuple[int, int, int]:
    """Higher wins a tie: stricter first; for lists, more items; then the bank's order."""
    order = getattr(question, "strictness", None)
    strict = order.index(value) if order and value in order else -1
    size = len(value) if isinstance(value, tuple) else 0
    allowed = list(question.choices())
    position = allowed.index(value) if value in allowed else len(allowed)
    return strict, size, -position


def _median(question: AnyQuestion, values: list[object]) -> object:
    """The lower median of the numbers given, or empty when most left it empty."""
    numbers = sorted(v for v in values if isinstance(v, int))
    return median_low(numbers) if numbers and len(numbers) * 2 >= len(values) else None


def _first(question: AnyQuestion, values: list[object]) -> object:
    return values[0] if values else None


def _most_common(question: AnyQuestion, values: list[object]) -> object:
    given = [v for v in values if v is not None]
    if not given:
        return None
    counts = Counter(_key(v) for v in given)
    top = max(counts.values())
    best = max((v for v, n in counts.items() if n == top), key=lambda v: _tie_rank(question, v))
    return list(best) if isinstance(best, tuple) else best


def _strictest(question: AnyQuestion, values: list[object]) -> object:
    """For a fact about the organisation: every list item anyone gave (in the bank's order),
    or the strictest single answer anyone gave."""
    given = [v for v in values if v is not None]
    if not given:
        return None
    if question.kind == "multi_choice":
        chosen = {item for v in given for item in items_of(v)}
        return [c for c in question.choices() if c in chosen]
    return max(given, key=lambda v: _tie_rank(question, v))


# question kind -> how the team's answers to it become one
CONSENSUS = {"integer": _median, "text": _first}


def consensus_value(question: AnyQuestion, values: list[object]) -> object:
    """The team's answer to one question: for a fact about the organisation the strictest any
    respondent gave; otherwise by the question's kind. "Don't know" counts only when nobody
    knows."""
    known = [v for v in values if not (isinstance(v, str) and v == UNKNOWN)]
    if len(known) < len(values):  # "Don't know" gives way to anyone who knows
        if all(v is None for v in known):
            return UNKNOWN
        values = known
    if question.fact:
        return _strictest(question, values)
    return CONSENSUS.get(question.kind, _most_common)(question, values)


def consensus(answers: list[Answers], bank: QuestionBank | None = None) -> Answers:
    """One answers object: each question's consensus."""
    bank = bank or default_bank()
    data = {q.id: consensus_value(q, [a.get(q.id) for a in answers]) for q in bank.questions()}
    pending = frozenset().union(*(a.unanswered for a in answers))
    return validate({k: v for k, v in data.items() if v is not None}, bank, pending=pending)


@dataclass(frozen=True)
class Disagreement:
    """A question the team answers differently, and how much aligning it would change."""

    question: str
    counts: dict[object, int]  # answer -> how many gave it (lists as tuples)
    consensus: object
    verdict_changes: int  # respondents whose verdict moves if they took the consensus answer
    changed: tuple[int, ...]  # their positions
    holds_apart: tuple[int, ...]  # respondents whose own answer here, kept alone against
    # the consensus answers, still gives a verdict other than the team's
    apart_verdicts: tuple[str, ...] = ()  # the team verdict with each one's answer there
    changed_verdicts: tuple[str, ...] = ()  # each changed respondent's verdict on the team's
    # answer
    given: tuple[object, ...] = ()  # each respondent's answer here, in the analysis's order

    @property
    def matters(self) -> bool:
        """Aligning this question would move a verdict: the team's or a respondent's."""
        return bool(self.holds_apart or self.verdict_changes)


@dataclass(frozen=True)
class TeamAnalysis:
    """Everything the team view shows."""

    recommendations: tuple[Recommendation, ...]
    consensus_answers: Answers
    consensus_recommendation: Recommendation
    disagreements: tuple[Disagreement, ...]
    verdict_counts: dict[str, int]

    @property
    def split(self) -> bool:
        return sum(1 for n in self.verdict_counts.values() if n) > 1

    def counts_high_first(self) -> list[tuple[str, int]]:
        """(verdict, respondents) for the verdicts anyone reached, the highest first."""
        return [(v, n) for v, n in sorted(self.verdict_counts.items(),
                                          key=lambda kv: -verdict_rank(kv[0])) if n]


def analyse(answers: list[Answers], kb: KnowledgeBase,
            bank: QuestionBank | None = None) -> TeamAnalysis:
    """Evaluate each respondent and the consensus; rank disagreements by verdict impact: first
    how many respondents' verdicts move if they alone took the team's answer, then how many
    respondents' answer here, set alone into the team's answers, gives another verdict."""
    if not answers:
        raise ValueError("a team analysis needs at least one respondent")
    bank = bank or default_bank()
    recs = tuple(evaluate(a, kb) for a in answers)
    agreed = consensus(answers, bank)
    team = evaluate(agreed, kb)
    disagreements = []
    for question in (q.id for q in bank.questions() if q.kind != "text"):
        counts = Counter(_key(a.get(question)) for a in answers)
        if len(counts) < 2:
            continue
        target = agreed.get(question)
        others = [i for i, a in enumerate(answers) if _key(a.get(question)) != _key(target)]
        moved = [(i, verdict_of(answers[i].replace(**{question: target}), kb)) for i in others]
        changed = [(i, v) for i, v in moved if v != recs[i].verdict]
        alone = [(i, verdict_of(agreed.replace(**{question: answers[i].get(question)}), kb))
                 for i in others]
        apart = [(i, v) for i, v in alone if v != team.verdict]
        disagreements.append(Disagreement(
            question, dict(counts), target, len(changed), tuple(i for i, _ in changed),
            tuple(i for i, _ in apart), tuple(v for _, v in apart), tuple(v for _, v in changed),
            tuple(_key(a.get(question)) for a in answers)))
    disagreements.sort(key=lambda d: (-d.verdict_changes, -len(d.holds_apart),
                                      -(sum(d.counts.values()) - max(d.counts.values())),
                                      bank.ids.index(d.question)))
    verdict_counts: dict[str, int] = {v: sum(1 for r in recs if r.verdict == v) for v in VERDICTS}
    return TeamAnalysis(recs, agreed, team, tuple(disagreements), verdict_counts)
