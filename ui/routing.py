"""Which view an address asks for, the links the app hands out, and the page for a link that opens
nothing."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import streamlit as st

from i18n import marked
from storage import MalformedToken
from storage.tokens import check
from ui.drafts import start_new
from ui.i18n import tr
from ui.state import Params

# query parameter -> the view it opens
ROUTES = {"a": "shared", "m": "manage", "d": "draft"}


@dataclass(frozen=True)
class Route:
    """What the URL asks for: a view and its token, or a message saying what is wrong."""

    view: str
    token: str | None = None
    problem: str | None = None


def address() -> Params:
    """The query string with every value a key was given (`to_dict` keeps only the last, so
    `?a=T&a=T` would read as one link)."""
    return {key: values[0] if len(values) == 1 else values
            for key in st.query_params for values in [st.query_params.get_all(key)]}


def route(params: Params, routes: dict[str, str] = ROUTES) -> Route:
    """Read the query string; never trust it: one known key, one well-formed token."""
    keys = [k for k in routes if k in params]
    if not keys:
        return Route("new")
    if len(keys) > 1:
        return Route("error", problem=tr("This address mixes parts of different links, so "
                                         "it is not clear what to open. Open the link exactly "
                                         "as it was sent to you."))
    values = params[keys[0]]
    token = values if isinstance(values, str) else (values[0] if len(values) == 1 else None)
    if token is None:
        return Route("error", problem=tr("This address holds the same kind of link twice. "
                                         "Open the link exactly as it was sent to you."))
    try:
        return Route(routes[keys[0]], check(token))
    except MalformedToken:
        return Route("error", problem=tr("This link looks damaged: part of it is missing or "
                                         "was changed (it may have been cut when it was copied, "
                                         "or wrapped across lines in an email). Ask whoever "
                                         "sent it for the link again, and open it exactly as "
                                         "sent."))


PAGE_PATHS = ("assessment", "team", "knowledge", "batch")


def root_url() -> str:
    """The app's root URL as the browser sees it (behind any proxy path), ending in '/'."""
    url = getattr(st.context, "url", None) or "http://localhost:8501/"
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    if path.rsplit("/", 1)[-1] in PAGE_PATHS:
        path = path.rsplit("/", 1)[0]
    return urlunsplit((parts.scheme, parts.netloc, path + "/", "", ""))


def link(key: str, token: str, page: str = "") -> str:
    """A link to a page of the app with one token in its query string."""
    return f"{root_url()}{page}?{key}={token}"


NOT_FOUND = marked("Not found: no assessment is shared at this link. It may have been revoked "
                   "by whoever shared it, or mistyped. Ask them for a new link.")


def not_found(message: str = NOT_FOUND) -> None:
    """A clear dead-end page for a bad or unknown link, with a way forward."""
    st.error(tr(message), icon=":material/link_off:")
    st.button(tr("Start a new assessment"), key="start_new", type="primary",
              on_click=start_new, icon=":material/add:")

