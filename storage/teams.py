"""Team assessments: an invite link to add answers, a read-only team link, and each
respondent's own link to revise theirs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from access.policy import Person
from questions.text import clean, said
from questions.values import Document
from storage.db import Link, Respondent, Team, aware, now
from storage.owner import Owner
from storage.ownership import record
from storage.plan import Planned, change, current
from storage.store import (
    MAX_RESPONDENT_NAME,
    MAX_RESPONDENT_ROLE,
    StorageLimit,
    Store,
    check_answers,
)
from storage.tokens import add_link, find_link
from storage.watch import WatchLinks, WatchView, begin, observe, stop, watch_views
from storage.webhooks import check_target

MAX_TEAM_NAME = 120
MAX_NAME = MAX_RESPONDENT_NAME
MAX_ROLE = MAX_RESPONDENT_ROLE
MAX_RESPONDENTS = 500
UNDO_REMOVAL = timedelta(days=7)  # a removal can be undone this long; then the answers go


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
    """One respondent as read back; `id` names them for a change chosen from a list."""

    name: str
    role: str
    answers: Document
    updated_at: datetime
    id: int = 0


@dataclass(frozen=True)
class Removed:
    """A respondent the manager removed: who, when, and until when it can be undone."""

    id: int
    name: str
    role: str
    removed_at: datetime
    undo_until: datetime | None  # None: too late, the answers are gone


Removal = Literal["removed", "changed", "gone"]  # done; revised since shown; not in the team


def _text(value: str, limit: int, what: str) -> str:
    cleaned = clean(value or "")
    if not cleaned:
        raise StorageLimit(said("a {what} is required", what=what))
    if len(cleaned) > limit:
        raise StorageLimit(said("the {what} has {n} characters; at most {most}", what=what,
                                n=len(cleaned), most=limit))
    return cleaned


class TeamStore:
    """Team reads and writes, over the same database as the Store."""

    def __init__(self, store: Store) -> None:
        self.engine = store.engine
        self.writer = store.writer
        self.store = store

    def create(self, name: str, client: str | None = None,
               person: Person | None = None) -> TeamLinks:
        """A new team and its three links; `person`: who is signed in (their *My assessments*
        lists the team)."""
        with Session(self.writer) as session, session.begin():
            self.store.limit(session, client, "team")
            team = Team(name=_text(name, MAX_TEAM_NAME, said("team name")), created_at=now())
            session.add(team)
            session.flush()
            record(session, person, team_id=team.id)
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

    def add_response(self, invite: str, name: str, role: str, answers: Document,
                     client: str | None = None) -> str:
        """Add a respondent's answers; returns their own link to revise them."""
        with Session(self.writer) as session, session.begin():
            row = find_link(session, invite, ("invite",))
            if row is None or row.revoked_at is not None:
                raise LookupError("no team accepts answers at this link")
            self.store.limit(session, client, "team answer")
            # Lock the team row until commit, so concurrent adds count one after another
            # (PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises writers).
            session.get(Team, row.team_id, with_for_update=True)
            count = session.scalar(select(func.count(Respondent.id)).where(
                Respondent.team_id == row.team_id, Respondent.removed_at.is_(None))) or 0
            if count >= MAX_RESPONDENTS:
                raise StorageLimit(said("this team already has {n} respondents",
                                        n=MAX_RESPONDENTS))
            stamp = now()
            person = Respondent(team_id=row.team_id, name=_text(name, MAX_NAME, said("name")),
                                role=_text(role, MAX_ROLE, said("role")),
                                answers=check_answers(answers), created_at=stamp,
                                updated_at=stamp)
            session.add(person)
            session.flush()
            link = add_link(session, "respondent", team_id=row.team_id, respondent_id=person.id)
            made = self._observe(session, person.team_id)
        self.store.dispatch(made)
        return link

    def revise(self, respondent: str, answers: Document, name: str, role: str) -> bool:
        """Replace one respondent's answers (and name and role); nobody else's change."""
        with Session(self.writer) as session, session.begin():
            row = find_link(session, respondent, ("respondent",))
            if row is None:
                return False
            person = session.get_one(Respondent, row.respondent_id)
            if person.removed_at is not None:
                return False  # removed by the team's manager
            person.answers = check_answers(answers)
            person.name = _text(name, MAX_NAME, said("name"))
            person.role = _text(role, MAX_ROLE, said("role"))
            person.updated_at = now()
            made = self._observe(session, person.team_id)
        self.store.dispatch(made)
        return True

    def response(self, respondent: str) -> tuple[Response, str] | None:
        """A respondent's own answers and their team's invite-less name."""
        with Session(self.engine) as session:
            row = find_link(session, respondent, ("respondent",))
            if row is None:
                return None
            person = session.get_one(Respondent, row.respondent_id)
            if person.removed_at is not None:
                return None
            team = session.get_one(Team, row.team_id)
            return (Response(person.name, person.role, dict(person.answers), person.updated_at,
                             person.id), team.name)

    def responses(self, token: str) -> list[Response]:
        """Every respondent of the team behind an invite, view or respondent link."""
        with Session(self.engine) as session:
            row = find_link(session, token,
                            ("invite", "team_view", "respondent", "team_manage"))
            if row is None or row.revoked_at is not None:
                return []
            people = session.scalars(select(Respondent).where(
                Respondent.team_id == row.team_id, Respondent.removed_at.is_(None))
                .order_by(Respondent.id))
            return [Response(p.name, p.role, dict(p.answers), p.updated_at, p.id)
                    for p in people]

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

    def remove_respondent(self, manage: str, respondent_id: int,
                          seen: datetime) -> Removal:
        """Take the respondent with this id out of the team, as they were when the manager saw
        them (`seen`: their `updated_at` then): "changed" when they revised their answers
        since (nothing is removed), "gone" when they are not in this team (any more). Their
        own link stops working; `undo_removal` brings them back for a while."""
        with Session(self.writer) as session, session.begin():
            person = self._managed_respondent(session, manage, respondent_id)
            if person is None or person.removed_at is not None:
                return "gone"
            if aware(person.updated_at) != aware(seen):
                return "changed"
            person.removed_at = now()
            self._forget_old_removals(session, person.team_id)
            made = self._observe(session, person.team_id)
        self.store.dispatch(made)
        return "removed"

    def undo_removal(self, manage: str, respondent_id: int) -> bool:
        """Bring a removed respondent back with their answers and their own link, while the
        removal can still be undone; False otherwise."""
        with Session(self.writer) as session, session.begin():
            person = self._managed_respondent(session, manage, respondent_id)
            if person is None or person.removed_at is None:
                return False
            if now() - aware(person.removed_at) > UNDO_REMOVAL:
                return False
            count = session.scalar(select(func.count(Respondent.id)).where(
                Respondent.team_id == person.team_id, Respondent.removed_at.is_(None))) or 0
            if count >= MAX_RESPONDENTS:
                raise StorageLimit(said("this team already has {n} respondents",
                                        n=MAX_RESPONDENTS))
            person.removed_at = None
            made = self._observe(session, person.team_id)
        self.store.dispatch(made)
        return True

    # the plan and watches of a team, from its manage link ---------------------------------
    def _observe(self, session: Session, team_id: int) -> list[int]:
        """After the team's answers changed: notices for the watches whose verdict it moved."""
        session.flush()
        return observe(session, Owner(team_id=team_id), "team", self.store.knowledge_version)

    def _team_of(self, session: Session, token: str, purposes: tuple[str, ...]) -> int | None:
        row = find_link(session, token, purposes)
        return None if row is None or row.revoked_at is not None else row.team_id

    def plan(self, token: str) -> dict[str, Planned]:
        """The team's action plan as it stands, by action key (any of the team's links)."""
        with Session(self.engine) as session:
            team = self._team_of(session, token, ("team_manage", "team_view", "invite",
                                                  "respondent"))
            return {} if team is None else current(session, Owner(team_id=team))

    def plan_action(self, manage: str, key: str, *, owner: str | None, due: date | None,
                    status: str, note: str | None, knowledge_version: str,
                    by: str | None = None) -> Planned | None:
        """Give an action of the team's plan an owner, due date, status and note (the manage
        link only); None when the link is not a team's manage link. `by`: who is signed in."""
        with Session(self.writer) as session, session.begin():
            team = self._team_of(session, manage, ("team_manage",))
            if team is None:
                return None
            return change(session, Owner(team_id=team), key, owner=owner, due=due,
                          status=status, note=note, knowledge_version=knowledge_version,
                          by=by)

    def watch(self, manage: str, webhook_url: str | None = None) -> WatchLinks | None:
        """Watch the team's verdict (of its consensus answers) from now: a feed link and, with
        an allowed webhook address, the secret its bodies are signed with."""
        target = check_target(webhook_url) if webhook_url else None
        with Session(self.writer) as session, session.begin():
            team = self._team_of(session, manage, ("team_manage",))
            return None if team is None else begin(session, Owner(team_id=team),
                                                    self.store.knowledge_version, target)

    def watches(self, manage: str) -> list[WatchView]:
        with Session(self.engine) as session:
            team = self._team_of(session, manage, ("team_manage",))
            return [] if team is None else watch_views(session, Owner(team_id=team))

    def stop_watch(self, manage: str, watch_id: int) -> bool:
        with Session(self.writer) as session, session.begin():
            team = self._team_of(session, manage, ("team_manage",))
            return team is not None and stop(session, Owner(team_id=team), watch_id)

    def removed(self, manage: str) -> list[Removed]:
        """Who was removed from the team and when, newest first, with until when each can be
        undone."""
        with Session(self.engine) as session:
            row = find_link(session, manage, ("team_manage",))
            if row is None:
                return []
            people = session.scalars(select(Respondent).where(
                Respondent.team_id == row.team_id, Respondent.removed_at.is_not(None))
                .order_by(Respondent.removed_at.desc(), Respondent.id.desc())).all()
            out = []
            for p in people:
                removed_at = aware(p.removed_at)  # type: ignore[arg-type]
                until = removed_at + UNDO_REMOVAL
                out.append(Removed(p.id, p.name, p.role, removed_at,
                                   until if now() <= until else None))
            return out

    @staticmethod
    def _managed_respondent(session: Session, manage: str,
                            respondent_id: int) -> Respondent | None:
        row = find_link(session, manage, ("team_manage",))
        if row is None:
            return None
        person = session.get(Respondent, respondent_id)
        return person if person is not None and person.team_id == row.team_id else None

    @staticmethod
    def _forget_old_removals(session: Session, team_id: int) -> None:
        """Past the undo time, a removed respondent's answers and link go; who and when stay."""
        cutoff = now() - UNDO_REMOVAL
        old = session.scalars(select(Respondent).where(
            Respondent.team_id == team_id, Respondent.removed_at.is_not(None),
            Respondent.removed_at < cutoff)).all()
        for person in old:
            person.answers = {}
            session.execute(delete(Link).where(Link.respondent_id == person.id))
