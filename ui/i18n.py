"""The interface's own words in the page's language: `tr("Next")`, `tr("{n} of {total} done",
n=3, total=21)`. The English text is the message id; each language's catalogue is a gettext
file read with Babel (`ui/locales/LANG.po`). A text without a translation shows in English
(tests/ui/test_catalogue.py fails on any). `python scripts/catalogue.py` adds new texts to
every catalogue after you mark them with `tr`."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

from questions.translations import ENGLISH
from ui import language

LOCALES = Path(__file__).resolve().parent / "locales"


@cache
def catalogue(code: str) -> dict[str, str]:
    """Message id -> translation for one language (empty for English), read once."""
    if code == ENGLISH:
        return {}
    with (LOCALES / f"{code}.po").open("rb") as file:
        read = read_po(file, locale=code)
    return {str(m.id): str(m.string) for m in read if m.id and m.string and not m.fuzzy}


def tr(text: str, **values: object) -> str:
    """`text` in the page's language, with `values` put in its {placeholders}."""
    found = catalogue(language.current()).get(text, text)
    return found.format(**values) if values else found
