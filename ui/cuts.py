"""What a text field keeps: a text cut to its limit, and the word under the field that says
so, in the page's language (a paste over the limit is never dropped silently)."""

from __future__ import annotations

import streamlit as st

from ui.i18n import tr

TRIMMED = "{key}__trimmed"  # session key: how long the text was before it was cut


def trim_to(key: str, limit: int) -> None:
    """A widget callback: cut the text under `key` to `limit` characters, remembering how long
    it was so the form can say so (a paste over the limit is never dropped silently)."""
    value = st.session_state.get(key) or ""
    if len(value) > limit:
        st.session_state[key] = value[:limit]
        st.session_state[TRIMMED.format(key=key)] = len(value)
    else:
        st.session_state.pop(TRIMMED.format(key=key), None)


def trimmed_note(key: str, limit: int) -> None:
    """Say, under the widget, that its text was cut (and from how long)."""
    was = st.session_state.get(TRIMMED.format(key=key))
    if was:
        st.caption(tr("Cut to {limit} characters, the most kept here: the text entered had "
                      "{was}.", limit=format(limit, ","), was=format(was, ",")))


def limited(text: str, limit: int, what: str) -> tuple[str, str | None]:
    """For a field inside a form (no callbacks there): the text cut to `limit`, and a note
    saying so when it was cut."""
    if len(text) <= limit:
        return text, None
    return text[:limit], tr("{what} was cut to {limit} characters (it had {was}).", what=what,
                            limit=format(limit, ","), was=format(len(text), ","))
