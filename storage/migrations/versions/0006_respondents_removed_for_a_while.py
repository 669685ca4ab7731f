"""Schema version 6: `respondents.removed_at`, when the team's manager removed a respondent.
Removal takes the answers out of the team at once and can be undone for a while; after that
the answers are wiped and the name, role and time stay for the manage page's record of who
was removed when. Empty for every respondent saved before.

Revision 0006, after 0005.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    op.add_column("respondents", sa.Column("removed_at", sa.DateTime(timezone=True)))
    op.execute("UPDATE schema_info SET version = 6")
