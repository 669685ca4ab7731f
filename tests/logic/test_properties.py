"""Properties of the engine over generated valid answers."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from logic.answers import allowed_values, parse_answers
from logic.engine import evaluate
from logic.recommendation import SECTIONS, verdict_rank
from tests.strategies import answers_dicts

UPTIMES = list(allowed_values("uptime_target") or ())
TOLERANCES = ["yes", "with_fallback", "no"]  # from most to least tolerant
REGULATIONS = list(allowed_values("regulations") or ())


def _rank(data: dict[str, Any], kb) -> int:
    return verdict_rank(evaluate(parse_answers(data), kb).verdict)


@given(answers_dicts())
def test_same_answers_same_result(kb, data):
    assert evaluate(parse_answers(data), kb) == evaluate(parse_answers(dict(data)), kb)


@given(answers_dicts())
def test_result_is_explained(kb, data):
    rec = evaluate(parse_answers(data), kb)
    facts = {f.id for f in kb.facts}
    rules = {rule.id: rule for rule in kb.rules}
    assert rec.reasons, "every result has at least one reason"
    for reason in rec.reasons:
        assert reason.facts and set(reason.facts) <= facts
        assert reason.text.strip() and "{" not in reason.text
    for driver in rec.drivers:
        assert any(driver in rules[r.rule].drivers for r in rec.reasons), driver
    for blocker in rec.blockers:
        assert any(blocker in rules[r.rule].blockers for r in rec.reasons), blocker
    assert set(rec.scores) == set(SECTIONS)
    assert all(0 <= v <= 100 for v in rec.scores.values())


@given(answers_dicts(), st.data())
def test_higher_uptime_target_never_raises_verdict(kb, data, draw):
    index = UPTIMES.index(data["uptime_target"])
    stricter = draw.draw(st.sampled_from(UPTIMES[index:]))
    assert _rank({**data, "uptime_target": stricter}, kb) <= _rank(data, kb)


@given(answers_dicts(), st.sampled_from(["contractual_sla", "support_24x7", "data_residency",
                                         "attestations_required"]))
def test_requiring_more_never_raises_verdict(kb, data, field):
    assert _rank({**data, field: True}, kb) <= _rank({**data, field: False}, kb)


@given(answers_dicts(), st.sampled_from(REGULATIONS))
def test_added_regulation_never_raises_verdict(kb, data, regulation):
    more = sorted(set(data["regulations"]) | {regulation})
    assert _rank({**data, "regulations": more}, kb) <= _rank(data, kb)


@given(answers_dicts(), st.data())
def test_less_tolerance_of_unproven_providers_never_raises_verdict(kb, data, draw):
    index = TOLERANCES.index(data["unproven_provider_tolerance"])
    lower = draw.draw(st.sampled_from(TOLERANCES[index:]))
    assert _rank({**data, "unproven_provider_tolerance": lower}, kb) <= _rank(data, kb)


@settings(max_examples=50)
@given(answers_dicts())
def test_replacing_primary_never_gets_evaluate(kb, data):
    rec = evaluate(parse_answers({**data, "hosting_role_sought": "replace_primary"}), kb)
    assert rec.verdict != "evaluate"
    assert "not_a_primary_replacement" in rec.blockers
