"""The interface's own words in the page's language: `tr("Next")`, `tr("{n} of {total} done",
n=3, total=21)`, read from the one catalogue (`i18n/`) in the language this run speaks."""

from __future__ import annotations

from i18n import say
from ui import language


def tr(text: str, /, **values: object) -> str:
    """`text` in the page's language, with `values` put in its {placeholders}."""
    return say(language.current(), text, **values)
