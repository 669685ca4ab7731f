"""Organisation scenarios as data: the shared examples and the project's own cases."""

from __future__ import annotations

import json

import pytest

from logic.engine import evaluate
from logic.knowledge_base import load_knowledge
from questions.documents import parse_answers
from tests.conftest import CASES, case, shared_or_skip
from tests.logic.expectations import mismatches

SHARED_EXAMPLES = ["agri_field_ops", "city_insurer", "freight_backup_seeker", "offshore_strict_sla"]


@pytest.mark.parametrize("name", SHARED_EXAMPLES)
def test_shared_example_gets_expected_result(name, kb):
    folder = shared_or_skip("examples")
    expected = json.loads((folder / "expected.json").read_text())[name]
    answers = parse_answers(json.loads((folder / f"{name}.json").read_text()))
    assert mismatches(evaluate(answers, kb), expected) == []


def test_every_shared_example_is_covered():
    folder = shared_or_skip("examples")
    expected = json.loads((folder / "expected.json").read_text())
    assert sorted(expected) == sorted(SHARED_EXAMPLES)


@pytest.mark.parametrize("name", [p.stem for p in CASES])
def test_own_case_gets_expected_result(name, kb):
    """Each case under the default version, or under the one it names (`knowledge`)."""
    data = case(name)
    chosen = load_knowledge(data["knowledge"]) if "knowledge" in data else kb
    assert mismatches(evaluate(parse_answers(data["answers"]), chosen), data["expect"]) == []


def test_own_cases_cover_every_verdict(kb):
    verdicts = {case(p.stem)["expect"]["verdict"] for p in CASES
                if "knowledge" not in case(p.stem)}
    assert verdicts == {"no_action", "monitor", "evaluate"}


def test_mismatches_reports_a_wrong_verdict(kb):
    rec = evaluate(parse_answers(case("retailer_nothing_relevant")["answers"]), kb)
    assert mismatches(rec, {"verdict": "evaluate", "drivers_include": ["edge_latency"]}) == [
        "verdict no_action, expected evaluate",
        "drivers lacks edge_latency",
    ]
