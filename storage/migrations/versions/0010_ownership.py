"""Schema version 10: who made what. With sign-in configured, each draft, share and team a
signed-in person makes is recorded as theirs (`ownerships`: the person's stable key, from the
identity provider's issuer and subject, and the assessment or team). Their *My assessments*
page lists these rows; nothing made before, or without sign-in, has one, and every link keeps
working as before.

A draft keeps the language it was answered in (`assessments.language`; none before: the
page's own). The plan's changes say who made them when that person was signed in
(`plan.changed_by`).

Revision 0010, after 0009.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"


def upgrade() -> None:
    op.create_table(
        "ownerships", sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("person", sa.String(300), nullable=False),
        sa.Column("assessment_id", sa.Integer, sa.ForeignKey("assessments.id")),
        sa.Column("team_id", sa.Integer, sa.ForeignKey("teams.id")),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False))
    op.create_index("ix_ownerships_person", "ownerships", ["person"])
    op.add_column("plan", sa.Column("changed_by", sa.String(120)))
    op.add_column("assessments", sa.Column("language", sa.String(8)))
    op.execute("UPDATE schema_info SET version = 10")


def downgrade() -> None:
    op.drop_column("assessments", "language")
    op.drop_column("plan", "changed_by")
    op.drop_index("ix_ownerships_person", "ownerships")
    op.drop_table("ownerships")
    op.execute("UPDATE schema_info SET version = 9")
