"""Several colleagues' answers: the consensus, the team verdict, and where they disagree.

Pure: answers in, analysis out. The consensus takes, per question, the most common answer;
a tie goes to the stricter requirement (the knowledge base's `strictness`), else to the
value that comes first in the contract's order.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from statistics import median_low
from typing import Any

from logic.answers import QUESTION_IDS, Answers, allowed_values
from logic.engine import evaluate
from logic.knowledge_base import KnowledgeBase
from logic.recommendation import VERDICTS, Recommendation, verdict_rank


def _key(value: Any) -> Any:
    return tuple(sorted(value)) if isinstance(value, list) else value


def _tie_rank(question: str, value: Any, kb: KnowledgeBase) -> tuple[int, int, int]:
    """Higher wins a tie: stricter first; for lists, more items; then contract order."""
    order = kb.strictness.get(question)
    strict = order.index(value) if order and value in order else -1
    size = len(value) if isinstance(value, tuple) else 0
    allowed = list(allowed_values(question) or ())
    position = allowed.index(value) if value in allowed else len(allowed)
    return strict, size, -position


NUMBERS = ("latency_target_ms", "edge_traffic_pct")


def consensus_value(question: str, values: list[Any], kb: KnowledgeBase) -> Any:
    """The most common answer, ties to the stricter requirement; numbers take the median
    (the lower middle), or stay empty when most left them empty."""
    if question in NUMBERS:
        numbers = sorted(v for v in values if v is not None)
        return median_low(numbers) if len(numbers) * 2 >= len(values) and numbers else None
    counts = Counter(_key(v) for v in values)
    top = max(counts.values())
    tied = [value for value, count in counts.items() if count == top]
    best = max(tied, key=lambda v: _tie_rank(question, v, kb))
    return list(best) if isinstance(best, tuple) else best


def consensus(answers: list[Answers], kb: KnowledgeBase) -> Answers:
    """One answers object: each question's consensus (org name from the first respondent)."""
    data = {
        question: consensus_value(question, [getattr(a, question) for a in answers], kb)
        for question in QUESTION_IDS if question != "org_name"
    }
    return Answers.model_validate({**data, "org_name": answers[0].org_name})


@dataclass(frozen=True)
class Disagreement:
    """A question the team answers differently, and how much aligning it would change."""

    question: str
    counts: dict[Any, int]  # answer -> how many gave it (lists as tuples)
    consensus: Any
    verdict_changes: int  # respondents whose verdict moves if they took the consensus answer
    changed: tuple[int, ...]  # their positions
    holds_apart: tuple[int, ...]  # respondents whose own answer here, kept alone against
    # the consensus answers, still gives a verdict other than the team's


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

    def split_note(self) -> str:
        """'The team is split: 2 evaluate, 1 monitor.' or '' when everyone agrees."""
        if not self.split:
            return ""
        parts = [f"{n} {v}" for v, n in sorted(self.verdict_counts.items(),
                                                key=lambda kv: -verdict_rank(kv[0])) if n]
        return "The team is split: " + ", ".join(parts) + "."


def analyse(answers: list[Answers], kb: KnowledgeBase) -> TeamAnalysis:
    """Evaluate each respondent and the consensus; rank disagreements by verdict impact: first
    how many respondents' verdicts move if they alone took the team's answer, then how many
    respondents' answer here, set alone into the team's answers, gives another verdict."""
    if not answers:
        raise ValueError("a team analysis needs at least one respondent")
    recs = tuple(evaluate(a, kb) for a in answers)
    agreed = consensus(answers, kb)
    team = evaluate(agreed, kb)
    disagreements = []
    for question in QUESTION_IDS:
        if question == "org_name":
            continue
        counts = Counter(_key(getattr(a, question)) for a in answers)
        if len(counts) < 2:
            continue
        target = getattr(agreed, question)
        others = [i for i, a in enumerate(answers) if _key(getattr(a, question)) != _key(target)]
        changed = tuple(
            i for i in others
            if evaluate(answers[i].model_copy(update={question: target}), kb).verdict
            != recs[i].verdict
        )
        apart = tuple(
            i for i in others
            if evaluate(agreed.model_copy(update={question: getattr(answers[i], question)}),
                        kb).verdict != team.verdict
        )
        disagreements.append(
            Disagreement(question, dict(counts), target, len(changed), changed, apart))
    disagreements.sort(key=lambda d: (-d.verdict_changes, -len(d.holds_apart),
                                      -(sum(d.counts.values()) - max(d.counts.values())),
                                      QUESTION_IDS.index(d.question)))
    verdict_counts = {v: sum(1 for r in recs if r.verdict == v) for v in VERDICTS}
    return TeamAnalysis(recs, agreed, team, tuple(disagreements), verdict_counts)
