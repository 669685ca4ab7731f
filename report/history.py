"""The words of an assessment's history: what one entry changed, in the questions' own labels,
for the manage page's timeline (and any export of it)."""

from __future__ import annotations

from datetime import datetime

from logic.milestones import PointsCompared, ReasonMoved
from questions.answers import BANK_VERSION
from questions.schema import OVERALL_NOTE, QuestionBank
from questions.text import plural
from storage.history import Difference, Entry

EVENT_WORDS = {
    "created": "Started",
    "copied": "Copied from a shared assessment",
    "saved": "Saved",
    "answered": "Answer recorded",
    "recorded": "Saved before history was kept",
}
MOST_SHOWN = 4  # changes named in one line; the rest are counted


def when(moment: datetime) -> str:
    return f"{moment:%d %B %Y, %H:%M:%S} UTC"


def who(entry: Entry) -> str:
    return entry.who or "someone with the draft link"


def _value(bank: QuestionBank, key: str, value: object) -> str:
    if value is None:
        return "not answered"
    if key in bank.by_id:
        return bank.question(key).label_of(value)
    return str(value)


def _label(bank: QuestionBank, key: str) -> str:
    return bank.question(key).label if key in bank.by_id else key


def answer_change(bank: QuestionBank, change: Difference) -> str:
    """“Response target: 200 ms → 50 ms”, in the bank's labels (an id the bank no longer asks
    stays as it was stored)."""
    label = _label(bank, change.key)
    return (f"{label}{'' if label.endswith('?') else ':'} "
            f"{_value(bank, change.key, change.before)} → {_value(bank, change.key, change.after)}")


def given_answers(bank: QuestionBank, document: dict[str, object]) -> list[tuple[str, str]]:
    """(question, answer) for each answer a document holds, in the bank's order of questions
    (ids it no longer asks last, as stored)."""
    order = {q.id: i for i, q in enumerate(bank.questions())}
    keys = sorted((k for k in document if k != BANK_VERSION and document[k] is not None),
                  key=lambda k: (order.get(k, len(order)), k))
    return [(_label(bank, k), _value(bank, k, document[k])) for k in keys]


def note_change(bank: QuestionBank, change: Difference) -> str:
    place = ("the assessment as a whole" if change.key == OVERALL_NOTE
             else _label(bank, change.key))
    action = ("added" if change.before is None else "removed" if change.after is None
              else "changed")
    return f"note on {place} {action}"


def changed(bank: QuestionBank, entry: Entry, first: bool) -> str:
    """One line of what this entry changed from the one before it."""
    if first and entry.event != "saved":
        given = sum(1 for d in entry.answers_changed if d.after is not None)
        notes = f" and {plural(len(entry.notes_changed), 'note')}" if entry.notes_changed else ""
        return f"{EVENT_WORDS[entry.event]} with {plural(given, 'answer')}{notes}"
    parts = ([answer_change(bank, d) for d in entry.answers_changed]
             + [note_change(bank, d) for d in entry.notes_changed])
    if not parts:
        return EVENT_WORDS[entry.event]
    shown = "; ".join(parts[:MOST_SHOWN])
    more = len(parts) - MOST_SHOWN
    told = f"told by {entry.source}: " if entry.source else ""
    return told + shown + (f"; and {plural(more, 'other change')}" if more > 0 else "")


SOURCE_WORDS = {"answers": "from the answers", "knowledge": "from the knowledge version"}


def moved_by(compared: PointsCompared) -> str:
    """One sentence: what moved the verdict between two points, or that nothing did."""
    first, middle, second = (a.knowledge.verdicts[a.recommendation.verdict].label
                             for a in (compared.first, compared.by_answers, compared.second))
    old_kb, new_kb = compared.first.knowledge.version, compared.second.knowledge.version
    moved = compared.verdict_moved_by()
    if not moved:
        return f"The verdict stays {first}."
    if moved == ("answers",):
        return f"The answers moved the verdict from {first} to {second}."
    if moved == ("knowledge",):
        return (f"The knowledge moved the verdict from {first} to {second} ({old_kb} to "
                f"{new_kb}); the answers alone would have kept it.")
    return (f"The answers moved the verdict from {first} to {middle}, then the knowledge "
            f"({old_kb} to {new_kb}) to {second}.")


def reason_moved(reason: ReasonMoved) -> str:
    return f"{reason.rule}: {reason.text} ({SOURCE_WORDS[reason.source]})"
