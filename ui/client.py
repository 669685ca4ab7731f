"""Who is asking, for the creation limits: the address of the browser's connection, or behind
a trusted proxy (HAProxy sets X-Forwarded-For) the address the proxy saw. The header is read
only when the connection comes from an address listed in HOSTING_FIT_TRUSTED_PROXIES
(scripts/cluster.sh lists its HAProxy's, 127.0.0.1); from anyone else it could be forged."""

from __future__ import annotations

import os

import streamlit as st

TRUSTED_VARIABLE = "HOSTING_FIT_TRUSTED_PROXIES"
LOCAL = "127.0.0.1"  # Streamlit reports a connection from this machine as no address


def client_address() -> str | None:
    """The client's address; None when there is no browser connection (AppTest)."""
    headers = st.context.headers
    if not headers:
        return None
    peer = st.context.ip_address or LOCAL
    trusted = {a.strip() for a in os.environ.get(TRUSTED_VARIABLE, "").split(",") if a.strip()}
    if peer in trusted:
        forwarded = [a.strip() for a in ",".join(headers.get_all("X-Forwarded-For")).split(",")
                     if a.strip()]
        if forwarded:
            return forwarded[-1]  # the one the proxy added; the rest the client could write
    return peer
