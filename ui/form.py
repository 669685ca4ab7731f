"""Walking the bank with partial answers: what to ask, what is missing, what to submit.

Form values are a dict by question id; a question nobody answered holds None. Nothing is
pre-answered: a fresh form is all None, and a section is complete only when every question it
shows has an answer the person chose.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import ValidationError

from questions.answers import answers_model
from questions.conditions import leaves
from questions.schema import AnyQuestion, QuestionBank, Section
from questions.values import Document


def visible(section: Section, answers: Mapping[str, object]) -> list[AnyQuestion]:
    """The questions of a section to ask, given the answers so far."""
    return section.asked(answers)


def missing(section: Section, answers: Mapping[str, object]) -> list[AnyQuestion]:
    """Visible questions of a section that still need an answer."""
    return [q for q in visible(section, answers) if q.needs_answer(answers.get(q.id))]


def progress(bank: QuestionBank, answers: Mapping[str, object]) -> tuple[int, int]:
    """(done, total) over the bank's required questions: the total never changes as answers
    show or hide follow-up questions; a question is done when answered, or when it is not
    asked and every answer deciding that is given ("no edge sites" settles the edge
    follow-ups)."""
    settled: dict[str, bool] = {}
    for question in bank.questions():
        if question.is_visible(answers):
            settled[question.id] = question.is_answered(answers.get(question.id))
        else:
            deciding = leaves(question.visible_when) if question.visible_when else []
            settled[question.id] = all(settled.get(leaf.q, False) for leaf in deciding)
    required = [q.id for q in bank.questions() if q.required]
    return sum(settled[q] for q in required), len(required)


def empty_form(bank: QuestionBank) -> Document:
    """A fresh questionnaire: every question unanswered."""
    return dict.fromkeys(bank.ids)


def payload(bank: QuestionBank, answers: Mapping[str, object]) -> Document:
    """The answers object to validate: hidden questions and empty values left out."""
    out: Document = {}
    for section in bank.sections:
        for question in visible(section, answers):
            value = answers.get(question.id)
            if isinstance(value, str):
                value = value.strip() or None
            if value is not None:
                out[question.id] = value
    return out


def from_answers(bank: QuestionBank, data: Mapping[str, object]) -> Document:
    """Form values for an answers object (the inverse of `payload`)."""
    return {**empty_form(bank), **{k: v for k, v in data.items() if k in bank.by_id}}


def sanitize(bank: QuestionBank, raw: object) -> Document:
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
