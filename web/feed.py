"""The watches' feeds over HTTP: GET /feed/TOKEN answers the watch's Atom feed (the token is
the capability, like a manage link), or 404 with one line of text."""

from __future__ import annotations

from functools import cache

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from questions.translations import ENGLISH, LANGUAGES
from report.feed import MEDIA_TYPE, atom
from storage import ConfigError, MalformedToken, StorageUnavailable, Store
from storage.db import secrets_url

NOT_FOUND = "Not found: no feed at this address (the watch's link may be mistyped).\n"


@cache
def _store() -> Store:
    """The database as the app is configured (read only here, opened once per process)."""
    return Store.open(secrets_url())


async def feed(request: Request) -> Response:
    token = str(request.path_params["token"])
    try:
        found = _store().feed(token)
    except MalformedToken:
        found = None
    except (ConfigError, StorageUnavailable):
        return PlainTextResponse("The database cannot be reached now; try again later.\n",
                                 status_code=503)
    if found is None:
        return PlainTextResponse(NOT_FOUND, status_code=404)
    watch, organisation = found
    asked = request.query_params.get("lang", ENGLISH)
    language = asked if asked in LANGUAGES else ENGLISH  # an unknown one: the feed in English
    return Response(atom(watch, organisation, str(request.url), language), media_type=MEDIA_TYPE,
                    headers={"Cache-Control": "no-store"})
