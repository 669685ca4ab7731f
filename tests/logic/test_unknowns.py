""""Don't know": an answer where a person may well not know, with the band of verdicts over
what it could be and the one question to settle first."""

from __future__ import annotations

import csv
import io
import json
from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from logic.batch import evaluate_csv
from logic.engine import evaluate
from logic.recommendation import verdict_rank
from logic.team import consensus
from logic.unknowns import possible_values
from questions.answers import AnswersError
from questions.documents import parse_answers
from questions.schema import UNKNOWN, default_bank
from tests.conftest import case
from tests.logic.test_cli import run_cli
from tests.strategies import answers_dicts

OFFERED = [q.id for q in default_bank().questions() if q.dont_know is not None]


def test_dont_know_is_offered_where_a_person_may_well_not_know():
    assert set(OFFERED) >= {"monthly_tokens", "edge_traffic_pct", "latency_target_ms",
                            "uptime_target", "regulations"}
    with pytest.raises(AnswersError, match="starlink"):  # not offered: you know your sites
        parse_answers(case("edge_gdpr_only")["answers"] | {"starlink": UNKNOWN})


def test_a_bad_value_says_unknown_is_allowed():
    with pytest.raises(AnswersError) as caught:
        parse_answers(case("edge_gdpr_only")["answers"] | {"uptime_target": "dunno"})
    assert "'dunno' is not allowed" in str(caught.value) and '"unknown"' in str(caught.value)


def _brute_band(answers, kb):
    """Every combination of every possible value of each unknown: the lowest and highest
    verdict (the slow way the band must agree with)."""
    bank = default_bank()
    unknown = answers.unknowns
    ranks = []
    for combo in product(*(possible_values(bank.question(q), kb) for q in unknown)):
        ranks.append(verdict_rank(evaluate(answers.replace(**dict(zip(unknown, combo,
                                                                       strict=True))), kb).verdict))
    return min(ranks), max(ranks)


@settings(max_examples=60, deadline=None)
@given(answers_dicts(), st.lists(st.sampled_from(OFFERED), max_size=3, unique=True))
def test_the_band_spans_every_possible_answer_and_holds_the_verdict(kb, data, unknown):
    visible = [q for q in unknown if default_bank().question(q).is_visible(data)]
    answers = parse_answers({**data, **dict.fromkeys(visible, UNKNOWN)})
    rec = evaluate(answers, kb)
    if not visible:
        assert rec.band is None and rec.settle_first is None
        return
    assert rec.band is not None
    low, high = verdict_rank(rec.band.low), verdict_rank(rec.band.high)
    assert low <= verdict_rank(rec.verdict) <= high
    assert (low, high) == _brute_band(answers, kb)
    if rec.settle_first is not None:
        assert rec.settle_first in visible and low < high


def test_the_verdict_takes_the_most_likely_answers_and_names_what_to_settle(kb):
    given = case("edge_gdpr_only")["answers"]
    answers = parse_answers(given | {"regulations": UNKNOWN})
    rec = evaluate(answers, kb)
    assert rec.verdict == evaluate(parse_answers(given | {"regulations": []}), kb).verdict
    assert (rec.band.low, rec.band.high) == ("monitor", "evaluate")
    assert rec.settle_first == "regulations"
    both = evaluate(parse_answers(given | {"regulations": UNKNOWN,
                                           "edge_traffic_pct": UNKNOWN}), kb)
    assert (both.band.low, both.band.high) == ("no_action", "evaluate")
    assert both.settle_first == "edge_traffic_pct"  # 0% rules the deal out: it matters most


def test_a_band_of_one_verdict_names_nothing_to_settle(kb):
    given = case("retailer_nothing_relevant")["answers"]
    rec = evaluate(parse_answers(given | {"monthly_tokens": UNKNOWN}), kb)
    assert rec.band.low == rec.band.high == rec.verdict and rec.settle_first is None


def test_json_result_carries_band_and_settle_first(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(case("edge_gdpr_only")["answers"] | {"regulations": UNKNOWN}))
    out = json.loads(run_cli("evaluate", str(path)).stdout)
    assert out["band"] == {"low": "monitor", "high": "evaluate"}
    assert out["settle_first"] == "regulations"
    path.write_text(json.dumps(case("edge_gdpr_only")["answers"]))
    out = json.loads(run_cli("evaluate", str(path)).stdout)
    assert out["band"] is None and out["settle_first"] is None


def test_csv_reads_unknown_cells_and_adds_the_band_columns(kb):
    answers = case("edge_gdpr_only")["answers"]
    columns = list(answers)
    rows = [answers | {"regulations": "unknown", "edge_traffic_pct": "unknown"}, answers]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ";".join(v) if isinstance(v, list) else
                         str(v).lower() if isinstance(v, bool) else v for k, v in row.items()})
    text, results = evaluate_csv(out.getvalue(), kb)
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert [r["error"] for r in parsed] == ["", ""]
    assert (parsed[0]["band_low"], parsed[0]["band_high"], parsed[0]["settle_first"]) == (
        "no_action", "evaluate", "edge_traffic_pct")
    assert parsed[1]["band_low"] == parsed[1]["band_high"] == parsed[1]["settle_first"] == ""


def test_a_team_answer_is_unknown_only_when_nobody_knows():
    base = case("edge_gdpr_only")["answers"]
    people = [parse_answers(base | {"monthly_tokens": UNKNOWN, "regulations": UNKNOWN}),
              parse_answers(base | {"monthly_tokens": "1b_to_50b", "regulations": UNKNOWN})]
    team = consensus(people)
    assert team.monthly_tokens == "1b_to_50b" and team.regulations == UNKNOWN
