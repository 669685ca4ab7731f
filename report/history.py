"""The words of an assessment's history: what one entry changed, in the questions' own labels,
for the manage page's timeline (and any export of it)."""

from __future__ import annotations

from datetime import datetime

from i18n import marked, say
from logic.milestones import PointsCompared, ReasonMoved
from logic.wording import counted, day_text
from questions.answers import BANK_VERSION
from questions.schema import OVERALL_NOTE, QuestionBank
from questions.translations import ENGLISH
from storage.history import Difference, Entry

EVENT_WORDS = {
    "created": marked("Started"),
    "copied": marked("Copied from a shared assessment"),
    "saved": marked("Saved"),
    "answered": marked("Answer recorded"),
    "recorded": marked("Saved before history was kept"),
}
MOST_SHOWN = 4  # changes named in one line; the rest are counted


def when(moment: datetime, language: str = ENGLISH) -> str:
    """'3 December 2026, 14:05:07 UTC', the day in the language's own form."""
    return say(language, "{day}, {time} UTC", day=day_text(moment.date().isoformat(), language),
               time=moment.strftime("%H:%M:%S"))


def who(entry: Entry, language: str = ENGLISH) -> str:
    return entry.who or say(language, "someone with the draft link")


def _value(bank: QuestionBank, key: str, value: object, language: str) -> str:
    if value is None:
        return say(language, "not answered")
    if key in bank.by_id:
        return bank.question(key).label_of(value)
    return str(value)


def _label(bank: QuestionBank, key: str) -> str:
    return bank.question(key).label if key in bank.by_id else key


def answer_change(bank: QuestionBank, change: Difference, language: str = ENGLISH) -> str:
    """“Response target: 200 ms → 50 ms”, in the bank's labels (an id the bank no longer asks
    stays as it was stored)."""
    label = _label(bank, change.key)
    return (f"{label}{'' if label.endswith('?') else ':'} "
            f"{_value(bank, change.key, change.before, language)} → "
            f"{_value(bank, change.key, change.after, language)}")


def given_answers(bank: QuestionBank, document: dict[str, object],
                  language: str = ENGLISH) -> list[tuple[str, str]]:
    """(question, answer) for each answer a document holds, in the bank's order of questions
    (ids it no longer asks last, as stored)."""
    order = {q.id: i for i, q in enumerate(bank.questions())}
    keys = sorted((k for k in document if k != BANK_VERSION and document[k] is not None),
                  key=lambda k: (order.get(k, len(order)), k))
    return [(_label(bank, k), _value(bank, k, document[k], language)) for k in keys]


def note_change(bank: QuestionBank, change: Difference, language: str = ENGLISH) -> str:
    place = (say(language, "the assessment as a whole") if change.key == OVERALL_NOTE
             else _label(bank, change.key))
    if change.before is None:
        return say(language, "note on {place} added", place=place)
    if change.after is None:
        return say(language, "note on {place} removed", place=place)
    return say(language, "note on {place} changed", place=place)


def changed(bank: QuestionBank, entry: Entry, first: bool, language: str = ENGLISH) -> str:
    """One line of what this entry changed from the one before it."""
    event = say(language, EVENT_WORDS[entry.event])
    if first and entry.event != "saved":
        given = sum(1 for d in entry.answers_changed if d.after is not None)
        answers = counted(language, given, marked("{n} answer"), marked("{n} answers"))
        if entry.notes_changed:
            notes = counted(language, len(entry.notes_changed), marked("{n} note"),
                           marked("{n} notes"))
            return say(language, "{event} with {answers} and {notes}", event=event,
                       answers=answers, notes=notes)
        return say(language, "{event} with {answers}", event=event, answers=answers)
    parts = ([answer_change(bank, d, language) for d in entry.answers_changed]
             + [note_change(bank, d, language) for d in entry.notes_changed])
    if not parts:
        return event
    shown = "; ".join(parts[:MOST_SHOWN])
    more = len(parts) - MOST_SHOWN
    if more > 0:
        shown += "; " + counted(language, more, marked("and {n} other change"),
                               marked("and {n} other changes"))
    return say(language, "told by {source}: {changes}", source=entry.source,
               changes=shown) if entry.source else shown


SOURCE_WORDS = {"answers": marked("from the answers"),
                "knowledge": marked("from the knowledge version")}


def moved_by(compared: PointsCompared, language: str = ENGLISH) -> str:
    """One sentence: what moved the verdict between two points, or that nothing did."""
    first, middle, second = (a.knowledge.verdicts[a.recommendation.verdict].label
                             for a in (compared.first, compared.by_answers, compared.second))
    old_kb, new_kb = compared.first.knowledge.version, compared.second.knowledge.version
    moved = compared.verdict_moved_by()
    if not moved:
        return say(language, "The verdict stays {first}.", first=first)
    if moved == ("answers",):
        return say(language, "The answers moved the verdict from {first} to {second}.",
                   first=first, second=second)
    if moved == ("knowledge",):
        return say(language, "The knowledge moved the verdict from {first} to {second} ({old} "
                   "to {new}); the answers alone would have kept it.", first=first,
                   second=second, old=old_kb, new=new_kb)
    return say(language, "The answers moved the verdict from {first} to {middle}, then the "
               "knowledge ({old} to {new}) to {second}.", first=first, middle=middle,
               second=second, old=old_kb, new=new_kb)


def reason_moved(reason: ReasonMoved, language: str = ENGLISH) -> str:
    return f"{reason.rule}: {reason.text} ({say(language, SOURCE_WORDS[reason.source])})"
