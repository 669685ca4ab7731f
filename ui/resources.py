"""Things loaded once per server process, shared by every session."""

from __future__ import annotations

import streamlit as st

from logic.knowledge_base import KnowledgeBase, load_knowledge
from questions.loader import default_bank
from questions.models import QuestionBank


@st.cache_resource
def bank() -> QuestionBank:
    """The validated question bank."""
    return default_bank()


@st.cache_resource
def knowledge(version: str | None = None) -> KnowledgeBase:
    """A validated knowledge version (the current one by default)."""
    return load_knowledge(version) if version else load_knowledge()
