"""The database: engine set-up (SQLite by default, PostgreSQL by URL), tables, migrations."""

from __future__ import annotations

import os
import sqlite3
import tomllib
from datetime import UTC, date, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    create_engine,
    event,
    inspect,
    make_url,
    text,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.pool import ConnectionPoolEntry

from questions.values import Document

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEFAULT_URL = f"sqlite:///{DATA_DIR / 'hosting_fit.sqlite3'}"
URL_VARIABLE = "HOSTING_FIT_DATABASE_URL"
SCHEMA_VERSION = 10  # the number of the newest step in storage/migrations/versions
SQLITE_BUSY_TIMEOUT_MS = 30_000


def now() -> datetime:
    return datetime.now(UTC)


def aware(moment: datetime) -> datetime:
    """A stored time as an aware UTC time (SQLite gives them back without a zone)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def sqlite_file(url: str) -> Path | None:
    """The file a SQLite URL names (None: not SQLite, in memory, or not a URL at all)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


class Base(DeclarativeBase):
    pass


class SchemaInfo(Base):
    """One row: the schema version this database was migrated to."""

    __tablename__ = "schema_info"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)


class Assessment(Base):
    """A questionnaire: a draft (still being edited) or a shared, frozen snapshot."""

    __tablename__ = "assessments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # "draft" or "shared"
    answers: Mapped[Document] = mapped_column(JSON)
    notes: Mapped[dict[str, str]] = mapped_column(JSON)
    knowledge_version: Mapped[str | None] = mapped_column(String(64))
    verdict: Mapped[str | None] = mapped_column(String(16))
    copied_from: Mapped[int | None] = mapped_column(ForeignKey("assessments.id"))
    # a shared snapshot: the draft it was shared from, so its manage page lists every share
    shared_from: Mapped[int | None] = mapped_column(ForeignKey("assessments.id"), index=True)
    respondent_name: Mapped[str | None] = mapped_column(String(80))  # a team respondent's
    respondent_role: Mapped[str | None] = mapped_column(String(60))  # draft: who is answering
    language: Mapped[str | None] = mapped_column(String(8))  # answered in (version 10)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Change(Base):
    """One saved change to an assessment's answers or notes, kept for good (schema version 8):
    who made it, when, what the answers and notes were after it and the knowledge version in
    force. The database refuses to update or delete these rows (triggers, see the migration)."""

    __tablename__ = "history"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    who: Mapped[str | None] = mapped_column(String(80))  # the name given, when one was
    event: Mapped[str] = mapped_column(String(16))  # created, copied, saved, recorded
    answers: Mapped[Document] = mapped_column(JSON)  # the answers document after it
    notes: Mapped[dict[str, str]] = mapped_column(JSON)
    knowledge_version: Mapped[str | None] = mapped_column(String(64))
    source: Mapped[str | None] = mapped_column(String(120))  # "the account team", say


class Milestone(Base):
    """A named point of an assessment's history ("Board, January"), frozen with the knowledge
    version and verdict it was saved under (schema version 8; never updated or deleted). Its
    answers and notes are those of the history entry it names, which cannot change either."""

    __tablename__ = "milestones"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id"), index=True)
    history_id: Mapped[int] = mapped_column(ForeignKey("history.id"))
    name: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    knowledge_version: Mapped[str] = mapped_column(String(64))
    verdict: Mapped[str] = mapped_column(String(16))


class PlanChange(Base):
    """One change to an action of an assessment's or a team's plan (schema version 8; never updated
    or deleted): its owner, due date, status and note from then on, and the knowledge version
    the plan was read under. The newest change per action is the plan as it stands."""

    __tablename__ = "plan"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int | None] = mapped_column(ForeignKey("assessments.id"), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"), index=True)
    action_key: Mapped[str] = mapped_column(String(120))  # logic.actions.Point.key
    owner: Mapped[str | None] = mapped_column(String(80))
    due: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))  # open, asked, answered, dropped
    note: Mapped[str | None] = mapped_column(String(2000))
    knowledge_version: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    changed_by: Mapped[str | None] = mapped_column(String(120))  # signed in (version 10)


