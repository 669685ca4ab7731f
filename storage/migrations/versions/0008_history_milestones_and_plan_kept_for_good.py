"""Schema version 8: `history`, every saved change to an assessment's answers and notes (who,
when, the answers and notes after it, the knowledge version in force, where an answer came
from), `milestones`, a named point of that history frozen with the knowledge version and verdict
it was saved under, and `plan`, each change to an action's owner, due date, status and note, for
an assessment or a team (the newest per action is the plan). All three are kept for good:
triggers make the database itself refuse to update or delete a row, on SQLite and on PostgreSQL.
Every assessment saved before gets one history entry, "recorded", with what it holds now and its
last save time; nothing stored is rewritten.

Revision 0008, after 0007.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"

REFUSAL = "{table} is append-only: its rows are never updated or deleted"
KEPT = ("history", "milestones", "plan")


def upgrade() -> None:
    op.create_table(
        "history", sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("assessment_id", sa.Integer, sa.ForeignKey("assessments.id"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("who", sa.String(80)),
        sa.Column("event", sa.String(16), nullable=False),
        sa.Column("answers", sa.JSON, nullable=False),
        sa.Column("notes", sa.JSON, nullable=False),
        sa.Column("knowledge_version", sa.String(64)),
        sa.Column("source", sa.String(120)))
    op.create_index("ix_history_assessment_id", "history", ["assessment_id"])
    op.create_table(
        "milestones", sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("assessment_id", sa.Integer, sa.ForeignKey("assessments.id"), nullable=False),
        sa.Column("history_id", sa.Integer, sa.ForeignKey("history.id"), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("knowledge_version", sa.String(64), nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False))
    op.create_index("ix_milestones_assessment_id", "milestones", ["assessment_id"])
    op.create_table(
        "plan", sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("assessment_id", sa.Integer, sa.ForeignKey("assessments.id")),
        sa.Column("team_id", sa.Integer, sa.ForeignKey("teams.id")),
        sa.Column("action_key", sa.String(120), nullable=False),
        sa.Column("owner", sa.String(80)),
        sa.Column("due", sa.Date),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("note", sa.String(2000)),
        sa.Column("knowledge_version", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False))
    op.create_index("ix_plan_assessment_id", "plan", ["assessment_id"])
    op.create_index("ix_plan_team_id", "plan", ["team_id"])
    op.execute("INSERT INTO history (assessment_id, at, who, event, answers, notes, "
               "knowledge_version) SELECT id, updated_at, respondent_name, 'recorded', answers, "
               "notes, knowledge_version FROM assessments ORDER BY id")
    postgresql = op.get_bind().dialect.name == "postgresql"
    if postgresql:
        op.execute("CREATE FUNCTION kept_for_good() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   "BEGIN RAISE EXCEPTION '% is append-only: its rows are never updated or "
                   "deleted', TG_TABLE_NAME; END $$")
    for table in KEPT:
        if postgresql:
            op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION kept_for_good()")
            op.execute(f"CREATE TRIGGER {table}_not_truncated BEFORE TRUNCATE ON {table} "
                       "FOR EACH STATEMENT EXECUTE FUNCTION kept_for_good()")
            continue
        for action in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER {table}_append_only_{action.lower()} BEFORE {action} "
                       f"ON {table} BEGIN SELECT RAISE(ABORT, '{REFUSAL.format(table=table)}'); "
                       "END")
    op.execute("UPDATE schema_info SET version = 8")
