"""The question bank: matches the contract, helps the reader, fails loudly when malformed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from logic.answers import QUESTION_IDS, parse_answers
from logic.bank import BANK_DIR, BankError, load_bank
from questions import flow
from tests.conftest import case
from tests.strategies import answers_dicts, json_values


def test_bank_asks_every_contract_question_once(bank):
    assert sorted(q.id for q in bank.questions()) == sorted(QUESTION_IDS)


def test_sections_in_order(bank):
    assert [s.id for s in bank.sections] == [
        "profile", "edge", "reliability", "scale", "compliance", "strategy"]


def test_every_question_has_help(bank):
    assert all(len(q.help) > 10 for q in bank.questions())


def test_edge_follow_ups_only_when_there_are_edge_sites(bank):
    edge = bank.sections[1]
    assert [q.id for q in flow.visible(edge, {"edge_sites": "none"})] == ["edge_sites"]
    assert len(flow.visible(edge, {"edge_sites": "many"})) == 4


def test_payload_leaves_out_hidden_answers(bank):
    answers = {**case("farm_sensors_no_latency")["answers"], "edge_sites": "none"}
    out = flow.payload(bank, answers)
    assert "starlink" not in out and "edge_traffic_pct" not in out
    assert parse_answers(out).starlink == "no"


def test_progress_counts_only_visible_required_questions(bank):
    assert flow.progress(bank, flow.initial_answers(bank)) == (0, 18)
    answers = {**flow.initial_answers(bank), "edge_sites": "few"}
    assert flow.progress(bank, answers) == (3, 20), "edge_sites, starlink and edge share count"
    complete = flow.from_answers(bank, case("farm_sensors_no_latency")["answers"])
    assert flow.progress(bank, complete) == (20, 20)


def _copy_bank(tmp_path: Path) -> Path:
    target = tmp_path / "bank"
    shutil.copytree(BANK_DIR, target)
    return target


def _edit(path: Path, edit) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


MALFORMED = {
    "missing help": ("3-reliability.yaml", lambda d: d["questions"][1].pop("help"),
                     "3-reliability.yaml: questions.1.boolean.help"),
    "unknown kind": ("4-scale.yaml", lambda d: d["questions"][0].update(kind="slider"),
                     "4-scale.yaml: questions.0"),
    "option not in contract": ("6-strategy.yaml",
                               lambda d: d["questions"][0]["options"].append(
                                   {"value": "extreme", "label": "Extreme"}),
                               "6-strategy.yaml: concentration_concern: options must be"),
    "unknown question": ("5-compliance.yaml", lambda d: d["questions"][2].update(id="audits"),
                         "5-compliance.yaml: audits: not a question id"),
    "kind against contract": ("3-reliability.yaml",
                              lambda d: d["questions"][1].update(
                                  kind="choice", options=[{"value": "a", "label": "A"},
                                                          {"value": "b", "label": "B"}]),
                              "contractual_sla: kind is choice, the contract needs boolean"),
}


@pytest.mark.parametrize("file, edit, words", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_bank_names_file_and_field(tmp_path, file, edit, words):
    folder = _copy_bank(tmp_path)
    _edit(folder / file, edit)
    with pytest.raises(BankError) as caught:
        load_bank(folder)
    assert words in str(caught.value)


def test_missing_section_names_the_unasked_questions(tmp_path):
    folder = _copy_bank(tmp_path)
    (folder / "4-scale.yaml").unlink()
    with pytest.raises(BankError, match="no question asks monthly_tokens, workloads"):
        load_bank(folder)


@given(st.dictionaries(st.sampled_from(sorted(QUESTION_IDS)) | st.text(max_size=30), json_values()))
def test_sanitize_never_fails_and_keeps_only_valid_values(bank, raw):
    """A stored draft from an older or tampered version loads; nothing invalid gets through."""
    values = flow.sanitize(bank, raw)
    assert set(values) == {q.id for q in bank.questions()}
    for question in bank.questions():
        value = values[question.id]
        assert value is None or value == question.default or flow._valid(question, value)


@given(answers_dicts())
def test_sanitize_keeps_every_valid_answer(bank, data):
    values = flow.sanitize(bank, data)
    assert {k: v for k, v in values.items() if k in data and data[k] is not None} == {
        k: v for k, v in data.items() if v is not None}


def test_draft_with_a_list_for_a_choice_loads_reset(bank):
    """Regression: a tampered draft with `edge_sites: []` crashed the draft loader."""
    values = flow.sanitize(bank, {"edge_sites": [], "workloads": [{"x": 1}], "industry": "retail"})
    assert values["edge_sites"] is None and values["workloads"] is None
    assert values["industry"] == "retail"
