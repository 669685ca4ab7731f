"""Showing untrusted text in Streamlit markdown as plain text."""

from __future__ import annotations

import re

from logic.text import clean

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def plain(text: str) -> str:
    """Text a user typed, safe inside st.markdown: no markup, links, HTML or direction tricks."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", clean(text))
