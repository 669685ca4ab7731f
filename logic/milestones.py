"""Two points of an assessment (say two milestones) side by side: the verdict and band of each,
the reasons added and removed, and for each change whether the answers or the knowledge made
it (the second point's answers read under the first point's knowledge separate the two)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from logic.assessment import Assessment, assess
from logic.knowledge_base import KnowledgeBase, own_words
from logic.recommendation import Reason
from questions.answers import Answers
from questions.translations import ENGLISH

Source = Literal["answers", "knowledge"]


@dataclass(frozen=True)
class ReasonMoved:
    """A reason one point gives and the other does not, and what made the difference."""

    rule: str
    text: str
    source: Source


@dataclass(frozen=True)
class PointsCompared:
    first: Assessment
    second: Assessment
    by_answers: Assessment  # the second point's answers under the first point's knowledge
    reasons_added: tuple[ReasonMoved, ...]
    reasons_removed: tuple[ReasonMoved, ...]

    @property
    def same_knowledge(self) -> bool:
        return self.first.knowledge.version == self.second.knowledge.version

    def verdict_moved_by(self) -> tuple[Source, ...]:
        """What moved the verdict: the answers, the knowledge, both, or nothing (empty)."""
        first, middle, second = (a.recommendation.verdict
                                 for a in (self.first, self.by_answers, self.second))
        moved: list[Source] = []
        if middle != first:
            moved.append("answers")
        if second != middle:
            moved.append("knowledge")
        return tuple(moved)


def _rules(assessment: Assessment) -> dict[str, Reason]:
    return {r.rule: r for r in assessment.recommendation.reasons}



def compare_points(first: tuple[Answers, KnowledgeBase],
                   second: tuple[Answers, KnowledgeBase],
                   language: str = ENGLISH) -> PointsCompared:
    """The second point against the first, in `language`. A reason the second gives that the
    first did not came from the answers when the second's answers already give it under the
    first's knowledge, else from the knowledge; a reason dropped likewise."""
    one = assess(first[0], own_words(first[1]), language=language)
    two = assess(second[0], own_words(second[1]), language=language)
    middle = assess(second[0], own_words(first[1]), language=language)
    old, mid, new = _rules(one), _rules(middle), _rules(two)
    added = tuple(ReasonMoved(rule, reason.text, "answers" if rule in mid else "knowledge")
                  for rule, reason in new.items() if rule not in old)
    removed = tuple(ReasonMoved(rule, reason.text, "knowledge" if rule in mid else "answers")
                    for rule, reason in old.items() if rule not in new)
    return PointsCompared(one, two, middle, added, removed)
