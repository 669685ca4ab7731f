"""Team assessments: an invite link to add answers, a read-only team link, and each
respondent's own link to revise theirs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from questions.text import clean
from storage.db import Link, Respondent, Team, now
from storage.store import (
    MAX_RESPONDENT_NAME,
    MAX_RESPONDENT_ROLE,
    StorageLimit,
    Store,
    check_answers,
)
from storage.tokens import add_link, find_link

MAX_TEAM_NAME = 120
MAX_NAME = MAX_RESPONDENT_NAME
MAX_ROLE = MAX_RESPONDENT_ROLE
MAX_RESPONDENTS = 500


@dataclass(frozen=True)
class TeamLinks:
    invite: str  # add answers and see the team view
    view: str  # see the team view only
    manage: str  # the creator's: renew the invite link, remove respondents


@dataclass(frozen=True)
class TeamInfo:
    name: str
    can_answer: bool
    created_at: datetime


@dataclass(frozen=True)
class Response:
    """One respondent as read back."""

    name: str
    role: str
    answers: dict[str, Any]
    updated_at: datetime


def _text(value: str, limit: int, what: str) -> str:
    cleaned = clean(value or "")
    if not cleaned:
        raise StorageLimit(f"a {what} is required")
    if len(cleaned) > limit:
        raise StorageLimit(f"the {what} has {len(cleaned)} characters; at most {limit}")
    return cleaned


class TeamStore:
    """Team reads and writes, over the same database as the Store."""

    def __init__(self, store: Store) -> None:
        self.engine = store.engine
        self.writer = store.writer

    def create(self, name: str) -> TeamLinks:
        with Session(self.writer) as session, session.begin():
            team = Team(name=_text(name, MAX_TEAM_NAME, "team name"), created_at=now())
            session.add(team)
            session.flush()
            return TeamLinks(add_link(session, "invite", team_id=team.id),
                             add_link(session, "team_view", team_id=team.id),
                             add_link(session, "team_manage", team_id=team.id))

    def info(self, token: str) -> TeamInfo | None:
        """The team behind an invite or view link (None when unknown)."""
        with Session(self.engine) as session:
            row = find_link(session, token, ("invite", "team_view"))
            if row is None or row.revoked_at is not None:
                return None
            team = session.get_one(Team, row.team_id)
            return TeamInfo(team.name, row.purpose == "invite", team.created_at)

    def add_response(self, invite: str, name: str, role: str, answers: dict[str, Any]) -> str:
        """Add a respondent's answers; returns their own link to revise them."""
        with Session(self.writer) as session, session.begin():
            row = find_link(session, invite, ("invite",))
            if row is None or row.revoked_at is not None:
                raise LookupError("no team accepts answers at this link")
            # Lock the team row until commit, so concurrent adds count one after another
            # (PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises writers).
            session.get(Team, row.team_id, with_for_update=True)
            count = session.scalar(select(func.count(Respondent.id)).where(
                Respondent.team_id == row.team_id)) or 0
            if count >= MAX_RESPONDENTS:
                raise StorageLimit(f"this team already has {MAX_RESPONDENTS} respondents")
            stamp = now()
            person = Respondent(team_id=row.team_id, name=_text(name, MAX_NAME, "name"),
                                role=_text(role, MAX_ROLE, "role"),
                                answers=check_answers(answers), created_at=stamp,
                                updated_at=stamp)
            session.add(person)
            session.flush()
            return add_link(session, "respondent", team_id=row.team_id, respondent_id=person.id)

    def revise(self, respondent: str, answers: dict[str, Any], name: str, role: str) -> bool:
        """Replace one respondent's answers (and name and role); nobody else's change."""
        with Session(self.writer) as session, session.begin():
            row = find_link(session, respondent, ("respondent",))
            if row is None:
                return False
            person = session.get_one(Respondent, row.respondent_id)
            person.answers = check_answers(answers)
            person.name = _text(name, MAX_NAME, "name")
            person.role = _text(role, MAX_ROLE, "role")
            person.updated_at = now()
            return True

    def response(self, respondent: str) -> tuple[Response, str] | None:
        """A respondent's own answers and their team's invite-less name."""
        with Session(self.engine) as session:
            row = find_link(session, respondent, ("respondent",))
            if row is None:
                return None
            person = session.get_one(Respondent, row.respondent_id)
            team = session.get_one(Team, row.team_id)
            return (Response(person.name, person.role, dict(person.answers), person.updated_at),
                    team.name)

    def responses(self, token: str) -> list[Response]:
        """Every respondent of the team behind an invite, view or respondent link."""
        with Session(self.engine) as session:
            row = find_link(session, token,
                            ("invite", "team_view", "respondent", "team_manage"))
            if row is None or row.revoked_at is not None:
                return []
            people = session.scalars(select(Respondent).where(Respondent.team_id == row.team_id)
                                     .order_by(Respondent.id))
            return [Response(p.name, p.role, dict(p.answers), p.updated_at) for p in people]

    # the creator's manage link -----------------------------------------------------------
    def managed(self, manage: str) -> TeamInfo | None:
        """The team behind a manage link (None when unknown)."""
        with Session(self.engine) as session:
            row = find_link(session, manage, ("team_manage",))
            if row is None:
                return None
            team = session.get_one(Team, row.team_id)
            return TeamInfo(team.name, False, team.created_at)

    def renew_invite(self, manage: str) -> str | None:
        """Revoke every invite link of the team and issue a new one (None: unknown link).
        Respondents keep their own links; the read-only link keeps working."""
        with Session(self.writer) as session, session.begin():
            row = find_link(session, manage, ("team_manage",))
            if row is None:
                return None
            for invite in session.scalars(select(Link).where(
                    Link.team_id == row.team_id, Link.purpose == "invite",
                    Link.revoked_at.is_(None))):
                invite.revoked_at = now()
            return add_link(session, "invite", team_id=row.team_id)

    def remove_respondent(self, manage: str, position: int) -> bool:
        """Remove the respondent at this position of `responses` (0-based), with their link;
        False when the link or the position is unknown."""
        with Session(self.writer) as session, session.begin():
            row = find_link(session, manage, ("team_manage",))
            if row is None:
                return False
            people = session.scalars(select(Respondent).where(
                Respondent.team_id == row.team_id).order_by(Respondent.id)).all()
            if not 0 <= position < len(people):
                return False
            person = people[position]
            session.execute(delete(Link).where(Link.respondent_id == person.id))
            session.delete(person)
            return True
