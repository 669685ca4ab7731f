"""Schema version 9: watches. A watch on an assessment or a team (from its manage link) keeps
the verdict and band it started from, an optional webhook (its address and the secret its bodies
are signed with) and a private feed link (`links.watch_id`); `notices` holds each time the
verdict or band moved, and why; `deliveries` each attempt to send a notice to the webhook.
Notices and deliveries are kept for good (the database refuses to change or delete them).

Revision 0009, after 0008.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"

REFUSAL = "{table} is append-only: its rows are never updated or deleted"
KEPT = ("notices", "deliveries")


def upgrade() -> None:
    op.create_table(
        "watches", sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("assessment_id", sa.Integer, sa.ForeignKey("assessments.id")),
        sa.Column("team_id", sa.Integer, sa.ForeignKey("teams.id")),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("webhook_url", sa.String(2000)),
        sa.Column("webhook_secret", sa.String(64)),
        sa.Column("verdict", sa.String(16)),
        sa.Column("band", sa.String(40)),
        sa.Column("knowledge_version", sa.String(64), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True)))
    op.create_index("ix_watches_assessment_id", "watches", ["assessment_id"])
    op.create_index("ix_watches_team_id", "watches", ["team_id"])
    # ADD COLUMN with its reference, the same on SQLite and PostgreSQL (as in version 4)
    op.execute("ALTER TABLE links ADD COLUMN watch_id INTEGER REFERENCES watches(id)")
    op.create_table(
        "notices", sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("watch_id", sa.Integer, sa.ForeignKey("watches.id"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cause", sa.String(16), nullable=False),
        sa.Column("old_verdict", sa.String(16)),
        sa.Column("new_verdict", sa.String(16)),
        sa.Column("old_band", sa.String(40)),
        sa.Column("new_band", sa.String(40)),
        sa.Column("knowledge_version", sa.String(64), nullable=False),
        sa.Column("summary", sa.String(500), nullable=False))
    op.create_index("ix_notices_watch_id", "notices", ["watch_id"])
    op.create_table(
        "deliveries", sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("notice_id", sa.Integer, sa.ForeignKey("notices.id"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempt", sa.Integer, nullable=False),
        sa.Column("status", sa.Integer),
        sa.Column("error", sa.String(300)),
        sa.Column("delivered", sa.Boolean, nullable=False))
    op.create_index("ix_deliveries_notice_id", "deliveries", ["notice_id"])
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table in KEPT:
        if postgresql:  # kept_for_good() is version 8's
            op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION kept_for_good()")
            op.execute(f"CREATE TRIGGER {table}_not_truncated BEFORE TRUNCATE ON {table} "
                       "FOR EACH STATEMENT EXECUTE FUNCTION kept_for_good()")
            continue
        for action in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER {table}_append_only_{action.lower()} BEFORE {action} "
                       f"ON {table} BEGIN SELECT RAISE(ABORT, '{REFUSAL.format(table=table)}'); "
                       "END")
    op.execute("UPDATE schema_info SET version = 9")
