"""What a person sees when something fails that no page handled: a short message with a
reference that is in the server log, never a traceback or a server path."""

from __future__ import annotations

import logging
import secrets

import streamlit as st

LOG = logging.getLogger("hosting_fit")


def unexpected() -> str:
    """Log the exception being handled under a new reference and tell the person; returns the
    reference."""
    reference = secrets.token_hex(4)
    LOG.exception("unhandled error, reference %s", reference)
    st.error(
        f"Something went wrong on our side, and this page could not be shown. Your answers "
        f"and drafts are kept. Reload the page to go on; if it happens again, give this "
        f"reference to whoever runs the app: **{reference}**.",
        icon=":material/error:",
    )
    return reference
