"""The Team page: which team view a link opens."""

from __future__ import annotations

from ui import routing, signin
from ui.routing import not_found
from ui.team.common import NOT_FOUND, TEAM_ROUTES, teams
from ui.team.join import join, revise
from ui.team.manage import manage_team
from ui.team.start import start_team
from ui.team.view import team_view


def team_page() -> None:
    """One h1 a view: each view names itself (the team view is a section under the invite's
    and the manage page's own heading)."""
    where = routing.route(routing.address(), TEAM_ROUTES)
    if where.view == "error":
        not_found(where.problem or "")
    elif not signin.allowed(change=where.view != "view"):  # a team view link only reads
        return
    elif where.view == "new":
        start_team()
    elif where.view == "manage":
        manage_team(where.token or "")
    elif where.view == "respondent":
        team_name = revise(where.token or "")
        if team_name is not None:
            team_view(where.token or "", team_name)
    else:
        info = teams().info(where.token or "")
        if info is None or (where.view == "invite") != info.can_answer:
            not_found(NOT_FOUND)
            return
        if info.can_answer:
            join(where.token or "", info.name)
        team_view(where.token or "", info.name, page_heading=not info.can_answer)

