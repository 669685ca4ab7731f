"""The team's manage page: a new invite link, removing a respondent, the team view."""

from __future__ import annotations

from collections import Counter

import streamlit as st

from logic.wording import day_text
from storage import StorageLimit
from storage.teams import UNDO_REMOVAL, Response
from ui import language, routing, state
from ui.i18n import tr, why
from ui.routing import not_found
from ui.team.common import NOT_FOUND, teams
from ui.team.view import team_view
from ui.text import plain
from ui.watch_view import watch_panel


def manage_team(token: str) -> None:
    """The creator's page: renew the invite link, remove respondents, then the team view."""
    info = teams().managed(token)
    if info is None:
        not_found(NOT_FOUND)
        return
    st.title(tr("Manage {team}", team=plain(info.name)))
    created = state.session().team.created
    if created is not None and created.manage == token:  # just made here: its links
        st.success(tr("Team created. This page's address is now your private manage link: "
                      "bookmark it, and a reload brings you back to the team. Send colleagues "
                      "the invite link."), icon=":material/check:")
        if state.session().team.cut_note:
            st.info(state.session().team.cut_note, icon=":material/content_cut:")
    else:
        st.info(tr("Your manage link for this team: keep it to yourself."),
                icon=":material/shield:")
    if created is not None and created.manage == token:
        st.caption(tr("Invite link: colleagues open it to add their answers"))
        st.code(routing.link("t", created.invite, "team"), language=None)
        st.caption(tr("Read-only link: the team view, without adding answers"))
        st.code(routing.link("tv", created.view, "team"), language=None)
    with st.expander(tr("Invite link and respondents"), expanded=True):
        if st.button(tr("Make a new invite link (the old one stops working)"),
                     key="renew_invite", icon=":material/autorenew:"):
            fresh = teams().renew_invite(token)
            if fresh is None:
                st.error(tr(NOT_FOUND))
            else:
                st.success(tr("The old invite link no longer works. Send this one to "
                              "colleagues:"), icon=":material/check:")
                st.code(routing.link("t", fresh, "team"), language=None)
        people = teams().responses(token)
        note = state.session().team.removal_note
        if note:  # what the last Remove or Undo did
            state.session().team.removal_note = None
            (st.success if note[0] else st.warning)(plain(note[1]))
        if people:
            _remove(token, people)
        _removed(token)
    team_view(token, info.name, people, page_heading=False, manage=True)
    watch_panel(token, team=True)



def _labels(people: list[Response]) -> dict[int, str]:
    """Each respondent's label in the removal list, different from every other's (the select
    box gives back the last option whose label matches: two "Ana (CTO)" would remove the
    wrong one): name and role, with when they answered, and their number if still the same."""
    plain_labels = {p.id: f"{p.name} ({p.role})" for p in people}
    counts = Counter(plain_labels.values())
    labels = {p.id: plain_labels[p.id] if counts[plain_labels[p.id]] == 1 else
              f"{plain_labels[p.id]}, answered {p.updated_at:%d %B %H:%M:%S}" for p in people}
    again = Counter(labels.values())
    return {i: label if again[label] == 1 else f"{label}, respondent {n}"
            for n, (i, label) in enumerate(labels.items(), start=1)}


def _remove(token: str, people: list[Response]) -> None:
    """Choose a respondent by name and remove them: the choice names the respondent's id and
    the version of their answers shown, so a list that changed meanwhile (another tab removed
    someone, they revised) never removes someone else."""
    by_id = {p.id: p for p in people}
    labels = _labels(people)
    chosen = st.selectbox(tr("Respondent"), list(by_id), key="remove_choice", index=None,
                          placeholder=tr("Choose who to remove"), format_func=labels.__getitem__)
    if st.button(tr("Remove this respondent and their answers"), key="remove_respondent",
                 icon=":material/person_remove:", disabled=chosen is None):
        person = by_id[int(chosen)]  # type: ignore[arg-type]
        outcome = teams().remove_respondent(token, person.id, person.updated_at)
        who = f"{person.name} ({person.role})"
        state.session().team.removal_note = outcome == "removed", {
            "removed": tr("Removed {who}. Their answers no longer count; undo below within "
                          "{days} days.", who=who, days=UNDO_REMOVAL.days),
            "changed": tr("Not removed: {who} revised their answers since this page was drawn. "
                          "Look at them again, then remove if you still mean to.", who=who),
            "gone": tr("Not removed: {who} is no longer in the team (removed meanwhile, perhaps "
                       "from another tab). Nobody else was removed.", who=who),
        }[outcome]
        st.session_state.pop("remove_choice", None)
        st.rerun()


def _removed(token: str) -> None:
    """Who was removed and when, each with Undo while it can still be undone."""
    gone = teams().removed(token)
    if not gone:
        return
    st.markdown("**" + tr("Removed from the team") + "**")
    lang = language.current()
    for person in gone:
        when = tr("{day}, {time} UTC",
                  day=day_text(person.removed_at.date().isoformat(), lang),
                  time=person.removed_at.strftime("%H:%M"))
        line, undo = st.columns([4, 1], vertical_alignment="center")
        if person.undo_until is None:
            line.markdown(tr("{name} ({role}), removed {when} by the manage link. Their answers "
                             "are deleted.", name=plain(person.name), role=plain(person.role),
                             when=when))
            continue
        line.markdown(tr("{name} ({role}), removed {when} by the manage link; can be undone "
                         "until {day}.", name=plain(person.name), role=plain(person.role),
                         when=when, day=day_text(person.undo_until.date().isoformat(), lang)))
        if undo.button(tr("Undo"), key=f"undo_{person.id}", icon=":material/undo:"):
            try:
                back = teams().undo_removal(token, person.id)
            except StorageLimit as exc:
                st.error(tr("Not undone: {reason}.", reason=plain(why(exc))))
                return
            state.session().team.removal_note = back, (
                tr("{name} is back in the team: their answers count again.", name=person.name)
                if back else
                tr("Not undone: {name} can no longer be brought back.", name=person.name))
            st.rerun()
