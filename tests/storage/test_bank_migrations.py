"""Stored rows outlive a change to the questions: rows written by today's storage code (a draft,
a share, a team respondent, an exported decision record) on SQLite and PostgreSQL, then every
kind of bank change (tests/bank_changes.py), and every row still opens with the right marks.
Nothing stored is rewritten: the migrated view is derived on reading."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from logic.engine import evaluate
from questions.documents import parse_answers
from questions.migrate import read_answers
from questions.schema import default_bank, load_bank
from storage.records import decision_record, is_intact, read_import, seal
from storage.seal import SealKey
from storage.teams import TeamStore
from tests.bank_changes import copy_bank, every_kind_of_change
from tests.conftest import case, complete

KEY = SealKey(b"the test deployment's seal key, long enough")
NOW = default_bank().version  # the bank the rows are saved under; the changes come after
OLD = complete({**case("airline_decides_now")["answers"], "concentration_concern": "high",
                "support_24x7": True})
NOTES = {"_overall": "Board pack, March", "support_24x7": "Ops insists on 24x7"}


@pytest.fixture
def changed(tmp_path):
    return load_bank(every_kind_of_change(copy_bank(tmp_path)))


def _assert_marks(document, bank) -> None:
    answers, upgraded = read_answers(document, bank)
    assert upgraded.from_version == NOW and upgraded.to_version == NOW + 1
    assert upgraded.pending == {"exit_plan", "employees"}, "new and split: asked again"
    assert upgraded.dropped == {"price_sensitivity": "medium"}
    assert upgraded.renamed == {"support_24x7": "round_the_clock_support"}
    assert answers.get("round_the_clock_support") is True
    assert answers.get("concentration_concern") == "severe"


def test_every_stored_row_opens_after_every_kind_of_change(store, changed, kb):
    answers = parse_answers(OLD)
    rec = evaluate(answers, kb)
    document = answers.document()
    draft = store.create_draft(document, NOTES)
    links = store.share(document, NOTES, knowledge_version=kb.version, verdict=rec.verdict)
    teams = TeamStore(store)
    team = teams.create("Hosting review")
    respondent = teams.add_response(team.invite, "Ana", "CTO", document)

    # ... the bank changes (a new release); the same rows are read back.
    saved_draft = store.load_draft(draft)
    shared = store.open_shared(links.view)
    managed = store.open_managed(links.manage)
    response, _ = teams.response(respondent)
    everyone = teams.responses(team.view)
    for stored in (saved_draft.answers, shared.answers, managed.answers, response.answers,
                   everyone[0].answers):
        assert stored == document, "the stored row is not rewritten"
        _assert_marks(stored, changed)
    assert shared.verdict == rec.verdict and shared.knowledge_version == kb.version
    assert shared.notes == NOTES, "a note on a renamed question is kept as written"


def test_a_decision_record_still_verifies_after_the_change(changed, kb):
    answers = parse_answers(OLD)
    record = decision_record(answers, NOTES, evaluate(answers, kb),
                             created_at=datetime(2026, 11, 30, tzinfo=UTC), key=KEY)
    raw = json.dumps(record).encode()
    imported = read_import(raw, KEY, changed)
    assert imported.record_intact is True, "the seal is checked on the bytes as written"
    assert imported.upgrade.pending == {"exit_plan", "employees"}
    assert imported.answers.get("round_the_clock_support") is True
    assert is_intact(json.loads(raw), KEY), "reading it changed nothing"
    tampered = json.loads(raw)
    tampered["answers"]["uptime_target"] = "99.99"
    assert read_import(json.dumps(tampered).encode(), KEY, changed).record_intact is False


def test_a_version_1_decision_record_opens_under_the_changed_bank(changed, kb):
    """Format 1 records held the bare answers (no bank_version): read as bank version 1."""
    answers = parse_answers(OLD)
    record = decision_record(answers, NOTES, evaluate(answers, kb),
                             created_at=datetime(2026, 11, 25, tzinfo=UTC), key=KEY)
    record["format_version"] = 1
    record["answers"] = {k: v for k, v in record["answers"].items() if k != "bank_version"}
    record.pop("seal")
    record["sha256"] = seal(record)  # sealed as a version-1 writer did
    imported = read_import(json.dumps(record).encode(), KEY, changed)
    assert imported.record_seal is not None and "old unkeyed hash" in imported.record_seal.message
    assert imported.upgrade.from_version == 1 and "exit_plan" in imported.upgrade.pending
