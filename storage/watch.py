"""Watches: word when an assessment's verdict or band moves. A watch keeps the state it started
from; each move after it (an answer change, a new knowledge version, a milestone) becomes a
notice, read from the watch's private feed and, where configured, sent to its webhook
(storage/webhooks.py)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from logic.engine import evaluate
from logic.knowledge_base import DEFAULT_VERSION, available_versions, load_knowledge
from logic.recommendation import Recommendation
from logic.team import analyse
from questions.migrate import read_complete
from questions.schema import default_bank
from storage.db import Delivery, Notice, Respondent, Team, Watch, aware, now
from storage.history import entries
from storage.owner import Owner
from storage.tokens import add_link

Cause = Literal["answers", "knowledge", "milestone", "team"]
CAUSE_WORDS = {"answers": "an answer change", "knowledge": "a new knowledge version",
               "milestone": "a milestone", "team": "a change to the team's answers"}


@dataclass(frozen=True)
class State:
    """What a watch follows: the verdict and, with "Don't know" answers, the band of verdicts
    they leave open ("monitor-evaluate"); no verdict while the answers are not complete."""

    verdict: str | None
    band: str | None

    def words(self, version: str) -> str:
        if self.verdict is None:
            return "no verdict yet"
        kb = load_knowledge(version if version in available_versions() else DEFAULT_VERSION)
        label = kb.verdicts[self.verdict].label
        if self.band is None:
            return label
        low, high = (kb.verdicts[v].label for v in self.band.split("-"))
        return f"{label} (between {low} and {high})"


def state_of(answers: dict[str, object], version: str) -> State:
    """The state of an answers document under a knowledge version."""
    read = read_complete(answers, default_bank())
    if isinstance(read, str):
        return State(None, None)
    return _state(evaluate(read[0], load_knowledge(version)))


def _state(rec: Recommendation) -> State:
    """A recommendation's verdict, and its band when "Don't know" answers leave one open."""
    band = (f"{rec.band.low}-{rec.band.high}"
            if rec.band is not None and rec.band.low != rec.band.high else None)
    return State(rec.verdict, band)


@dataclass(frozen=True)
class NoticeView:
    """A notice as the feed, the manage page and the webhook body read it."""

    notice_id: int
    watch_id: int
    at: datetime
    cause: str
    old: State
    new: State
    knowledge_version: str
    summary: str


@dataclass(frozen=True)
class DeliveryView:
    notice_id: int
    at: datetime
    attempt: int
    status: int | None
    error: str | None
    delivered: bool


def _notice(row: Notice) -> NoticeView:
    return NoticeView(row.id, row.watch_id, aware(row.at), row.cause,
                      State(row.old_verdict, row.old_band), State(row.new_verdict, row.new_band),
                      row.knowledge_version, row.summary)


def newest_state(session: Session, assessment_id: int, version: str) -> State:
    known = entries(session, assessment_id)
    return state_of(known[-1].answers, version) if known else State(None, None)


def team_state(session: Session, team_id: int, version: str) -> State:
    """A team's state: the verdict (and band) of its consensus answers, from the answers of
    every respondent still in the team that this bank can read."""
    bank = default_bank()
    read = [read_complete(dict(p.answers), bank) for p in session.scalars(
        select(Respondent).where(Respondent.team_id == team_id, Respondent.removed_at.is_(None)))]
    answers = [r[0] for r in read if not isinstance(r, str)]
    if not answers:
        return State(None, None)
    return _state(analyse(answers, load_knowledge(version), bank).consensus_recommendation)


def state_now(session: Session, whose: Owner, version: str) -> State:
    """The state of an assessment's newest answers, or of a team's consensus, now."""
    if whose.assessment_id is not None:
        return newest_state(session, whose.assessment_id, version)
    assert whose.team_id is not None
    return team_state(session, whose.team_id, version)


def start(session: Session, whose: Owner, version: str, webhook_url: str | None) -> Watch:
    """A new watch, starting from the state now; with a webhook address, a new secret to sign
    its bodies."""
    state = state_now(session, whose, version)
    row = Watch(**whose.columns(), created_at=now(), webhook_url=webhook_url,
                webhook_secret=secrets.token_hex(32) if webhook_url else None,
                verdict=state.verdict, band=state.band, knowledge_version=version)
    session.add(row)
    session.flush()
    return row


