"""The words the code itself says, in the reader's language: `say("de", "Next")`,
`say(language, "{n} of {total} done", n=3, total=21)`. The English text is the message id;
each language's catalogue is one gettext file read with Babel (`i18n/locales/LANG.po`),
shared by the interface, the result's wording and the reports. A text without a translation
reads in English (tests/test_catalogue.py fails on any). Mark a text with `say` (or `tr` in
ui/, or `marked` where it is kept to be said later) and run `python scripts/catalogue.py`.

The bank's and the knowledge's words are not here: they are data beside what they translate
(questions/bank/translations/, logic/data/translations/)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

from questions.translations import ENGLISH, LANGUAGES

LOCALES = Path(__file__).resolve().parent / "locales"


@cache
def catalogue(code: str) -> dict[str, str]:
    """Message id -> translation for one language (empty for English), read once."""
    if code == ENGLISH or code not in LANGUAGES:
        return {}
    with (LOCALES / f"{code}.po").open("rb") as file:
        read = read_po(file, locale=code)
    return {str(m.id): str(m.string) for m in read if m.id and m.string and not m.fuzzy}


def say(language: str, text: str, /, **values: object) -> str:
    """`text` in `language`, with `values` put in its {placeholders}."""
    found = catalogue(language).get(text, text)
    return found.format(**values) if values else found


def marked(text: str) -> str:
    """A text kept (in a table, say) to be said later through `say`: marked for the catalogue,
    returned as it is."""
    return text
