"""The public-record version: every fact sourced and graded, rules only on what is strong enough,
every version checked, and what the later record changes shown beside the article's verdict."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from logic.compare import compare, later_version
from logic.engine import evaluate
from logic.knowledge_base import (
    DATA_DIR,
    DEFAULT_VERSION,
    KnowledgeError,
    available_versions,
    load_file,
    load_knowledge,
)
from logic.wording import later_record_text
from questions.documents import parse_answers
from tests.conftest import SHIPPED_CHECK, case, shared_or_skip, shipped_check

RECORD = "2026-12-public-record"  # kept as it was, so work saved under it still opens
NEWEST = "2026-12-record"  # the record re-checked on 2 December 2026


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_the_article_stays_the_default_and_the_record_is_the_later_version():
    assert DEFAULT_VERSION == "2026-11-article"
    assert later_version() == NEWEST  # hypothetical versions are never "later reports"
    assert later_version(RECORD) == NEWEST  # work saved under the earlier record sees the newest
    assert later_version(NEWEST) is None


def test_every_fact_of_the_record_has_a_source_and_a_strength():
    kb = load_knowledge(RECORD)
    for fact in kb.facts:
        assert fact.source is not None and fact.strength in ("primary", "secondary", "weak"), \
            fact.id
        assert fact.source.address or fact.source.shipped == "article", fact.id
    assert {f.id for f in kb.facts} > {f.id for f in load_knowledge().facts}


def test_shipped_quotes_are_verbatim_in_every_version():
    article = _normalise(shared_or_skip("source", "article.txt").read_text(encoding="utf-8"))
    for version in available_versions():
        for fact in load_knowledge(version).facts:
            if fact.source is not None and fact.source.shipped == "article":
                assert _normalise(fact.quote) in article, (version, fact.id)


def test_no_rule_rests_on_a_weak_fact_and_weak_facts_are_context():
    kb = load_knowledge(RECORD)
    weak = {f.id for f in kb.facts if f.strength == "weak"}
    assert weak, "the record version keeps weak facts as context"
    assert not weak & {f for r in kb.rules for f in r.facts}


def _record_with(tmp_path: Path, edit) -> Path:
    data = yaml.safe_load((DATA_DIR / f"{RECORD}.yaml").read_text(encoding="utf-8"))
    edit(data)
    for name in ("2026-11-article",):  # the base it extends, beside it
        (tmp_path / f"{name}.yaml").write_text((DATA_DIR / f"{name}.yaml").read_text())
    path = tmp_path / f"{RECORD}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("edit, words", [
    (lambda d: d["rules"][-1].__setitem__("facts", ["W1"]), "rests on weak fact(s) ['W1']"),
    (lambda d: d["facts"][0]["source"].__setitem__("address", "http://example.com"),
     "String should match pattern"),
    (lambda d: d["facts"][0]["source"].__setitem__("address", "https://not a url"),
     "String should match pattern"),
    (lambda d: d["facts"][0]["source"].pop("address"), "a source needs an address"),
])
def test_a_badly_sourced_fact_is_refused(tmp_path, edit, words):
    with pytest.raises(KnowledgeError) as caught:
        load_file(_record_with(tmp_path, edit))
    assert words in str(caught.value)


@SHIPPED_CHECK
@pytest.mark.parametrize("version", available_versions())
def test_check_rules_passes_for_every_version(version):
    report = shipped_check(version)
    assert report.ok, "\n".join(report.lines())


def test_every_rule_the_record_changes_says_what_the_record_adds():
    article, record = load_knowledge(), load_knowledge(RECORD)
    before = {r.id: r for r in article.rules}
    changed = [r for r in record.rules if before.get(r.id) != r]
    assert changed
    for rule in changed:
        assert "public record" in rule.reason or "since the report" in rule.reason, rule.id


@pytest.mark.parametrize("name", ["agri_field_ops", "city_insurer", "freight_backup_seeker",
                                  "offshore_strict_sla"])
def test_shared_examples_show_both_verdicts_and_what_differs(name):
    answers = parse_answers(json.loads(shared_or_skip("examples", f"{name}.json").read_text()))
    article, record = load_knowledge(), load_knowledge(RECORD)
    result = compare(answers, article, record)
    headline, changes, sources = later_record_text(result, article, record)
    assert result.old.verdict == evaluate(answers, article).verdict
    assert result.new.verdict == evaluate(answers, record).verdict
    if result.anything_changed:
        assert changes and RECORD in headline
        assert all("source" in s for s in sources)
    else:
        assert "change nothing here" in headline


def test_the_record_moves_a_starlink_edge_evaluate_to_monitor_with_its_sources():
    answers = parse_answers(case("edge_share_five_percent")["answers"])
    article, record = load_knowledge(), load_knowledge(RECORD)
    result = compare(answers, article, record)
    assert (result.old.verdict, result.new.verdict) == ("evaluate", "monitor")
    headline, changes, sources = later_record_text(result, article, record)
    assert "would be **Monitor** instead of **Evaluate**" in headline
    assert any(c.startswith("Still open, added: No customer offering") for c in changes)
    assert any(s.startswith("P4:") and "https://" in s for s in sources)
