"""An assessment's action plan: each change to an action's owner, due date, status and note,
kept for good (the `plan` table, schema version 8); the newest change per action is the plan
as it stands."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from questions.text import said
from storage.db import PlanChange, aware, now
from storage.errors import StorageLimit, checked_text
from storage.owner import Owner

STATUSES = ("open", "asked", "answered", "dropped")
KEY_SHAPE = re.compile(r"(settle|ask|blocker):[A-Za-z0-9_]{1,100}")
MAX_OWNER, MAX_PLAN_NOTE = 80, 2000
EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)


@dataclass(frozen=True)
class Planned:
    """An action of the plan as it stands: who owns it, by when, where it is, a note; when it
    was last changed, under which knowledge version, and how many changes it has had."""

    action_key: str
    owner: str | None
    due: date | None
    status: str
    note: str | None
    knowledge_version: str
    at: datetime
    changes: int
    by: str | None = None  # who made the last change, when they were signed in


def _text(value: str | None, what: str, most: int) -> str | None:
    if value is None:
        return None
    kept = checked_text(value, what)
    if len(kept) > most:
        raise StorageLimit(said("the {what} has {n} characters; at most {most} are kept",
                                what=what, n=len(kept), most=most))
    return kept or None


def change(session: Session, whose: Owner, key: str, *, owner: str | None,
           due: date | None, status: str, note: str | None, knowledge_version: str,
           by: str | None = None) -> Planned:
    """Record a new state of one action (StorageLimit naming what is wrong); `by`: the
    signed-in person making the change."""
    if not isinstance(key, str) or not KEY_SHAPE.fullmatch(key):
        raise StorageLimit(said("that is not an action of this plan"))
    if status not in STATUSES:
        raise StorageLimit(said("an action's status is one of {statuses}, not {status}",
                                statuses=", ".join(STATUSES), status=status))
    if due is not None and not (EARLIEST <= due <= LATEST):
        raise StorageLimit(said("a due date between {first} and {last}, not {due}",
                                first=format(EARLIEST, "%Y"), last=format(LATEST, "%Y"),
                                due=str(due)))
    row = PlanChange(**whose.columns(), action_key=key,
                     owner=_text(owner, said("owner's name"), MAX_OWNER), due=due, status=status,
                     note=_text(note, said("note"), MAX_PLAN_NOTE),
                     knowledge_version=knowledge_version, at=now(),
                     changed_by=by[:120] if by else None)
    session.add(row)
    session.flush()
    return current(session, whose)[key]


def current(session: Session, whose: Owner) -> dict[str, Planned]:
    """The plan as it stands, by action key (the newest change of each)."""
    rows = session.scalars(select(PlanChange).where(whose.where(PlanChange))
                           .order_by(PlanChange.at, PlanChange.id))
    counts: dict[str, int] = {}
    out: dict[str, Planned] = {}
    for row in rows:
        counts[row.action_key] = counts.get(row.action_key, 0) + 1
        out[row.action_key] = Planned(row.action_key, row.owner, row.due, row.status, row.note,
                                      row.knowledge_version, aware(row.at),
                                      counts[row.action_key], row.changed_by)
    return out
