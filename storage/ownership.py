"""What a signed-in person made: each draft, share and team recorded as theirs when they made
it (schema version 10), listed on their *My assessments* page, and opened from there with a
link made for them then (links are kept only as hashes, so an old one cannot be shown again)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from access.policy import Person
from questions.values import Document
from storage.db import Assessment, Link, Milestone, Ownership, Respondent, Team, aware, now
from storage.tokens import add_link

Kind = Literal["draft", "shared", "team"]
OPENS: dict[Kind, str] = {"draft": "draft", "shared": "manage", "team": "team_manage"}


@dataclass(frozen=True)
class Mine:
    """One thing a person made: its kind, its id (with the kind, what `open_link` takes), its
    name (a team's; an assessment's is in its answers, where the bank's `name_question` says),
    its answers (an assessment's; a team's are its respondents'), the verdict stored with it
    (shares; None for drafts and teams), when it last changed, and how many milestones or
    respondents it has."""

    kind: Kind
    item_id: int
    name: str
    answers: Document
    verdict: str | None
    knowledge_version: str | None
    changed_at: datetime
    milestones: int
    respondents: int
    revoked: bool


def record(session: Session, person: Person | None, *, assessment_id: int | None = None,
           team_id: int | None = None) -> None:
    """Note that `person` (None: nobody signed in) made this, in the writing transaction that
    made it."""
    if person is not None:
        session.add(Ownership(person=person.key, assessment_id=assessment_id, team_id=team_id,
                              created_at=now()))


def listing(session: Session, person: str) -> list[Mine]:
    """Everything `person` made, the most recently changed first."""
    rows = session.scalars(select(Ownership).where(Ownership.person == person)).all()
    out: list[Mine] = []
    for row in rows:
        if row.assessment_id is not None:
            assessment = session.get_one(Assessment, row.assessment_id)
            count = session.scalar(select(func.count()).select_from(Milestone)
                                   .where(Milestone.assessment_id == assessment.id)) or 0
            kind: Kind = "draft" if assessment.kind == "draft" else "shared"
            revoked = kind == "shared" and session.scalar(
                select(Link.token_hash).where(Link.assessment_id == assessment.id,
                                              Link.purpose == "view",
                                              Link.revoked_at.is_(None))) is None
            out.append(Mine(kind, assessment.id, "", dict(assessment.answers), assessment.verdict,
                            assessment.knowledge_version, aware(assessment.updated_at),
                            count, 0, revoked))
        elif row.team_id is not None:
            team = session.get_one(Team, row.team_id)
            latest, members = session.execute(
                select(func.max(Respondent.updated_at), func.count())
                .where(Respondent.team_id == team.id, Respondent.removed_at.is_(None))).one()
            changed = aware(latest) if latest is not None else aware(team.created_at)
            out.append(Mine("team", team.id, team.name, {}, None, None, changed, 0,
                            int(members), False))
    return sorted(out, key=lambda m: m.changed_at, reverse=True)


def open_link(session: Session, person: str, kind: Kind, item_id: int) -> str | None:
    """A new link to what `person` made (a draft's edit link, a share's or a team's manage
    link); None when it is not theirs."""
    column = Ownership.team_id if kind == "team" else Ownership.assessment_id
    owned = session.scalar(select(Ownership.id).where(Ownership.person == person,
                                                      column == item_id))
    if owned is None:
        return None
    if kind == "team":
        return add_link(session, OPENS[kind], team_id=item_id)
    assessment = session.get(Assessment, item_id)
    if assessment is None or (assessment.kind == "draft") != (kind == "draft"):
        return None
    return add_link(session, OPENS[kind], assessment_id=item_id)
