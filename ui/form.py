"""Walking the bank with partial answers: what to ask, what is missing, what to submit.

Form values are a dict by question id; a question nobody answered holds None. Nothing is
pre-answered: a fresh form is all None, and a section is complete only when every question it
shows has an answer the person chose.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from questions.answers import answers_model
from questions.schema import AnyQuestion, QuestionBank, Section


def visible(section: Section, answers: dict[str, Any]) -> list[AnyQuestion]:
    """The questions of a section to ask, given the answers so far."""
    return section.asked(answers)


def missing(section: Section, answers: dict[str, Any]) -> list[AnyQuestion]:
    """Visible questions of a section that still need an answer."""
    return [q for q in visible(section, answers) if q.needs_answer(answers.get(q.id))]


def progress(bank: QuestionBank, answers: dict[str, Any]) -> tuple[int, int]:
    """(answered, asked) over the visible required questions of the bank."""
    asked = [q for s in bank.sections for q in visible(s, answers) if q.required]
    return sum(q.is_answered(answers.get(q.id)) for q in asked), len(asked)


def empty_form(bank: QuestionBank) -> dict[str, Any]:
    """A fresh questionnaire: every question unanswered."""
    return dict.fromkeys(bank.ids)


def payload(bank: QuestionBank, answers: dict[str, Any]) -> dict[str, Any]:
    """The answers object to validate: hidden questions and empty values left out."""
    out: dict[str, Any] = {}
    for section in bank.sections:
        for question in visible(section, answers):
            value = answers.get(question.id)
            if isinstance(value, str):
                value = value.strip() or None
            if value is not None:
                out[question.id] = value
    return out


def from_answers(bank: QuestionBank, data: dict[str, Any]) -> dict[str, Any]:
    """Form values for an answers object (the inverse of `payload`)."""
    return {**empty_form(bank), **{k: v for k, v in data.items() if k in bank.by_id}}


def sanitize(bank: QuestionBank, raw: Any) -> dict[str, Any]:
    """Form values from stored answers (a draft, say): every value the bank's own answers model
    accepts is kept; unknown ids are dropped and invalid values left unanswered."""
    values = {k: v for k, v in (raw if isinstance(raw, dict) else {}).items() if k in bank.by_id}
    for _ in range(2):  # once to find the bad fields, once to confirm the rest
        try:
            valid = answers_model(bank).model_validate(values)
        except ValidationError as exc:
            bad = {str(e["loc"][0]) for e in exc.errors(include_url=False) if e["loc"]}
            values = {k: v for k, v in values.items() if k not in bad}
            continue
        return from_answers(bank, valid.values())
    return empty_form(bank)
