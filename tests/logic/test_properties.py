"""Properties of the engine over generated valid answers."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from logic.engine import evaluate, outcome
from logic.recommendation import verdict_rank
from questions.documents import parse_answers
from questions.schema import default_bank
from tests.strategies import answers_dicts


def _rank(data: dict[str, Any], kb) -> int:
    return verdict_rank(evaluate(parse_answers(data), kb).verdict)


@given(answers_dicts())
def test_same_answers_same_result(kb, data):
    assert evaluate(parse_answers(data), kb) == evaluate(parse_answers(dict(data)), kb)


@given(answers_dicts())
def test_the_batch_outcome_is_what_the_full_evaluation_decides(kb, data):
    answers = parse_answers(data)
    full, lean = evaluate(answers, kb), outcome(answers, kb)
    assert (lean.verdict, list(lean.drivers), list(lean.blockers)) == (
        full.verdict, full.drivers, full.blockers)


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
    assert set(rec.scores) == set(kb.scores)
    assert all(0 <= v <= 100 for v in rec.scores.values())


STRICT = [q for q in default_bank().questions() if getattr(q, "strictness", None)]
MORE_IS_STRICTER = [q for q in default_bank().questions() if getattr(q, "more_is_stricter", False)]


@given(answers_dicts(), st.sampled_from(STRICT), st.data())
def test_a_stricter_answer_never_raises_verdict(kb, data, question, draw):
    """Every question the bank orders by strictness (a higher uptime target, an SLA, data
    residency, less tolerance of unproven providers, ...): a stricter answer never raises it."""
    order = question.strictness
    stricter = draw.draw(st.sampled_from(order[order.index(data[question.id]):]))
    assert _rank({**data, question.id: stricter}, kb) <= _rank(data, kb)


@given(answers_dicts(), st.sampled_from(MORE_IS_STRICTER), st.data())
def test_one_more_requirement_never_raises_verdict(kb, data, question, draw):
    """Adding an item to a list where each item is a requirement (a regulation)."""
    item = draw.draw(st.sampled_from(question.choices()))
    more = sorted({*data[question.id], item})
    assert _rank({**data, question.id: more}, kb) <= _rank(data, kb)


def test_the_strictness_properties_cover_the_contracts_requirements():
    """The product contract's requirements: uptime, SLA, regulation, residency, attestations,
    tolerance."""
    covered = {q.id for q in STRICT} | {q.id for q in MORE_IS_STRICTER}
    assert {"uptime_target", "contractual_sla", "support_24x7", "regulations", "data_residency",
            "attestations_required", "unproven_provider_tolerance"} <= covered


@settings(max_examples=50)
@given(answers_dicts())
def test_replacing_primary_never_gets_evaluate(kb, data):
    rec = evaluate(parse_answers({**data, "hosting_role_sought": "replace_primary"}), kb)
    assert rec.verdict != "evaluate"
    assert "not_a_primary_replacement" in rec.blockers


@settings(max_examples=300)
@given(st.data())
def test_compiled_conditions_do_what_the_operators_say(kb, data):
    """The engine's compiled tests (one call level each, for speed) agree with the plain
    operator table on every rule and score condition, for any valid answers."""
    from types import SimpleNamespace

    from questions.conditions import OPERATORS, fold

    answers = parse_answers(data.draw(answers_dicts()))

    def plain(condition) -> bool:
        return fold(condition, leaf=lambda leaf: OPERATORS[leaf.op](answers.get(leaf.q),
                                                                    leaf.value),
                    all_=all, any_=any, not_=lambda inner: not inner)

    view = SimpleNamespace(**{q: answers.get(q) for q in default_bank().ids})
    for where, condition in kb.conditions():
        assert condition.compile()(answers) is plain(condition), where
        assert condition.compile()(view) is plain(condition), where


@given(answers_dicts())
def test_a_verdict_held_below_the_drivers_names_its_blocker(kb, data):
    """Every verdict below what the drivers alone would give names what holds it back."""
    from logic.plan import fired_rules

    answers = parse_answers(data)
    rec = evaluate(answers, kb)
    top = max((verdict_rank(r.floor) for r in fired_rules(answers, kb) if r.floor), default=0)
    if verdict_rank(rec.verdict) < top:
        assert rec.blockers, rec.reasons
