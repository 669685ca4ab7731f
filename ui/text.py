"""Showing untrusted text in Streamlit markdown as plain text."""

from __future__ import annotations

from logic.text import markdown_plain


def plain(text: str) -> str:
    """Text a user typed, safe inside st.markdown: no markup, links, HTML or direction tricks."""
    return markdown_plain(text)
