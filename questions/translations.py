"""The bank in other languages: one file per language beside the bank
(`questions/bank/translations/LANG.yaml`), holding the words a person reads (section titles
and introductions, question labels and help, option labels, what empty or "Don't know" means,
the few bank-wide words) by id. Ids, values, conditions and rules never change with the
language: a translated bank is the same bank with other words, and answers given in any
language are the same document.

`missing` lists what a translation lacks or has too much of, and where its placeholders differ
from the English; tests/questions/test_translations.py fails on any of it."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from questions.schema import (
    BANK_DIR,
    AnyQuestion,
    BankError,
    BooleanQuestion,
    IntegerQuestion,
    QuestionBank,
    Section,
    _errors,
    default_bank,
)

ENGLISH = "en"
LANGUAGES = ("en", "de", "fr", "es")  # the first is the bank's own
TRANSLATED = LANGUAGES[1:]  # the languages with a translation file and a catalogue
NAMES = {"en": "English", "de": "Deutsch", "fr": "Français", "es": "Español"}
TRANSLATIONS_DIR = BANK_DIR / "translations"
PLACEHOLDER = re.compile(r"\{\w*\}|%\(?\w*\)?[sd]")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Words(_Strict):
    """Words every question may show: yes, no, and the "Don't know" box."""

    answer_yes: str  # not `yes:`: YAML reads that key as true
    answer_no: str
    dont_know: str
    none_selected: str  # what an empty multiple choice reads as ("None")
    group_separator: str = ","  # between thousands in a whole number ("3.010" in German)


class SectionText(_Strict):
    title: str
    intro: str


class QuestionText(_Strict):
    label: str
    help: str
    options: dict[str, str] = {}  # option value -> label
    option_help: dict[str, str] = {}
    null_label: str = ""
    unit: str = ""
    dont_know_why: str = ""
    suggest_why: list[str] = []


class BankTranslation(_Strict):
    language: str
    words: Words
    sections: dict[str, SectionText]
    questions: dict[str, QuestionText]


def _english(question: AnyQuestion) -> QuestionText:
    """A question's own words, in the shape a translation gives them."""
    options = getattr(question, "options", [])
    return QuestionText(
        label=question.label, help=question.help,
        options={o.value: o.label for o in options},
        option_help={o.value: o.help for o in options if o.help},
        null_label=getattr(question, "null_label", ""), unit=getattr(question, "unit", ""),
        dont_know_why=question.dont_know.why if question.dont_know else "",
        suggest_why=[f.why for f in getattr(question, "suggest_at_least", [])])


def load_translation(language: str, directory: Path = TRANSLATIONS_DIR) -> BankTranslation:
    path = directory / f"{language}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return BankTranslation.model_validate(data)
    except (OSError, yaml.YAMLError) as exc:
        raise BankError(f"translations/{path.name}: cannot be read: {exc}") from None
    except ValidationError as exc:
        raise BankError(_errors(f"translations/{path.name}", exc)) from None


def placeholders(text: str) -> list[str]:
    """The placeholders a text holds ({name}, %s), sorted: a translation keeps the same."""
    return sorted(PLACEHOLDER.findall(text))


def _compare(where: str, english: str, translated: str) -> list[str]:
    if english and not translated.strip():
        return [f"{where}: no translation"]
    if not english and translated:
        return [f"{where}: translated, but the bank has no such text"]
    if placeholders(english) != placeholders(translated):
        return [f"{where}: placeholders {placeholders(translated)} differ from the English "
                f"{placeholders(english)}"]
    return []


