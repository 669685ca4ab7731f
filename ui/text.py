"""Showing untrusted text in Streamlit markdown as plain text."""

from __future__ import annotations

import re
import unicodedata

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def plain(text: str) -> str:
    """Text a user typed, safe to put inside st.markdown: no markup, links, HTML or controls."""
    cleaned = "".join(
        ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf") or ch in "\t"
    )
    return _MARKDOWN_SPECIAL.sub(r"\\\1", cleaned)