def last_state(session: Session, watch: Watch) -> State:
    """Where the watch stands: the newest notice's new state, else the one it started from."""
    newest = session.scalars(select(Notice).where(Notice.watch_id == watch.id)
                             .order_by(Notice.at.desc(), Notice.id.desc()).limit(1)).first()
    return (State(newest.new_verdict, newest.new_band) if newest
            else State(watch.verdict, watch.band))


def active(session: Session, whose: Owner) -> list[Watch]:
    return list(session.scalars(select(Watch).where(whose.where(Watch),
                                                    Watch.ended_at.is_(None))))


def observe(session: Session, whose: Owner, cause: Cause, version: str,
            state: State | None = None) -> list[int]:
    """After a change of this cause: a notice for each watch whose verdict or band it moved
    (`state`: the state to compare, when it is not the state now under `version`, as for a
    milestone; the state now is worked out only when there is a watch). Returns the new
    notices' ids, for delivery once the transaction commits."""
    watches = active(session, whose)
    if not watches:
        return []
    state = state or state_now(session, whose, version)
    made = []
    for watch in watches:
        before = last_state(session, watch)
        if before == state:
            continue
        row = Notice(watch_id=watch.id, at=now(), cause=cause, old_verdict=before.verdict,
                     new_verdict=state.verdict, old_band=before.band, new_band=state.band,
                     knowledge_version=version,
                     summary=f"{before.words(version)} → {state.words(version)}, after "
                             f"{CAUSE_WORDS.get(cause, cause)} ({version})")
        session.add(row)
        session.flush()
        made.append(row.id)
    return made


def notices(session: Session, watch_id: int) -> list[NoticeView]:
    """A watch's notices, newest first."""
    return [_notice(r) for r in session.scalars(
        select(Notice).where(Notice.watch_id == watch_id)
        .order_by(Notice.at.desc(), Notice.id.desc()))]


def deliveries(session: Session, watch_id: int) -> list[DeliveryView]:
    """Every attempt to deliver a watch's notices, newest first."""
    rows = session.scalars(select(Delivery).join(Notice, Notice.id == Delivery.notice_id)
                           .where(Notice.watch_id == watch_id)
                           .order_by(Delivery.at.desc(), Delivery.id.desc()))
    return [DeliveryView(r.notice_id, aware(r.at), r.attempt, r.status, r.error, r.delivered)
            for r in rows]


@dataclass(frozen=True)
class WatchLinks:
    """What starting a watch gives, once: its feed link and its webhook's signing secret."""

    watch_id: int
    feed: str
    secret: str | None


@dataclass(frozen=True)
class WatchView:
    """A watch as its manage page lists it: since when, where its webhook goes, whether it
    was stopped, its notices (newest first) and every delivery attempt."""

    watch_id: int
    created_at: datetime
    webhook_url: str | None
    stopped: bool
    notices: tuple[NoticeView, ...]
    deliveries: tuple[DeliveryView, ...]


def begin(session: Session, whose: Owner, version: str, webhook_url: str | None) -> WatchLinks:
    """Start a watch and give it its feed link."""
    row = start(session, whose, version, webhook_url)
    return WatchLinks(row.id, add_link(session, "feed", watch_id=row.id), row.webhook_secret)


def _view(session: Session, row: Watch, with_deliveries: bool = True) -> WatchView:
    return WatchView(row.id, aware(row.created_at), row.webhook_url, row.ended_at is not None,
                     tuple(notices(session, row.id)),
                     tuple(deliveries(session, row.id)) if with_deliveries else ())


def watch_views(session: Session, whose: Owner) -> list[WatchView]:
    rows = session.scalars(select(Watch).where(whose.where(Watch))
                           .order_by(Watch.created_at.desc(), Watch.id.desc()))
    return [_view(session, r) for r in rows]


def stop(session: Session, whose: Owner, watch_id: int) -> bool:
    row = session.get(Watch, watch_id)
    if row is None or (row.assessment_id, row.team_id) != (whose.assessment_id, whose.team_id):
        return False
    row.ended_at = row.ended_at or now()
    return True


def feed_of(session: Session, watch_id: int) -> tuple[WatchView, str]:
    """A watch for its feed (no delivery details) and the name of what it watches: the
    organisation's, as last answered, or the team's."""
    row = session.get_one(Watch, watch_id)
    if row.team_id is not None:
        name = session.get_one(Team, row.team_id).name
    else:
        assert row.assessment_id is not None
        known = entries(session, row.assessment_id)
        name = default_bank().organisation(known[-1].answers) if known else ""
    return _view(session, row, with_deliveries=False), name