class Ownership(Base):
    """An assessment (draft or share) or a team a signed-in person made (schema version 10):
    `person` is their stable key (the identity provider's issuer and subject)."""

    __tablename__ = "ownerships"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person: Mapped[str] = mapped_column(String(300), index=True)
    assessment_id: Mapped[int | None] = mapped_column(ForeignKey("assessments.id"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Watch(Base):
    """A watch on an assessment or a team (schema version 9): the verdict and band it started from,
    the knowledge version then, an optional webhook (address, and the secret its bodies are
    signed with) and when it was stopped. Its feed is a link (`links.watch_id`)."""

    __tablename__ = "watches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int | None] = mapped_column(ForeignKey("assessments.id"), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    webhook_url: Mapped[str | None] = mapped_column(String(2000))
    webhook_secret: Mapped[str | None] = mapped_column(String(64))
    verdict: Mapped[str | None] = mapped_column(String(16))  # None: not complete then
    band: Mapped[str | None] = mapped_column(String(40))  # "monitor-evaluate"; None: settled
    knowledge_version: Mapped[str] = mapped_column(String(64))
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Notice(Base):
    """One move of a watched verdict or band (never changed or deleted): from what to what,
    why ("answers", "knowledge", "milestone"), under which knowledge version, in words."""

    __tablename__ = "notices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    watch_id: Mapped[int] = mapped_column(ForeignKey("watches.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    cause: Mapped[str] = mapped_column(String(16))
    old_verdict: Mapped[str | None] = mapped_column(String(16))
    new_verdict: Mapped[str | None] = mapped_column(String(16))
    old_band: Mapped[str | None] = mapped_column(String(40))
    new_band: Mapped[str | None] = mapped_column(String(40))
    knowledge_version: Mapped[str] = mapped_column(String(64))
    summary: Mapped[str] = mapped_column(String(500))


class Delivery(Base):
    """One attempt to send a notice to its watch's webhook (never changed or deleted)."""

    __tablename__ = "deliveries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    attempt: Mapped[int] = mapped_column(Integer)
    status: Mapped[int | None] = mapped_column(Integer)  # the receiver's HTTP status
    error: Mapped[str | None] = mapped_column(String(300))
    delivered: Mapped[bool] = mapped_column(Boolean)


class Team(Base):
    """Several colleagues answering the same questionnaire (schema version 2)."""

    __tablename__ = "teams"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Respondent(Base):
    """One colleague's answers within a team; revised in place by its own link."""

    __tablename__ = "respondents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(60))
    answers: Mapped[Document] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    removed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # by the
    # team's manager: out of the team at once, undoable for a while, then the answers wiped


class Creation(Base):
    """One thing made in the last hour (a draft, share, copy, team or team answer), counted by
    the creation limits in the transaction that writes it."""

    __tablename__ = "creations"
    __table_args__ = (Index("ix_creations_client_created_at", "client", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client: Mapped[str | None] = mapped_column(String(64))  # SHA-256 of the address
    kind: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class Link(Base):
    """A link's secret, stored only as its SHA-256, and the one thing it opens for one purpose:
    an assessment (`view`, `manage`, `draft`), a team (`invite`, `team_view`) or a team's
    respondent (`respondent`). Schema version 3 made the two token tables of version 2 this one."""

    __tablename__ = "links"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    purpose: Mapped[str] = mapped_column(String(16))
    assessment_id: Mapped[int | None] = mapped_column(ForeignKey("assessments.id"), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"), index=True)
    respondent_id: Mapped[int | None] = mapped_column(ForeignKey("respondents.id"))
    watch_id: Mapped[int | None] = mapped_column(ForeignKey("watches.id"))  # a watch's feed
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


SECRETS_FILE = Path(__file__).resolve().parent.parent / ".streamlit" / "secrets.toml"


class ConfigError(ValueError):
    """The database configuration is there but wrong; the message says where and how."""


class StorageUnavailable(RuntimeError):
    """The configured database cannot be used now; the message names it (never a password or
    a server path) and why."""


def _urls_in(data: object, where: str = "") -> list[str]:
    """Every `url` key in a parsed TOML document, by its dotted place."""
    if not isinstance(data, dict):
        return []
    found = []
    for key, value in data.items():
        place = f"{where}.{key}" if where else str(key)
        if key == "url":
            found.append(place)
        found += _urls_in(value, place)
    return found


def secrets_url(path: Path | None = None) -> str | None:
    """`[connections.hosting_fit] url` from the app's secrets file, as the app reads it; None
    when there is no such file, or it configures no database. A file that cannot be read as
    TOML, or that puts a `url` anywhere else (a misspelt section), is a ConfigError: the app
    must not quietly fall back to the SQLite file when a database was meant."""
    path = path or SECRETS_FILE
    if not path.exists():
        return None
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f".streamlit/secrets.toml is not valid TOML: {exc}") from None
    section = data.get("connections", {})
    entry = section.get("hosting_fit") if isinstance(section, dict) else None
    url = entry.get("url") if isinstance(entry, dict) else None
    if url:
        if not isinstance(url, str):
            raise ConfigError("connections.hosting_fit.url in .streamlit/secrets.toml must be "
                              "a string")
        return url
    elsewhere = [p for p in _urls_in(data) if p != "connections.hosting_fit.url"]
    if elsewhere:
        raise ConfigError(
            f".streamlit/secrets.toml has `url` under [{elsewhere[0].rsplit('.', 1)[0]}]; the "
            "database URL must be under [connections.hosting_fit] (see "
            ".streamlit/secrets.toml.example)")
    return None


def reason(exc: BaseException) -> str:
    """The driver's first line of why, without the SQL, parameters or server paths."""
    original = getattr(exc, "orig", None) or exc
    first = str(original).strip().splitlines()[0] if str(original).strip() else ""
    if "/" in first and "sqlite" not in first.lower():
        first = first.split(" /", 1)[0]
    words = first.lower()
    if "does not exist" in words and "database" in words:
        return first + " (create it first: createdb, or CREATE DATABASE)"
    if "unable to open database file" in words:
        return "the SQLite file cannot be created or opened (check the folder and its rights)"
    return first or type(original).__name__


def describe_url(url: str) -> str:
    """The database a URL names, for messages: the kind, host, port and database name of a
    server; "the SQLite file" for SQLite (no server path); never a password."""
    try:
        parsed = make_url(url)
    except Exception:  # not even a URL
        return "the configured database (its URL cannot be read)"
    if parsed.get_backend_name() == "sqlite":
        return "the SQLite file"
    where = f"{parsed.host or 'localhost'}:{parsed.port or 'default port'}"
    return f"{parsed.get_backend_name()} database “{parsed.database}” at {where}"


def resolve_url(configured: str | None = None) -> str:
    """The database URL: as configured, else the environment variable, else the SQLite file."""
    return configured or os.environ.get(URL_VARIABLE) or DEFAULT_URL


def _sqlite_setup(engine: Engine) -> None:
    """WAL for concurrent readers, a busy timeout, FULL sync, BEGIN IMMEDIATE for writes."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get("sqlite_immediate", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str) -> Engine:
    """An engine for the URL; SQLite files get their folder created and the pragmas above."""
    if url.startswith("sqlite"):
        path = sqlite_file(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        _sqlite_setup(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


class SchemaError(RuntimeError):
    """The database was written by a newer version of the app, or is not this app's."""


MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SCHEMA_LOCK = 0x686F7374  # the PostgreSQL advisory lock that serialises schema changes
LEGACY_REVISIONS = {1: "0001", 2: "0002", 3: "0003", 4: "0004"}  # before Alembic kept its own


def _alembic(connection: Connection) -> tuple[Config, ScriptDirectory]:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config, ScriptDirectory.from_config(config)


def migrate(engine: Engine) -> int:
    """Bring the schema to this app's version with Alembic (the steps are
    storage/migrations/versions) and return that version. A database the app made before
    Alembic kept its own record (versions 1 to 4, in `schema_info`) is stamped at its version
    first, then upgraded in place. Safe when several processes start at once: on PostgreSQL
    they take an advisory lock in turn, on SQLite the write lock (BEGIN IMMEDIATE), and each
    finds what the one before it made."""
    writer = engine.execution_options(sqlite_immediate=True)
    with writer.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})
        config, scripts = _alembic(connection)
        tables = set(inspect(connection).get_table_names())
        recorded = (connection.execute(text("SELECT version FROM schema_info")).scalar()
                    if "schema_info" in tables else None)
        if recorded is not None and recorded > SCHEMA_VERSION:
            raise SchemaError(f"the database is at schema version {recorded}, newer than this "
                              f"app's {SCHEMA_VERSION}: upgrade the app")
        current = MigrationContext.configure(connection).get_current_revision()
        if current is None and recorded is not None:
            command.stamp(config, LEGACY_REVISIONS[recorded])
        elif current is None and tables:
            raise SchemaError("the database holds tables but no schema version: it was not "
                              "made by this app")
        elif current is not None and current not in {s.revision for s in scripts.walk_revisions()}:
            raise SchemaError(f"the database is at schema version {current}, newer than this "
                              f"app's {SCHEMA_VERSION}: upgrade the app")
        command.upgrade(config, "head")
    return SCHEMA_VERSION
