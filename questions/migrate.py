"""Answers given under an older question bank, read under the current one.

The bank lists its migrations (questions.schema.Migration). `upgrade` applies those after the
version an answers document was saved under, and says what happened: questions added since (asked,
unanswered), questions dropped (with the answer they had), ids renamed, answers whose option was
split (asked again). It never changes what was stored: it derives the current view of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from questions.answers import (
    BANK_VERSION,
    UNANSWERED,
    Answers,
    AnswersError,
    missing_answers,
    validate,
)
from questions.schema import Migration, QuestionBank
from questions.text import said

UNREADABLE = said("these answers cannot be read by this version of the app")


@dataclass(frozen=True)
class Upgrade:
    """Answers brought to the current bank, and what the migration did to them."""

    answers: dict[str, object]
    from_version: int
    to_version: int
    added: tuple[str, ...] = ()
    dropped: dict[str, object] = field(default_factory=dict)
    renamed: dict[str, str] = field(default_factory=dict)
    reask: dict[str, object] = field(default_factory=dict)  # question -> the answer that was split
    unanswered: tuple[str, ...] = ()  # carried in the document from an earlier upgrade

    @property
    def pending(self) -> frozenset[str]:
        """Questions that may stay unanswered: new since, or asked again."""
        return frozenset(q for q in (*self.added, *self.reask, *self.unanswered)
                         if q not in self.answers)

    def carry(self, notes: dict[str, str]) -> dict[str, str]:
        """Notes keyed by question id, moved along with renamed questions (a note on a dropped
        question keeps its old id, so it can be listed with the dropped answer)."""
        return {self._final_id(key): text for key, text in notes.items()}

    def _final_id(self, question: str) -> str:
        seen = {question}
        while question in self.renamed and self.renamed[question] not in seen:
            question = self.renamed[question]
            seen.add(question)
        return question

    @property
    def changed(self) -> bool:
        return self.from_version != self.to_version or bool(self.unanswered)


@dataclass
class _Report:
    """What the migrations did, gathered step by step."""

    added: list[str] = field(default_factory=list)
    dropped: dict[str, object] = field(default_factory=dict)
    renamed: dict[str, str] = field(default_factory=dict)
    reask: dict[str, object] = field(default_factory=dict)


def _version(data: dict[str, object], bank: QuestionBank) -> int:
    version = data.get(BANK_VERSION, 1)
    if type(version) is not int or version < 1:
        raise AnswersError({BANK_VERSION: "must be a whole number from 1"})
    if version > bank.version:
        raise AnswersError({BANK_VERSION: f"these answers were saved by a newer questionnaire "
                                          f"(version {version}); this app has version "
                                          f"{bank.version}: update the app"})
    return version


def _unanswered(data: dict[str, object], bank: QuestionBank) -> tuple[str, ...]:
    if UNANSWERED not in data:
        return ()
    listed = data[UNANSWERED]
    added = {q for m in bank.migrations for q in (*m.add, *m.split_values)}
    if not isinstance(listed, list) or not all(isinstance(q, str) for q in listed):
        raise AnswersError({UNANSWERED: "must be a list of question ids"})
    bad = sorted(set(listed) - added)[:10]
    if bad:
        raise AnswersError({UNANSWERED: f"only questions added to the bank since version 1 may "
                                        f"be left unanswered, not {', '.join(bad)}"})
    return tuple(listed)


def _map_value(value: object, mapping: dict[str, str]) -> object:
    if isinstance(value, list):
        return [mapping.get(v, v) if isinstance(v, str) else v for v in value]
    return mapping.get(value, value) if isinstance(value, str) else value


def _split_hit(value: object, splits: dict[str, list[str]]) -> bool:
    items = value if isinstance(value, list) else [value]
    return any(isinstance(v, str) and v in splits for v in items)


def _apply(step: Migration, values: dict[str, object], report: _Report) -> None:
    for old, new in step.rename.items():
        if old in values:
            values[new] = values.pop(old)
        report.renamed[old] = new
        report.added = [new if q == old else q for q in report.added]
    for question, mapping in step.rename_values.items():
        if question in values:
            values[question] = _map_value(values[question], mapping)
    for question, splits in step.split_values.items():
        if question in values and _split_hit(values[question], splits):
            report.reask[question] = values.pop(question)
    for question in step.remove:
        if question in values:
            report.dropped[question] = values.pop(question)
        report.added = [q for q in report.added if q != question]
    report.added += [q for q in step.add if q not in values]


def upgrade(data: object, bank: QuestionBank) -> Upgrade:
    """An answers document read under `bank`: document keys taken off, migrations applied."""
    if not isinstance(data, dict):
        raise AnswersError({"answers": "must be a JSON object keyed by question id"})
    version = _version(data, bank)
    unanswered = _unanswered(data, bank)
    if version == bank.version and UNANSWERED not in data:  # today's answers: nothing to do
        values = ({k: v for k, v in data.items() if k != BANK_VERSION} if BANK_VERSION in data
                  else data)
        return Upgrade(values, version, version)
    values = {k: v for k, v in data.items() if k != BANK_VERSION and k != UNANSWERED}
    report = _Report()
    if version < bank.version:
        for step in bank.migrations:
            if step.version > version:
                _apply(step, values, report)
    return Upgrade(values, version, bank.version, tuple(report.added), report.dropped,
                   report.renamed, report.reask, unanswered)


def read_answers(data: object, bank: QuestionBank) -> tuple[Answers, Upgrade]:
    """Stored or uploaded answers, validated under `bank`, with what the migration did."""
    upgraded = upgrade(data, bank)
    return validate(upgraded.answers, bank, pending=upgraded.pending), upgraded


def read_complete(data: object, bank: QuestionBank) -> tuple[Answers, Upgrade] | str:
    """A stored answers document read under `bank` when it is complete enough for a verdict;
    else why not, in words ("not complete yet, 3 questions to answer")."""
    try:
        upgraded = upgrade(data, bank)
        missing = missing_answers(bank, upgraded.answers, upgraded.pending)
        if missing:
            return (said("not complete yet, {n} question to answer", n=len(missing))
                    if len(missing) == 1 else
                    said("not complete yet, {n} questions to answer", n=len(missing)))
        return validate(upgraded.answers, bank, pending=upgraded.pending), upgraded
    except AnswersError:
        return UNREADABLE
