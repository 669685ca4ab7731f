""""Don't know" answers: the band of verdicts over every answer they could be, and the one
question most worth settling first (the one whose answer narrows the band most).

Questions whose answers are ordered by strictness (and lists where each item is a further
requirement) move the verdict one way only (the rules check and a property test hold the
table to that), so the band needs them only at their least and most demanding answers;
the others (the edge share, the response target) are tried at every value either side of
each threshold the rules use. A property test checks the band against trying every value.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from logic.knowledge_base import KnowledgeBase
from logic.plan import VerdictProbe, integer_values, thresholds
from logic.recommendation import VERDICTS, Verdict, verdict_rank
from questions.answers import Answers
from questions.schema import (
    AnyQuestion,
    IntegerQuestion,
    MultiChoiceQuestion,
    QuestionBank,
    default_bank,
)


@dataclass(frozen=True)
class Band:
    """The lowest and highest verdict over every answer the unknowns could be, and the
    question to settle first (None when no answer to any of them narrows the band)."""

    low: Verdict
    high: Verdict
    settle_first: str | None


def possible_values(question: AnyQuestion, kb: KnowledgeBase) -> list[object]:
    """Every answer worth trying for an unknown: each choice; integers either side of each
    threshold (on the form's step) and empty where empty is an answer; for a list, none, each
    one alone and all of them."""
    if isinstance(question, IntegerQuestion):
        cuts = thresholds(kb).get(question.id, set())
        return sorted(integer_values(question, cuts), key=lambda v: (v is None, v or 0))
    if isinstance(question, MultiChoiceQuestion):
        items = list(question.choices())
        return [None, *((item,) for item in items), tuple(items)]
    return list(question.choices())


def _extremes(question: AnyQuestion) -> tuple[object, object] | None:
    """(least, most) demanding answer when the verdict can only fall as answers get stricter."""
    order = getattr(question, "strictness", None)
    if order:
        return order[0], order[-1]
    if isinstance(question, MultiChoiceQuestion) and question.more_is_stricter:
        return None, tuple(question.choices())
    return None


class _Space:
    def __init__(self, answers: Answers, kb: KnowledgeBase, bank: QuestionBank) -> None:
        self.probe = VerdictProbe(answers.resolved(), kb)
        self.unknown = answers.unknowns
        self.questions = {q: bank.question(q) for q in self.unknown}
        self.values = {q: possible_values(self.questions[q], kb) for q in self.unknown}
        self.extremes = {q: _extremes(self.questions[q]) for q in self.unknown}
        self.seen: dict[frozenset[tuple[str, object]], int] = {}

    def rank(self, changes: tuple[tuple[str, object], ...]) -> int:
        key = frozenset(changes)  # the same answers are reached from many settled values
        if key not in self.seen:
            self.seen[key] = verdict_rank(self.probe.verdict(changes))
        return self.seen[key]

    def band(self, fixed: tuple[tuple[str, object], ...] = ()) -> tuple[int, int]:
        """Lowest and highest verdict rank with `fixed` answers and the other unknowns free."""
        settled = {q for q, _ in fixed}
        free = [q for q in self.unknown if q not in settled]
        ordered = [q for q in free if self.extremes[q] is not None]
        others = [q for q in free if self.extremes[q] is None]
        least = tuple((q, self.extremes[q][0]) for q in ordered)  # type: ignore[index]
        most = tuple((q, self.extremes[q][1]) for q in ordered)  # type: ignore[index]
        low, high = len(VERDICTS), -1
        for combo in product(*(self.values[q] for q in others)):
            chosen = fixed + tuple(zip(others, combo, strict=True))
            low = min(low, self.rank(chosen + most))
            high = max(high, self.rank(chosen + least))
        return low, high


def band(answers: Answers, kb: KnowledgeBase, bank: QuestionBank | None = None) -> Band | None:
    """The band for answers with "Don't know" in them (None when nothing is unknown)."""
    if not answers.unknowns:
        return None
    space = _Space(answers, kb, bank or default_bank())
    low, high = space.band()
    best: tuple[float, float, int] | None = None
    settle = None
    if high > low:
        for index, question in enumerate(space.unknown):
            widths = [hi - lo for lo, hi in (space.band(((question, v),))
                                             for v in space.values[question])]
            key = (sum(widths) / len(widths), max(widths), index)
            if key[0] < high - low and (best is None or key < best):
                best, settle = key, question
    return Band(VERDICTS[low], VERDICTS[high], settle)
