"""Decision records (answers, notes, recommendation, versions, and a hash over them) and
reading an imported file, which may be a plain answers object or a decision record."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from formats.files import InputError, decode_answers_json
from logic import APP_VERSION
from logic.recommendation import Recommendation
from questions.answers import Answers, AnswersError
from questions.migrate import Upgrade, read_answers
from questions.schema import QuestionBank, default_bank
from storage.store import clean_notes

FORMAT = "hosting-fit/decision-record"
FORMAT_VERSION = 2  # 2: `answers` is the answers document, with the bank version it was given under
READABLE_VERSIONS = (1, 2)
MAX_IMPORT_BYTES = 1_000_000


def _canonical(data: dict[str, Any]) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def seal(record: dict[str, Any]) -> str:
    """The SHA-256 a record carries: over every field but itself, canonically encoded."""
    sealed = {k: v for k, v in record.items() if k != "sha256"}
    return hashlib.sha256(_canonical(sealed)).hexdigest()


def decision_record(answers: Answers, notes: dict[str, str], rec: Recommendation, *,
                    created_at: datetime, bank: QuestionBank | None = None) -> dict[str, Any]:
    """Everything needed to see what was decided and why, sealed with a SHA-256."""
    record = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": APP_VERSION,
        "created_at": created_at.isoformat(),
        "knowledge_version": rec.knowledge_version,
        "answers": answers.document(bank or default_bank()),
        "notes": clean_notes(notes),
        "recommendation": rec.model_dump(mode="json"),
    }
    record["sha256"] = seal(record)
    return record


def is_intact(record: dict[str, Any]) -> bool:
    """Whether the record is exactly as it was written (its hash still matches)."""
    return isinstance(record.get("sha256"), str) and record["sha256"] == seal(record)


@dataclass(frozen=True)
class Imported:
    """A validated import: answers, notes, and for a decision record whether it is intact."""

    answers: Answers
    notes: dict[str, str]
    record_intact: bool | None  # None for a plain answers file
    upgrade: Upgrade  # how the answers were brought to the current question bank


def read_import(raw: bytes, bank: QuestionBank | None = None) -> Imported:
    """Parse an uploaded file; AnswersError names what is wrong (file, format or fields).
    A record is never rewritten: its seal is checked on the bytes as written, and answers
    given to an older questionnaire are migrated in the view returned."""
    bank = bank or default_bank()
    if len(raw) > MAX_IMPORT_BYTES:
        raise AnswersError({"file": f"is {len(raw):,} bytes; at most {MAX_IMPORT_BYTES:,}"})
    try:
        data = decode_answers_json(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise AnswersError({"file": "is not UTF-8 text"}) from None
    except InputError as exc:
        raise AnswersError({"file": str(exc)}) from None
    if not isinstance(data, dict):
        raise AnswersError({"file": "must hold a JSON object: answers or a decision record"})
    if "format" not in data:
        answers, upgraded = read_answers(data, bank)
        return Imported(answers, {}, None, upgraded)
    if data.get("format") != FORMAT or data.get("format_version") not in READABLE_VERSIONS:
        raise AnswersError({"format": f"expected {FORMAT} version {FORMAT_VERSION}, got "
                                      f"{str(data.get('format'))[:60]} version "
                                      f"{str(data.get('format_version'))[:10]}"})
    notes = data.get("notes", {})
    if not isinstance(notes, dict) or not all(isinstance(v, str) for v in notes.values()):
        raise AnswersError({"notes": "must be an object of text notes"})
    try:
        notes = clean_notes(notes)
    except ValueError as exc:
        raise AnswersError({"notes": str(exc)}) from None
    answers, upgraded = read_answers(data.get("answers"), bank)
    return Imported(answers, notes, is_intact(data), upgraded)
