"""The bank in German, French and Spanish: complete, the same placeholders, the report's quotes
kept in English beside their translation, and the same questions underneath (ids, values,
conditions: answers read the same in every language)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings

from questions.answers import AnswersError, validate
from questions.schema import default_bank
from questions.translations import (
    TRANSLATED,
    BankTranslation,
    QuestionText,
    bank_in,
    load_translation,
    missing,
)
from tests.strategies import answers_dicts

OTHERS = TRANSLATED
QUOTE = re.compile(r'"([^"]{12,})"')  # a quotation from the report, in the English text


@pytest.mark.parametrize("language", OTHERS)
def test_every_word_of_the_bank_is_translated(language):
    assert missing(default_bank(), load_translation(language)) == []


def test_a_missing_or_extra_text_and_a_changed_placeholder_are_named():
    de = load_translation("de")
    questions = dict(de.questions)
    del questions["starlink"]
    label = questions["industry"]
    questions["industry"] = label.model_copy(update={"help": "{n} Branchen",
                                                      "options": {**label.options,
                                                                  "retail": ""}})
    questions["no_such_question"] = QuestionText(label="x", help="y")
    broken = BankTranslation(language="de", words=de.words, sections=de.sections,
                             questions=questions)
    problems = missing(default_bank(), broken)
    assert "de: question starlink: no translation" in problems
    assert "de: question no_such_question: not in the bank" in problems
    assert "de: question industry.options.retail: no translation" in problems
    assert any(p.startswith("de: question industry.help: placeholders ['{n}']")
               for p in problems)


@pytest.mark.parametrize("language", OTHERS)
def test_the_reports_quotes_stay_in_english_with_a_translation_beside_them(language):
    bank, translated = default_bank(), bank_in(language)
    for english, other in zip(bank.sections, translated.sections, strict=True):
        for quote in QUOTE.findall(english.intro):
            assert f'"{quote}" (' in other.intro, (language, english.id, quote)
        for q_en, q_other in zip(english.questions, other.questions, strict=True):
            for quote in QUOTE.findall(q_en.help):
                assert f'"{quote}" (' in q_other.help, (language, q_en.id, quote)


@pytest.mark.parametrize("language", OTHERS)
def test_a_translated_bank_is_the_same_bank_in_other_words(language):
    bank, translated = default_bank(), bank_in(language)
    assert translated.ids == bank.ids and translated.version == bank.version
    for q_en, q_other in zip(bank.questions(), translated.questions(), strict=True):
        assert q_other.kind == q_en.kind and q_other.choices() == q_en.choices()
        assert q_other.label != q_en.label or q_en.label in ("Software", "Compliance")
        assert q_other.visible_when == q_en.visible_when
    assert bank.question("org_name").label == "Organisation name"  # the original untouched


@settings(max_examples=60, deadline=None)
@given(answers_dicts())
def test_answers_read_the_same_in_every_language(values):
    def read(bank):
        try:
            return validate(values, bank).values()
        except AnswersError as exc:
            return sorted(e.split(":")[0] for e in str(exc).splitlines())
    english = read(default_bank())
    for language in OTHERS:
        assert read(bank_in(language)) == english


def test_whole_numbers_and_empty_choices_read_in_the_languages_own_form():
    from questions.translations import LANGUAGES as ALL
    from questions.translations import bank_in

    target = next(q.id for q in default_bank().questions() if q.kind == "integer")
    multi = next(q.id for q in default_bank().questions() if q.kind == "multi_choice")
    shown = {code: bank_in(code).question(target).label_of(3010) for code in ALL}
    assert shown["en"].startswith("3,010") and shown["de"].startswith("3.010")
    assert shown["fr"].startswith("3\u202f010") and shown["es"].startswith("3.010")
    assert [bank_in(code).question(multi).label_of([]) for code in ALL] == [
        "None", "Keine", "Aucune", "Ninguna"]
