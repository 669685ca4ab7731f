"""The catalogues (i18n/locales/LANG.po): every text the code marks with `tr`, `say`
or `marked` is translated into every language with the same placeholders, nothing stale is
kept, and every call names its text literally (so the extraction sees it)."""

from __future__ import annotations

import ast
import importlib.util

import pytest
from babel.messages.pofile import read_po

import i18n
from questions.translations import TRANSLATED, placeholders
from tests.conftest import ROOT


def _script():
    spec = importlib.util.spec_from_file_location("catalogue", ROOT / "scripts/catalogue.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MARKED = _script().messages()


def _read(language: str):
    with (ROOT / "i18n" / "locales" / f"{language}.po").open("rb") as file:
        return {str(m.id): m for m in read_po(file) if m.id}


def test_the_code_marks_the_interfaces_words():
    assert "Next" in MARKED and "Get recommendation" in MARKED
    assert len(MARKED) >= 30


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_marked_text_is_translated_with_the_same_placeholders(language):
    entries = _read(language)
    problems = []
    for text in sorted(MARKED):
        entry = entries.get(text)
        if entry is None or not entry.string:
            problems.append(f"{language}: no translation of {text!r} "
                            "(run scripts/catalogue.py, then translate)")
        elif entry.fuzzy:
            problems.append(f"{language}: {text!r} is marked fuzzy")
        elif placeholders(text) != placeholders(entry.string):
            problems.append(f"{language}: {text!r} and {entry.string!r} differ in placeholders")
    for stale in sorted(set(entries) - set(MARKED)):
        problems.append(f"{language}: {stale!r} is no longer in the code")
    assert problems == []


def test_every_tr_call_names_its_text_literally():
    """The text of tr and say is a literal or a name for a `marked` one, never built (an
    f-string or a sum cannot be found in the catalogue); marked's is a literal."""
    bad = []
    paths = [ROOT / "app.py", *sorted(p for package in ("ui", "logic", "report", "formats",
                                                         "questions", "storage")
                                      for p in (ROOT / package).rglob("*.py"))]
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id in ("tr", "say", "marked"):
                text = node.args[1 if node.func.id == "say" else 0] if node.args else None
                if isinstance(text, ast.JoinedStr | ast.BinOp) or (
                        node.func.id in ("marked", "said") and not isinstance(text, ast.Constant)):
                    bad.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert bad == [], "a translated text is written out whole (f-strings cannot be translated)"


def test_a_catalogue_gives_the_words_and_english_is_the_text_itself():
    assert i18n.catalogue("de")["Next"] == "Weiter"
    assert i18n.catalogue("fr")["{low} to {high}"].format(low=1, high=9) == "de 1 à 9"
    assert i18n.catalogue("en") == {}


def _literal_texts() -> dict[str, str]:
    """Every literal text the code hands to tr, say or marked, with where it is."""
    found = {}
    paths = [ROOT / "app.py", *sorted(p for package in ("ui", "logic", "report", "formats",
                                                         "questions", "storage")
                                      for p in (ROOT / package).rglob("*.py"))]
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                index = {"tr": 0, "marked": 0, "said": 0, "say": 1}.get(node.func.id)
                if index is not None and len(node.args) > index:
                    text = node.args[index]
                    if isinstance(text, ast.Constant) and isinstance(text.value, str):
                        found[text.value] = f"{path.relative_to(ROOT)}:{node.lineno}"
    return found


def test_the_extraction_sees_every_marked_text():
    """A text inside an f-string or in a call nested in another marked call is missed by the
    extraction (and so never translated): write it on its own."""
    missed = {text: where for text, where in _literal_texts().items() if text not in MARKED}
    assert missed == {}
