"""What a person sees when something fails that no page handled: a short message with a
reference that is in the server log, never a traceback or a server path."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable

import streamlit as st
from sqlalchemy.exc import InterfaceError, OperationalError

from storage import ConfigError, StorageUnavailable
from ui.i18n import tr
from ui.text import plain

RETRY_SECONDS = 5

LOG = logging.getLogger("hosting_fit")


def unexpected() -> str:
    """Log the exception being handled under a new reference and tell the person; returns the
    reference."""
    reference = secrets.token_hex(4)
    LOG.exception("unhandled error, reference %s", reference)
    st.error(tr("Something went wrong on our side, and this page could not be shown. Your "
                "answers and drafts are kept. Reload the page to go on; if it happens again, "
                "give this reference to whoever runs the app: **{reference}**.",
                reference=reference), icon=":material/error:")
    return reference


def guarded(run: Callable[[], object]) -> None:
    """Run a page, or the part of one that reruns on its own (a fragment), so that whatever it
    raises reaches the person as `storage_problem`'s or `unexpected`'s message. Streamlit's
    own rerun and stop signals are not Exceptions: they pass."""
    try:
        run()
    except Exception as exc:
        if not storage_problem(exc):
            unexpected()


def storage_problem(exc: BaseException) -> bool:
    """Say so when `exc` is the database's doing (misconfigured, unreachable, or down for a
    moment) and retry; False when it is something else."""
    if isinstance(exc, ConfigError):
        st.error(tr("The app is misconfigured and has stopped rather than save to the wrong "
                    "place: {reason}", reason=plain(str(exc))), icon=":material/settings_alert:")
        return True
    if isinstance(exc, StorageUnavailable | OperationalError | InterfaceError):
        why = (str(exc) if isinstance(exc, StorageUnavailable)
               else tr("the database did not answer"))
        LOG.warning("storage unavailable: %s", exc.__class__.__name__)
        st.warning(tr("Storage unavailable, retrying every {seconds} seconds. {reason}. What "
                      "you have entered in this tab is kept and saved when the database is "
                      "back; nothing needs restarting.", seconds=RETRY_SECONDS,
                      reason=plain(why)), icon=":material/cloud_off:")
        _retry_soon()
        return True
    return False


def _retry_soon() -> None:
    """Run the page again in a few seconds (the browser keeps the session meanwhile)."""
    @st.fragment(run_every=RETRY_SECONDS)
    def _tick() -> None:
        if st.session_state.get("_storage_retry_armed"):
            st.session_state["_storage_retry_armed"] = False
            st.rerun(scope="app")
        st.session_state["_storage_retry_armed"] = True

    _tick()
