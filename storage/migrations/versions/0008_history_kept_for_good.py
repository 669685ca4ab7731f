"""Schema version 8: `history`, every saved change to an assessment's answers and notes (who,
when, the answers and notes after it, the knowledge version in force), append-only: triggers
make the database itself refuse to update or delete a row, on SQLite and on PostgreSQL. Every
assessment saved before gets one entry, "recorded", with what it holds now and its last save
time; nothing stored is rewritten.

Revision 0008, after 0007.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"

REFUSAL = "history is append-only: its rows are never updated or deleted"


def upgrade() -> None:
    op.create_table(
        "history", sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("assessment_id", sa.Integer, sa.ForeignKey("assessments.id"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("who", sa.String(80)),
        sa.Column("event", sa.String(16), nullable=False),
        sa.Column("answers", sa.JSON, nullable=False),
        sa.Column("notes", sa.JSON, nullable=False),
        sa.Column("knowledge_version", sa.String(64)))
    op.create_index("ix_history_assessment_id", "history", ["assessment_id"])
    op.execute("INSERT INTO history (assessment_id, at, who, event, answers, notes, "
               "knowledge_version) SELECT id, updated_at, respondent_name, 'recorded', answers, "
               "notes, knowledge_version FROM assessments ORDER BY id")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE FUNCTION history_append_only() RETURNS trigger LANGUAGE plpgsql AS "
                   f"$$ BEGIN RAISE EXCEPTION '{REFUSAL}'; END $$")
        op.execute("CREATE TRIGGER history_append_only BEFORE UPDATE OR DELETE ON history "
                   "FOR EACH ROW EXECUTE FUNCTION history_append_only()")
        op.execute("CREATE TRIGGER history_not_truncated BEFORE TRUNCATE ON history "
                   "FOR EACH STATEMENT EXECUTE FUNCTION history_append_only()")
    else:
        for action in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER history_append_only_{action.lower()} BEFORE {action} "
                       f"ON history BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END")
    op.execute("UPDATE schema_info SET version = 8")
