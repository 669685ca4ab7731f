"""The knowledge base: grounded in the article, complete, and strict about bad files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from logic.knowledge_base import DATA_DIR, KnowledgeError, load_file, load_knowledge
from logic.recommendation import VERDICTS
from questions.schema import default_bank
from tests.conftest import shared_or_skip

SOURCE = DATA_DIR / "2026-11-article.yaml"


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_quote_is_verbatim_from_the_article(kb):
    article = _normalise(shared_or_skip("source", "article.txt").read_text(encoding="utf-8"))
    for fact in kb.facts:
        assert _normalise(fact.quote) in article, fact.id


def test_facts_are_f1_to_f12(kb):
    assert [f.id for f in kb.facts] == [f"F{i}" for i in range(1, 13)]


def test_baseline_is_the_last_rule_and_cites_f8(kb):
    baseline = kb.rules[-1]
    assert baseline.default and "F8" in baseline.facts


def test_every_question_is_used_by_a_rule_or_score_or_marked_information_only(kb):
    used = {q for rule in kb.rules for q in rule.questions()}
    used |= {q for spec in kb.scores.values() for term in spec.terms for q in _leaves(term.when)}
    assert set(default_bank().ids) - used == set(kb.information_only)


def _leaves(condition) -> set[str]:
    from questions.conditions import questions_used

    return questions_used(condition)


def test_every_verdict_driver_and_blocker_has_display_text_and_a_rule(kb):
    assert set(kb.verdicts) == set(VERDICTS)
    for driver in kb.drivers:
        assert kb.drivers[driver].label and any(driver in r.drivers for r in kb.rules)
    for blocker, label in kb.blockers.items():
        assert label.label and any(
            blocker in r.blockers or blocker in r.caveats for r in kb.rules)


def test_open_question_for_every_blocker(kb):
    asked = {b for q in kb.open_questions for b in q.when_blockers}
    assert set(kb.blockers) - {"not_a_primary_replacement"} - kb.own_position <= asked
    assert asked <= set(kb.blockers)
    assert kb.own_position == {"conservative_appetite", "claude_not_adopted", "host_not_chosen"}


def _broken(tmp_path: Path, edit) -> Path:
    data = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


BROKEN = {
    "unknown fact": (lambda d: d["rules"][0].update(facts=["F99"]), "unknown fact"),
    "rule citing nothing": (lambda d: d["rules"][0].update(facts=[]), "rules.0.facts"),
    "duplicate rule id": (lambda d: d["rules"][1].update(id="R1"), "duplicate rule"),
    "unknown question": (lambda d: d["rules"][0]["when"]["all"][0].update(q="edge"),
                         "not a question id"),
    "unknown value": (lambda d: d["rules"][0]["when"]["all"][0].update({"in": ["lots"]}),
                      "not among the values"),
    "bad placeholder": (lambda d: d["rules"][0].update(reason="{nope}"), "placeholder"),
    "one-value test on a list": (
        lambda d: d["rules"][0].update(when={"q": "regulations", "in": ["gdpr"]}),
        "`regulations` is a list: use `has_any`"),
    "no baseline": (lambda d: d["rules"].pop(), "baseline"),
    "unknown driver": (lambda d: d["rules"][0].update(drivers=["speed"]), "rules.0.drivers"),
    "blocker without label": (lambda d: d["blockers"].pop("sla_unverified"), "sla_unverified"),
}


@pytest.mark.parametrize("edit, words", BROKEN.values(), ids=BROKEN.keys())
def test_broken_knowledge_file_fails_with_a_clear_message(tmp_path, edit, words):
    with pytest.raises(KnowledgeError) as caught:
        load_file(_broken(tmp_path, edit))
    assert "broken.yaml" in str(caught.value) and words in str(caught.value)


def test_invalid_yaml_names_the_file(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("rules: [unclosed", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="bad.yaml: not valid YAML"):
        load_file(path)


def test_a_cap_that_names_no_blocker_is_refused_at_load_and_by_the_check(tmp_path):
    from logic.check import check_rules

    def strip(data):
        rule = next(r for r in data["rules"] if r["id"] == "R21")
        rule.pop("blockers")

    with pytest.raises(KnowledgeError, match="a cap names the blocker that holds it"):
        load_file(_broken(tmp_path, strip))
    kb = load_knowledge()  # the check catches it too, should a table get past the loader
    rules = [r.model_copy(update={"blockers": []}) if r.id == "R21" else r for r in kb.rules]
    report = check_rules(kb.model_copy(update={"rules": rules}), samples=3000, per_rule=100)
    assert not report.ok and report.capped_silently == ["R21"]
    assert "CAPPED WITHOUT A BLOCKER: R21" in "\n".join(report.lines())


def _rule(data, rule_id):
    return next(r for r in data["rules"] if r["id"] == rule_id)


def test_the_rules_check_fails_on_reasons_that_contradict_each_other(tmp_path):
    from logic.check import check_rules

    def deny(data):  # a specialised seeker without edge sites "has no diversification need"
        _rule(data, "R9")["denies"].append("diversification")

    report = check_rules(load_file(_broken(tmp_path, deny)), samples=3000, per_rule=100)
    assert not report.ok
    assert "R7 adds diversification, R9 says it does not apply" in report.denied


def test_the_rules_check_fails_on_a_reason_that_claims_more_than_the_verdict(tmp_path):
    from logic.check import check_rules

    def boast(data):  # the backup rule, a Monitor floor, promising a pilot
        _rule(data, "R6")["reason"] += " Plan a pilot."

    report = check_rules(load_file(_broken(tmp_path, boast)), samples=3000, per_rule=100)
    assert not report.ok
    assert any(c.startswith("R6 says 'pilot' on a monitor result") for c in report.over_claims)
    assert "REASON CLAIMS MORE THAN THE VERDICT" in "\n".join(report.lines())


def test_the_rules_check_fails_on_two_reasons_saying_the_same_thing(tmp_path):
    from logic.check import check_rules

    def overlap(data):  # the contractual-SLA rule no longer leaves 24x7 to its own rule
        _rule(data, "R12")["when"] = {"q": "contractual_sla", "eq": True}

    report = check_rules(load_file(_broken(tmp_path, overlap)), samples=3000, per_rule=100)
    assert not report.ok
    assert any(r.startswith("R12 and R35 say the same thing") for r in report.repeats)
    assert not any("R28" in r for r in report.repeats), "other answers, other reasons"
