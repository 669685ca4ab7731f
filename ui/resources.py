"""Things loaded once per server process, shared by every session."""

from __future__ import annotations

import streamlit as st

from logic.bank import QuestionBank, default_bank
from logic.knowledge_base import KnowledgeBase, load_knowledge
from storage import Store


@st.cache_resource
def bank() -> QuestionBank:
    """The validated question bank."""
    return default_bank()


@st.cache_resource
def knowledge(version: str | None = None) -> KnowledgeBase:
    """A validated knowledge version (the current one by default)."""
    return load_knowledge(version) if version else load_knowledge()


def _configured_url() -> str | None:
    """`[connections.hosting_fit] url = ...` in .streamlit/secrets.toml, if there is one."""
    try:
        return str(st.secrets["connections"]["hosting_fit"]["url"])
    except Exception:  # no secrets file, no such entry, or a malformed file: use the default
        return None


@st.cache_resource
def store() -> Store:
    """The database: secrets, else HOSTING_FIT_DATABASE_URL, else data/hosting_fit.sqlite3."""
    return Store.open(_configured_url())
