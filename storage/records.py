"""Decision records (answers, notes, recommendation, versions, and a seal over them: an
HMAC-SHA256 under the deployment's key) and reading an imported file, which may be a plain
answers object or a decision record."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from formats.files import InputError, decode_answers_json
from logic import APP_VERSION
from logic.recommendation import Recommendation
from questions.answers import Answers, AnswersError
from questions.migrate import Upgrade, read_answers
from questions.schema import QuestionBank, default_bank
from questions.text import said
from questions.values import Document
from storage.history import Frozen
from storage.seal import ALGORITHM, SealKey
from storage.store import clean_notes

FORMAT = "hosting-fit/decision-record"
# 2: `answers` is the answers document, with the bank version it was given under; 3: sealed
# with the deployment's key (`seal`), not an unkeyed SHA-256 anyone can recompute; 4: may hold
# `milestones`, each a named point frozen with its knowledge version and verdict (under the seal)
FORMAT_VERSION = 4
READABLE_VERSIONS = (1, 2, 3, 4)
SEAL_FIELDS = ("sha256", "seal")  # what a record's seal is not computed over
MAX_IMPORT_BYTES = 1_000_000


def _canonical(data: Document) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _body(record: Document) -> bytes:
    return _canonical({k: v for k, v in record.items() if k not in SEAL_FIELDS})


def seal(record: Document) -> str:
    """The unkeyed SHA-256 records of formats 1 and 2 carry: over every field but itself,
    canonically encoded (anyone can recompute it: it shows an accident, not a forgery)."""
    return hashlib.sha256(_body(record)).hexdigest()


@dataclass(frozen=True)
class SealCheck:
    """What a record's seal says, in words: `intact` only when it verifies with this
    deployment's key."""

    intact: bool
    message: str


def check_seal(record: Document, key: SealKey) -> SealCheck:
    """Whether this deployment wrote the record and nothing changed since; otherwise exactly
    what can be said: another deployment's seal, an old unkeyed hash, or changed."""
    found = record.get("seal")
    if isinstance(found, dict):
        if found.get("algorithm") != ALGORITHM or not isinstance(found.get("mac"), str):
            return SealCheck(False, said("Its seal is not one this app writes; it cannot be "
                                    "checked."))
        if found.get("key_id") != key.id:
            return SealCheck(False, said("It was sealed by another deployment of this app (another "
                                    "key): this one cannot tell whether it was changed."))
        if key.verifies(_body(record), found["mac"]):
            return SealCheck(True, said("Its seal is intact: written by this deployment and "
                                   "unchanged since."))
        return SealCheck(False, said("Warning: it was changed after this deployment wrote it (its "
                                "seal no longer verifies)."))
    if isinstance(record.get("sha256"), str):
        if record["sha256"] == seal(record):
            return SealCheck(False, said("It carries the old unkeyed hash, which still matches: it "
                                    "was not changed by accident, but anyone could have "
                                    "recomputed it, so it proves nothing about who wrote it."))
        return SealCheck(False, said("Warning: it was changed after it was written (its old "
                                "unkeyed hash no longer matches)."))
    return SealCheck(False, said("It carries no seal: it cannot be checked."))


def milestone_entries(frozen: list[Frozen]) -> list[Document]:
    """Milestones as a record holds them: name, when, knowledge version, verdict, and the
    answers (as stored, with their bank version) and notes they froze; oldest first."""
    return [{"name": m.name, "saved_at": m.created_at.isoformat(),
             "knowledge_version": m.knowledge_version, "verdict": m.verdict,
             "answers": dict(m.point.answers), "notes": dict(m.point.notes)} for m in frozen]


def decision_record(answers: Answers, notes: dict[str, str], rec: Recommendation, *,
                    created_at: datetime, key: SealKey, bank: QuestionBank | None = None,
                    milestones: list[Frozen] | None = None) -> Document:
    """Everything needed to see what was decided and why (with `milestones`, each named point
    kept on the way), sealed under the deployment's key."""
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
    if milestones:
        record["milestones"] = milestone_entries(milestones)
    record["seal"] = {"algorithm": ALGORITHM, "key_id": key.id,
                      "mac": key.sign(_body(record))}
    return record


def is_intact(record: Document, key: SealKey) -> bool:
    """Whether this deployment wrote the record and nothing changed since."""
    return check_seal(record, key).intact


@dataclass(frozen=True)
class Imported:
    """A validated import: answers, notes, and for a decision record whether it is intact."""

    answers: Answers
    notes: dict[str, str]
    record_seal: SealCheck | None  # None for a plain answers file
    upgrade: Upgrade  # how the answers were brought to the current question bank

    @property
    def record_intact(self) -> bool | None:
        return None if self.record_seal is None else self.record_seal.intact


def read_import(raw: bytes, key: SealKey, bank: QuestionBank | None = None) -> Imported:
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
    return Imported(answers, notes, check_seal(data, key), upgraded)
