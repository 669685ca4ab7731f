"""An assessment's history: every saved change to its answers and notes, append-only (the
`history` table, schema version 8), what each entry changed from the one before it, and its
milestones: named points of that history, frozen with a knowledge version and verdict."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from logic.knowledge_base import DEFAULT_VERSION
from questions.answers import BANK_VERSION
from questions.text import said
from questions.values import Document
from storage.db import Assessment, Change, Milestone, aware, now
from storage.errors import StorageLimit, checked_text

EVENTS = ("created", "copied", "saved", "answered", "recorded")
# answered: an answer learnt from someone (`source`); recorded: saved before history was kept
MAX_MILESTONE_NAME = 80


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
    answers: Document  # the whole answers document after this change
    notes: dict[str, str]
    knowledge_version: str  # in force when it was saved
    source: str | None  # where an answer came from, when it was learnt from someone
    answers_changed: tuple[Difference, ...]  # from the entry before it (all, for the first)
    notes_changed: tuple[Difference, ...]


def append(session: Session, row: Assessment, event: str, source: str | None = None,
           who: str | None = None) -> None:
    """Keep what `row` holds now as a new entry of its history (in the writing transaction);
    `source`: where an answer came from ("the account team"); `who`: the signed-in person who
    made the change (else the respondent's name given in the draft, if any)."""
    named = who or row.respondent_name
    session.add(Change(assessment_id=row.id, at=row.updated_at,
                       who=named[:80] if named else None,
                       event=event, answers=dict(row.answers), notes=dict(row.notes),
                       knowledge_version=row.knowledge_version or DEFAULT_VERSION,
                       source=source))


def differences(before: Mapping[str, object],
                after: Mapping[str, object]) -> tuple[Difference, ...]:
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
    answers: Document = {}
    notes: dict[str, str] = {}
    for row in rows:
        out.append(Entry(row.id, aware(row.at), row.who, row.event, dict(row.answers),
                         dict(row.notes), row.knowledge_version or DEFAULT_VERSION, row.source,
                         differences(answers, row.answers), differences(notes, row.notes)))
        answers, notes = row.answers, row.notes
    return out


@dataclass(frozen=True)
class Frozen:
    """A milestone as listed and compared: its name, when it was saved, the knowledge version
    and verdict it was saved under, and the point of the history it froze."""

    milestone_id: int
    name: str
    created_at: datetime
    knowledge_version: str
    verdict: str
    point: Entry


def milestone_name(name: str) -> str:
    """A milestone's name as kept: checked text, not empty, within the column."""
    kept = checked_text(name, said("milestone's name"))
    if not kept:
        raise StorageLimit(said("a milestone needs a name (say “Board, January”)"))
    if len(kept) > MAX_MILESTONE_NAME:
        raise StorageLimit(said("a milestone's name has at most {most} characters, not {n}",
                                most=MAX_MILESTONE_NAME, n=len(kept)))
    return kept


def freeze(session: Session, assessment_id: int, name: str, entry_id: int,
           knowledge_version: str, verdict: str) -> Frozen | None:
    """Save the entry `entry_id` of this assessment's history as a milestone; None when the
    entry is not one of its history. A name already used for one of its milestones is refused
    (StorageLimit), so each name means one point."""
    kept = milestone_name(name)
    known = entries(session, assessment_id)
    point = next((e for e in known if e.entry_id == entry_id), None)
    if point is None:
        return None
    used = session.scalars(select(Milestone.name).where(
        Milestone.assessment_id == assessment_id)).all()
    if kept.casefold() in {u.casefold() for u in used}:
        raise StorageLimit(said("a milestone named “{name}” exists already; give this one "
                                "another name", name=kept))
    row = Milestone(assessment_id=assessment_id, history_id=entry_id, name=kept,
                    created_at=now(), knowledge_version=knowledge_version, verdict=verdict)
    session.add(row)
    session.flush()
    return Frozen(row.id, kept, aware(row.created_at), knowledge_version, verdict, point)


def milestones(session: Session, assessment_id: int) -> list[Frozen]:
    """Every milestone of an assessment, oldest first, each with the point it froze."""
    points = {e.entry_id: e for e in entries(session, assessment_id)}
    rows = session.scalars(select(Milestone).where(Milestone.assessment_id == assessment_id)
                           .order_by(Milestone.created_at, Milestone.id))
    return [Frozen(r.id, r.name, aware(r.created_at), r.knowledge_version, r.verdict,
                   points[r.history_id]) for r in rows]
