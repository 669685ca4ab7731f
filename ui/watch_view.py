"""The manage page's watch: word when the verdict or band moves (an answer change, a new
knowledge version, a milestone), through a private Atom feed and, where the deployment allows
it, a webhook signed with a secret of its own; notices and delivery attempts listed."""

from __future__ import annotations

from urllib.parse import urlsplit

import streamlit as st

from report.feed import notice_words
from report.history import when
from storage import StorageLimit, Store
from storage.teams import TeamStore
from storage.watch import WatchView
from storage.webhooks import SIGNATURE_HEADER, WebhookRefused
from ui import language, routing
from ui.i18n import tr, why
from ui.resources import store
from ui.team.common import teams
from ui.text import plain, show_table

URL_KEY, NOTE_KEY, MADE_KEY = "watch_webhook", "watch_note", "watch_made"


def _owner(team: bool) -> Store | TeamStore:
    return teams() if team else store()


def _start(token: str, team: bool) -> None:
    url = (st.session_state.get(URL_KEY) or "").strip() or None
    try:
        made = _owner(team).watch(token, url)
    except (WebhookRefused, StorageLimit) as exc:
        st.session_state[NOTE_KEY] = tr("Not watched: {reason}.", reason=why(exc))
        return
    if made is None:
        st.session_state[NOTE_KEY] = tr("Not watched: this manage link opens nothing.")
        return
    st.session_state[URL_KEY] = ""
    st.session_state[MADE_KEY] = (made.watch_id, made.feed, made.secret)


def _stop(token: str, watch_id: int, team: bool) -> None:
    _owner(team).stop_watch(token, watch_id)


def _feed_url(feed: str) -> str:
    """The feed's address, in the page's language (its `lang`)."""
    code = language.current()
    return f"{routing.root_url()}feed/{feed}" + ("" if code == "en" else f"?lang={code}")


def _listed(token: str, watch: WatchView, team: bool) -> None:
    with st.container(border=True, key=f"watch_{watch.watch_id}"):
        text, action = st.columns([3, 1], vertical_alignment="center")
        lang = language.current()
        target = (tr("webhook to {host}", host=plain(urlsplit(watch.webhook_url).netloc))
                  if watch.webhook_url else tr("feed only"))
        state = tr("stopped") if watch.stopped else tr("watching")
        since = tr("Since {when}", when=when(watch.created_at, lang))
        count = (tr("{n} notice so far.", n=len(watch.notices)) if len(watch.notices) == 1
                 else tr("{n} notices so far.", n=len(watch.notices)))
        text.markdown(f"**{since}**, {target}, {state}.  \n{count}")
        if not watch.stopped:
            action.button(tr("Stop watching"), key=f"watch_stop_{watch.watch_id}",
                          on_click=_stop, args=(token, watch.watch_id, team))
        if watch.notices:
            st.markdown("\n".join(f"- {when(n.at, lang)}: {plain(notice_words(n, lang))}"
                                  for n in watch.notices))
        if watch.deliveries:
            failed = sum(1 for d in watch.deliveries if not d.delivered)
            n = len(watch.deliveries)
            with st.expander(tr("Webhook deliveries: {n} attempt, {failed} failed", n=n,
                                failed=failed) if n == 1 else
                             tr("Webhook deliveries: {n} attempts, {failed} failed", n=n,
                                failed=failed), icon=":material/outbox:"):
                at, notice, attempt, result = (tr("When"), tr("Notice"), tr("Attempt"),
                                               tr("Result"))
                show_table([{at: when(d.at, lang), notice: str(d.notice_id),
                             attempt: str(d.attempt),
                             result: tr("delivered") if d.delivered else plain(d.error or "")}
                            for d in watch.deliveries], index=at)


def watch_panel(token: str, team: bool = False) -> None:
    """Watches on the assessment (or, with `team`, the team) behind this manage link."""
    st.markdown("## " + tr("Word when it changes"))
    st.caption(tr("Watch this team: when the team's answers change (a respondent answers, "
                  "revises or is removed) or a new knowledge version moves the team verdict or "
                  "the band of “Don't know” answers, word goes to a private feed (any feed "
                  "reader) and, where this deployment allows it, to a webhook.") if team else
               tr("Watch this assessment: when an answer change, a new knowledge version or a "
                  "milestone moves the verdict or the band of “Don't know” answers, word goes "
                  "to a private feed (any feed reader) and, where this deployment allows it, to "
                  "a webhook."))
    note = st.session_state.pop(NOTE_KEY, None)
    if note:
        st.error(plain(note))
    made = st.session_state.get(MADE_KEY)
    if made:
        st.success(tr("Watching. The feed's address is private, like this manage link; it is "
                      "shown only now: copy it."), icon=":material/rss_feed:")
        st.code(_feed_url(made[1]), language=None)
        if made[2]:
            st.caption(tr("The webhook's secret: each body is signed with HMAC-SHA256 under "
                          "it, in the {header} header (sha256=…). Shown only now.",
                          header=SIGNATURE_HEADER))
            st.code(made[2], language=None)
    address, button = st.columns([3, 2], vertical_alignment="bottom")
    address.text_input(tr("Webhook address (optional)"), key=URL_KEY, max_chars=2000,
                       placeholder="https://hooks.example.com/…",
                       help=tr("Receives JSON with the old and new verdict and what moved it. "
                               "Only addresses on this deployment's allow-list are sent to."))
    button.button(tr("Watch this team") if team else tr("Watch this assessment"),
                  key="watch_start",
                  icon=":material/notifications:", on_click=_start, args=(token, team),
                  width="stretch")
    for watch in _owner(team).watches(token):
        _listed(token, watch, team)
