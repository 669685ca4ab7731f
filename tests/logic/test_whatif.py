"""'What would change this?': every suggestion is honest, and no single flip is missed."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from logic.answers import parse_answers
from logic.engine import evaluate
from logic.recommendation import verdict_rank
from logic.whatif import candidate_changes, what_if
from tests.conftest import case, shared_or_skip
from tests.strategies import answers_dicts


def _apply(answers, changes):
    return parse_answers({**answers.model_dump(), **dict(changes)})


@settings(max_examples=60, deadline=None)
@given(answers_dicts())
def test_every_suggested_change_gives_the_promised_verdict(kb, data):
    answers = parse_answers(data)
    result = what_if(answers, kb)
    assert result.verdict == evaluate(answers, kb).verdict
    for flip in (*result.up, *result.down):
        assert evaluate(_apply(answers, flip.changes), kb).verdict == flip.verdict
    for flip in result.up:
        assert verdict_rank(flip.verdict) > verdict_rank(result.verdict)
    for flip in result.down:
        assert verdict_rank(flip.verdict) < verdict_rank(result.verdict)


@settings(max_examples=80, deadline=None)
@given(answers_dicts(), answers_dicts(), st.data())
def test_no_single_answer_flip_is_missed(kb, data, other, draw):
    """Any one answer replaced by any valid value: if that moves the verdict, the panel has
    a single change moving it the same way."""
    answers = parse_answers(data)
    question = draw.draw(st.sampled_from([q for q in data if q not in kb.information_only]))
    changed = parse_answers({**data, question: other[question]})
    before, after = evaluate(answers, kb).verdict, evaluate(changed, kb).verdict
    result = what_if(answers, kb)
    if verdict_rank(after) > verdict_rank(before):
        assert result.up and len(result.up[0].changes) == 1
    if verdict_rank(after) < verdict_rank(before):
        assert result.down and len(result.down[0].changes) == 1
    if after != before:
        assert not result.robust


def test_pairs_when_no_single_change_moves_it(kb):
    answers = parse_answers(case("hospital_backup_hipaa")["answers"])
    result = what_if(answers, kb)
    assert result.verdict == "monitor" and result.robust
    assert result.up and all(len(f.changes) == 2 for f in result.up)
    assert result.down and all(len(f.changes) == 2 for f in result.down)
    assert {q for q, _ in result.up[0].changes} == {"regulations", "attestations_required"}


def test_publication_of_undisclosed_facts(kb):
    answers = parse_answers({**case("startup_backup_tolerant")["answers"],
                             "contractual_sla": True})
    result = what_if(answers, kb)
    assert result.verdict == "monitor"
    sla = next(d for d in result.disclosures if "sla_unverified" in d.settles)
    assert sla.verdict == "evaluate" and "F7" in sla.facts


def test_shared_example_is_fast_enough_to_show_on_every_result(kb):
    answers = parse_answers(
        __import__("json").loads(shared_or_skip("examples", "offshore_strict_sla.json")
                                 .read_text()))
    what_if(answers, kb)
    start = time.perf_counter()
    what_if(answers, kb)
    assert time.perf_counter() - start < 5, "sanity bound only; bench/engine.py measures"


def test_candidates_include_thresholds_either_side(kb):
    answers = parse_answers(case("mine_starlink_planned")["answers"])
    values = {v for q, v in candidate_changes(answers, kb) if q == "edge_traffic_pct"}
    assert {9, 10} <= values
