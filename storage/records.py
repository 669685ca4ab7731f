"""Decision records (answers, notes, recommendation, versions, and a hash over them) and
reading an imported file, which may be a plain answers object or a decision record."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from logic import APP_VERSION
from logic.answers import Answers, AnswersError, parse_answers
from logic.recommendation import Recommendation
from storage.store import clean_notes

FORMAT = "hosting-fit/decision-record"
FORMAT_VERSION = 1
MAX_IMPORT_BYTES = 1_000_000


def _canonical(data: dict[str, Any]) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _digest(record: dict[str, Any]) -> str:
    sealed = {k: v for k, v in record.items() if k != "sha256"}
    return hashlib.sha256(_canonical(sealed)).hexdigest()


def decision_record(answers: Answers, notes: dict[str, str], rec: Recommendation, *,
                    created_at: datetime) -> dict[str, Any]:
    """Everything needed to see what was decided and why, sealed with a SHA-256."""
    record = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": APP_VERSION,
        "created_at": created_at.isoformat(),
        "knowledge_version": rec.knowledge_version,
        "answers": answers.model_dump(exclude_none=True),
        "notes": clean_notes(notes),
        "recommendation": rec.model_dump(mode="json"),
    }
    record["sha256"] = _digest(record)
    return record


def is_intact(record: dict[str, Any]) -> bool:
    """Whether the record is exactly as it was written (its hash still matches)."""
    return isinstance(record.get("sha256"), str) and record["sha256"] == _digest(record)


@dataclass(frozen=True)
class Imported:
    """A validated import: answers, notes, and for a decision record whether it is intact."""

    answers: Answers
    notes: dict[str, str]
    record_intact: bool | None  # None for a plain answers file


def read_import(raw: bytes) -> Imported:
    """Parse an uploaded file; AnswersError names what is wrong (file, format or fields)."""
    if len(raw) > MAX_IMPORT_BYTES:
        raise AnswersError({"file": f"is {len(raw):,} bytes; at most {MAX_IMPORT_BYTES:,}"})
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise AnswersError({"file": f"is not a JSON document ({exc.__class__.__name__})"}) from None
    if not isinstance(data, dict):
        raise AnswersError({"file": "must hold a JSON object: answers or a decision record"})
    if "format" not in data:
        return Imported(parse_answers(data), {}, None)
    if data.get("format") != FORMAT or data.get("format_version") != FORMAT_VERSION:
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
    return Imported(parse_answers(data.get("answers")), notes, is_intact(data))
