"""Schema version 3: every link, of assessments and of teams, in one `links` table (a team's
`view` link is now `team_view`); the two token tables of version 2 are emptied into it.

Revision 0003, after 0002.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"

WHEN = sa.DateTime(timezone=True)
COLUMNS = "token_hash, purpose, assessment_id, team_id, respondent_id, created_at, revoked_at"


def upgrade() -> None:
    op.create_table(
        "links", sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("purpose", sa.String(16), nullable=False),
        sa.Column("assessment_id", sa.Integer, sa.ForeignKey("assessments.id")),
        sa.Column("team_id", sa.Integer, sa.ForeignKey("teams.id")),
        sa.Column("respondent_id", sa.Integer, sa.ForeignKey("respondents.id")),
        sa.Column("created_at", WHEN, nullable=False), sa.Column("revoked_at", WHEN))
    op.create_index("ix_links_assessment_id", "links", ["assessment_id"])
    op.create_index("ix_links_team_id", "links", ["team_id"])
    op.execute(f"INSERT INTO links ({COLUMNS}) SELECT token_hash, purpose, assessment_id, NULL, "
               "NULL, created_at, revoked_at FROM tokens")
    op.execute(f"INSERT INTO links ({COLUMNS}) SELECT token_hash, CASE purpose WHEN 'view' "
               "THEN 'team_view' ELSE purpose END, NULL, team_id, respondent_id, created_at, "
               "NULL FROM team_tokens")
    op.drop_table("tokens")
    op.drop_table("team_tokens")
    op.execute("UPDATE schema_info SET version = 3")
