"""Schema version 4: `assessments.shared_from`, the draft a shared snapshot was made from (empty
for shares saved before: each of those is listed on its own manage page).

Revision 0004, after 0003.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    # ADD COLUMN with its reference, the same on SQLite and PostgreSQL (a batch copy of the
    # table on SQLite would drop a table other tables refer to)
    op.execute("ALTER TABLE assessments ADD COLUMN shared_from INTEGER "
               "REFERENCES assessments(id)")
    op.create_index("ix_assessments_shared_from", "assessments", ["shared_from"])
    op.execute("UPDATE schema_info SET version = 4")
