"""The knowledge in other languages: every version's words translated with the same
placeholders, the same verdicts in every language, the quotes kept in their source's words with
the translation beside them, and the JSON contract unchanged by the reader's language."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml
from hypothesis import given, settings

from logic.assessment import assess
from logic.knowledge_base import (
    DATA_DIR,
    available_versions,
    load_file,
    load_knowledge,
    translation_problems,
)
from questions.documents import parse_answers
from questions.translations import TRANSLATED
from tests.conftest import ROOT
from tests.strategies import answers_dicts

EXAMPLE = json.loads((ROOT / "examples" / "answers.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", TRANSLATED)
@pytest.mark.parametrize("version", available_versions())
def test_every_text_of_every_version_is_translated_with_the_same_placeholders(version, language):
    assert translation_problems(version, language) == []


def test_a_missing_or_stale_translation_is_named_by_its_place(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "translations" / "de" / "2026-11-article.yaml"
    words = yaml.safe_load(path.read_text(encoding="utf-8"))
    del words["rules"]["R1"]["reason"]
    words["rules"]["R3"]["reason"] = words["rules"]["R3"]["reason"].replace(
        "{latency_target_ms}", "{latency}")
    words["rules"]["R999"] = {"title": "Gibt es nicht"}
    path.write_text(yaml.safe_dump(words, allow_unicode=True), encoding="utf-8")
    problems = translation_problems("2026-11-article", "de", data)
    assert "de/2026-11-article: rules.R1.reason: no translation" in problems
    assert any(p.startswith("de/2026-11-article: rules.R3.reason: placeholders") for p in problems)
    assert ("de/2026-11-article: rules.R999.title: translated, but the version has no such text"
            in problems)


def test_an_unknown_reason_in_another_language_must_say_dont_know_in_it(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "translations" / "fr" / "2026-11-article.yaml"
    words = yaml.safe_load(path.read_text(encoding="utf-8"))
    words["rules"]["R5"]["unknown_reason"] = "Vous avez des sites, {starlink}."
    path.write_text(yaml.safe_dump(words, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match="R5.unknown_reason: says the answer was “Je ne sais pas”"):
        load_file(data / "2026-11-article.yaml", language="fr")


@pytest.mark.parametrize("language", TRANSLATED)
def test_quotes_keep_their_sources_words_with_the_translation_beside(language):
    english, other = load_knowledge(), load_knowledge(language=language)
    for a, b in zip(english.facts, other.facts, strict=True):
        assert (a.id, a.quote) == (b.id, b.quote)
        assert b.quote_translation and b.quote_translation != b.quote
        assert b.summary != a.summary or a.summary.isupper()
    assert other.verdicts["evaluate"].label != "Evaluate"


def test_a_sources_own_notes_are_translated_and_its_published_words_kept(tmp_path):
    """A source's title and publisher stay as published but for our notes in them ("Reported
    by", "(news report)"), which a translation's `names` table words; a name there that no
    source of the version has is named."""
    german = load_knowledge(language="de").facts[0].source
    english = load_knowledge().facts[0].source
    assert (english.publisher, german.publisher) == ("Reported by Decrypt", "gemeldet von Decrypt")
    assert german.title.startswith("SpaceX will provide hosting services for Anthropic's Claude")
    assert german.title.endswith("(Nachrichtenbericht)")
    assert german.address == english.address and german.shipped == english.shipped
    later = {f.id: f.source for f in load_knowledge("2026-12-record", "fr").facts if f.source}
    assert any(s.publisher == "Korea JoongAng Daily (d'après Reuters)" for s in later.values())
    assert any(s.publisher == "FoxVector" for s in later.values()), "a bare name stays as it is"

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "translations" / "de" / "2026-11-article.yaml"
    words = yaml.safe_load(path.read_text(encoding="utf-8"))
    words["names"]["Reported by Reuters"] = "gemeldet von Reuters"
    path.write_text(yaml.safe_dump(words, allow_unicode=True), encoding="utf-8")
    assert translation_problems("2026-11-article", "de", data) == [
        "de/2026-11-article: names.Reported by Reuters: no source of this version's facts has "
        "this title or publisher"]


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_later_version_speaks_its_own_translation_not_its_bases(language):
    base, later = (load_knowledge("2026-11-article", language),
                   load_knowledge("2026-12-record", language))
    r3 = {r.id: r for r in base.rules}["R3"], {r.id: r for r in later.rules}["R3"]
    assert r3[0].reason != r3[1].reason and "Memphis" in r3[1].reason
    r1 = {r.id: r for r in base.rules}["R1"], {r.id: r for r in later.rules}["R1"]
    assert r1[0].reason == r1[1].reason  # not overridden: the base's words


@settings(max_examples=40, deadline=None)
@given(answers_dicts())
def test_the_verdict_is_the_same_in_every_language(data):
    answers = parse_answers(data)
    english = assess(answers, load_knowledge())
    for language in TRANSLATED:
        other = assess(answers, load_knowledge(), language=language)
        rec, words = english.recommendation, other.recommendation
        assert (words.verdict, words.drivers, words.blockers, words.caveats, words.scores,
                words.band) == (rec.verdict, rec.drivers, rec.blockers, rec.caveats,
                                rec.scores, rec.band)
        assert [r.rule for r in words.reasons] == [r.rule for r in rec.reasons]
        assert all("{" not in r.text for r in words.reasons)
        assert other.contract() == english.contract()


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_result_reads_in_the_language_and_the_contract_does_not(language):
    answers = parse_answers(EXAMPLE)
    english = assess(answers, load_knowledge())
    other = assess(answers, load_knowledge(), language=language)
    assert other.verdict_sentence != english.verdict_sentence
    assert other.explained.verdict.label != english.explained.verdict.label
    assert other.explained.reasons[0].group_title != "What decided it"
    assert other.readings.lines() != english.readings.lines()
    assert other.what_if.robustness[1] != english.what_if.robustness[1]
    assert other.contract().model_dump() == english.contract().model_dump()
    assert other.in_language("en") is english
