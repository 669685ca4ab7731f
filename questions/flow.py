"""Walking the bank with partial answers: what to ask, what is missing, what to submit."""

from __future__ import annotations

from typing import Any

from questions.models import MultiChoiceQuestion, QuestionBank, Section, TextQuestion


def visible(section: Section, answers: dict[str, Any]) -> list[Any]:
    """The questions of a section to ask, given the answers so far."""
    return [q for q in section.questions if q.is_visible(answers)]


def is_required(question: Any) -> bool:
    """Whether the question must be answered (text, nullable and may-be-empty lists need not)."""
    if isinstance(question, TextQuestion) or getattr(question, "nullable", False):
        return False
    return not isinstance(question, MultiChoiceQuestion) or question.min_selected > 0


def is_answered(question: Any, value: Any) -> bool:
    """Whether a value counts as an answer (optional questions always do)."""
    if not is_required(question):
        return True
    if isinstance(question, MultiChoiceQuestion):
        return len(value or []) >= question.min_selected
    return value is not None


def missing(section: Section, answers: dict[str, Any]) -> list[Any]:
    """Visible questions of a section that still need an answer."""
    return [q for q in visible(section, answers) if not is_answered(q, answers.get(q.id))]


def progress(bank: QuestionBank, answers: dict[str, Any]) -> tuple[int, int]:
    """(answered, asked) over the visible required questions of the bank."""
    asked = [q for s in bank.sections for q in visible(s, answers) if is_required(q)]
    return sum(is_answered(q, answers.get(q.id)) for q in asked), len(asked)


def initial_answers(bank: QuestionBank) -> dict[str, Any]:
    """A fresh questionnaire: each question's default from the bank (None when it has none)."""
    return {q.id: q.default for q in bank.questions()}


def payload(bank: QuestionBank, answers: dict[str, Any]) -> dict[str, Any]:
    """The answers object to validate: hidden questions and empty optional values left out."""
    out: dict[str, Any] = {}
    for section in bank.sections:
        for question in visible(section, answers):
            value = answers.get(question.id)
            if value is None or (isinstance(question, TextQuestion) and not value.strip()):
                continue
            out[question.id] = value.strip() if isinstance(question, TextQuestion) else value
    return out


def from_answers(bank: QuestionBank, data: dict[str, Any]) -> dict[str, Any]:
    """Widget values for a validated answers object (the inverse of `payload`)."""
    return {**initial_answers(bank), **data}


def _valid(question: Any, value: Any) -> bool:
    kind = question.kind
    if kind == "choice":
        return isinstance(value, str) and value in {o.value for o in question.options}
    if kind == "multi_choice":
        options = {o.value for o in question.options}
        return (isinstance(value, list) and all(isinstance(v, str) for v in value)
                and len(set(value)) == len(value) and set(value) <= options)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":
        if value is None:
            return question.nullable
        return type(value) is int and question.min <= value <= question.max
    return isinstance(value, str) and len(value) <= question.max_length


def sanitize(bank: QuestionBank, raw: Any) -> dict[str, Any]:
    """Widget values from a stored draft: unknown ids dropped, invalid values reset to default."""
    values = raw if isinstance(raw, dict) else {}
    out = initial_answers(bank)
    for question in bank.questions():
        value = values.get(question.id)
        if value is not None and _valid(question, value):
            out[question.id] = value
    return out
