"""Saving and sharing assessments: drafts that autosave, frozen shared copies, revocable links."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, InterfaceError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session

from access.policy import Person, label_of
from logic.knowledge_base import DEFAULT_VERSION
from questions.text import check_text, clean, message_of, said, without_direction_controls
from questions.values import Document
from storage.db import (
    Assessment,
    Delivery,
    Link,
    Notice,
    StorageUnavailable,
    Watch,
    describe_url,
    make_engine,
    migrate,
    now,
    reason,
    resolve_url,
)
from storage.errors import StorageLimit, checked_text
from storage.history import Entry, Frozen, append, entries, freeze, milestones
from storage.limits import CreationLimits, take
from storage.owner import Owner
from storage.ownership import Kind, Mine, listing, open_link, record
from storage.plan import Planned, change, current
from storage.seal import SealKey, deployment_key
from storage.tokens import add_link, find_link
from storage.watch import (
    WatchLinks,
    WatchView,
    begin,
    feed_of,
    notices,
    observe,
    state_of,
    stop,
    watch_views,
)
from storage.webhooks import check_target, deliver

MAX_NOTE_CHARS = 2000
MAX_RESPONDENT_NAME, MAX_RESPONDENT_ROLE = 80, 60  # a team respondent's name and role
MAX_NOTES = 64
MAX_ANSWERS_BYTES = 64_000


def _language(code: str | None) -> str | None:
    """A language code as kept (two to eight letters and hyphens), or None."""
    if code is None or not (2 <= len(code) <= 8) or not code.replace("-", "").isalpha():
        return None
    return code


def _utc(moment: datetime) -> datetime:
    """A stored time as naive UTC (SQLite gives it back naive, PostgreSQL aware)."""
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


class DraftConflict(RuntimeError):
    """The draft was saved by someone else since this session loaded it."""

    def __init__(self, saved_at: datetime) -> None:
        self.saved_at = saved_at
        super().__init__(f"the draft was changed elsewhere at {saved_at:%H:%M:%S} UTC")


@dataclass(frozen=True)
class Saved:
    """An assessment as read back: answers, notes and what it was evaluated with."""

    kind: str
    answers: Document
    notes: dict[str, str]
    knowledge_version: str | None
    verdict: str | None
    created_at: datetime
    updated_at: datetime
    revoked: bool = False
    copied: bool = field(default=False)
    respondent: tuple[str, str] | None = None  # (name, role) of a team respondent's draft
    language: str | None = None  # the language it was answered in (None: not kept then)


@dataclass(frozen=True)
class ShareLinks:
    """The two tokens a share creates: `view` for colleagues, `manage` for its owner."""

    view: str
    manage: str


@dataclass(frozen=True)
class ShareEntry:
    """One shared snapshot of an assessment, as listed on a manage page."""

    share_id: int
    created_at: datetime
    verdict: str | None
    knowledge_version: str | None
    open: bool  # colleagues can open it (a view link not revoked)
    this: bool  # the share whose manage link is in hand


def clean_notes(notes: dict[str, str]) -> dict[str, str]:
    """Non-empty notes only, without direction controls, each within the length limit."""
    stripped = {k: without_direction_controls(v).strip() for k, v in notes.items()
                if isinstance(v, str)}
    kept = {k: v for k, v in stripped.items() if v}
    if len(kept) > MAX_NOTES:
        raise StorageLimit(said("at most {most} notes can be saved, not {n}",
                                most=MAX_NOTES, n=len(kept)))
    for key, text in kept.items():
        try:
            check_text(text + key)
        except ValueError as exc:
            raise StorageLimit(said("the note on {key} {problem}", key=clean(key)[:60],
                                    problem=message_of(exc))) from None
        if len(text) > MAX_NOTE_CHARS:
            raise StorageLimit(said("the note on {key} has {n} characters; at most {most} are "
                                    "kept", key=key, n=len(text),
                                    most=MAX_NOTE_CHARS))
    return kept


def _respondent(respondent: tuple[str, str] | None) -> tuple[str | None, str | None]:
    """A respondent's name and role as stored: checked text within the columns' lengths."""
    if respondent is None:
        return None, None
    name, role = (checked_text(t, said("name or role")) for t in respondent)
    if not name:
        raise StorageLimit(said("a respondent needs a name"))
    return name[:MAX_RESPONDENT_NAME], role[:MAX_RESPONDENT_ROLE]


def check_answers(answers: Document) -> Document:
    size = len(json.dumps(answers, ensure_ascii=False).encode())
    if size > MAX_ANSWERS_BYTES:
        raise StorageLimit(said("answers of {size} bytes are too large to save",
                                size=format(size, ",")))
    return answers


class Store:
    """All reads and writes of saved assessments; safe to share between threads."""

    def __init__(self, engine: Engine, limits: CreationLimits | None = None) -> None:
        self.engine = engine
        self.limits = limits  # creations per client and overall (None: unlimited, for tools)
        self.writer = engine.execution_options(sqlite_immediate=True)  # BEGIN IMMEDIATE on SQLite
        self.schema_version = migrate(engine)
        self.knowledge_version = DEFAULT_VERSION  # the version in force, for history and watches
        self.senders: list[threading.Thread] = []  # webhook deliveries under way

    @cached_property
    def seal_key(self) -> SealKey:
        """The key this deployment seals decision records with (storage/seal.py)."""
        return deployment_key(self.engine.url.render_as_string(hide_password=False))

    @classmethod
    def open(cls, url: str | None = None, limits: CreationLimits | None = None) -> Store:
        """The store at a URL (default: env HOSTING_FIT_DATABASE_URL, else the SQLite file);
        StorageUnavailable, saying which database and why, when it cannot be used."""
        resolved = resolve_url(url)
        try:
            return cls(make_engine(resolved), limits)
        except (ArgumentError, NoSuchModuleError):
            raise StorageUnavailable(
                "The database URL cannot be used: it must start with sqlite:/// or "
                "postgresql+psycopg://") from None
        except OSError:  # the SQLite file's folder cannot be made
            raise StorageUnavailable(
                "the SQLite file cannot be created or opened (check the folder and its "
                "rights, or set HOSTING_FIT_DATABASE_URL)") from None
        except (OperationalError, InterfaceError) as exc:
            raise StorageUnavailable(
                f"{describe_url(resolved)} cannot be reached or opened: "
                f"{reason(exc)}") from None

    def close(self) -> None:
        self.settle()  # deliveries under way finish (or give up) first
        self.engine.dispose()

    # internal helpers -------------------------------------------------------------------
    def _find(
        self, session: Session, token: str, purposes: tuple[str, ...]
    ) -> tuple[Assessment, Link] | None:
        row = find_link(session, token, purposes)
        if row is None:
            return None
        return session.get_one(Assessment, row.assessment_id), row

    def _add_token(self, session: Session, assessment: Assessment, purpose: str) -> str:
        return add_link(session, purpose, assessment_id=assessment.id)

    @staticmethod
    def _saved(row: Assessment, revoked: bool = False) -> Saved:
        respondent = ((row.respondent_name, row.respondent_role or "")
                      if row.respondent_name else None)
        return Saved(row.kind, dict(row.answers), dict(row.notes), row.knowledge_version,
                     row.verdict, row.created_at, row.updated_at, revoked,
                     row.copied_from is not None, respondent, row.language)

    def _new(self, session: Session, kind: str, answers: Document, notes: dict[str, str],
             person: Person | None = None, **extra: str | int | None) -> Assessment:
        stamp = now()
        row = Assessment(kind=kind, answers=check_answers(answers), notes=clean_notes(notes),
                         created_at=stamp, updated_at=stamp, **extra)
        session.add(row)
        session.flush()
        append(session, row, "copied" if extra.get("copied_from") else "created",
               who=label_of(person))
        record(session, person, assessment_id=row.id)
        return row

    # drafts ---------------------------------------------------------------------------
    def limit(self, session: Session, client: str | None, what: str) -> None:
        """Count one creation against the limits, in the writing transaction (TooMany)."""
        if self.limits is not None:
            take(session, self.limits, client, what)

    def create_draft(self, answers: Document, notes: dict[str, str],
                     *, copied_from: int | None = None,
                     respondent: tuple[str, str] | None = None,
                     client: str | None = None, person: Person | None = None,
                     language: str | None = None) -> str:
        """A new draft; returns the token that reopens and edits it. `respondent`: the name
        and role of a team respondent answering in it (kept here, never in an address);
        `person`: who is signed in, whose *My assessments* lists it."""
        name, role = _respondent(respondent)
        with Session(self.writer) as session, session.begin():
            self.limit(session, client, "draft")
            row = self._new(session, "draft", answers, notes, person, copied_from=copied_from,
                            respondent_name=name, respondent_role=role,
                            language=_language(language))
            return self._add_token(session, row, "draft")

    def set_respondent(self, token: str, name: str, role: str) -> bool:
        """Record who answers in this draft for a team; False when the token opens no draft."""
        name_kept, role_kept = _respondent((name, role))
        with Session(self.writer) as session, session.begin():
            found = self._find(session, token, ("draft",))
            if found is None:
                return False
            found[0].respondent_name, found[0].respondent_role = name_kept, role_kept
            return True

    def save_draft(self, token: str, answers: Document, notes: dict[str, str], *,
                   expected: datetime | None = None, person: Person | None = None,
                   language: str | None = None) -> datetime | None:
        """Overwrite a draft's answers and notes; the time of this save, or None when the token
        opens no draft. With `expected` (the time of the version this session last loaded or
        saved), a draft saved meanwhile by someone else is not overwritten: DraftConflict."""
        with Session(self.writer) as session, session.begin():
            found = self._find(session, token, ("draft",))
            if found is None:
                return None
            row = found[0]
            if expected is not None and _utc(row.updated_at) != _utc(expected):
                raise DraftConflict(_utc(row.updated_at))
            answers, notes = check_answers(answers), clean_notes(notes)
            changed = (answers, notes) != (row.answers, row.notes)
            row.answers, row.notes = answers, notes
            row.language = _language(language) or row.language
            row.updated_at = now()
            made: list[int] = []
            if changed:  # a save that changes nothing is no point in the history
                append(session, row, "saved", who=label_of(person))
                made = observe(session, Owner(row.id), "answers", self.knowledge_version)
            saved_at = row.updated_at
        self.dispatch(made)
        return saved_at

    def load_draft(self, token: str) -> Saved | None:
        with Session(self.engine) as session:
            found = self._find(session, token, ("draft",))
            return None if found is None else self._saved(found[0])

    # sharing --------------------------------------------------------------------------
    def share(self, answers: Document, notes: dict[str, str], *,
              knowledge_version: str, verdict: str, draft: str | None = None,
              client: str | None = None, person: Person | None = None) -> ShareLinks:
        """Freeze validated answers as a shared assessment; returns its view and manage tokens.
        With the `draft` token it was shared from, its manage page lists the draft's other
        shares too."""
        with Session(self.writer) as session, session.begin():
            self.limit(session, client, "share")
            found = self._find(session, draft, ("draft",)) if draft else None
            row = self._new(session, "shared", answers, notes, person,
                            knowledge_version=knowledge_version, verdict=verdict,
                            shared_from=found[0].id if found else None)
            return ShareLinks(self._add_token(session, row, "view"),
                              self._add_token(session, row, "manage"))

    def mine(self, person: Person) -> list[Mine]:
        """Everything this signed-in person made (drafts, shares, teams), latest change first."""
        with Session(self.engine) as session:
            return listing(session, person.key)

    def open_mine(self, person: Person, kind: Kind, item_id: int) -> str | None:
        """A new link to something this person made (draft: its edit link; share and team: the
        manage link); None when it is not theirs."""
        with Session(self.writer) as session, session.begin():
            return open_link(session, person.key, kind, item_id)

    def open_shared(self, token: str) -> Saved | None:
        """The shared assessment behind a view link; None when unknown or revoked."""
        with Session(self.engine) as session:
            found = self._find(session, token, ("view",))
            if found is None or found[1].revoked_at is not None:
                return None
            return self._saved(found[0])

    def open_managed(self, token: str) -> Saved | None:
        """The shared assessment behind a manage link, saying whether its view link is revoked."""
        with Session(self.engine) as session:
            found = self._find(session, token, ("manage",))
            if found is None:
                return None
            views = self._views(session, found[0].id)
            return self._saved(found[0], revoked=all(v.revoked_at is not None for v in views))

    @staticmethod
    def _siblings(session: Session, row: Assessment) -> list[Assessment]:
        """Every share made from the same draft as `row` (only `row` when it has none)."""
        if row.shared_from is None:
            return [row]
        return list(session.scalars(select(Assessment).where(
            Assessment.shared_from == row.shared_from, Assessment.kind == "shared")
            .order_by(Assessment.created_at, Assessment.id)))

    def history(self, manage_token: str) -> list[Entry]:
        """The history behind a manage link, oldest first: the draft its share was made from
        (every saved change, to now), or the share itself when it had no draft."""
        with Session(self.engine) as session:
            owner = self._owner(session, manage_token)
            return [] if owner is None else entries(session, owner)

    def _owner(self, session: Session, manage_token: str) -> int | None:
        """The assessment whose history a manage link shows: the draft its share was made
        from, or the share itself when it had no draft."""
        found = self._find(session, manage_token, ("manage",))
        return None if found is None else found[0].shared_from or found[0].id

    def save_milestone(self, manage_token: str, name: str, entry_id: int, *,
                       knowledge_version: str, verdict: str) -> Frozen | None:
        """Freeze a point of the history behind this manage link (the entry the page showed,
        so a save meanwhile is not frozen unseen) as a named milestone with the knowledge
        version and verdict it was read under; None when the link or entry is not this one's."""
        with Session(self.writer) as session, session.begin():
            owner = self._owner(session, manage_token)
            if owner is None:
                return None
            frozen = freeze(session, owner, name, entry_id, knowledge_version, verdict)
            made = [] if frozen is None else observe(
                session, Owner(owner), "milestone", knowledge_version,
                state_of(frozen.point.answers, knowledge_version))
        self.dispatch(made)
        return frozen

    def milestones(self, manage_token: str) -> list[Frozen]:
        """The milestones of the assessment behind this manage link, oldest first."""
        with Session(self.engine) as session:
            owner = self._owner(session, manage_token)
            return [] if owner is None else milestones(session, owner)

    def made_from_draft(self, manage_token: str) -> bool:
        """Whether the share behind this manage link was made from a draft (which an answer
        learnt later can still change)."""
        with Session(self.engine) as session:
            found = self._find(session, manage_token, ("manage",))
            return found is not None and found[0].shared_from is not None

    def plan(self, manage_token: str) -> dict[str, Planned]:
        """The action plan behind this manage link as it stands, by action key."""
        with Session(self.engine) as session:
            owner = self._owner(session, manage_token)
            return {} if owner is None else current(session, Owner(owner))

    def plan_action(self, manage_token: str, key: str, *, owner: str | None,
                    due: date | None, status: str, note: str | None,
                    knowledge_version: str, by: str | None = None) -> Planned | None:
        """Give an action of the plan an owner, due date, status and note (a new change; the
        earlier ones are kept); None when the manage link opens nothing. `by`: who is signed
        in."""
        with Session(self.writer) as session, session.begin():
            found = self._owner(session, manage_token)
            if found is None:
                return None
            return change(session, Owner(found), key, owner=owner, due=due, status=status,
                          note=note, knowledge_version=knowledge_version, by=by)

    def record_answer(self, manage_token: str, question_id: str, value: object, *,
                      source: str, who: str | None = None) -> datetime | None:
        """An answer learnt from someone (the account team): the draft behind this manage
        link takes it as an answer change whose history entry says where it came from. None
        when the link opens nothing or its share has no draft to change."""
        with Session(self.writer) as session, session.begin():
            found = self._find(session, manage_token, ("manage",))
            if found is None or found[0].shared_from is None:
                return None
            draft = session.get_one(Assessment, found[0].shared_from)
            draft.answers = check_answers({**draft.answers, question_id: value})
            draft.updated_at = now()
            append(session, draft, "answered",
                   source=checked_text(source, said("source"))[:MAX_RESPONDENT_NAME], who=who)
            made = observe(session, Owner(draft.id), "answers", self.knowledge_version)
            saved_at = draft.updated_at
        self.dispatch(made)
        return saved_at

    # watches ---------------------------------------------------------------------------
    def watch(self, manage_token: str, webhook_url: str | None = None) -> WatchLinks | None:
        """Watch the assessment behind this manage link from its state now: a private feed
        link and, with a webhook address this deployment allows (else WebhookRefused), the
        secret its bodies are signed with (shown once). None when the link opens nothing."""
        target = check_target(webhook_url) if webhook_url else None
        with Session(self.writer) as session, session.begin():
            owner = self._owner(session, manage_token)
            return None if owner is None else begin(session, Owner(owner),
                                                     self.knowledge_version, target)

    def watches(self, manage_token: str) -> list[WatchView]:
        """The watches on the assessment behind this manage link, newest first, each with its
        notices and delivery attempts."""
        with Session(self.engine) as session:
            owner = self._owner(session, manage_token)
            return [] if owner is None else watch_views(session, Owner(owner))

    def stop_watch(self, manage_token: str, watch_id: int) -> bool:
        """Stop one watch of this assessment: no more notices; its feed keeps what it had."""
        with Session(self.writer) as session, session.begin():
            owner = self._owner(session, manage_token)
            return owner is not None and stop(session, Owner(owner), watch_id)

    def feed(self, feed_token: str) -> tuple[WatchView, str] | None:
        """The watch behind a feed link and what it watches, by name (for the feed's title);
        None when the link is unknown or revoked."""
        with Session(self.engine) as session:
            found = find_link(session, feed_token, ("feed",))
            if found is None or found.revoked_at is not None or found.watch_id is None:
                return None
            return feed_of(session, found.watch_id)

    def notify_all(self, version: str) -> list[int]:
        """After a knowledge update: a notice for every watch whose verdict or band `version`
        moves, delivered before returning (the command line's `reevaluate --notify`)."""
        with Session(self.writer) as session, session.begin():
            rows = session.execute(select(Watch.assessment_id, Watch.team_id)
                                   .where(Watch.ended_at.is_(None))).all()
            owners = sorted({Owner(a, t) for a, t in rows},
                            key=lambda o: (o.assessment_id or 0, o.team_id or 0))
            made = [n for owner in owners
                    for n in observe(session, owner, "knowledge", version)]
        self.dispatch(made, wait=True)
        return made

    def dispatch(self, notice_ids: list[int], wait: bool = False) -> None:
        """Send new notices to their webhooks: in the background (an app's save does not wait
        on a receiver), or before returning with `wait`."""
        if not notice_ids:
            return
        sender = threading.Thread(target=self._send, args=(notice_ids,), daemon=True,
                                  name="webhooks")
        self.senders = [t for t in self.senders if t.is_alive()] + [sender]
        sender.start()
        if wait:
            sender.join()

    def settle(self, timeout: float = 60.0) -> None:
        """Wait for the deliveries under way (tests, and the command line before it exits)."""
        for sender in list(self.senders):
            sender.join(timeout)

    def _send(self, notice_ids: list[int]) -> None:
        for notice_id in notice_ids:
            with Session(self.engine) as session:
                row = session.get(Notice, notice_id)
                if row is None:
                    continue
                watch = session.get_one(Watch, row.watch_id)
                view = notices(session, watch.id)
                notice = next(n for n in view if n.notice_id == notice_id)
                url, secret = watch.webhook_url, watch.webhook_secret
            deliver(notice, url, secret, self._record_delivery)

    def _record_delivery(self, notice_id: int, attempt: int, status: int | None,
                         error: str | None, delivered: bool) -> None:
        with Session(self.writer) as session, session.begin():
            session.add(Delivery(notice_id=notice_id, at=now(), attempt=attempt, status=status,
                                 error=error, delivered=delivered))

    def _views(self, session: Session, assessment_id: int) -> list[Link]:
        return list(session.scalars(select(Link).where(
            Link.assessment_id == assessment_id, Link.purpose == "view")))

    def shares(self, manage_token: str) -> list[ShareEntry]:
        """Every share of the assessment this manage link belongs to, oldest first: when, with
        what verdict, and whether colleagues can still open it."""
        with Session(self.engine) as session:
            found = self._find(session, manage_token, ("manage",))
            if found is None:
                return []
            return [ShareEntry(row.id, row.created_at, row.verdict, row.knowledge_version,
                               any(v.revoked_at is None for v in self._views(session, row.id)),
                               row.id == found[0].id)
                    for row in self._siblings(session, found[0])]

    def _sibling(self, session: Session, manage_token: str,
                 share_id: int | None) -> Assessment | None:
        found = self._find(session, manage_token, ("manage",))
        if found is None:
            return None
        if share_id is None:
            return found[0]
        return next((r for r in self._siblings(session, found[0]) if r.id == share_id), None)

    def revoke(self, manage_token: str, share_id: int | None = None) -> bool:
        """Revoke the view links of the share this manage link owns, or of another share of the
        same assessment (`share_id`, from `shares`); False when it is not one of them."""
        with Session(self.writer) as session, session.begin():
            row = self._sibling(session, manage_token, share_id)
            if row is None:
                return False
            for view in self._views(session, row.id):
                view.revoked_at = view.revoked_at or now()
            return True

    def reshare(self, manage_token: str, share_id: int | None = None) -> str | None:
        """A new view link for a share of this assessment (say, after revoking a link that went
        too far): the old links stay revoked; None when it is not one of its shares."""
        with Session(self.writer) as session, session.begin():
            row = self._sibling(session, manage_token, share_id)
            return None if row is None else self._add_token(session, row, "view")

    def copy_to_draft(self, view_token: str, client: str | None = None,
                      person: Person | None = None) -> str | None:
        """A colleague's own editable copy of a shared assessment; the original is untouched.
        `person`: who is signed in (the copy is listed as theirs)."""
        with Session(self.writer) as session, session.begin():
            found = self._find(session, view_token, ("view",))
            if found is None or found[1].revoked_at is not None:
                return None
            self.limit(session, client, "copy")
            original = found[0]
            row = self._new(session, "draft", dict(original.answers), dict(original.notes),
                            person, copied_from=original.id)
            return self._add_token(session, row, "draft")
