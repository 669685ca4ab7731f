"""Consensus and disagreement on hand-made teams."""

from __future__ import annotations

import pytest

from logic.engine import evaluate
from logic.team import analyse, consensus, consensus_value
from logic.team_words import team_words
from questions.documents import parse_answers
from questions.schema import default_bank
from tests.conftest import case

BASE = case("starlink_startup")["answers"]  # evaluate on its own


def _people(*changes: dict) -> list:
    return [parse_answers({**BASE, **change}) for change in changes]


def test_team_of_one_is_its_own_consensus(kb):
    team = analyse(_people({}), kb)
    assert team.consensus_recommendation.verdict == team.recommendations[0].verdict == "evaluate"
    assert team.disagreements == () and not team.split
    words = team_words(team, [("Ana", "CTO")], default_bank(), kb)
    assert words.split == "The one respondent reaches Evaluate."
    assert words.holding == () and words.others == ()


def test_majority_wins(kb):
    team = _people({"uptime_target": "none"}, {"uptime_target": "none"}, {"uptime_target": "99.99"})
    assert consensus(team).uptime_target == "none"


@pytest.mark.parametrize("question, values, expected", [
    ("contractual_sla", [True, False], True),
    ("uptime_target", ["99.5", "99.99"], "99.99"),
    ("unproven_provider_tolerance", ["yes", "no"], "no"),
    ("decision_horizon", ["over_18_months", "within_6_months"], "within_6_months"),
    ("regulations", [["gdpr"], ["gdpr", "hipaa"]], ["gdpr", "hipaa"]),
    ("edge_sites", ["many", "none"], "none"),
])
def test_a_tie_goes_to_the_stricter_requirement(kb, question, values, expected):
    asked = default_bank().question(question)
    assert consensus_value(asked, values) == expected
    assert consensus_value(asked, values[::-1]) == expected, "order does not matter"


def test_numbers_take_the_median_or_stay_empty(kb):
    assert consensus_value(default_bank().question("latency_target_ms"), [100, 300, 1000]) == 300
    assert consensus_value(default_bank().question("latency_target_ms"), [None, None, 200]) is None
    assert consensus_value(default_bank().question("edge_traffic_pct"), [10, 20, 30, 40]) == 20


def test_disagreement_that_flips_a_verdict_ranks_first(kb):
    team = analyse(_people(
        {"contractual_sla": False, "industry": "media"},
        {"contractual_sla": False, "industry": "retail"},
        {"contractual_sla": True, "industry": "media"},
    ), kb)
    assert [r.verdict for r in team.recommendations] == ["evaluate", "evaluate", "monitor"]
    first = team.disagreements[0]
    assert first.question == "contractual_sla" and first.consensus is False
    assert first.verdict_changes == 1 and first.changed == (2,)
    industry = next(d for d in team.disagreements if d.question == "industry")
    assert industry.verdict_changes == 0 and industry.counts == {"media": 2, "retail": 1}
    assert team.consensus_recommendation.verdict == "evaluate"
    words = team_words(team, [("Ana", "CTO"), ("Ben", ""), ("Chloé", "SRE lead")],
                       default_bank(), kb)
    assert words.split == ("The team is split: 2 respondents reach Evaluate and 1 respondent "
                           "reaches Monitor."), "labels, never ids; counted in words"
    held = words.holding[0]
    assert held.question == "Do you need a contractual SLA with service credits?"
    assert held.team_answer == "No"
    assert held.lines == ("Chloé (SRE lead) answered “Yes”: with that answer alone, the team "
                          "verdict would be Monitor instead of Evaluate; on the team's answer, "
                          "their own verdict would be Evaluate.",), "who, what, and what moves"
    assert ("Industry", "Media ×2 · Retail ×1", "Media") in [
        (q, g, t) for q, g, t in words.others], "a disagreement that moves no verdict"


def test_tied_team_recommendation_follows_the_stricter_side(kb):
    team = analyse(_people({"contractual_sla": False}, {"contractual_sla": True}), kb)
    assert team.consensus_answers.contractual_sla is True
    assert team.consensus_recommendation.verdict == "monitor"
    assert "sla_unverified" in team.consensus_recommendation.blockers


def test_every_promised_verdict_change_is_real(kb):
    people = _people({"contractual_sla": True}, {"uptime_target": "99.99"}, {},
                     {"hosting_role_sought": "none", "concentration_concern": "low"})
    team = analyse(people, kb)
    assert team.disagreements
    for d in team.disagreements:
        for i, (person, rec) in enumerate(zip(people, team.recommendations, strict=True)):
            moved = evaluate(person.model_copy(update={d.question: d.consensus}), kb)
            assert (moved.verdict != rec.verdict) == (i in d.changed)


def test_empty_team_is_refused(kb):
    with pytest.raises(ValueError, match="at least one"):
        analyse([], kb)


def test_answers_that_each_hold_a_respondent_apart_are_named(kb):
    """Regression: with two blockers each, aligning any one answer moves no verdict, so the
    ranking said nothing; the answers that alone keep someone from the team verdict are named."""
    team = analyse(_people(
        {}, {},
        {"contractual_sla": True, "support_24x7": True},
    ), kb)
    assert team.consensus_recommendation.verdict == "evaluate"
    assert team.recommendations[2].verdict == "monitor"
    ranked = {d.question: d for d in team.disagreements}
    assert ranked["contractual_sla"].verdict_changes == 0
    assert ranked["contractual_sla"].holds_apart == ranked["support_24x7"].holds_apart == (2,)
    assert {d.question for d in team.disagreements[:2]} == {"support_24x7", "contractual_sla"}


def test_every_respondent_said_to_hold_apart_really_does(kb):
    people = _people({"contractual_sla": True}, {"uptime_target": "99.99"}, {}, {},
                     {"industry": "media"}, {"regulations": ["gdpr"], "data_residency": True})
    team = analyse(people, kb)
    for d in team.disagreements:
        for i, person in enumerate(people):
            if getattr(person, d.question) == d.consensus:
                assert i not in d.holds_apart
                continue
            alone = evaluate(team.consensus_answers.model_copy(
                update={d.question: getattr(person, d.question)}), kb)
            assert (alone.verdict != team.consensus_recommendation.verdict) == (i in d.holds_apart)


def test_facts_about_the_organisation_take_the_strictest_answer_anyone_gave(kb, bank):
    """One colleague who knows a regulation applies is enough: not the majority's answer."""
    from logic.team import consensus

    base = case("starlink_startup")["answers"]
    answers = [parse_answers({**base, **change}) for change in (
        {"regulations": [], "data_residency": False},
        {"regulations": ["hipaa"], "data_residency": False},
        {"regulations": ["gdpr"], "data_residency": True, "attestations_required": False},
    )]
    team = consensus(answers, bank)
    assert list(team.regulations) == ["gdpr", "hipaa"]
    assert team.data_residency is True
    assert "compliance_unverified" in analyse(answers, kb, bank).consensus_recommendation.blockers
