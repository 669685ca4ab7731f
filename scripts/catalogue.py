"""Bring the catalogues (i18n/locales/LANG.po) in step with the code: every text marked
`tr("...")` in app.py and ui/, `say(language, "...")` or `marked("...")` in logic/, report/
and ui/ becomes a message; new ones are added untranslated, gone
ones dropped, translations kept. Then translate the empty entries and run the tests
(tests/test_catalogue.py names any left).

Run: .venv/bin/python scripts/catalogue.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from questions.translations import TRANSLATED  # noqa: E402

LOCALES = ROOT / "i18n" / "locales"
METHODS = [("app.py", "python"), ("ui/**.py", "python"), ("logic/**.py", "python"),
           ("report/**.py", "python"), ("formats/**.py", "python"),
           ("questions/**.py", "python"), ("storage/**.py", "python")]
KEYWORDS = {"tr": None, "say": (2,), "marked": None, "said": None}


def messages() -> dict[str, list[tuple[str, int]]]:
    """Each marked text with where it is (file, line)."""
    found: dict[str, list[tuple[str, int]]] = {}
    for filename, line, message, _comments, _context in extract_from_dir(
            str(ROOT), METHODS, keywords=KEYWORDS, comment_tags=(), strip_comment_tags=True):
        if isinstance(message, str) and message:
            found.setdefault(message, []).append((filename, line))
    return found


def update(language: str, found: dict[str, list[tuple[str, int]]]) -> tuple[int, int]:
    """Write LANG.po with `found`'s messages; (messages, untranslated)."""
    path = LOCALES / f"{language}.po"
    old: dict[str, str] = {}
    if path.exists():
        with path.open("rb") as file:
            old = {str(m.id): str(m.string) for m in read_po(file) if m.id}
    catalog = Catalog(locale=language, project="hosting-fit", charset="utf-8",
                      fuzzy=False)
    for message in sorted(found):
        catalog.add(message, old.get(message, ""), locations=sorted(found[message]))
    LOCALES.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        write_po(file, catalog, width=100, omit_header=False, sort_output=True)
    return len(found), sum(1 for m in found if not old.get(m))


def main() -> int:
    found = messages()
    for language in TRANSLATED:
        total, empty = update(language, found)
        print(f"{language}: {total} messages, {empty} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
