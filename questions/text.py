"""Untrusted text (names, notes) made safe to display: no controls, no direction overrides."""

from __future__ import annotations

import re
import unicodedata

# Explicit embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069) and the bare
# direction marks: they could make a name display as something other than what was typed.
_DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_SPACES = re.compile(r"\s+")
_SURROGATES = re.compile("[\ud800-\udfff]")  # halves of a UTF-16 pair: never a character


def check_text(text: str) -> str:
    """The text, or ValueError when it holds a lone surrogate (which can be neither shown,
    stored as UTF-8 nor printed) or a NUL character (which PostgreSQL cannot store)."""
    found = _SURROGATES.search(text)
    if found:
        raise ValueError(said("holds {code}, a lone surrogate, which is not a character",
                              code="\\u" + format(ord(found.group()), "04x")))
    if "\x00" in text:
        raise ValueError(said("holds a NUL character ({code}), which cannot be stored",
                              code="\\u0000"))
    return text


def without_direction_controls(text: str) -> str:
    """The text with embeddings, overrides, isolates and direction marks taken out (they make
    text display as something other than what it is); line breaks and the rest kept."""
    return _DIRECTION_CONTROLS.sub("", text)


def clean(text: str) -> str:
    """One line of display text: direction controls and control characters removed."""
    text = _SURROGATES.sub("", _DIRECTION_CONTROLS.sub("", text))
    text = "".join(
        " " if unicodedata.category(ch) == "Cc" and ch in "\t\n\r\x0b\x0c" else ch
        for ch in text
        if unicodedata.category(ch) != "Cc" or ch in "\t\n\r\x0b\x0c"
    )
    return _SPACES.sub(" ", text).strip()


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


# GitHub-flavoured Markdown links bare addresses (http://…, www.…, a@b.example) whatever is
# escaped around them; a WORD JOINER (U+2060, invisible) after the scheme or before the @ keeps
# them text.
_BARE_LINKS = re.compile(r"(?i)\b(https?|ftp|mailto|www)(?=[:.])|(?=@)")
WORD_JOINER = "\u2060"


def markdown_plain(text: str) -> str:
    """Untrusted text for a Markdown document: cleaned, every markup character escaped, bare
    addresses kept from becoming links."""
    unlinked = _BARE_LINKS.sub(lambda m: (m.group(1) or "") + WORD_JOINER, clean(text))
    return _MARKDOWN_SPECIAL.sub(r"\\\1", unlinked)


def plural(count: int, one: str, many: str | None = None) -> str:
    """'1 respondent', '3 respondents' (`many` when the plural is not one + 's')."""
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


class Said(str):
    """A message in English that keeps its words' template and values, so a page in another
    language can say it in its own (ui.i18n.tr does, through the catalogue); everywhere else
    it is the English text itself. Made with `said`, which marks the template for the
    catalogue."""

    template: str
    values: dict[str, object]

    def __new__(cls, template: str, /, **values: object) -> Said:
        made = super().__new__(cls, template.format(**values) if values else template)
        made.template, made.values = template, values
        return made


def said(template: str, /, **values: object) -> Said:
    """`template` with `values` in its {placeholders}, as a message another language can say."""
    return Said(template, **values)


def message_of(exc: BaseException) -> str:
    """What an exception says, as it was raised: a message made with `said` stays one (so a
    page can still say it in its language)."""
    first = exc.args[0] if exc.args else None
    return first if isinstance(first, str) else str(exc)
