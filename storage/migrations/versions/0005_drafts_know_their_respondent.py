"""Schema version 5: `assessments.respondent_name` and `respondent_role`, the name and role a
team respondent gave, kept with their draft (before, they travelled in the page's address and
so into browser history and proxy logs). Empty for every draft saved before.

Revision 0005, after 0004.
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    op.execute("ALTER TABLE assessments ADD COLUMN respondent_name VARCHAR(80)")
    op.execute("ALTER TABLE assessments ADD COLUMN respondent_role VARCHAR(60)")
    op.execute("UPDATE schema_info SET version = 5")
