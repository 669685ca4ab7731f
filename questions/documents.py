"""Answers documents, as stored and exported: read under any bank version (older ones through
the migrations) and validated into one answers object."""

from __future__ import annotations

from questions.answers import BANK_VERSION, UNANSWERED, AnswersBase, validate
from questions.migrate import read_answers
from questions.schema import QuestionBank, default_bank


def parse_answers(data: object, bank: QuestionBank | None = None) -> AnswersBase:
    """Validate a decoded answers document (any bank version; older ones are migrated);
    raise AnswersError naming every bad field."""
    bank = bank or default_bank()
    if type(data) is dict and UNANSWERED not in data:  # today's answers: no migration
        version = data.get(BANK_VERSION, 1)
        if type(version) is int and version == bank.version:
            return validate({k: v for k, v in data.items() if k != BANK_VERSION}
                            if BANK_VERSION in data else data, bank)
    return read_answers(data, bank)[0]
