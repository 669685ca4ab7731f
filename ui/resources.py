"""Things loaded once per server process, shared by every session."""

from __future__ import annotations

import streamlit as st

from logic.knowledge_base import KnowledgeBase, load_knowledge
from questions.schema import QuestionBank
from questions.translations import bank_in
from storage import Store
from storage.db import secrets_url
from storage.limits import CreationLimits
from ui import language


def bank() -> QuestionBank:
    """The validated question bank, in the page's language (the same questions in any). Called
    many times a rerun: `bank_in` keeps each language's bank in a plain dict, cheaper than a
    Streamlit cache's call (benchmarked, bench/load.py)."""
    return bank_in(language.current())


@st.cache_resource
def knowledge(version: str | None = None, language_code: str = "en") -> KnowledgeBase:
    """A validated knowledge version (the current one by default), in its own words or a
    language's (for labels; an assessment is made from the version itself and a language)."""
    return load_knowledge(version, language_code) if version else load_knowledge(
        language=language_code)


@st.cache_resource
def store() -> Store:
    """The database: .streamlit/secrets.toml, else HOSTING_FIT_DATABASE_URL, else
    data/hosting_fit.sqlite3. A secrets file that is wrong raises ConfigError and an
    unreachable database StorageUnavailable (neither is cached: the next run tries again).
    Creations are limited per client address and overall (storage/limits.py; the limits from
    HOSTING_FIT_CREATIONS_PER_CLIENT and HOSTING_FIT_CREATIONS_PER_MINUTE)."""
    return Store.open(secrets_url(), limits=CreationLimits.from_environment())
