"""Schema version 1: assessments (drafts and shares) and their link tokens.

Revision 0001, the first.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table("schema_info", sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("version", sa.Integer, nullable=False))
    op.create_table(
        "assessments", sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("answers", sa.JSON, nullable=False),
        sa.Column("notes", sa.JSON, nullable=False),
        sa.Column("knowledge_version", sa.String(64)), sa.Column("verdict", sa.String(16)),
        sa.Column("copied_from", sa.Integer, sa.ForeignKey("assessments.id")),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("updated_at", WHEN, nullable=False))
    op.create_table(
        "tokens", sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("assessment_id", sa.Integer, sa.ForeignKey("assessments.id"), nullable=False),
        sa.Column("purpose", sa.String(16), nullable=False),
        sa.Column("created_at", WHEN, nullable=False), sa.Column("revoked_at", WHEN))
    op.execute("INSERT INTO schema_info (id, version) VALUES (1, 1)")
