"""Knowledge updates as data: extending versions, comparing, and the rules check."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from logic.check import check_rules
from logic.compare import compare
from logic.knowledge_base import (
    DATA_DIR,
    DEFAULT_VERSION,
    KnowledgeError,
    available_versions,
    load_file,
    load_knowledge,
)
from questions.documents import parse_answers
from tests.conftest import ROOT, SHIPPED_CHECK, case, shipped_check

HYPOTHETICAL = "2027-01-hypothetical-sla"


def test_hypothetical_version_ships_but_is_not_the_default():
    assert HYPOTHETICAL in available_versions() and DEFAULT_VERSION != HYPOTHETICAL
    kb = load_knowledge(HYPOTHETICAL)
    assert kb.status == "hypothetical" and "HYPOTHETICAL" in kb.source
    assert kb.fact_by_id["F90"].quote.startswith("HYPOTHETICAL")
    assert "R12" not in {r.id for r in kb.rules} and kb.rules[-1].default


def test_saved_answers_compared_under_the_new_version(kb):
    answers = parse_answers({**case("starlink_startup")["answers"],
                             "contractual_sla": True})
    result = compare(answers, kb, load_knowledge(HYPOTHETICAL))
    assert (result.old.verdict, result.new.verdict) == ("monitor", "evaluate")
    assert result.verdict_changed and result.blockers_removed == ("sla_unverified",)
    assert any(r.startswith("R90") for r in result.rules_added)


def test_cli_evaluates_against_a_chosen_version(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(__import__("json").dumps({**case("starlink_startup")["answers"],
                                              "contractual_sla": True}))
    verdicts = []
    for version in (DEFAULT_VERSION, HYPOTHETICAL):
        done = subprocess.run([sys.executable, "-m", "logic", "evaluate", str(path),
                               "--knowledge", version], cwd=ROOT, capture_output=True, text=True)
        verdicts.append(__import__("json").loads(done.stdout)["verdict"])
    assert verdicts == ["monitor", "evaluate"]


def _write(tmp_path, data) -> object:
    base = tmp_path / f"{DEFAULT_VERSION}.yaml"
    base.write_text((DATA_DIR / f"{DEFAULT_VERSION}.yaml").read_text())
    path = tmp_path / "update.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


@pytest.mark.parametrize("data, words", [
    ({"extends": "1999-01", "version": "x"}, "extends unknown version"),
    ({"extends": DEFAULT_VERSION, "version": "x", "remove_rules": ["R99"]}, "unknown rules"),
    ({"extends": DEFAULT_VERSION, "version": "x",
      "rules": [{"id": "R30", "title": "t", "when": {"q": "industry", "eq": "media"},
                 "reason": "r", "facts": ["F99"]}]}, "unknown fact"),
    ({"extends": DEFAULT_VERSION, "version": "x",
      "rules": [{"id": "R30", "title": "t", "when": {"q": "industry", "eq": "media"},
                 "reason": "r", "facts": []}]}, "facts"),
])
def test_bad_update_files_fail_clearly(tmp_path, data, words):
    with pytest.raises(KnowledgeError, match=words):
        load_file(_write(tmp_path, data))


@SHIPPED_CHECK
def test_shipped_rules_pass_the_check(kb):
    report = shipped_check(kb.version)
    assert report.ok, report.lines()
    assert report.without_reason == 0 and report.samples > 4000


def test_check_finds_a_rule_that_never_fires_and_a_dead_floor(tmp_path):
    data = {"extends": DEFAULT_VERSION, "version": "broken", "rules": [
        {"id": "R80", "title": "Impossible", "floor": "monitor", "reason": "never",
         "drivers": ["edge_latency"],
         "facts": ["F4"], "when": {"all": [{"q": "edge_traffic_pct", "gte": 50},
                                          {"q": "edge_traffic_pct", "lte": 10}]}},
        {"id": "R81", "title": "Always capped", "floor": "evaluate", "reason": "capped",
         "drivers": ["diversification"],
         "facts": ["F7"], "when": {"q": "contractual_sla", "eq": True}},
    ]}
    report = check_rules(load_file(_write(tmp_path, data)), samples=2000, per_rule=100)
    assert not report.ok
    assert "R80" in report.never_fire and "R81" in report.dead_floors
    assert "FAILED" in report.lines()[-1]


def test_check_rules_command_passes():
    done = subprocess.run([sys.executable, "-m", "logic", "check-rules", "--samples", "3000",
                           "--knowledge", DEFAULT_VERSION],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().endswith("OK")
