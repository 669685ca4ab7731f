"""The owner's manage page: every share made from the same draft, each with revoke or a new link,
then the result."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from logic.knowledge_base import DEFAULT_VERSION, available_versions
from logic.wording import day_text
from storage import ShareEntry
from ui import language, routing, state
from ui.history_view import history_panel
from ui.i18n import tr
from ui.milestones_view import milestones_panel
from ui.plan_view import plan_panel
from ui.resources import knowledge, store
from ui.saved_result import show
from ui.watch_view import watch_panel


def _share_row(token: str, entry: ShareEntry,
               kb_label: Callable[[ShareEntry], str | None]) -> None:
    """One share of the assessment on its manage page: when, which verdict, open or revoked,
    and the button that revokes it (after a confirmation) or gives it a new link."""
    with st.container(border=True, key=f"share_{entry.share_id}"):
        text, actions = st.columns([3, 2], vertical_alignment="center")
        status = tr("open to anyone with its link") if entry.open else tr("revoked")
        mark = " " + tr("(this manage link)") if entry.this else ""
        verdict = kb_label(entry) or tr("no verdict saved")
        shared = tr("Shared {day}, {time} UTC",
                    day=day_text(entry.created_at.date().isoformat(), language.current()),
                    time=entry.created_at.strftime("%H:%M"))
        text.markdown(f"**{shared}**{mark}  \n{verdict}, {status}.")
        if entry.open:
            with actions.popover(tr("Revoke…"), icon=":material/link_off:"):
                st.caption(tr("Colleagues who open this share link will see “not found”. The "
                              "other shares are not touched."))
                st.button(tr("Revoke this share link"), key=f"revoke_{entry.share_id}",
                          type="primary", on_click=_revoke, args=(token, entry.share_id))
        else:
            actions.button(tr("New share link"), key=f"reshare_{entry.share_id}",
                           icon=":material/add_link:", on_click=_reshare,
                           args=(token, entry.share_id),
                           help=tr("A new link to the same saved result; the revoked one stays "
                                   "revoked."))
        fresh = state.session().sharing.new_links.get(entry.share_id)
        if fresh:
            st.caption(tr("New share link: send it to colleagues (shown once: copy it now)"))
            st.code(routing.link("a", fresh), language=None)


def _revoke(token: str, share_id: int) -> None:
    store().revoke(token, share_id)
    state.session().sharing.new_links.pop(share_id, None)


def _reshare(token: str, share_id: int) -> None:
    view = store().reshare(token, share_id)
    if view is not None:
        state.session().sharing.new_links[share_id] = view


def manage_page(token: str) -> None:
    """The owner's page: every share made from the same draft, each with revoke or a new link,
    then the result this manage link belongs to."""
    saved = store().open_managed(token)
    if saved is None:
        routing.not_found(tr("Not found: no assessment is managed with this link."))
        return
    st.info(tr("Your private manage link. Anyone with it can revoke these share links; do not "
               "forward it."), icon=":material/admin_panel_settings:")
    if saved.revoked:
        st.warning(tr("The share link of this result has been revoked: colleagues who open it "
                      "see “not found”."), icon=":material/link_off:")
    entries = store().shares(token)
    st.markdown("## " + tr("Share links of this assessment"))
    st.caption(tr("{n} share made from this assessment. Revoking it closes its link.",
                  n=len(entries)) if len(entries) == 1 else
               tr("{n} shares made from this assessment, oldest first. Revoking one leaves the "
                  "others open.", n=len(entries)))

    def label(entry: ShareEntry) -> str | None:
        version = entry.knowledge_version or DEFAULT_VERSION
        if entry.verdict is None or version not in available_versions():
            return entry.verdict
        return knowledge(version, language.current()).verdicts[entry.verdict].label

    for entry in entries:
        _share_row(token, entry, label)
    history = store().history(token)
    plan_panel(token, history, can_record=store().made_from_draft(token))
    milestones_panel(token, history)
    watch_panel(token)
    history_panel(history)
    st.markdown("## " + tr("The result behind this link"))
    show(saved)