def missing(bank: QuestionBank, translation: BankTranslation) -> list[str]:
    """Everything this translation lacks, has beyond the bank, or words differently in its
    placeholders, each named by where it is (empty: complete)."""
    problems: list[str] = []
    lang = translation.language
    sections = {s.id: s for s in bank.sections}
    for extra in sorted(set(translation.sections) - set(sections)):
        problems.append(f"{lang}: section {extra}: not in the bank")
    for extra in sorted(set(translation.questions) - set(bank.ids)):
        problems.append(f"{lang}: question {extra}: not in the bank")
    for section in bank.sections:
        text = translation.sections.get(section.id)
        if text is None:
            problems.append(f"{lang}: section {section.id}: no translation")
            continue
        problems += _compare(f"{lang}: section {section.id}.title", section.title, text.title)
        problems += _compare(f"{lang}: section {section.id}.intro", section.intro, text.intro)
    for question in bank.questions():
        given = translation.questions.get(question.id)
        if given is None:
            problems.append(f"{lang}: question {question.id}: no translation")
            continue
        own = _english(question)
        where = f"{lang}: question {question.id}"
        for name in ("label", "help", "null_label", "unit", "dont_know_why"):
            problems += _compare(f"{where}.{name}", getattr(own, name), getattr(given, name))
        for field in ("options", "option_help"):
            mine, theirs = getattr(own, field), getattr(given, field)
            for value in sorted(set(mine) | set(theirs)):
                problems += _compare(f"{where}.{field}.{value}", mine.get(value, ""),
                                     theirs.get(value, ""))
        if len(own.suggest_why) != len(given.suggest_why):
            problems.append(f"{where}.suggest_why: {len(given.suggest_why)} given, the bank "
                            f"has {len(own.suggest_why)}")
        for i, (mine_why, theirs_why) in enumerate(zip(own.suggest_why, given.suggest_why,
                                                       strict=False)):
            problems += _compare(f"{where}.suggest_why[{i}]", mine_why, theirs_why)
    return problems


def _question(question: AnyQuestion, text: QuestionText, words: Words) -> AnyQuestion:
    update: dict[str, object] = {"label": text.label, "help": text.help,
                                 "dont_know_label": words.dont_know}
    if question.kind == "multi_choice":
        update["none_label"] = words.none_selected
    options = getattr(question, "options", None)
    if options:
        update["options"] = [o.model_copy(update={
            "label": text.options.get(o.value, o.label),
            "help": text.option_help.get(o.value, o.help)}) for o in options]
    if isinstance(question, IntegerQuestion):
        update["group_separator"] = words.group_separator
        update["null_label"] = text.null_label or question.null_label
        update["unit"] = text.unit or question.unit
        update["suggest_at_least"] = [
            f.model_copy(update={"why": why}) for f, why in
            zip(question.suggest_at_least, text.suggest_why or
                [f.why for f in question.suggest_at_least], strict=False)]
    if isinstance(question, BooleanQuestion):
        update["yes_label"], update["no_label"] = words.answer_yes, words.answer_no
    if question.dont_know is not None and text.dont_know_why:
        update["dont_know"] = question.dont_know.model_copy(update={"why": text.dont_know_why})
    return question.model_copy(update=update)


def translate(bank: QuestionBank, translation: BankTranslation) -> QuestionBank:
    """The bank with this translation's words (the bank's own where one is missing)."""
    sections: list[Section] = []
    for section in bank.sections:
        text = translation.sections.get(section.id)
        questions = [
            _question(q, translation.questions[q.id], translation.words)
            if q.id in translation.questions else q for q in section.questions]
        sections.append(section.model_copy(update={
            "title": text.title if text else section.title,
            "intro": text.intro if text else section.intro, "questions": questions}))
    # a new bank, not a copy: a copy would keep the English questions its lookups cached
    fields = {name: getattr(bank, name) for name in QuestionBank.model_fields}
    return QuestionBank.model_validate({**fields, "sections": sections})


_MADE: dict[tuple[int, str], tuple[QuestionBank, QuestionBank]] = {}


def bank_in(language: str, bank: QuestionBank | None = None) -> QuestionBank:
    """A bank (the shipped one by default) in a language of LANGUAGES, made once per bank and
    language (English: the bank itself)."""
    if language not in LANGUAGES:
        raise BankError(f"no translation into {language!r}; languages: {', '.join(LANGUAGES)}")
    bank = bank or default_bank()
    if language == ENGLISH:
        return bank
    made = _MADE.get((id(bank), language))
    if made is None or made[0] is not bank:  # the id of a bank since let go
        made = (bank, translate(bank, load_translation(language)))
        _MADE[(id(bank), language)] = made
    return made[1]

