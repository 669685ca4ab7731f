"""The answers contract: valid answers pass, every kind of bad input names its field."""

from __future__ import annotations

import pytest
from hypothesis import given

from questions.answers import AnswersError
from questions.documents import parse_answers
from tests.conftest import case
from tests.strategies import answers_dicts

VALID = case("retailer_nothing_relevant")["answers"]

BAD = {
    "unknown id": ({"colour": "blue"}, "colour", "unknown question id"),
    "near-miss id": ({"employes": "under_250"}, "employes", "did you mean employees?"),
    "wrong type, int": ({"edge_traffic_pct": "40"}, "edge_traffic_pct", "valid integer"),
    "wrong type, bool": ({"contractual_sla": "yes"}, "contractual_sla", "valid boolean"),
    "number for a choice": ({"uptime_target": 99.9}, "uptime_target", "not allowed"),
    "value out of range": ({"uptime_target": "100"}, "uptime_target", "'100' is not allowed"),
    "integer too small": ({"latency_target_ms": 5}, "latency_target_ms", "greater than or equal"),
    "integer too large": ({"edge_traffic_pct": 101}, "edge_traffic_pct", "less than or equal"),
    "list for a choice": ({"industry": ["software"]}, "industry", "not allowed"),
    "choice for a list": ({"workloads": "inference"}, "workloads", "must be a list"),
    "empty required list": ({"workloads": []}, "workloads", "choose at least 1"),
    "unknown list item": ({"regulations": ["gdpr", "dora"]}, "regulations", "item 2"),
    "repeated list item": ({"regulations": ["gdpr", "gdpr"]}, "regulations", "more than once"),
    "10 MB string": ({"org_name": "x" * 10_000_000}, "org_name", "at most 120 characters"),
    "10 MB choice": ({"industry": "x" * 10_000_000}, "industry", "not allowed"),
    "null for required": ({"employees": None}, "employees", "is required"),
}


def test_valid_answers_parse():
    assert parse_answers(VALID).industry == "retail"


@pytest.mark.parametrize("change, field, words", BAD.values(), ids=BAD.keys())
def test_bad_field_is_named(change, field, words):
    with pytest.raises(AnswersError) as caught:
        parse_answers({**VALID, **change})
    assert list(caught.value.problems) == [field]
    assert words in caught.value.problems[field]
    assert len(str(caught.value)) < 600, "the message stays readable, whatever the input size"


def test_every_bad_field_is_named_at_once():
    with pytest.raises(AnswersError) as caught:
        parse_answers({**VALID, "uptime_target": "100", "colour": 1, "workloads": "x"})
    assert set(caught.value.problems) == {"uptime_target", "colour", "workloads"}


def test_missing_required_field_is_named():
    data = {k: v for k, v in VALID.items() if k != "industry"}
    with pytest.raises(AnswersError) as caught:
        parse_answers(data)
    assert caught.value.problems == {"industry": "is required"}


def test_a_key_that_is_not_text_is_named_whatever_the_values_beside_it():
    """A key holding a lone surrogate makes pydantic refuse the whole document: that is said,
    not a crash on a list given to a single-choice question beside it (found by the fuzzer)."""
    with pytest.raises(AnswersError) as caught:
        parse_answers({
            "org_name": "x", "industry": [], "employees": "under_250", "claude_usage": "none",
            "hosting_role_sought": "none", "edge_sites": [], "latency_target_ms": None,
            "edge_traffic_pct": 0, "uptime_target": "none", "contractual_sla": True,
            "support_24x7": True, "unproven_provider_tolerance": "no",
            "monthly_tokens": "under_10m", "workloads": ["inference"], "dedicated_capacity": True,
            "regulations": [], "data_residency": True, "attestations_required": True,
            "concentration_concern": "low", "risk_appetite": "conservative",
            "decision_horizon": "within_6_months", "price_sensitivity": "low", "\ud800": None})
    assert "lone surrogate" in caught.value.problems["answers"]


@pytest.mark.parametrize("data", [[], "answers", 3, None])
def test_not_an_object(data):
    with pytest.raises(AnswersError) as caught:
        parse_answers(data)
    assert "JSON object" in caught.value.problems["answers"]


def test_optional_and_hidden_questions_may_be_absent_and_stay_unanswered():
    optional = {"org_name", "starlink", "latency_target_ms", "edge_traffic_pct", "regulations"}
    answers = parse_answers({k: v for k, v in VALID.items() if k not in optional})
    assert all(answers.get(q) is None for q in optional), "never silently a default"


def test_a_follow_up_is_required_once_it_is_asked():
    with pytest.raises(AnswersError) as caught:
        parse_answers({**VALID, "edge_sites": "many", "starlink": None, "edge_traffic_pct": None})
    assert caught.value.problems == {"starlink": "is required", "edge_traffic_pct": "is required"}


def test_answers_are_hashable_and_equal_by_value():
    """So the answers object can key a cache as it is."""
    assert hash(parse_answers(VALID)) == hash(parse_answers(dict(VALID)))
    assert parse_answers(VALID) == parse_answers(dict(VALID))


@given(answers_dicts())
def test_every_generated_valid_answer_round_trips(data):
    answers = parse_answers(data)
    assert parse_answers(answers.model_dump()) == answers


@given(answers_dicts())
def test_csv_row_round_trips(data):
    from formats.cells import answers_to_row, row_to_answers

    answers = parse_answers(data)
    assert row_to_answers(answers_to_row(answers)) == answers
