"""Load the question bank from questions/bank/*.yaml and check it against the answers contract."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from logic.answers import QUESTION_IDS, allowed_values
from logic.batch import field_kind
from questions.models import QuestionBank, Section

BANK_DIR = Path(__file__).parent / "bank"
_KIND_OF_FIELD = {"bool": "boolean", "int": "integer", "list": "multi_choice"}


class BankError(ValueError):
    """A question bank that cannot be used; the message names the file and the field."""


def _load_section(path: Path) -> Section:
    try:
        return Section.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except yaml.YAMLError as exc:
        raise BankError(f"{path.name}: not valid YAML: {exc}") from None
    except ValidationError as exc:
        raise BankError("\n".join(
            f"{path.name}: {'.'.join(str(p) for p in e['loc']) or '(top)'}: {e['msg']}"
            for e in exc.errors(include_url=False)
        )) from None


def _contract_problems(file: str, question: Any) -> list[str]:
    if question.id not in QUESTION_IDS:
        return [f"{file}: {question.id}: not a question id of the answers contract"]
    expected_kind = _KIND_OF_FIELD.get(field_kind(question.id))
    allowed = allowed_values(question.id)
    if expected_kind is None:
        expected_kind = "text" if allowed is None else "choice"
    if question.kind != expected_kind:
        needs = f"the contract needs {expected_kind}"
        return [f"{file}: {question.id}: kind is {question.kind}, {needs}"]
    options = getattr(question, "options", None)
    if options is not None and sorted(o.value for o in options) != sorted(allowed or ()):
        return [f"{file}: {question.id}: options must be exactly {list(allowed or ())}"]
    return []


def load_bank(directory: Path = BANK_DIR) -> QuestionBank:
    """Every section file in name order, validated; BankError names each problem."""
    files = sorted(directory.glob("*.yaml"))
    sections = [_load_section(path) for path in files]
    problems: list[str] = []
    seen: dict[str, str] = {}
    for path, section in zip(files, sections, strict=True):
        for question in section.questions:
            if question.id in seen:
                problems.append(f"{path.name}: {question.id}: already asked in {seen[question.id]}")
            seen[question.id] = path.name
            problems += _contract_problems(path.name, question)
    missing = [qid for qid in QUESTION_IDS if qid not in seen]
    if missing:
        problems.append(f"{directory.name}: no question asks {', '.join(missing)}")
    if problems:
        raise BankError("\n".join(problems))
    return QuestionBank(sections=sections)


@cache
def default_bank() -> QuestionBank:
    """The shipped bank, loaded once per process."""
    return load_bank()
