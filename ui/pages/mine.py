"""The signed-in person's own assessments, shares and teams (only with sign-in configured)."""

from ui.failure import guarded
from ui.mine import mine_page

guarded(mine_page)
