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
from questions.migrate import read_complete
from questions.schema import default_bank
from storage.db import Delivery, Notice, Watch, aware, now
from storage.history import entries

Cause = Literal["answers", "knowledge", "milestone", "started"]
CAUSE_WORDS = {"answers": "an answer change", "knowledge": "a new knowledge version",
               "milestone": "a milestone"}


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
    rec = evaluate(read[0], load_knowledge(version))
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


def _view(row: Notice) -> NoticeView:
    return NoticeView(row.id, row.watch_id, aware(row.at), row.cause,
                      State(row.old_verdict, row.old_band), State(row.new_verdict, row.new_band),
                      row.knowledge_version, row.summary)


def newest_state(session: Session, assessment_id: int, version: str) -> State:
    known = entries(session, assessment_id)
    return state_of(known[-1].answers, version) if known else State(None, None)


def start(session: Session, assessment_id: int, version: str,
          webhook_url: str | None) -> Watch:
    """A new watch on the assessment, starting from its state now; with a webhook address,
    a new secret to sign its bodies."""
    state = newest_state(session, assessment_id, version)
    row = Watch(assessment_id=assessment_id, created_at=now(), webhook_url=webhook_url,
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


def active(session: Session, assessment_id: int) -> list[Watch]:
    return list(session.scalars(select(Watch).where(Watch.assessment_id == assessment_id,
                                                    Watch.ended_at.is_(None))))


def observe(session: Session, assessment_id: int, cause: Cause, version: str,
            state: State | None = None) -> list[int]:
    """After a change of this cause: a notice for each watch whose verdict or band it moved
    (`state`: the state to compare, when it is not the newest answers' under `version`, as for
    a milestone). Returns the new notices' ids, for delivery once the transaction commits."""
    watches = active(session, assessment_id)
    if not watches:
        return []
    state = state or newest_state(session, assessment_id, version)
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
    return [_view(r) for r in session.scalars(
        select(Notice).where(Notice.watch_id == watch_id)
        .order_by(Notice.at.desc(), Notice.id.desc()))]


def deliveries(session: Session, watch_id: int) -> list[DeliveryView]:
    """Every attempt to deliver a watch's notices, newest first."""
    rows = session.scalars(select(Delivery).join(Notice, Notice.id == Delivery.notice_id)
                           .where(Notice.watch_id == watch_id)
                           .order_by(Delivery.at.desc(), Delivery.id.desc()))
    return [DeliveryView(r.notice_id, aware(r.at), r.attempt, r.status, r.error, r.delivered)
            for r in rows]
