"""Schema version 2: teams, their respondents and the team links.

Revision 0002, after 0001.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table("teams", sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("name", sa.String(120), nullable=False),
                    sa.Column("created_at", WHEN, nullable=False))
    op.create_table(
        "respondents", sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("team_id", sa.Integer, sa.ForeignKey("teams.id"), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("role", sa.String(60), nullable=False),
        sa.Column("answers", sa.JSON, nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("updated_at", WHEN, nullable=False))
    op.create_index("ix_respondents_team_id", "respondents", ["team_id"])
    op.create_table(
        "team_tokens", sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("team_id", sa.Integer, sa.ForeignKey("teams.id"), nullable=False),
        sa.Column("respondent_id", sa.Integer, sa.ForeignKey("respondents.id")),
        sa.Column("purpose", sa.String(16), nullable=False),
        sa.Column("created_at", WHEN, nullable=False))
    op.execute("UPDATE schema_info SET version = 2")
