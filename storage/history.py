"""An assessment's history: every saved change to its answers and notes, append-only (the
`history` table, schema version 8), and what each entry changed from the one before it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from logic.knowledge_base import DEFAULT_VERSION
from questions.answers import BANK_VERSION
from storage.db import Assessment, Change, aware

EVENTS = ("created", "copied", "saved", "recorded")  # recorded: saved before history was kept


@dataclass(frozen=True)
class Difference:
    """One answer or note that an entry changed: its id and the value before and after (None:
    not there)."""

    key: str
    before: object
    after: object


@dataclass(frozen=True)
class Entry:
    """One point in an assessment's history, as the manage page lists and opens it."""

    entry_id: int
    at: datetime
    who: str | None  # the name given (a team respondent's); None: someone with the link
    event: str
    answers: dict[str, Any]  # the whole answers document after this change
    notes: dict[str, str]
    knowledge_version: str  # in force when it was saved
    answers_changed: tuple[Difference, ...]  # from the entry before it (all, for the first)
    notes_changed: tuple[Difference, ...]


def append(session: Session, row: Assessment, event: str) -> None:
    """Keep what `row` holds now as a new entry of its history (in the writing transaction)."""
    session.add(Change(assessment_id=row.id, at=row.updated_at, who=row.respondent_name,
                       event=event, answers=dict(row.answers), notes=dict(row.notes),
                       knowledge_version=row.knowledge_version or DEFAULT_VERSION))


def differences(before: dict[str, Any], after: dict[str, Any]) -> tuple[Difference, ...]:
    """What changed between two answers documents (or two sets of notes), by key; the bank
    version a document was given under is not an answer."""
    keys = sorted((set(before) | set(after)) - {BANK_VERSION})
    return tuple(Difference(k, before.get(k), after.get(k)) for k in keys
                 if before.get(k) != after.get(k))


def entries(session: Session, assessment_id: int) -> list[Entry]:
    """Every entry of an assessment's history, oldest first, each with what it changed."""
    rows = session.scalars(select(Change).where(Change.assessment_id == assessment_id)
                           .order_by(Change.at, Change.id))
    out: list[Entry] = []
    answers: dict[str, Any] = {}
    notes: dict[str, str] = {}
    for row in rows:
        out.append(Entry(row.id, aware(row.at), row.who, row.event, dict(row.answers),
                         dict(row.notes), row.knowledge_version or DEFAULT_VERSION,
                         differences(answers, row.answers), differences(notes, row.notes)))
        answers, notes = row.answers, row.notes
    return out
