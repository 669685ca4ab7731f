"""Schema version 7: `creations`, one row per draft, share, copy, team or team answer made in
the last hour (who made it, as a hash of their address; what; when), so creation limits per
client and overall hold in the same transaction as the write, whichever process serves.

Revision 0007, after 0006.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"


def upgrade() -> None:
    op.create_table("creations", sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("client", sa.String(64)),
                    sa.Column("kind", sa.String(16), nullable=False),
                    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False))
    op.create_index("ix_creations_created_at", "creations", ["created_at"])
    op.create_index("ix_creations_client_created_at", "creations", ["client", "created_at"])
    op.execute("UPDATE schema_info SET version = 7")
